import type { z } from 'zod';
import type { PeriodInput, ReportFilterInput } from '../contract/reports';
import { addDays, localDayOf } from '../domain/localDay';
import { periodContaining, type DayRange } from '../domain/periods';
import type { Questionnaire } from '../domain/questionnaire';
import { addCounts, countsOf, type ResponseCounts } from '../domain/responseCounts';
import {
  questionnaireKey,
  sameQuestionnaire,
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
type DayResponseCounts = ReturnType<ReportStore['countResponsesByDay']>[number];

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

  /**
   * summarise() of the days from…to (ISO dates, compared as strings) among counts read by day:
   * each version's counts summed over the days, as countResponses sums them.
   */
  function summariseDays(
    byDay: { responses: ReadonlyArray<DayResponseCounts>; answers: readonly DayItemDistribution[] },
    from: string,
    to: string,
  ) {
    const counts = new Map<string, ResponseCounts & { questionnaire: QuestionnaireRef }>();
    for (const row of byDay.responses) {
      if (row.day < from || row.day > to) continue;
      const key = questionnaireKey(row.questionnaire);
      const sum = counts.get(key);
      counts.set(key, { ...(sum ? addCounts(sum, countsOf(row)) : countsOf(row)), questionnaire: row.questionnaire });
    }
    const answers = byDay.answers.filter((row) => row.day >= from && row.day <= to);
    const perVersion = [...counts.values()];
    return { responses: totalOf(perVersion), byQuestionnaire: sectionsOf(perVersion, totalsOf(answers)).map(named) };
  }

  const nameOf: Record<Breakdown, (code: string) => string | undefined> = {
    counter: (code) => desks.counter(code)?.name,
    officer: (code) => desks.officer(code)?.name,
    field: (code) => desks.field(code)?.name,
  };

  /** One version's distributions by item among a group's rows; a store that splits an item's row is added up. */
  function itemsOf(
    rows: ReadonlyArray<{ questionnaire: QuestionnaireRef; item: string; distribution: Distribution }>,
    ref: QuestionnaireRef,
  ) {
    const items = new Map<string, Distribution>();
    for (const row of rows) {
      if (!sameQuestionnaire(row.questionnaire, ref)) continue;
      const same = items.get(row.item);
      items.set(row.item, same ? (same.map((n, i) => n + row.distribution[i]!) as Distribution) : row.distribution);
    }
    return items;
  }

  /**
   * Scores per counter, officer or field and questionnaire version: one GROUP BY each, scored per group here.
   * Answers come as each item's five counts, grouped by the key as it comes (no key string built per row)
   * and scored per version as they are, not spread into a row per value and gathered again.
   */
  function breakdown(filter: ReportFilter, by: Breakdown) {
    const answers = groupBy(store.countItemsBy(filter, by), (a) => a.key);
    return store.countResponsesBy(filter, by).map((row) => {
      const {
        index,
        mean,
        answers: count,
        distribution,
        coverage,
        dimensions,
      } = scoreDistributions(itemsOf(answers.get(row.key) ?? [], row.questionnaire));
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

  /** Today, yesterday and the last 7 days of every version, and today by counter, officer and field. */
  function overview(target: string) {
    const todayFilter = filterOf({ from: target, to: target });
    const week = { from: addDays(target, -6), to: target };
    // One read of the week's counts by day, not a read per period: today and yesterday are days of the week.
    const weekFilter = filterOf(week);
    const byDay = { responses: store.countResponsesByDay(weekFilter), answers: store.countAnswersByDay(weekFilter) };
    const yesterday = addDays(target, -1);
    return {
      day: target,
      today: summariseDays(byDay, target, target),
      yesterday: summariseDays(byDay, yesterday, yesterday),
      last7Days: { ...week, ...summariseDays(byDay, week.from, week.to) },
      byCounter: breakdown(todayFilter, 'counter'),
      byOfficer: breakdown(todayFilter, 'officer'),
      byField: breakdown(todayFilter, 'field'),
      pendingWrites: pendingWrites(),
    };
  }

  function periodReportOf(range: DayRange, reportFilter: ReportFilter) {
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
  }

  return {
    liveStatus: () => ({ revision: store.revision() + localChanges(), pendingWrites: pendingWrites() }),

    dailySummary({ day }: { day?: string | undefined }) {
      const target = day ?? today();
      return { day: target, ...store.readTogether(() => summarise(filterOf({ from: target, to: target }))) };
    },

    todayOverview: ({ day }: { day?: string | undefined }) => store.readTogether(() => overview(day ?? today())),

    periodReport({ period, filter }: { period: z.output<typeof PeriodInput>; filter: FilterInput }) {
      const range = 'kind' in period ? periodContaining(period.kind, period.of) : period;
      return store.readTogether(() => periodReportOf(range, filterOf(range, filter)));
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
