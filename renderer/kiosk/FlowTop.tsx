import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../components/LanguageToggle';
import { LargeTextToggle } from './largeText';
import { Progress } from './Progress';

export interface FlowTopProps {
  /** The question count, on question screens. */
  progress?: { current: number; total: number };
  /** On the follow-ups after the ratings: "Góp ý thêm — không bắt buộc" instead of a count that would not be true. */
  optional?: boolean;
  /** On the tightest screens (comment, contact) the heading shares this row to leave room below. */
  children?: ReactNode;
}

/** The top of every survey screen: the question count or the heading, and the display toggles. */
export function FlowTop({ progress, optional = false, children }: FlowTopProps) {
  const { t } = useTranslation();
  const title = progress ? <Progress current={progress.current} total={progress.total} /> : (children ?? null);
  return (
    <header className="flow-top">
      {optional ? (
        <div className="flow-title">
          <p className="optional-step">{t('kiosk.optionalStep')}</p>
          {title}
        </div>
      ) : (
        (title ?? <span />)
      )}
      <div className="flow-toggles">
        <LargeTextToggle />
        <LanguageToggle className="flow-language" />
      </div>
    </header>
  );
}
