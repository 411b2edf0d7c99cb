import { afterEach, describe, expect, it } from 'vitest';
import quick from '../../assets/questionnaires/sipas-quick.json';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const apps: App[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));

async function start(demo = true) {
  const app = await composeApp({ dataDir: tempDir(), logger: silentLogger, demo });
  apps.push(app);
  const raw = (name: string, input: unknown, caller: { token?: string | null; local?: boolean } = {}) =>
    app.dispatch(name, input, { local: true, ...caller });
  const call = async (name: string, input: unknown, token?: string) => {
    const envelope = await raw(name, input, { token: token ?? null });
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as any;
  };
  return { app, raw, call };
}

const adminToken = async (call: (n: string, i: unknown) => Promise<any>) =>
  (await call('signIn', { officer: 'qtv', pin: '9999' })).token as string;

describe('first run', () => {
  it('asks for an administrator once, only from the machine itself', async () => {
    const { raw, call } = await start(false);
    expect(await call('setupStatus', {})).toEqual({ hasAdmin: false });
    const fromLan = await raw('createFirstAdmin', { code: 'admin', name: 'Quản trị', pin: '246810' }, { local: false });
    expect(fromLan).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('createFirstAdmin', { code: 'admin', name: 'Quản trị', pin: '246810' })).toEqual({
      code: 'admin',
      name: 'Quản trị',
    });
    expect(await call('setupStatus', {})).toEqual({ hasAdmin: true });
    await expect(call('createFirstAdmin', { code: 'other', name: 'X', pin: '1234' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await call('signIn', { officer: 'admin', pin: '246810' })).role).toBe('admin');
  });
});

