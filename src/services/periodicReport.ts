import type { z } from 'zod';
import type { PeriodicReportOutput } from '../contract/periodicReport';
import { dimensionIds } from '../domain/dimensions';
import type { KioskSettings } from '../domain/kioskSettings';
import { periodContaining } from '../domain/periods';
import { scoreCounts } from '../domain/scoring';
import type { AuditLog, Clock, DeskStore, ReportStore } from './ports';
import type { Session } from '../contract/dispatch';
import { AppError } from '../domain/errors';

export type PeriodicReport = z.output<typeof PeriodicReportOutput>;

export interface PeriodicReportDeps {
  store: ReportStore;
  desks: DeskStore;
  settings: () => KioskSettings;
  audit: AuditLog;
  clock: Clock;
  /** Writes the report as a spreadsheet; the file's name, size and hash come back. */
  writeXlsx: (report: PeriodicReport) => Promise<{ file: string; bytes: number; sha256: string }>;
}

/** The quarter and year report for the upper level: computed from the kept counts by SQL. */
export function createPeriodicReportService({ store, desks, settings, audit, clock, writeXlsx }: PeriodicReportDeps) {
  function build({ kind, of }: { kind: 'quarter' | 'year'; of: string }): PeriodicReport {
    const range = periodContaining(kind, of);
    const filter = { ...range, include: { suspect: false, abandoned: false } };
    const answersByField = store.countAnswersBy(filter, 'field');
    const byField = store
      .countResponsesBy(filter, 'field')
      .map(({ key, counted }) => {
        const score = scoreCounts(answersByField.filter((a) => a.key === key));
        const dimensions = Object.fromEntries(dimensionIds.map((d) => [d, score.dimensions.find((s) => s.dimension === d)?.index ?? null]));
        return { code: key, name: desks.field(key)?.name ?? key, responses: counted, index: score.index, dimensions };
      })
      .filter((row) => row.responses > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return {
      ...range,
      kind,
      unit: settings().unit,
      responses: store.countResponses(filter),
      score: scoreCounts(store.countAnswers(filter)),
      byField: byField as PeriodicReport['byField'],
    };
  }

  return {
    build,
    async exportXlsx(input: { kind: 'quarter' | 'year'; of: string }, session: Session | null) {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const written = await writeXlsx(build(input));
      audit.record({ at: new Date(clock.now()).toISOString(), officer: session.officer, action: 'periodicReport.export', target: written.file, after: { ...input, sha256: written.sha256 } });
      return written;
    },
  };
}

export type PeriodicReportService = ReturnType<typeof createPeriodicReportService>;
