import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { dimensionIds, dimensionName, type DimensionId } from '../../../src/domain/dimensions';
import { formatDay, formatMonth } from '../../format/dates';
import { useLanguage } from '../../i18n';
import './targets.css';

export type TargetProgress = OutputOf<'targetProgress'>;
type Figure = TargetProgress['sipas'];

const percentText = (language: string, value: number | null, none: string) =>
  value === null
    ? none
    : `${new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`;

const gapText = (language: string, value: number | null, none: string) =>
  value === null
    ? none
    : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${percentText(language, Math.abs(value), none).replace(' %', '')} %`;

const isDimension = (id: string): id is DimensionId => (dimensionIds as readonly string[]).includes(id);

/**
 * Year to date against each target of the plan: the gap, this month, which targets
 * are at risk, the trend by month, and the weakest criteria and fields. Shared by
 * the staff view and the admin page; lays out on A4 when printed.
 */
export function TargetProgressView({
  progress,
  itemText,
}: {
  progress: TargetProgress;
  itemText?: (item: string) => string | null;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const none = '—';
  const pct = (v: number | null) => percentText(language, v, none);
  const dimension = (id: string) => (isDimension(id) ? dimensionName(id, language, 'long') : id);

  const rows: Array<{ key: string; label: string; figure: Figure }> = [
    { key: 'sipas', label: t('office.targets.rows.sipas'), figure: progress.sipas },
    ...progress.dimensions.map((d) => ({
      key: d.dimension,
      label: t('office.targets.rows.dimension', { name: dimension(d.dimension) }),
      figure: d,
    })),
    {
      key: 'fields',
      label: t('office.targets.rows.fieldsGood', {
        good: progress.fieldsGood.good,
        fields: progress.fieldsGood.fields,
      }),
      figure: progress.fieldsGood,
    },
    {
      key: 'handled',
      label: t('office.targets.rows.handledOnTime', { days: progress.targets.handleWithinDays }),
      figure: progress.handledOnTime,
    },
    {
      key: 'calledBack',
      label: t('office.targets.rows.calledBackOnTime', { days: progress.targets.callBackWithinDays }),
      figure: progress.calledBackOnTime,
    },
  ];
  const atRisk = rows.filter((r) => r.figure.status === 'at_risk' || r.figure.status === 'missed');

  return (
    <div className="target-progress">
      <p>{t('office.targets.intro', { day: formatDay(progress.asOf) })}</p>
      {progress.isDefault && <p className="admin-note">{t('office.targets.defaults')}</p>}
      <p>
        {progress.questionnaire
          ? t('office.targets.questionnaire', {
              title: progress.questionnaire.title,
              version: progress.questionnaire.version,
              counted: progress.counted,
            })
          : t('office.targets.noQuestionnaire')}
      </p>

      <section aria-labelledby="at-risk-heading" className={`target-risk ${atRisk.length > 0 ? 'has-risk' : ''}`}>
        <h2 id="at-risk-heading">{t('office.targets.atRiskHeading')}</h2>
        {atRisk.length === 0 ? (
          <p>{t('office.targets.noneAtRisk')}</p>
        ) : (
          <ul>
            {atRisk.map((r) => (
              <li key={r.key}>
                <strong>{r.label}</strong>: {pct(r.figure.value)} / {pct(r.figure.target)} —{' '}
                {t(`office.targets.status.${r.figure.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <table className="target-table">
        <caption>{t('office.targets.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('office.targets.columns.target')}</th>
            <th scope="col">{t('office.targets.columns.goal')}</th>
            <th scope="col">{t('office.targets.columns.value')}</th>
            <th scope="col">{t('office.targets.columns.gap')}</th>
            <th scope="col">{t('office.targets.columns.month')}</th>
            <th scope="col">{t('office.targets.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`status-${r.figure.status}`}>
              <th scope="row">{r.label}</th>
              <td>≥ {pct(r.figure.target)}</td>
              <td>{pct(r.figure.value)}</td>
              <td>{gapText(language, r.figure.gap, none)}</td>
              <td>{pct(r.figure.month)}</td>
              <td>{t(`office.targets.status.${r.figure.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="target-table">
        <caption>{t('office.targets.trendCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('office.targets.month')}</th>
            <th scope="col">{t('office.targets.counted')}</th>
            <th scope="col">{t('office.targets.sipasColumn')}</th>
            {dimensionIds.map((id) => (
              <th scope="col" key={id}>
                {dimensionName(id, language, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {progress.trend.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month)}</th>
              <td>{m.counted}</td>
              <td>{pct(m.sipas)}</td>
              {dimensionIds.map((id) => (
                <td key={id}>{pct(m.dimensions[id] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <div className="target-weakest">
        <table className="target-table">
          <caption>{t('office.targets.weakestItems')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office.targets.item')}</th>
              <th scope="col">{t('office.targets.index')}</th>
              <th scope="col">{t('office.targets.answers')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.weakestItems.length === 0 && (
              <tr>
                <td colSpan={3}>{t('office.targets.none')}</td>
              </tr>
            )}
            {progress.weakestItems.map((i) => (
              <tr key={i.item}>
                <th scope="row">{itemText?.(i.item) ?? `${dimension(i.dimension)} (${i.item})`}</th>
                <td>{pct(i.index)}</td>
                <td>{i.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="target-table">
          <caption>{t('office.targets.weakestFields')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office.targets.field')}</th>
              <th scope="col">{t('office.targets.index')}</th>
              <th scope="col">{t('office.targets.counted')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.weakestFields.length === 0 && (
              <tr>
                <td colSpan={3}>{t('office.targets.none')}</td>
              </tr>
            )}
            {progress.weakestFields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{f.name}</th>
                <td>{pct(f.index)}</td>
                <td>{f.counted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
