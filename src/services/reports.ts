import type { z } from 'zod';
import type { PeriodInput, ReportFilterInput } from '../contract/reports';
import { addDays, localDayOf } from '../domain/localDay';
import { periodContaining, type DayRange } from '../domain/periods';
import { scoreCounts, type DimensionWeights } from '../domain/scoring';
import type { Breakdown, Clock, DeskStore, ReportFilter, ReportStore } from './ports';

export interface ReportServiceDeps {
  store: ReportStore;
  desks: DeskStore;
  clock: Clock;
  weights?: () => DimensionWeights;
  pendingWrites?: () => number;
}

type FilterInput = z.output<typeof ReportFilterInput>;

const filterOf = (range: DayRange, input?: FilterInput): ReportFilter => ({
  ...range,
  counter: input?.counter ?? null,
  officer: input?.officer ?? null,
  field: input?.field ?? null,
  questionnaire: input?.questionnaire ?? null,
  include: { suspect: input?.includeSuspect ?? false, abandoned: input?.includeAbandoned ?? false },
});

export function createReportService({ store, desks, clock, weights = () => ({}), pendingWrites = () => 0 }: ReportServiceDeps) {
  const today = () => localDayOf(clock.now());

  const summarise = (filter: ReportFilter) => ({
    responses: store.countResponses(filter),
    score: scoreCounts(store.countAnswers(filter), weights()),
  });

  const nameOf: Record<Breakdown, (code: string) => string | undefined> = {
    counter: (code) => desks.counter(code)?.name,
    officer: (code) => desks.officer(code)?.name,
    field: (code) => desks.field(code)?.name,
  };

  /** Scores per counter, officer or field: one GROUP BY each, scored per group here. */
  function breakdown(filter: ReportFilter, by: Breakdown) {
    const answers = store.countAnswersBy(filter, by);
    return store.countResponsesBy(filter, by).map(({ key, ...responses }) => {
      const { index, mean, answers: count, distribution } = scoreCounts(answers.filter((a) => a.key === key), weights());
      return { code: key, name: nameOf[by](key) ?? key, responses, score: { index, mean, answers: count, distribution } };
    });
  }

  function trend(filter: ReportFilter) {
    const byDay = new Map<string, Array<{ item: string; value: number; count: number }>>();
    for (const row of store.countAnswersByDay(filter)) {
      const rows = byDay.get(row.day) ?? [];
      rows.push(row);
      byDay.set(row.day, rows);
    }
    return [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, counts]) => {
        const score = scoreCounts(counts, weights());
        return {
          day,
          index: score.index,
          answers: score.answers,
          dimensions: Object.fromEntries(score.dimensions.map((d) => [d.dimension, d.index])),
        };
      });
  }

  return {
    liveStatus: () => ({ revision: store.revision(), pendingWrites: pendingWrites() }),

    dailySummary({ day }: { day?: string | undefined }) {
      const target = day ?? today();
      return { day: target, ...summarise(filterOf({ from: target, to: target })) };
    },

    todayOverview({ day }: { day?: string | undefined }) {
      const target = day ?? today();
      const todayFilter = filterOf({ from: target, to: target });
      const week = { from: addDays(target, -6), to: target };
      return {
        day: target,
        today: summarise(todayFilter),
        yesterday: summarise(filterOf({ from: addDays(target, -1), to: addDays(target, -1) })),
        last7Days: { ...week, ...summarise(filterOf(week)) },
        byCounter: breakdown(todayFilter, 'counter'),
        byOfficer: breakdown(todayFilter, 'officer'),
        byField: breakdown(todayFilter, 'field'),
        pendingWrites: pendingWrites(),
      };
    },

    periodReport({ period, filter }: { period: z.output<typeof PeriodInput>; filter: FilterInput }) {
      const range = 'kind' in period ? periodContaining(period.kind, period.of) : period;
      const reportFilter = filterOf(range, filter);
      return { ...range, ...summarise(reportFilter), trend: trend(reportFilter) };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
