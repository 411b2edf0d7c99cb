import type { ReactNode } from 'react';
import { LanguageToggle } from '../components/LanguageToggle';
import { LargeTextToggle } from './largeText';
import { Progress } from './Progress';

export interface FlowTopProps {
  /** The question count, on question screens. */
  progress?: { current: number; total: number };
  /** On the tightest screens (comment, contact) the heading shares this row to leave room below. */
  children?: ReactNode;
}

/** The top of every survey screen: the question count or the heading, and the display toggles. */
export function FlowTop({ progress, children }: FlowTopProps) {
  return (
    <header className="flow-top">
      {progress ? <Progress current={progress.current} total={progress.total} /> : (children ?? <span />)}
      <div className="flow-toggles">
        <LargeTextToggle />
        <LanguageToggle className="flow-language" />
      </div>
    </header>
  );
}
