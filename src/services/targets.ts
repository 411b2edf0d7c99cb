import type { Session } from '../contract/dispatch';
import { PlanTargetsSchema, type PlanTargets } from '../contract/targets';
import { dimensionIds, dimensionOfItem } from '../domain/dimensions';
import { AppError } from '../domain/errors';
import { localDayOf } from '../domain/localDay';
import type { Questionnaire } from '../domain/questionnaire';
import { scoreCounts, type ItemCount } from '../domain/scoring';
import type { Holidays } from '../domain/workingDays';
import type { DeadlineFigure, FeedbackService } from './feedback';
import type { AuditLog, Clock, DeskStore, QuestionnaireRef, ReportFilter, ReportStore } from './ports';

export interface TargetsStore {
  /** The stored JSON for a year, or null when never saved. */
  targets(year: number): unknown;
  saveTargets(year: number, targets: PlanTargets, by: string, at: string): void;
  holidays(): Array<{ day: string; name: string }>;
  holidaysOf(year: number): Array<{ day: string; name: string }>;
  replaceHolidays(year: number, holidays: ReadonlyArray<{ day: string; name: string }>): void;
  inTransaction<T>(work: () => T): T;
}

/**
 * The plan's figures until an administrator sets the year's own: 80 % everywhere
 * (the plan's "over 80 % of procedures rated good"), feedback handled within 10
 * working days (the time Nghị định 20/2008/NĐ-CP gives for handling a petition) and
 * a citizen who left a phone number called back within 3.
 */
export const defaultTargets = (year: number): PlanTargets => ({
  year,
  sipas: 80,
  dimensions: { access: 80, procedure: 80, officer: 80, result: 80, feedback: 80 },
  fieldsGoodShare: 80,
  handleWithinDays: 10,
  callBackWithinDays: 3,
  alertMinResponses: 5,
});

/** The targets and holidays every deadline is computed from; read through, so a change acts at once. */
export function createPlan(store: TargetsStore) {
  function stored(year: number): PlanTargets | null {
    const parsed = PlanTargetsSchema.safeParse(store.targets(year));
    return parsed.success ? parsed.data : null;
  }
  return {
    stored,
    targets: (year: number): PlanTargets => stored(year) ?? defaultTargets(year),
    holidays: (): Holidays => new Set(store.holidays().map((h) => h.day)),
  };
}

export type Plan = ReturnType<typeof createPlan>;

export interface TargetServiceDeps {
  store: TargetsStore;
  plan: Plan;
  audit: AuditLog;
  clock: Clock;
  reports: ReportStore;
  desks: DeskStore;
  activeQuestionnaire: () => Questionnaire | null;
  feedback: Pick<FeedbackService, 'deadlineFigures' | 'openToday'>;
}

type Status = 'met' | 'at_risk' | 'missed' | 'no_data';

const sameRef = (a: QuestionnaireRef) => (b: { questionnaire: QuestionnaireRef }) =>
  b.questionnaire.id === a.id && b.questionnaire.version === a.version;

const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * At risk: this month is under the target, or the year so far is while the year
 * runs; missed: the year is over and it stayed under.
 */
function statusOf(target: number, value: number | null, month: number | null, yearOver: boolean): Status {
  if (value === null) return 'no_data';
  if (value < target) return yearOver ? 'missed' : 'at_risk';
  if (!yearOver && month !== null && month < target) return 'at_risk';
  return 'met';
}

const figureOf = (target: number, value: number | null, month: number | null, yearOver: boolean) => ({
  target,
  value,
  gap: value === null ? null : value - target,
  month,
  status: statusOf(target, value, month, yearOver),
});

const deadlineFigureOf = (year: DeadlineFigure, month: DeadlineFigure, yearOver: boolean) => ({
  ...figureOf(100, year.percent, month.percent, yearOver),
  onTime: year.onTime,
  due: year.due,
  open: year.open,
});

const WEAKEST = 5;

