import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { dimensionIds, dimensionName, type DimensionId } from '../../../src/domain/dimensions';
import { useLanguage } from '../../i18n';
import { reasonText } from '../questionnaireText';
import { useStaff } from '../StaffContext';
import { hrefOfView } from '../views';
import './targets.css';

type Alerts = OutputOf<'staffAlerts'>;

const isDimension = (id: string): id is DimensionId => (dimensionIds as readonly string[]).includes(id);

/**
 * Cần chú ý hôm nay: a low rating that needs a response (with its reasons), and a
 * dimension whose index today is under the year's target. Asked again whenever the
 * live revision moves (polled every 1.5 s), so a new rating shows within 2 s.
 */
export function TodayAlerts() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { call, live, format, setup } = useStaff();
  const [alerts, setAlerts] = useState<Alerts | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const mine = ++asked.current;
    call('staffAlerts', {}).then(
      (value) => mine === asked.current && setAlerts(value),
      () => undefined,
    );
  }, [call, live.revision]);

  if (!alerts || (alerts.lowRatings.length === 0 && alerts.belowTarget.length === 0)) return null;
  const name = (id: string) => (isDimension(id) ? dimensionName(id, language, 'long') : id);

  return (
    <section className="today-alerts" role="region" aria-labelledby="today-alerts-heading">
      <h2 id="today-alerts-heading">{t('office.alerts.heading')}</h2>
      <ul>
        {alerts.belowTarget.map((b) => (
          <li key={`dimension-${b.dimension}`} className="alert-below-target">
            {t('office.alerts.belowTarget', {
              name: name(b.dimension),
              index: format.percent(b.index),
              target: format.percent(b.target),
              count: b.counted,
            })}
          </li>
        ))}
        {alerts.lowRatings.map((low) => (
          <li key={low.responseId} className="alert-low-rating">
            <strong>{t('office.alerts.lowRating', { time: format.time(low.submittedAt) })}</strong>
            {low.reasons.length > 0 && (
              <span>
                {' '}
                {t('office.alerts.reasons', {
                  reasons: low.reasons
                    .map((r) => reasonText(setup, r.dimension, r.reason, language) ?? r.reason)
                    .join('; '),
                })}
              </span>
            )}{' '}
            <a href={hrefOfView('inbox')}>{t('office.alerts.open')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
