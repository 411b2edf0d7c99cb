import type { z } from 'zod';
import type { PeriodicReportOutput } from '../contract/periodicReport';
import type { TargetProgressSchema } from '../contract/targets';
import { dimensionIds } from '../domain/dimensions';
import type { KioskSettings } from '../domain/kioskSettings';
import { periodContaining } from '../domain/periods';
import type { Questionnaire } from '../domain/questionnaire';
import { questionnaireKey, scoreCounts, type QuestionnaireRef } from '../domain/scoring';
import type { AuditLog, Clock, DeskStore, ReportStore } from './ports';
import { groupBy, sectionsOf, totalOf } from './reportSections';
import type { Session } from '../contract/dispatch';
import { AppError } from '../domain/errors';

export type PeriodicReport = z.output<typeof PeriodicReportOutput>;
export type TargetProgress = z.output<typeof TargetProgressSchema>;

export interface PeriodicReportDeps {
  store: ReportStore;
  desks: DeskStore;
  settings: () => KioskSettings;
  /** The installed questionnaire version, for its title; null once it is gone. */
  questionnaire: (ref: QuestionnaireRef) => Pick<Questionnaire, 'title'> | null;
  audit: AuditLog;
  clock: Clock;
  /** The plan's targets against the year to date (src/services/targets.ts), for the report's year. */
  targetProgress: (year: number) => TargetProgress;
  /** Writes the report, with the year's targets, as a spreadsheet; the file's name, size and hash come back. */
  writeXlsx: (
    report: PeriodicReport,
    targets: TargetProgress,
  ) => Promise<{ file: string; bytes: number; sha256: string }>;
}

const fieldKey = (field: string, questionnaire: QuestionnaireRef) => `${field}\u0000${questionnaireKey(questionnaire)}`;

/**
 * The quarter and year report for the upper level: computed from the kept counts by SQL,
 * one section per questionnaire version (never a SIPAS pooled across versions).
 */
export function createPeriodicReportService({
  store,
  desks,
  settings,
  questionnaire,
  audit,
  clock,
  targetProgress,
  writeXlsx,
}: PeriodicReportDeps) {
  function build({ kind, of }: { kind: 'quarter' | 'year'; of: string }): PeriodicReport {
    const range = periodContaining(kind, of);
    const filter = { ...range, include: { suspect: false, abandoned: false } };
    const answersByField = groupBy(store.countAnswersBy(filter, 'field'), (a) => fieldKey(a.key, a.questionnaire));
    const fieldsOf = groupBy(store.countResponsesBy(filter, 'field'), (row) => questionnaireKey(row.questionnaire));
    const counts = store.countResponses(filter);
    const byQuestionnaire = sectionsOf(counts, store.countAnswers(filter)).map((section) => {
      const byField = (fieldsOf.get(questionnaireKey(section.questionnaire)) ?? [])
        .filter((row) => row.counted > 0)
        .map(({ key, counted }) => {
          const score = scoreCounts(answersByField.get(fieldKey(key, section.questionnaire)) ?? []);
          const dimensions = Object.fromEntries(
            dimensionIds.map((d) => [d, score.dimensions.find((s) => s.dimension === d)?.index ?? null]),
          );
          return {
            code: key,
            name: desks.field(key)?.name ?? key,
            counted,
            index: score.index,
            coverage: score.coverage,
            dimensions,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      return {
        ...section,
        questionnaire: { ...section.questionnaire, title: questionnaire(section.questionnaire)?.title ?? null },
        byField: byField as PeriodicReport['byQuestionnaire'][number]['byField'],
      };
    });
    return { ...range, kind, unit: settings().unit, responses: totalOf(counts), byQuestionnaire };
  }

  return {
    build,
    async exportXlsx(input: { kind: 'quarter' | 'year'; of: string }, session: Session | null) {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const report = build(input);
      // A quarter or a year never spans two years: its targets are those of the year it is in.
      const written = await writeXlsx(report, targetProgress(Number(report.from.slice(0, 4))));
      audit.record({
        at: new Date(clock.now()).toISOString(),
        officer: session.officer,
        action: 'periodicReport.export',
        target: written.file,
        after: { ...input, sha256: written.sha256 },
      });
      return written;
    },
  };
}

export type PeriodicReportService = ReturnType<typeof createPeriodicReportService>;