/** The plan's targets: set by the administrator, measured year to date for staff and administrators. */
export function createTargetService({
  store,
  plan,
  audit,
  clock,
  reports,
  desks,
  activeQuestionnaire,
  feedback,
}: TargetServiceDeps) {
  const now = () => new Date(clock.now()).toISOString();
  const today = () => localDayOf(clock.now());
  const who = (session: Session | null) => {
    if (!session) throw new AppError('unauthenticated', 'sign in first');
    return session.officer;
  };

  /** Answers and counted responses of one questionnaire version over some days (never pooled across versions). */
  function figures(ref: QuestionnaireRef | null, from: string, to: string) {
    if (!ref || to < from) return { answers: [] as ItemCount[], counted: 0 };
    const filter: ReportFilter = { from, to, questionnaire: ref };
    const answers = reports.countAnswers(filter).filter(sameRef(ref));
    const counted = reports
      .countResponses(filter)
      .filter(sameRef(ref))
      .reduce((sum, c) => sum + c.counted, 0);
    return { answers, counted };
  }

  /** Each field's index, and how many were rated good (index at or above the SIPAS target). */
  function fields(ref: QuestionnaireRef | null, from: string, to: string, goodFrom: number) {
    if (!ref || to < from) return { list: [], good: 0, share: null };
    const filter: ReportFilter = { from, to, questionnaire: ref };
    const byField = new Map<string, ItemCount[]>();
    // Ratings with no field recorded are no field's: they stay out of the share.
    for (const row of reports.countAnswersBy(filter, 'field').filter(sameRef(ref))) {
      if (!row.key) continue;
      byField.set(row.key, [...(byField.get(row.key) ?? []), row]);
    }
    const counted = new Map(
      reports
        .countResponsesBy(filter, 'field')
        .filter(sameRef(ref))
        .map((r) => [r.key, r.counted]),
    );
    const list = [...byField.entries()]
      .map(([field, answers]) => ({
        field,
        name: desks.field(field)?.name ?? field,
        index: scoreCounts(answers).index,
        counted: counted.get(field) ?? 0,
      }))
      .filter((f): f is typeof f & { index: number } => f.index !== null);
    const good = list.filter((f) => f.index >= goodFrom).length;
    return { list, good, share: list.length === 0 ? null : (good / list.length) * 100 };
  }

  return {
    get(year: number) {
      const stored = plan.stored(year);
      return { targets: stored ?? defaultTargets(year), isDefault: stored === null, holidays: store.holidaysOf(year) };
    },

    save(targets: PlanTargets, session: Session | null) {
      const officer = who(session);
      const before = plan.stored(targets.year);
      store.inTransaction(() => {
        store.saveTargets(targets.year, targets, officer, now());
        audit.record({
          at: now(),
          officer,
          action: 'targets.save',
          target: String(targets.year),
          before,
          after: targets,
        });
      });
      return plan.targets(targets.year);
    },

    saveHolidays(
      { year, holidays }: { year: number; holidays: Array<{ day: string; name: string }> },
      session: Session | null,
    ) {
      const officer = who(session);
      const unique = [...new Map(holidays.map((h) => [h.day, h])).values()].sort((a, b) => a.day.localeCompare(b.day));
      const before = store.holidaysOf(year);
      store.inTransaction(() => {
        store.replaceHolidays(year, unique);
        audit.record({ at: now(), officer, action: 'holidays.save', target: String(year), before, after: unique });
      });
      return store.holidaysOf(year);
    },

    progress({ year: asked }: { year?: number | undefined }) {
      const day = today();
      const year = asked ?? Number(day.slice(0, 4));
      const from = `${year}-01-01`;
      const yearEnd = `${year}-12-31`;
      const yearOver = day > yearEnd;
      const asOf = yearOver ? yearEnd : day;
      const monthFrom = `${asOf.slice(0, 7)}-01`;
      const targets = plan.targets(year);
      const questionnaire = activeQuestionnaire();
      const ref = questionnaire && { id: questionnaire.id, version: questionnaire.version };

      const ytd = figures(ref, from, asOf);
      const month = figures(ref, monthFrom, asOf);
      const ytdScore = scoreCounts(ytd.answers);
      const monthScore = scoreCounts(month.answers);
      const dimensionIndex = (score: typeof ytdScore, id: string) =>
        score.dimensions.find((d) => d.dimension === id)?.index ?? null;

      const ytdFields = fields(ref, from, asOf, targets.sipas);
      const monthFields = fields(ref, monthFrom, asOf, targets.sipas);

      const trend = [];
      for (let m = 1; `${year}-${String(m).padStart(2, '0')}-01` <= asOf && m <= 12; m += 1) {
        const monthKey = `${year}-${String(m).padStart(2, '0')}`;
        const last = lastDayOfMonth(monthKey);
        const f = figures(ref, `${monthKey}-01`, last < asOf ? last : asOf);
        const score = scoreCounts(f.answers);
        trend.push({
          month: monthKey,
          counted: f.counted,
          sipas: score.index,
          dimensions: Object.fromEntries(dimensionIds.map((id) => [id, dimensionIndex(score, id)])),
        });
      }

      const weakestItems = ytdScore.dimensions
        .flatMap((d) => d.items)
        .filter((i): i is typeof i & { index: number } => i.index !== null)
        .sort((a, b) => a.index - b.index)
        .slice(0, WEAKEST)
        .map((i) => ({ item: i.item, dimension: dimensionOfItem(i.item), index: i.index, answers: i.answers }));

      const deadlines = feedback.deadlineFigures({ from, to: asOf }, day);
      const monthDeadlines = feedback.deadlineFigures({ from: monthFrom, to: asOf }, day);

      return {
        year,
        asOf,
        targets,
        isDefault: plan.stored(year) === null,
        questionnaire: questionnaire && {
          id: questionnaire.id,
          version: questionnaire.version,
          title: questionnaire.title.vi,
        },
        counted: ytd.counted,
        sipas: figureOf(targets.sipas, ytdScore.index, monthScore.index, yearOver),
        dimensions: dimensionIds.map((id) => ({
          dimension: id,
          ...figureOf(targets.dimensions[id], dimensionIndex(ytdScore, id), dimensionIndex(monthScore, id), yearOver),
        })),
        fieldsGood: {
          ...figureOf(targets.fieldsGoodShare, ytdFields.share, monthFields.share, yearOver),
          good: ytdFields.good,
          fields: ytdFields.list.length,
        },
        handledOnTime: deadlineFigureOf(deadlines.handled, monthDeadlines.handled, yearOver),
        calledBackOnTime: deadlineFigureOf(deadlines.calledBack, monthDeadlines.calledBack, yearOver),
        trend,
        weakestItems,
        weakestFields: [...ytdFields.list].sort((a, b) => a.index - b.index).slice(0, WEAKEST),
      };
    },

    /** What staff must see on Today within seconds: open low ratings, and dimensions under target today. */
    alerts() {
      const day = today();
      const targets = plan.targets(Number(day.slice(0, 4)));
      const questionnaire = activeQuestionnaire();
      const ref = questionnaire && { id: questionnaire.id, version: questionnaire.version };
      const todays = figures(ref, day, day);
      const score = scoreCounts(todays.answers);
      const belowTarget =
        todays.counted < targets.alertMinResponses
          ? []
          : score.dimensions.flatMap((d) => {
              const target = targets.dimensions[d.dimension];
              // A dimension few people answered today (result, feedback) says nothing yet.
              const answeredBy = d.items.length === 0 ? 0 : d.answers / d.items.length;
              return d.index !== null && d.index < target && answeredBy >= targets.alertMinResponses
                ? [{ dimension: d.dimension, index: d.index, target, counted: todays.counted }]
                : [];
            });
      return {
        lowRatings: feedback.openToday().map((item) => ({
          responseId: item.responseId,
          submittedAt: item.submittedAt,
          officer: item.officer,
          field: item.field,
          lowScores: item.lowScores,
          reasons: item.reasons,
        })),
        belowTarget,
        revision: reports.revision(),
      };
    },
  };
}

export type TargetService = ReturnType<typeof createTargetService>;
