import type { z } from 'zod';
import type { PeriodInput, ReportFilterInput } from '../contract/reports';
import { addDays, localDayOf } from '../domain/localDay';
import { periodContaining, type DayRange } from '../domain/periods';
import type { Questionnaire } from '../domain/questionnaire';
import { countsOf } from '../domain/responseCounts';
import {
  questionnaireKey,
  scoreCounts,
  scoreDistributions,
  type Distribution,
  type QuestionnaireRef,
} from '../domain/scoring';
import type {
  Breakdown,
  Clock,
  DayItemDistribution,
  DeskStore,
  QuestionnaireItemCount,
  ReportFilter,
  ReportStore,
} from './ports';
import { groupBy, sectionsOf, totalOf, type QuestionnaireSection } from './reportSections';

export interface ReportServiceDeps {
  store: ReportStore;
  desks: DeskStore;
  clock: Clock;
  /** The installed questionnaire version, for its title in each report section; null once it is gone. */
  questionnaire?: (ref: QuestionnaireRef) => Pick<Questionnaire, 'title'> | null;
  pendingWrites?: () => number;
  /** Responses changed in place by this process (see SurveyService.changeCount): dashboards refresh on them too. */
  localChanges?: () => number;
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

type TrendPoint = {
  day: string;
  index: number | null;
  coverage: number;
  answers: number;
  dimensions: Record<string, number | null>;
};

/**
 * Counts by day summed over the days: per version, item and value, as countAnswers
 * gives them. A version's key is made only when the row's questionnaire object
 * changes (the store hands one object per version).
 */
function totalsOf(rows: readonly DayItemDistribution[]): QuestionnaireItemCount[] {
  const totals = new Map<string, { questionnaire: QuestionnaireRef; items: Map<string, number[]> }>();
  let ref: QuestionnaireRef | null = null;
  let items = new Map<string, number[]>();
  for (const row of rows) {
    if (row.questionnaire !== ref) {
      ref = row.questionnaire;
      const key = questionnaireKey(ref);
      const version = totals.get(key) ?? { questionnaire: ref, items: new Map<string, number[]>() };
      totals.set(key, version);
      items = version.items;
    }
    const values = items.get(row.item);
    if (values) for (let i = 0; i < 5; i += 1) values[i]! += row.distribution[i]!;
    else items.set(row.item, [...row.distribution]);
  }
  const counts: QuestionnaireItemCount[] = [];
  for (const { questionnaire, items: byItem } of totals.values()) {
    for (const [item, values] of byItem) {
      for (let value = 1; value <= 5; value += 1)
        if (values[value - 1]! > 0) counts.push({ questionnaire, item, value, count: values[value - 1]! });
    }
  }
  return counts;
}

/** The key of a breakdown group: one row per counter/officer/field AND questionnaire version. */
const groupKey = (key: string, questionnaire: QuestionnaireRef) => `${key}\u0000${questionnaireKey(questionnaire)}`;

export function createReportService({
  store,
  desks,
  clock,
  questionnaire = () => null,
  pendingWrites = () => 0,
  localChanges = () => 0,
}: ReportServiceDeps) {
  const today = () => localDayOf(clock.now());

  const named = (section: QuestionnaireSection) => ({
    ...section,
    questionnaire: { ...section.questionnaire, title: questionnaire(section.questionnaire)?.title ?? null },
  });

  /** The period's counts over every version, and each version's own counts and scores. */
  function summarise(filter: ReportFilter) {
    const counts = store.countResponses(filter);
    return { responses: totalOf(counts), byQuestionnaire: sectionsOf(counts, store.countAnswers(filter)).map(named) };
  }

  const nameOf: Record<Breakdown, (code: string) => string | undefined> = {
    counter: (code) => desks.counter(code)?.name,
    officer: (code) => desks.officer(code)?.name,
    field: (code) => desks.field(code)?.name,
  };

  /** Scores per counter, officer or field and questionnaire version: one GROUP BY each, scored per group here. */
  function breakdown(filter: ReportFilter, by: Breakdown) {
    const answers = groupBy(store.countAnswersBy(filter, by), (a) => groupKey(a.key, a.questionnaire));
    return store.countResponsesBy(filter, by).map((row) => {
      const {
        index,
        mean,
        answers: count,
        distribution,
        coverage,
        dimensions,
      } = scoreCounts(answers.get(groupKey(row.key, row.questionnaire)) ?? []);
      return {
        code: row.key,
        name: nameOf[by](row.key) ?? row.key,
        questionnaire: row.questionnaire,
        responses: countsOf(row),
        score: { index, mean, answers: count, distribution, coverage },
        dimensions: dimensions.map(({ items: _items, ...dimension }) => dimension),
      };
    });
  }

  /**
   * The daily figures of each version, keyed by questionnaireKey, from the period's
   * counts by day. A year is some 3,000 rows and 365 scores, so the rows are
   * grouped in one pass with no key built per row (the store hands one
   * questionnaire object per version: its key is made when it changes) and each
   * day's item distributions scored as they are; days are ISO dates, ordered as plain strings.
   */
  function trends(rows: readonly DayItemDistribution[]) {
    const byVersion = new Map<string, Map<string, Map<string, Distribution>>>();
    let ref: QuestionnaireRef | null = null;
    let days = new Map<string, Map<string, Distribution>>();
    for (const row of rows) {
      if (row.questionnaire !== ref) {
        ref = row.questionnaire;
        const key = questionnaireKey(ref);
        days = byVersion.get(key) ?? new Map<string, Map<string, Distribution>>();
        byVersion.set(key, days);
      }
      const items = days.get(row.day);
      if (!items) days.set(row.day, new Map([[row.item, row.distribution]]));
      else {
        // One row per day and item from the kept counts; a store that splits one is added up, never overwritten.
        const same = items.get(row.item);
        items.set(row.item, same ? (same.map((n, i) => n + row.distribution[i]!) as Distribution) : row.distribution);
      }
    }
    const trend = new Map<string, TrendPoint[]>();
    for (const [key, days] of byVersion) {
      trend.set(
        key,
        [...days.keys()].sort().map((day) => {
          const score = scoreDistributions(days.get(day)!);
          const dimensions: Record<string, number | null> = {};
          for (const dimension of score.dimensions) dimensions[dimension.dimension] = dimension.index;
          return { day, index: score.index, coverage: score.coverage, answers: score.answers, dimensions };
        }),
      );
    }
    return trend;
  }

  return {
    liveStatus: () => ({ revision: store.revision() + localChanges(), pendingWrites: pendingWrites() }),

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
      // The period's answers are its days' answers: one read serves the trend and the totals.
      const byDay = store.countAnswersByDay(reportFilter);
      const counts = store.countResponses(reportFilter);
      const responses = totalOf(counts);
      const byQuestionnaire = sectionsOf(counts, totalsOf(byDay)).map(named);
      const trend = trends(byDay);
      return {
        ...range,
        responses,
        byQuestionnaire: byQuestionnaire.map((section) => ({
          ...section,
          trend: trend.get(questionnaireKey(section.questionnaire)) ?? [],
        })),
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
