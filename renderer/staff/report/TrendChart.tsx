import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutputOf } from '../../../src/contract/operations';
import { useDimensionName } from '../../components/reportNames';
import type { Formatters } from '../format';
import { CoverageNote } from './CoverageNote';
import { CHART_HEIGHT, seriesKeys, seriesStyle, type SeriesKey } from './chartStyle';

type Trend = OutputOf<'periodReport'>['byQuestionnaire'][number]['trend'];

/**
 * One questionnaire version's daily SIPAS index and each dimension's, with the same
 * figures as a table for screen readers and print; a day's SIPAS over fewer than
 * five dimensions says so in the table.
 */
export function TrendChart({ trend, format }: { trend: Trend; format: Formatters }) {
  const { t } = useTranslation();
  const titleId = useId();
  const dimensionName = useDimensionName();
  const label = (key: SeriesKey) => (key === 'sipas' ? t('staff.table.overall') : dimensionName(key));
  const value = (row: Trend[number], key: SeriesKey) => (key === 'sipas' ? row.index : (row.dimensions[key] ?? null));
  const data = trend.map((row) => ({
    day: format.shortDay(row.day),
    ...Object.fromEntries(seriesKeys.map((key) => [key, value(row, key)])),
  }));
  const title = t('staff.report.trendTitle');

  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <h3>{title}</h3>
      </figcaption>
      {trend.length === 0 ? (
        <p className="staff-empty">{t('staff.report.noAnswers')}</p>
      ) : (
        <>
          <LineChart
            responsive
            style={{ width: '100%', height: CHART_HEIGHT }}
            data={data}
            title={title}
            desc={t('staff.report.trendDesc')}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#c5cad1" />
            <XAxis dataKey="day" stroke="#3b4450" />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => format.percent(v)} stroke="#3b4450" width={64} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? format.percent(v) : t('common.none'))} />
            <Legend />
            {seriesKeys.map((key) => (
              <Line
                key={key}
                type="linear"
                dataKey={key}
                name={label(key)}
                stroke={seriesStyle[key].color}
                strokeWidth={seriesStyle[key].width}
                strokeDasharray={seriesStyle[key].dash}
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
          <details className="chart-data">
            <summary>{t('staff.report.showTable')}</summary>
            <table className="staff-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.report.day')}</th>
                  {seriesKeys.map((key) => (
                    <th scope="col" key={key}>
                      {label(key)}
                    </th>
                  ))}
                  <th scope="col">{t('staff.table.answers')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((row) => (
                  <tr key={row.day}>
                    <th scope="row">{format.shortDay(row.day)}</th>
                    {seriesKeys.map((key) => (
                      <td key={key}>
                        {format.percent(value(row, key))}
                        {key === 'sipas' && <CoverageNote score={row} />}
                      </td>
                    ))}
                    <td>{format.count(row.answers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
