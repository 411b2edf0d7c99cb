import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../session/useCall';
import { useStaff } from '../StaffContext';

/** A lapse is noticed by the host when asked: asked again this often as well as on every new response. */
const LOOK_EVERY_MS = 30_000;

/**
 * On Today: each armed context that ran out before anyone rated — "Lượt đánh giá
 * cho hồ sơ … chưa được thực hiện" — so staff can ask the citizen another way. It
 * stays until someone taps "Đã biết"; the host never passes it to the next citizen.
 */
export function LapsedArmings() {
  const { t } = useTranslation();
  const { call, format, live } = useStaff();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), LOOK_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  const lapsed = useLoad(
    useCallback(() => call('listLapsedArmings', {}), [call]),
    `${live.revision}/${tick}`,
  );
  const [dismissing, setDismissing] = useState<string | null>(null);

  const dismiss = async (armId: string) => {
    setDismissing(armId);
    try {
      await call('dismissLapsedArming', { armId });
    } finally {
      setDismissing(null);
      lapsed.reload();
    }
  };

  const entries = lapsed.data ?? [];
  if (entries.length === 0) return null;
  return (
    <section className="today-alerts lapsed-armings" aria-labelledby="lapsed-armings-heading">
      <h2 id="lapsed-armings-heading">{t('staff.arm.lapsed.heading')}</h2>
      <ul>
        {entries.map((entry) => {
          const who = [entry.officer?.name, entry.counter?.name, entry.field?.name]
            .filter((part): part is string => Boolean(part))
            .join(' · ');
          return (
            <li key={entry.armId}>
              <strong>
                {entry.caseCode
                  ? t('staff.arm.lapsed.withCase', { code: entry.caseCode })
                  : t('staff.arm.lapsed.withoutCase', { time: format.time(entry.armedAt) })}
              </strong>{' '}
              {t('staff.arm.lapsed.detail', {
                armed: format.time(entry.armedAt),
                expired: format.time(entry.expiredAt),
              })}
              {who && ` ${who}.`}{' '}
              <button
                type="button"
                className="button-secondary"
                disabled={dismissing === entry.armId}
                onClick={() => void dismiss(entry.armId)}
              >
                {t('staff.arm.lapsed.dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
