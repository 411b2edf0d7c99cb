import { localDayOf } from '../domain/localDay';
import { scoreCounts, type DimensionWeights } from '../domain/scoring';
import type { Clock, ReportStore } from './ports';

export interface ReportServiceDeps {
  store: ReportStore;
  clock: Clock;
  weights?: () => DimensionWeights;
}

export function createReportService({ store, clock, weights = () => ({}) }: ReportServiceDeps) {
  function dailySummary({ day }: { day?: string | undefined }) {
    const target = day ?? localDayOf(clock.now());
    const range = { from: target, to: target };
    return {
      day: target,
      responses: store.countResponses(range),
      score: scoreCounts(store.countAnswers(range), weights()),
    };
  }

  return { dailySummary };
}

export type ReportService = ReturnType<typeof createReportService>;
