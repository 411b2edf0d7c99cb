import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/contract/dispatch';
import { isAppError } from '../../src/domain/errors';
import { createFeedbackService } from '../../src/services/feedback';
import type { FeedbackRecord, FeedbackStore } from '../../src/services/feedbackPorts';
import type { AuditLog } from '../../src/services/ports';
import { defaultTargets } from '../../src/services/targets';
import { frozenClock } from '../support/fakes';

const staff = (officer: string): Session => ({ role: 'staff', officer, officerName: officer });
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// Quốc khánh 2026: Tuesday 1 and Wednesday 2 September.
const NATIONAL_DAY = new Set(['2026-09-01', '2026-09-02']);

function item(n: number, day: string, officer: string | null, phone: string | null = null): FeedbackRecord {
  return {
    cursor: n,
    responseId: id(n),
    submittedAt: `${day}T02:00:00.000Z`,
    day,
    responseStatus: 'completed',
    flags: [],
    counter: null,
    officer,
    field: null,
    lowScores: [{ item: 'officer', value: 1 }],
    reasons: [],
    comment: null,
    phone,
    status: 'new',
    note: null,
    updatedBy: null,
    updatedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    callBack: null,
  };
}

/** An in-memory inbox: enough of the store to hold the rules to account. */
function memoryStore(items: FeedbackRecord[]): FeedbackStore {
  const byId = new Map(items.map((i) => [i.responseId, i]));
  return {
    page: () => [...byId.values()],
    find: (responseId) => byId.get(responseId) ?? null,
    stats: () => ({ total: byId.size, handled: 0, oldestUnhandled: null }),
    deadlineRows: ({ from, to }) =>
      [...byId.values()]
        .filter((i) => i.day >= from && i.day <= to)
        .map((i) => ({
          responseId: i.responseId,
          day: i.day,
          officer: i.officer,
          status: i.status,
          resolvedBy: i.resolvedBy,
          resolvedAt: i.resolvedAt,
          hasPhone: i.phone !== null,
          callBackDay: i.callBack?.day ?? null,
        })),
    openOfDay: () => [],
    update({ responseId, status, note, by, at }) {
      const found = byId.get(responseId);
      if (!found) return false;
      byId.set(responseId, {
        ...found,
        status,
        note: note ?? found.note,
        updatedBy: by,
        updatedAt: at,
        resolvedBy: status === 'resolved' ? by : null,
        resolvedAt: status === 'resolved' ? at : null,
      });
      return true;
    },
    recordCallBack({ responseId, ...callBack }) {
      const found = byId.get(responseId);
      if (!found) return false;
      byId.set(responseId, { ...found, callBack });
      return true;
    },
    deskHeads: () => [{ code: 'tp01', name: 'Trưởng bộ phận' }],
    inTransaction: (work) => work(),
  };
}

function setup(items: FeedbackRecord[], now = '2026-08-31T03:00:00.000Z') {
  const clock = frozenClock(now);
  const entries: Array<Parameters<AuditLog['record']>[0]> = [];
  const audit: AuditLog = { record: (entry) => void entries.push(entry), list: () => [] };
  const targets = { ...defaultTargets(2026), handleWithinDays: 1, callBackWithinDays: 2 };
  const service = createFeedbackService({
    store: memoryStore(items),
    clock,
    audit,
    lowScoreThreshold: () => 2,
    plan: { targets: () => targets, holidays: () => NATIONAL_DAY },
  });
  return { service, clock, entries };
}

