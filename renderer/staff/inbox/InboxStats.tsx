import { useTranslation } from 'react-i18next';
import { useStaff } from '../StaffContext';
import type { FeedbackStats } from './types';

/** The plan's target is every item handled: the share so far and the item waiting longest. */
export function InboxStats({
  stats,
  busy,
  onJump,
}: {
  stats: FeedbackStats;
  busy: boolean;
  onJump: (responseId: string) => void;
}) {
  const { t } = useTranslation();
  const { format } = useStaff();
  const oldest = stats.oldestUnhandled;
  return (
    <section className="inbox-stats" aria-label={t('staff.inbox.statsLabel')}>
      <p className="inbox-handled">
        {t('staff.inbox.handled', {
          percent: format.percent(stats.handledPercent),
          handled: format.count(stats.handled),
          total: format.count(stats.total),
        })}
      </p>
      {stats.handledPercent !== null && (
        <meter
          min={0}
          max={100}
          low={99.99}
          optimum={100}
          value={stats.handledPercent}
          aria-label={t('staff.inbox.handledMeter')}
        />
      )}
      <p className="view-note">{t('staff.inbox.target')}</p>
      <p className="inbox-on-time">
        {t('office.inbox.onTime', {
          percent: format.percent(stats.onTime.percent),
          onTime: format.count(stats.onTime.onTime),
          due: format.count(stats.onTime.due),
          open: format.count(stats.onTime.open),
        })}
      </p>
      <p className="inbox-called-back">
        {t('office.inbox.calledBack', {
          percent: format.percent(stats.calledBack.percent),
          onTime: format.count(stats.calledBack.onTime),
          due: format.count(stats.calledBack.due),
          open: format.count(stats.calledBack.open),
        })}
      </p>
      {oldest ? (
        <p className="inbox-oldest">
          {t('staff.inbox.oldest', { time: format.dateTime(oldest.submittedAt) })}{' '}
          <button type="button" className="button-secondary" disabled={busy} onClick={() => onJump(oldest.responseId)}>
            {t('staff.inbox.jump')}
          </button>
        </p>
      ) : (
        stats.total > 0 && <p className="inbox-oldest">{t('staff.inbox.allHandled')}</p>
      )}
    </section>
  );
}
