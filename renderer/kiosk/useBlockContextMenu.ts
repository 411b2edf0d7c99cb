import { useEffect } from 'react';

/**
 * A long press on a touchscreen opens the browser's context menu (copy, inspect,
 * print…), which a citizen cannot close; the kiosk route swallows it.
 */
export function useBlockContextMenu(): void {
  useEffect(() => {
    const block = (event: Event) => event.preventDefault();
    document.addEventListener('contextmenu', block);
    return () => document.removeEventListener('contextmenu', block);
  }, []);
}
