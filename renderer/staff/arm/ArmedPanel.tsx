import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useStaff } from '../StaffContext';

type Armed = OutputOf<'getArmedContext'>;

export interface ArmedPanelProps {
  armed: Armed | undefined;
  /** Milliseconds since the epoch, ticking, for the minutes left. */
  now: number;
  busy: boolean;
  onDisarm: () => void;
}

/** What the kiosk is armed with right now, until when, and a way to withdraw it. */
export function ArmedPanel({ armed, now, busy, onDisarm }: ArmedPanelProps) {
  const { t } = useTranslation();
  const { format } = useStaff();
  const headingId = useId();
  const expiresAt = armed ? Date.parse(armed.expiresAt) : 0;
  // Past its time the host has already dropped it; the next look confirms.
  const current = armed && expiresAt > now ? armed : null;
  const parts = current
    ? ([
        ['caseCode', current.hasCaseCode ? t('staff.arm.caseScanned') : null],
        ['counter', current.counter?.name ?? null],
        ['officer', current.officer?.name ?? null],
        ['field', current.field?.name ?? null],
        ['purpose', current.purpose ? t(`staff.arm.purposes.${current.purpose}`) : null],
      ] as const)
    : [];

  return (
    <section className="armed-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('staff.arm.currentHeading')}</h2>
      <div aria-live="polite">
        {armed === undefined ? (
          <p>{t('staff.arm.loading')}</p>
        ) : current ? (
          <>
            <p>{t('staff.arm.waiting')}</p>
            <dl className="armed-context">
              {parts.map(([kind, value]) => (
                <div key={kind}>
                  <dt>{t(`staff.arm.${kind}`)}</dt>
                  <dd>{value ?? t('staff.arm.notSet')}</dd>
                </div>
              ))}
            </dl>
            <p className="armed-expiry">
              {t('staff.arm.expires', {
                time: format.time(current.expiresAt),
                count: Math.max(1, Math.ceil((expiresAt - now) / 60_000)),
              })}
            </p>
          </>
        ) : (
          <p>{t('staff.arm.notArmed')}</p>
        )}
      </div>
      {current && (
        <button type="button" className="button-secondary" disabled={busy} onClick={onDisarm}>
          {t('staff.arm.disarm')}
        </button>
      )}
    </section>
  );
}