describe('fair handling of feedback', () => {
  it('refuses the officer a rating is about; another officer or the desk head resolves it', () => {
    const { service, entries } = setup([item(1, '2026-08-31', 'nv01'), item(2, '2026-08-31', 'nv01')]);
    let refusal: unknown;
    try {
      service.update({ responseId: id(1), status: 'resolved', note: 'Đã giải thích' }, staff('nv01'));
    } catch (error) {
      refusal = error;
    }
    expect(isAppError(refusal) && refusal.code).toBe('forbidden');
    expect(String((refusal as Error).message)).toMatch(/about you \(nv01\).*another officer or the desk head/);
    expect(entries).toEqual([]);

    // The officer concerned may still take it on; only closing it is someone else's.
    expect(service.update({ responseId: id(1), status: 'in_progress' }, staff('nv01')).status).toBe('in_progress');
    const resolved = service.update(
      { responseId: id(1), status: 'resolved', note: 'Đã xin lỗi người dân' },
      staff('nv02'),
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'nv02', selfResolved: false });
    expect(service.update({ responseId: id(2), status: 'resolved', note: 'Đã xử lý' }, staff('tp01')).resolvedBy).toBe(
      'tp01',
    );
    expect(entries.map((e) => [e.action, e.officer, e.target])).toEqual([
      ['feedback.start', 'nv01', id(1)],
      ['feedback.resolve', 'nv02', id(1)],
      ['feedback.resolve', 'tp01', id(2)],
    ]);
    expect(entries[1]).toMatchObject({
      before: { status: 'in_progress' },
      after: { status: 'resolved', note: 'Đã xin lỗi người dân' },
    });
  });

  it('lets anyone resolve an item about no officer, and never without a note', () => {
    const { service } = setup([item(1, '2026-08-31', null)]);
    expect(() => service.update({ responseId: id(1), status: 'resolved' }, staff('nv01'))).toThrow(/note/);
    expect(
      service.update({ responseId: id(1), status: 'resolved', note: 'Đã sửa biển chỉ dẫn' }, staff('nv01')).status,
    ).toBe('resolved');
  });

  it('computes the handled-on-time share over a week with a public holiday, counting only fair resolutions', () => {
    // Handle within 1 working day. Monday 31/08's items are due Thursday 03/09 (01 and 02/09 are off).
    const items: FeedbackRecord[] = [
      item(1, '2026-08-31', 'nv01'), // resolved Thursday by nv02: on time thanks to the holiday
      item(2, '2026-08-31', 'nv01'), // resolved Friday by nv02: late
      // Resolved Thursday by nv01 itself (stored before the rule existed): due, but not on time.
      {
        ...item(3, '2026-08-31', 'nv01'),
        status: 'resolved',
        resolvedBy: 'nv01',
        resolvedAt: '2026-09-03T03:00:00.000Z',
      },
      item(4, '2026-08-31', null), // never resolved, deadline passed: due, not on time
      item(5, '2026-09-04', 'nv02'), // Friday's, due Monday 07/09: still open on Friday
    ];
    const { service, clock } = setup(items);
    clock.set('2026-09-03T09:00:00.000Z'); // Thursday 16:00 in Vietnam
    service.update({ responseId: id(1), status: 'resolved', note: 'Đúng hạn' }, staff('nv02'));
    clock.set('2026-09-04T02:00:00.000Z'); // Friday 09:00
    service.update({ responseId: id(2), status: 'resolved', note: 'Trễ hạn' }, staff('nv02'));

    const week = service.deadlineFigures({ from: '2026-08-31', to: '2026-09-04' }, '2026-09-04');
    expect(week.handled).toEqual({ onTime: 1, due: 4, open: 1, percent: 25 });

    // The same week without the holiday: item 1 was due Tuesday, so it too is late.
    const noHoliday = createFeedbackService({
      store: memoryStore(
        items.map((i) =>
          i.responseId === id(1)
            ? { ...i, status: 'resolved' as const, resolvedBy: 'nv02', resolvedAt: '2026-09-03T09:00:00.000Z' }
            : i,
        ),
      ),
      clock,
      audit: { record: () => {}, list: () => [] },
      lowScoreThreshold: () => 2,
      plan: { targets: () => ({ ...defaultTargets(2026), handleWithinDays: 1 }), holidays: () => new Set() },
    });
    expect(noHoliday.deadlineFigures({ from: '2026-08-31', to: '2026-08-31' }, '2026-09-04').handled).toMatchObject({
      onTime: 0,
      due: 4,
    });

    // A self-resolved item stays out of the share even when resolved in time.
    const selfOnly = setup([
      {
        ...item(9, '2026-08-31', 'nv01'),
        status: 'resolved',
        resolvedBy: 'nv01',
        resolvedAt: '2026-08-31T05:00:00.000Z',
      },
    ]);
    expect(selfOnly.service.deadlineFigures({ from: '2026-08-31', to: '2026-08-31' }, '2026-08-31').handled).toEqual({
      onTime: 0,
      due: 1,
      open: 0,
      percent: 0,
    });
    expect(selfOnly.service.list({ limit: 10 }).items[0]?.selfResolved).toBe(true);
  });

  it('gives call-back due dates in working days and records the call, never by the officer concerned', () => {
    // Call back within 2 working days: Friday 28/08 → Monday 31/08 and Thursday 03/09 (the holidays skipped).
    const { service, clock, entries } = setup([
      item(1, '2026-08-28', 'nv01', '0912 345 678'),
      item(2, '2026-08-31', 'nv01'),
    ]);
    clock.set('2026-09-03T03:00:00.000Z');
    const listed = service.list({ limit: 10 }).items;
    expect(listed.find((i) => i.responseId === id(1))).toMatchObject({
      dueDay: '2026-08-31',
      callBackDueDay: '2026-09-03',
    });
    expect(listed.find((i) => i.responseId === id(2))?.callBackDueDay).toBeNull();

    expect(() =>
      service.recordCallBack({ responseId: id(1), day: '2026-09-03', result: 'Đã báo kết quả' }, staff('nv01')),
    ).toThrow(/about you/);
    expect(() => service.recordCallBack({ responseId: id(2), day: '2026-09-03', result: 'x' }, staff('nv02'))).toThrow(
      /no phone number/,
    );
    expect(() => service.recordCallBack({ responseId: id(1), day: '2026-09-04', result: 'x' }, staff('nv02'))).toThrow(
      /future/,
    );
    const called = service.recordCallBack(
      { responseId: id(1), day: '2026-09-03', result: 'Đã báo kết quả, người dân đồng ý' },
      staff('nv02'),
    );
    expect(called.callBack).toMatchObject({
      day: '2026-09-03',
      result: 'Đã báo kết quả, người dân đồng ý',
      by: 'nv02',
    });
    expect(entries.at(-1)).toMatchObject({
      action: 'feedback.callback',
      officer: 'nv02',
      target: id(1),
      after: { day: '2026-09-03' },
    });
    expect(service.deadlineFigures({ from: '2026-08-28', to: '2026-08-31' }, '2026-09-03').calledBack).toEqual({
      onTime: 1,
      due: 1,
      open: 0,
      percent: 100,
    });
  });
});
