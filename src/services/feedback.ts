import type { Session } from '../contract/dispatch';
import type { PlanTargets } from '../contract/targets';
import { AppError } from '../domain/errors';
import { localDayOf } from '../domain/localDay';
import { dueDay, type Holidays } from '../domain/workingDays';
import type { FeedbackDeadlineRow, FeedbackRecord, FeedbackStatus, FeedbackStore } from './feedbackPorts';
import type { AuditLog, Clock } from './ports';

export interface FeedbackServiceDeps {
  store: FeedbackStore;
  clock: Clock;
  audit: AuditLog;
  lowScoreThreshold: () => number;
  /** The year's targets (deadlines in working days) and the public holidays. */
  plan: { targets(year: number): PlanTargets; holidays(): Holidays };
}

/** Items due, met and still open for one deadline. */
export interface DeadlineFigure {
  /** Resolved (or called back) on time, by someone other than the officer concerned. */
  onTime: number;
  /** Items whose deadline has passed or that were dealt with: the share's denominator. */
  due: number;
  /** Not yet dealt with and still within the deadline: not counted either way. */
  open: number;
  percent: number | null;
}

const yearOf = (day: string) => Number(day.slice(0, 4));
const dayOfInstant = (iso: string) => localDayOf(Date.parse(iso));

/**
 * Resolving is fair only when someone other than the officer the rating is about
 * does it: an item about nv01 resolved by nv01 does not count as handled.
 */
export const isFairResolution = (item: { officer: string | null; status: FeedbackStatus; resolvedBy: string | null }) =>
  item.status === 'resolved' && item.resolvedBy !== null && item.resolvedBy !== item.officer;

const figure = (onTime: number, due: number, open: number): DeadlineFigure => ({
  onTime,
  due,
  open,
  percent: due === 0 ? null : (onTime / due) * 100,
});

