import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { scaleChoices } from '../../../src/domain/scale';
import { useLanguage } from '../../i18n';
import type { Formatters } from '../format';
import { CHART_HEIGHT } from './chartStyle';

/** How many answers fell on each point of the five-point scale, as bars and as a table. */
export function DistributionChart({ distribution, format }: { distribution: readonly number[]; format: Formatters }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const titleId = useId();
  const title = t('staff.report.distributionTitle');
  const data = scaleChoices(5, language).map((choice, i) => ({
    point: `${choice.score}`,
    label: choice.label,
    answers: distribution[i] ?? 0,
  }));

  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <h3>{title}</h3>
      </figcaption>
      <BarChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={data}
        title={title}
        desc={t('staff.report.distributionDesc')}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#c5cad1" vertical={false} />
        <XAxis dataKey="point" stroke="#3b4450" />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => format.count(v)} stroke="#3b4450" width={64} />
        <Tooltip
          labelFormatter={(_point, payload) => {
            const entry = payload[0]?.payload as { point: string; label: string } | undefined;
            return entry ? `${entry.point} – ${entry.label}` : '';
          }}
          formatter={(v) => [typeof v === 'number' ? format.count(v) : '', t('staff.table.answers')]}
        />
        <Bar dataKey="answers" name={t('staff.table.answers')} fill="#0a4a8f" isAnimationActive={false} />
      </BarChart>
      <details className="chart-data">
        <summary>{t('staff.report.showTable')}</summary>
        <table className="staff-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.report.point')}</th>
              <th scope="col">{t('staff.table.answers')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.point}>
                <th scope="row">{`${row.point} – ${row.label}`}</th>
                <td>{format.count(row.answers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
