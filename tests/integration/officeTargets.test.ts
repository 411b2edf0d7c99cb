import { describe, expect, it } from 'vitest';
import { useExportApps } from '../support/exportApp';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const { exportApp } = useExportApps(tempDir);

describe("the plan's targets", () => {
  it('saves targets and holidays (audited), shows year to date, the gap and what is at risk, and alerts staff today', async () => {
    const { call, raw, submit, signIn, clock } = await exportApp();
    const admin = await signIn();
    const defaults = await call('getTargets', { year: 2026 }, admin);
    expect(defaults).toMatchObject({ isDefault: true, targets: { sipas: 80, fieldsGoodShare: 80 }, holidays: [] });

    const targets = { ...defaults.targets, sipas: 85, alertMinResponses: 3 };
    expect(await call('saveTargets', targets, admin)).toEqual(targets);
    expect(
      await raw('saveTargets', targets, (await call('signIn', { officer: 'nv01', pin: '1111' })).token),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const holidays = await call(
      'saveHolidays',
      { year: 2026, holidays: [{ day: '2026-12-02', name: 'Nghỉ bù' }] },
      admin,
    );
    expect(holidays).toEqual([{ day: '2026-12-02', name: 'Nghỉ bù' }]);
    expect(
      await raw('saveHolidays', { year: 2026, holidays: [{ day: '2027-01-01', name: 'Tết' }] }, admin),
    ).toMatchObject({ ok: false, error: { code: 'bad_input' } });

    // November: all satisfied. Today (30/11): three low ratings with reasons.
    clock.set('2026-11-29T02:00:00.000Z');
    for (let n = 1; n <= 3; n += 1)
      await submit(
        n,
        [
          ['access', 5],
          ['officer.1', 3],
        ],
        { context: { field: 'ho-tich' } },
      );
    clock.set('2026-11-30T02:00:00.000Z');
    for (let n = 4; n <= 6; n += 1) {
      await submit(
        n,
        [
          ['access', 1],
          ['officer.1', 1],
        ],
        { context: { field: 'dat-dai', officer: 'nv01' }, reasons: [{ dimension: 'feedback', reason: 'no-answer' }] },
      );
    }

    const staff = (await call('signIn', { officer: 'nv02', pin: '2222' })).token;
    const progress = await call('targetProgress', { year: 2026 }, staff);
    expect(progress).toMatchObject({
      year: 2026,
      asOf: '2026-11-30',
      isDefault: false,
      counted: 6,
      questionnaire: { id: 'test-mixed', version: 2 },
    });
    expect(progress.sipas).toMatchObject({ target: 85, value: 50, gap: -35, status: 'at_risk' });
    expect(progress.dimensions.find((d: { dimension: string }) => d.dimension === 'access')).toMatchObject({
      value: 50,
      status: 'at_risk',
    });
    expect(progress.fieldsGood).toMatchObject({ good: 1, fields: 2, value: 50, status: 'at_risk' });
    expect(progress.weakestFields[0]).toMatchObject({ field: 'dat-dai', index: 0, counted: 3 });
    expect(progress.weakestItems[0]).toMatchObject({ index: 50, answers: 6 });
    expect(progress.trend.map((m: { month: string }) => m.month)).toHaveLength(11);
    expect(progress.trend.at(-1)).toMatchObject({ month: '2026-11', counted: 6, sipas: 50 });
    // Three low ratings, all open and due (10 working days) after 30/11: nothing due yet.
    expect(progress.handledOnTime).toMatchObject({ target: 100, due: 0, open: 3, status: 'no_data' });

    const alerts = await call('staffAlerts', {}, staff);
    expect(alerts.lowRatings).toHaveLength(3);
    expect(alerts.lowRatings[0].reasons).toEqual([{ dimension: 'feedback', reason: 'no-answer' }]);
    expect(alerts.belowTarget.map((b: { dimension: string }) => b.dimension).sort()).toEqual(['access', 'officer']);

    const audit = await call('auditLog', { limit: 5 }, await signIn());
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['targets.save', 'holidays.save']),
    );
  }, 60_000);
});
