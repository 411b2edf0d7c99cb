import type { z } from 'zod';
import type { PeriodInput, ReportFilterInput } from '../contract/reports';
import { addDays, localDayOf } from '../domain/localDay';
import { periodContaining, type DayRange } from '../domain/periods';
import type { Questionnaire } from '../domain/questionnaire';
import { countsOf } from '../domain/responseCounts';
import { questionnaireKey, scoreCounts, type QuestionnaireRef } from '../domain/scoring';
import type { Breakdown, Clock, DeskStore, ReportFilter, ReportStore } from './ports';
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

/** The key of a breakdown group: one row per counter/officer/field AND questionnaire version. */
const groupKey = (key: string, questionnaire: QuestionnaireRef) => `${key}\u0000${questionnaireKey(questionnaire)}`;

export function createReportService({ store, desks, clock, questionnaire = () => null, pendingWrites = () => 0, localChanges = () => 0 }: ReportServiceDeps) {
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
      const { index, mean, answers: count, distribution, coverage, dimensions } = scoreCounts(answers.get(groupKey(row.key, row.questionnaire)) ?? []);
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

  /** The daily figures of each version, keyed by questionnaireKey. */
  function trends(filter: ReportFilter) {
    const byVersion = groupBy(store.countAnswersByDay(filter), (row) => questionnaireKey(row.questionnaire));
    return new Map(
      [...byVersion.entries()].map(([key, rows]) => [
        key,
        [...groupBy(rows, (row) => row.day).entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([day, counts]) => {
            const score = scoreCounts(counts);
            return {
              day,
              index: score.index,
              coverage: score.coverage,
              answers: score.answers,
              dimensions: Object.fromEntries(score.dimensions.map((d) => [d.dimension, d.index])),
            };
          }),
      ]),
    );
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
      const { responses, byQuestionnaire } = summarise(reportFilter);
      const trend = trends(reportFilter);
      return {
        ...range,
        responses,
        byQuestionnaire: byQuestionnaire.map((section) => ({ ...section, trend: trend.get(questionnaireKey(section.questionnaire)) ?? [] })),
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