/** The inbox of low ratings and comments (not the legal "phản ánh, kiến nghị" channel): the commune's plan wants every item handled, fairly and in time. */
export function createFeedbackService({ store, clock, audit, lowScoreThreshold, plan }: FeedbackServiceDeps) {
  const now = () => new Date(clock.now()).toISOString();
  const today = () => localDayOf(clock.now());

  const handleDue = (day: string, holidays: Holidays) =>
    dueDay(day, plan.targets(yearOf(day)).handleWithinDays, holidays);
  const callBackDue = (day: string, holidays: Holidays) =>
    dueDay(day, plan.targets(yearOf(day)).callBackWithinDays, holidays);

  /** The contract's view of an item: its deadlines, and whether its resolution counts. */
  function view({ cursor: _cursor, ...item }: FeedbackRecord, holidays: Holidays) {
    return {
      ...item,
      dueDay: handleDue(item.day, holidays),
      callBackDueDay: item.phone ? callBackDue(item.day, holidays) : null,
      selfResolved: item.status === 'resolved' && item.officer !== null && item.resolvedBy === item.officer,
    };
  }

  /**
   * The handled-on-time and called-back-on-time shares over some items, as of `asOf`.
   * Only resolutions by someone other than the officer concerned count as on time.
   */
  function deadlines(rows: readonly FeedbackDeadlineRow[], asOf: string = today()) {
    const holidays = plan.holidays();
    const handled = { onTime: 0, due: 0, open: 0 };
    const called = { onTime: 0, due: 0, open: 0 };
    /** Done (on time or not) counts; not done counts once the deadline has passed, else it is still open. */
    const tally = (into: typeof handled, done: boolean, onTime: boolean, due: string) => {
      if (done) {
        into.due += 1;
        if (onTime) into.onTime += 1;
      } else if (asOf > due) into.due += 1;
      else into.open += 1;
    };
    for (const row of rows) {
      const due = handleDue(row.day, holidays);
      const resolved = row.status === 'resolved';
      tally(
        handled,
        resolved,
        resolved && isFairResolution(row) && row.resolvedAt !== null && dayOfInstant(row.resolvedAt) <= due,
        due,
      );
      if (!row.hasPhone) continue;
      const callDue = callBackDue(row.day, holidays);
      tally(called, row.callBackDay !== null, row.callBackDay !== null && row.callBackDay <= callDue, callDue);
    }
    return {
      handled: figure(handled.onTime, handled.due, handled.open),
      calledBack: figure(called.onTime, called.due, called.open),
    };
  }

  function stats() {
    const { total, handled, oldestUnhandled } = store.stats();
    const year = today().slice(0, 4);
    const { handled: onTime, calledBack } = deadlines(store.deadlineRows({ from: `${year}-01-01`, to: today() }));
    return {
      total,
      handled,
      handledPercent: total === 0 ? null : (handled / total) * 100,
      oldestUnhandled,
      onTime,
      calledBack,
    };
  }

  function load(responseId: string) {
    const item = store.find(responseId, lowScoreThreshold());
    if (!item) throw new AppError('not_found', `responseId: no feedback for ${responseId}`);
    return item;
  }

  function officerOf(session: Session | null): string {
    if (!session) throw new AppError('unauthenticated', 'sign in first');
    return session.officer;
  }

  /** The officer a rating is about may read it and start on it, never close it or call the citizen. */
  function refuseOfficerConcerned(item: FeedbackRecord, officer: string, what: string) {
    if (item.officer !== null && item.officer === officer) {
      throw new AppError(
        'forbidden',
        `this rating is about you (${officer}): another officer or the desk head must ${what} — fair handling keeps "handled" honest`,
      );
    }
  }

  return {
    list({
      status,
      limit,
      before,
    }: {
      status?: FeedbackStatus | undefined;
      limit: number;
      before?: number | undefined;
    }) {
      // One more than asked tells whether another page exists.
      const rows = store.page({
        status: status ?? null,
        before: before ?? null,
        limit: limit + 1,
        threshold: lowScoreThreshold(),
      });
      const items = rows.slice(0, limit);
      const next = rows.length > limit ? (items.at(-1)?.cursor ?? null) : null;
      const holidays = plan.holidays();
      return { items: items.map((item) => view(item, holidays)), next, stats: stats(), deskHeads: store.deskHeads() };
    },

    update(
      { responseId, status, note }: { responseId: string; status: FeedbackStatus; note?: string | undefined },
      session: Session | null,
    ) {
      const officer = officerOf(session);
      if (status === 'resolved' && !note) throw new AppError('bad_input', 'note: say how it was resolved');
      const before = load(responseId);
      if (status === 'resolved') refuseOfficerConcerned(before, officer, 'resolve it');
      const at = now();
      store.inTransaction(() => {
        store.update({ responseId, status, note: note || null, by: officer, at });
        audit.record({
          at,
          officer,
          action:
            status === 'resolved'
              ? 'feedback.resolve'
              : status === 'new'
                ? 'feedback.reset'
                : before.status === 'resolved'
                  ? 'feedback.reopen'
                  : 'feedback.start',
          target: responseId,
          before: { status: before.status, note: before.note },
          after: { status, note: note || before.note },
        });
      });
      return view(load(responseId), plan.holidays());
    },

    /** "Đã gọi lại cho người dân": the day the citizen who left a phone number was called, and what came of it. */
    recordCallBack(
      { responseId, day, result }: { responseId: string; day: string; result: string },
      session: Session | null,
    ) {
      const officer = officerOf(session);
      const before = load(responseId);
      if (!before.phone) throw new AppError('conflict', 'responseId: the citizen left no phone number to call back');
      refuseOfficerConcerned(before, officer, 'call the citizen back');
      if (day < before.day) throw new AppError('bad_input', 'day: the call cannot be before the rating');
      if (day > today()) throw new AppError('bad_input', 'day: the call cannot be in the future');
      const at = now();
      store.inTransaction(() => {
        store.recordCallBack({ responseId, day, result, by: officer, at });
        audit.record({
          at,
          officer,
          action: 'feedback.callback',
          target: responseId,
          before: before.callBack,
          after: { day, result },
        });
      });
      return view(load(responseId), plan.holidays());
    },

    /** Deadline figures of the items of a period (the targets page). */
    deadlineFigures(range: { from: string; to: string }, asOf?: string) {
      return deadlines(store.deadlineRows(range), asOf);
    },

    /** Today's open items with a low rating or reasons (the staff's Today alerts). */
    openToday: () => store.openOfDay(today(), lowScoreThreshold()),
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