describe('unit setup', () => {
  it('round-trips counters, fields and officers; a new officer signs in; a PIN reset lifts a lockout', async () => {
    const { call } = await start();
    const token = await adminToken(call);
    await call('saveCounter', { code: 'Q4', name: 'Quầy 4 — Tài chính' }, token);
    await call('saveField', { code: 'tai-chinh', name: 'Tài chính', active: true }, token);
    await call('saveField', { code: 'ho-tich', name: 'Hộ tịch', active: false }, token);
    const photo = 'data:image/png;base64,iVBORw0KGgo=';
    await call(
      'saveOfficer',
      { code: 'nv03', name: 'Phạm Thị Hoa', role: 'staff', counter: 'Q4', pin: '3333', photo },
      token,
    );
    const setup = await call('getUnitSetup', {}, token);
    expect(setup.counters).toContainEqual({ code: 'Q4', name: 'Quầy 4 — Tài chính', active: true });
    expect(setup.fields).toContainEqual({ code: 'ho-tich', name: 'Hộ tịch', active: false });
    expect(setup.officers).toContainEqual({
      code: 'nv03',
      name: 'Phạm Thị Hoa',
      role: 'staff',
      counter: 'Q4',
      active: true,
      photo,
      deskHead: false,
    });
    expect((await call('signIn', { officer: 'nv03', pin: '3333' })).officer.name).toBe('Phạm Thị Hoa');

    await call('saveOfficer', { code: 'nv03', name: 'Phạm Thị Hoa', role: 'staff', counter: 'Q1' }, token);
    expect((await call('getUnitSetup', {}, token)).officers.find((o: any) => o.code === 'nv03')).toMatchObject({
      counter: 'Q1',
      photo,
    });
    await expect(call('saveOfficer', { code: 'nv09', name: 'Không PIN', role: 'staff' }, token)).rejects.toThrow(
      'pin: required for a new officer',
    );

    for (let i = 0; i < 5; i += 1) await call('signIn', { officer: 'nv03', pin: '0000' }).catch(() => undefined);
    await expect(call('signIn', { officer: 'nv03', pin: '3333' })).rejects.toMatchObject({ code: 'locked' });
    await call('resetOfficerPin', { code: 'nv03', pin: '4444' }, token);
    expect((await call('signIn', { officer: 'nv03', pin: '4444' })).role).toBe('staff');
  });

  it('refuses to demote or retire the last active administrator', async () => {
    const { call } = await start();
    const token = await adminToken(call);
    await expect(call('saveOfficer', { code: 'qtv', name: 'Lê Thu Hà', role: 'staff' }, token)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      call('saveOfficer', { code: 'qtv', name: 'Lê Thu Hà', role: 'admin', active: false }, token),
    ).rejects.toMatchObject({ code: 'conflict' });
    await call('saveOfficer', { code: 'qtv2', name: 'Phó quản trị', role: 'admin', pin: '5555' }, token);
    expect((await call('saveOfficer', { code: 'qtv', name: 'Lê Thu Hà', role: 'staff' }, token)).role).toBe('staff');
  });

  it('staff cannot change the setup', async () => {
    const { raw, call } = await start();
    const staff = (await call('signIn', { officer: 'nv01', pin: '1111' })).token;
    expect(await raw('saveCounter', { code: 'Q9', name: 'x' }, { token: staff })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('questionnaires', () => {
  it('a bad file is refused with the path of the problem, and nothing is stored', async () => {
    const { call } = await start();
    const token = await adminToken(call);
    const broken = structuredClone(quick) as any;
    broken.id = 'sipas-2027';
    delete broken.dimensions[2].items[0].text.vi;
    await expect(call('importQuestionnaire', { definition: broken }, token)).rejects.toThrow(
      'dimensions[2].items[0].text.vi: required',
    );
    expect((await call('listQuestionnaires', {}, token)).map((q: any) => q.id)).not.toContain('sipas-2027');
  });

  it('a stored version is never changed in place; editing makes a new version; old responses keep theirs', async () => {
    const { call } = await start();
    const token = await adminToken(call);
    await call('submitResponse', {
      id: '00000000-0000-4000-8000-000000000001',
      questionnaire: { id: 'sipas-quick', version: 1 },
      language: 'vi',
      durationMs: 30_000,
      status: 'completed',
      answers: [{ item: 'access', score: 4 }],
    });
    const edited = structuredClone(quick) as any;
    edited.title.vi = 'Đánh giá nhanh (sửa)';
    await expect(call('importQuestionnaire', { definition: edited }, token)).rejects.toMatchObject({
      code: 'conflict',
    });
    // Importing the very same file again is harmless.
    expect(await call('importQuestionnaire', { definition: quick }, token)).toMatchObject({
      id: 'sipas-quick',
      version: 1,
      responses: 1,
    });
    const v2 = await call('importQuestionnaire', { definition: edited, asNewVersion: true }, token);
    expect(v2).toMatchObject({ id: 'sipas-quick', version: 2, active: false, responses: 0 });
    expect(await call('activateQuestionnaire', { id: 'sipas-quick', version: 2 }, token)).toMatchObject({
      active: true,
    });
    expect((await call('getKioskSetup', {})).questionnaire).toMatchObject({
      version: 2,
      title: { vi: 'Đánh giá nhanh (sửa)' },
    });
    const list = await call('listQuestionnaires', {}, token);
    expect(list.find((q: any) => q.id === 'sipas-quick' && q.version === 1)).toMatchObject({
      title: { vi: 'Đánh giá nhanh mức độ hài lòng' },
      responses: 1,
      active: false,
    });
  });

  it('a new version may not change the scale of an item an earlier version had; the refusal names the item', async () => {
    const { call } = await start();
    const token = await adminToken(call);
    const threePoint = structuredClone(quick) as any;
    threePoint.dimensions[2].items[0].scale = 3;
    await expect(
      call('importQuestionnaire', { definition: threePoint, asNewVersion: true }, token),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(
        'dimensions[2].items[0].scale: item officer has a 5-point scale in sipas-quick v1',
      ),
    });
    // Under an explicit new version number too, and nothing was stored.
    await expect(
      call('importQuestionnaire', { definition: { ...threePoint, version: 7 } }, token),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(
      (await call('listQuestionnaires', {}, token))
        .filter((q: any) => q.id === 'sipas-quick')
        .map((q: any) => q.version),
    ).toEqual([1]);
    // The changed question under a new item id is a new instrument: accepted.
    threePoint.dimensions[2].items[0].id = 'officer.1';
    expect(await call('importQuestionnaire', { definition: threePoint, asNewVersion: true }, token)).toMatchObject({
      id: 'sipas-quick',
      version: 2,
    });
    // Another questionnaire id may use its own scale for the same item id.
    expect(
      await call(
        'importQuestionnaire',
        {
          definition: {
            ...structuredClone(quick),
            id: 'quick-3',
            dimensions: [{ ...quick.dimensions[2], items: [{ ...quick.dimensions[2]!.items[0], scale: 3 }] }],
          },
        },
        token,
      ),
    ).toMatchObject({ id: 'quick-3', version: 1 });
  });

  it('a file that still carries dimension weights is refused, naming the field', async () => {
    const { call } = await start();
    const token = await adminToken(call);
    const weighted = {
      ...structuredClone(quick),
      id: 'weighted',
      dimensions: quick.dimensions.map((d) => ({ ...d, weight: 1 })),
    };
    await expect(call('importQuestionnaire', { definition: weighted }, token)).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('dimensions[0].weight: SIPAS dimensions have equal weights; remove this field'),
    });
  });
});

describe('the audit log', () => {
  it('records who did what and when, with before and after, never a PIN', async () => {
    const { call } = await start();
    const token = await adminToken(call);
    await call('saveCounter', { code: 'Q1', name: 'Quầy một' }, token);
    await call('resetOfficerPin', { code: 'nv01', pin: '8642' }, token);
    const settings = (await call('getKioskSetup', {})).settings;
    await call('updateKioskSettings', { ...settings, hotline: '0235 3 123 456' }, token);
    const log = await call('auditLog', {}, token);
    expect(log.map((e: any) => e.action)).toEqual(['kiosk.settings', 'officer.pin_reset', 'counter.save']);
    expect(log[2]).toMatchObject({
      officer: 'qtv',
      target: 'Q1',
      before: { name: 'Quầy 1 — Tư pháp, hộ tịch' },
      after: { name: 'Quầy một' },
    });
    expect(log[0]).toMatchObject({ before: { hotline: '' }, after: { hotline: '0235 3 123 456' } });
    expect(JSON.stringify(log)).not.toContain('8642');
    expect(log.every((e: any) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });
});

describe('the periodic report for the upper level', () => {
  it('a quarter per dimension and per field, as XLSX in Vietnamese, audited', async () => {
    const { app, call } = await start();
    const token = await adminToken(call);
    // Every required rating given (access, procedure, officer); result and feedback not: a SIPAS of 3/5.
    const scores: Array<[number, string]> = [
      [5, 'ho-tich'],
      [2, 'ho-tich'],
      [4, 'dat-dai'],
    ];
    for (const [n, [score, field]] of scores.entries()) {
      await call('submitResponse', {
        id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
        questionnaire: { id: 'sipas-quick', version: 1 },
        language: 'vi',
        durationMs: 30_000 + n * 1000,
        status: 'completed',
        answers: ['access', 'procedure', 'officer'].map((item) => ({ item, score })),
        context: { field },
      });
    }
    const today = new Date().toISOString().slice(0, 10);
    const report = await call('periodicReport', { kind: 'quarter', of: today }, token);
    expect(report.responses.counted).toBe(3);
    expect(report.byQuestionnaire).toHaveLength(1);
    expect(report.byQuestionnaire[0].score.dimensions.map((d: any) => [d.dimension, d.index])).toEqual([
      ['access', (2 / 3) * 100],
      ['procedure', (2 / 3) * 100],
      ['officer', (2 / 3) * 100],
    ]);
    expect(report.byQuestionnaire[0].byField).toEqual([
      {
        code: 'dat-dai',
        name: 'Đất đai',
        counted: 1,
        index: 100,
        coverage: 3,
        dimensions: { access: 100, procedure: 100, officer: 100, result: null, feedback: null },
      },
      {
        code: 'ho-tich',
        name: 'Hộ tịch',
        counted: 2,
        index: 50,
        coverage: 3,
        dimensions: { access: 50, procedure: 50, officer: 50, result: null, feedback: null },
      },
    ]);

    const written = await call('exportPeriodicReport', { kind: 'quarter', of: today }, token);
    const file = (await import('node:path')).join(app.dataDir, 'exports', written.file);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Báo cáo SIPAS')!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO CHỈ SỐ HÀI LÒNG (SIPAS) QUÝ');
    const rows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r: any) => r.slice(1));
    const sipas = rows.find((r: any) => r[0] === 'Chỉ số SIPAS (3/5 yếu tố)');
    expect([sipas[1], sipas[3]]).toEqual([66.7, 9]);
    expect(sipas[2]).toBeCloseTo(11 / 3, 9);
    // Lĩnh vực, phiếu hợp lệ, SIPAS, its coverage, then the five dimensions (empty where none was asked).
    expect(rows.find((r: any) => r[0] === 'Hộ tịch')?.slice(0, 5)).toEqual(['Hộ tịch', 2, 50, '3/5 yếu tố', 50]);
    expect((await call('auditLog', {}, token))[0]).toMatchObject({ action: 'periodicReport.export', officer: 'qtv' });
    const staff = (await call('signIn', { officer: 'nv01', pin: '1111' })).token;
    await expect(call('periodicReport', { kind: 'year', of: today }, staff)).rejects.toMatchObject({
      code: 'forbidden',
    });
  }, 30_000);
});
