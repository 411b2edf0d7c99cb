import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../src/domain/kioskSettings';
import { useExportApps, uuid } from '../support/exportApp';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const { exportApp } = useExportApps(tempDir);

const staffToken = async (call: (n: string, i: unknown) => Promise<any>, officer: string, pin: string) =>
  (await call('signIn', { officer, pin })).token as string;

describe('fair handling over the real database', () => {
  it('the officer concerned cannot resolve; another officer can; the desk head is named; every step is audited', async () => {
    const { call, raw, submit, signIn, clock } = await exportApp();
    clock.set('2026-11-30T02:00:00.000Z'); // Monday
    await submit(
      1,
      [
        ['access', 1],
        ['officer.1', 1],
      ],
      {
        context: { counter: 'Q1', officer: 'nv01', field: 'ho-tich' },
        contact: { phone: '0912 345 678', consentVersion: CONSENT_VERSION },
        comment: '=1+2 chờ lâu',
      },
    );
    const admin = await signIn();
    const officers = (await call('getUnitSetup', {}, admin)).officers as Array<{
      code: string;
      name: string;
      role: 'staff' | 'admin';
      counter: string | null;
    }>;
    const nv02 = officers.find((o) => o.code === 'nv02')!;
    await call(
      'saveOfficer',
      { code: nv02.code, name: nv02.name, role: nv02.role, counter: nv02.counter, deskHead: true },
      admin,
    );
    expect(
      (await call('getUnitSetup', {}, admin)).officers.find((o: { code: string }) => o.code === 'nv02').deskHead,
    ).toBe(true);

    const nv01 = await staffToken(call, 'nv01', '1111');
    const list = await call('listFeedback', {}, nv01);
    expect(list.deskHeads).toEqual([{ code: 'nv02', name: nv02.name }]);
    expect(list.items[0]).toMatchObject({
      responseId: uuid(1),
      officer: 'nv01',
      dueDay: '2026-12-14',
      callBackDueDay: '2026-12-03',
      callBack: null,
    });

    const refused = await raw('updateFeedback', { responseId: uuid(1), status: 'resolved', note: 'Tự xử lý' }, nv01);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!refused.ok && refused.error.message).toMatch(/about you/);
    expect(
      await raw('recordCallBack', { responseId: uuid(1), day: '2026-11-30', result: 'Đã gọi' }, nv01),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const head = await staffToken(call, 'nv02', '2222');
    const called = await call(
      'recordCallBack',
      { responseId: uuid(1), day: '2026-11-30', result: 'Đã gọi, hẹn trả kết quả thứ Tư' },
      head,
    );
    expect(called.callBack).toMatchObject({ day: '2026-11-30', by: 'nv02' });
    const resolved = await call(
      'updateFeedback',
      { responseId: uuid(1), status: 'resolved', note: 'Đã nhắc nhở cán bộ, xin lỗi người dân' },
      head,
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'nv02', selfResolved: false });

    const stats = (await call('listFeedback', {}, head)).stats;
    expect(stats).toMatchObject({
      total: 1,
      handled: 1,
      onTime: { onTime: 1, due: 1 },
      calledBack: { onTime: 1, due: 1 },
    });

    const audit = await call('auditLog', { limit: 10 }, await signIn());
    expect(audit.map((e: { action: string; officer: string }) => [e.action, e.officer]).slice(0, 3)).toEqual([
      ['feedback.resolve', 'nv02'],
      ['feedback.callback', 'nv02'],
      ['officer.update', 'qtv'],
    ]);
  }, 60_000);
});
