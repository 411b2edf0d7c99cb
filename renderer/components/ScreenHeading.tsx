import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The one <h1> of a screen. It takes focus when it appears, so a screen reader
 * announces the new screen and Tab starts from the top of it.
 */
export function ScreenHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className ? `screen-heading ${className}` : 'screen-heading'}>
      {children}
    </h1>
  );
}
