import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { composeApp, DATABASE_FILE, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { CONSENT_VERSION } from '../../src/domain/kioskSettings';
import { frozenClock, testQuestionnaire } from './fakes';

/** Fixtures for the batch export tests (tests/integration/exports.test.ts). */

export const HYPERLINK = '=HYPERLINK("http://evil.example","Bấm vào")';
export const VIETNAMESE = 'Cán bộ tận tình, hướng dẫn "rất" chu đáo';
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An app over the mixed questionnaire (a 3-point and an optional item), signed in as the demo admin. */
async function exportApp(tempDir: () => string, apps: App[]) {
  const dataDir = tempDir();
  const clock = frozenClock('2026-11-29T04:00:00.000Z');
  (await composeApp({ dataDir, logger: silentLogger })).close();
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  const survey = createSurveyStore(db, createSettingsStore(db));
  survey.installQuestionnaire(testQuestionnaire, '2026-11-01T00:00:00.000Z');
  survey.setActiveQuestionnaire(testQuestionnaire);
  db.close();
  const app = await composeApp({ dataDir, clock, logger: silentLogger });
  apps.push(app);
  const raw = (name: string, input: unknown, token: string | null = null) =>
    app.dispatch(name, input, { token, local: true });
  const call = async (name: string, input: unknown, token: string | null = null) => {
    const envelope = await raw(name, input, token);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as any;
  };
  // The test moves the frozen clock by days, past the session's idle timeout: sign in for each step.
  const signIn = async () => (await call('signIn', { officer: 'qtv', pin: '9999' })).token as string;
  const submit = (n: number, answers: Array<[string, number | null]>, extra: object = {}) => {
    clock.advance(5 * 60_000);
    return call('submitResponse', {
      id: uuid(n),
      questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
      language: 'vi',
      durationMs: 30_000,
      status: 'completed',
      answers: answers.map(([item, score]) => ({ item, score })),
      ...extra,
    });
  };
  /** Starts an export and waits for its job to finish. */
  const exportBatch = async (input: object) => {
    const admin = await signIn();
    const { jobId } = await call('startExport', input, admin);
    for (;;) {
      const status = await call('exportStatus', { jobId }, admin);
      if (status.state !== 'running') return status;
      await sleep(5);
    }
  };
  const reexport = async (batchId: string) => {
    const admin = await signIn();
    const { jobId } = await call('reexportBatch', { batchId }, admin);
    for (;;) {
      const status = await call('exportStatus', { jobId }, admin);
      if (status.state !== 'running') return status;
      await sleep(5);
    }
  };
  const fileOf = (status: any) => path.join(dataDir, 'exports', status.batch.fileName);
  return { app, dataDir, clock, raw, call, signIn, submit, exportBatch, reexport, fileOf };
}

/** Yesterday one response; today a rich one with personal data, one with a formula comment, one abandoned. */
async function seeded(tempDir: () => string, apps: App[]) {
  const ctx = await exportApp(tempDir, apps);
  await ctx.submit(
    1,
    [
      ['access', 4],
      ['officer.1', 2],
    ],
    { comment: 'Hôm qua' },
  );
  ctx.clock.set('2026-11-30T02:00:00.000Z');
  await ctx.submit(
    2,
    [
      ['access', 5],
      ['officer.1', 3],
      ['feedback', null],
    ],
    {
      comment: VIETNAMESE,
      context: { counter: 'Q1', officer: 'nv01', field: 'ho-tich', caseCode: 'HS-2026-0001' },
      contact: { phone: '0912 345 678', consentVersion: CONSENT_VERSION },
    },
  );
  await ctx.submit(
    3,
    [
      ['access', 1],
      ['officer.1', 1],
    ],
    { language: 'en', comment: HYPERLINK, reasons: [{ dimension: 'feedback', reason: 'no-answer' }] },
  );
  await ctx.submit(4, [['access', 3]], { status: 'abandoned', comment: '-2 điểm vì chờ lâu' });
  const at = (n: number) => new Date(Date.parse('2026-11-30T02:00:00.000Z') + n * 5 * 60_000).toISOString();
  return { ...ctx, at };
}

/** RFC 4180, written independently of the app's encoder. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  expect([field, row]).toEqual(['', []]); // the last record ends with CRLF too
  return rows;
}

export const HEADER = [
  'response_id',
  'local_day',
  'submitted_at',
  'questionnaire_id',
  'questionnaire_version',
  'language',
  'status',
  'flags',
  'counter',
  'officer',
  'field',
  'item:access',
  'item:officer.1 [1-3]',
  'item:feedback',
  'reasons',
  'comment',
];
export const PERSONAL = ['phone', 'consent_version', 'consent_at', 'case_code_hash'];
export const TODAY = { from: '2026-11-30', to: '2026-11-30' };

/** Apps made by a test are closed after it. */
export function useExportApps(tempDir: () => string) {
  const apps: App[] = [];
  afterEach(() => apps.splice(0).forEach((a) => a.close()));
  return { exportApp: () => exportApp(tempDir, apps), seeded: () => seeded(tempDir, apps) };
}
