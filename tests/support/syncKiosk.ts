import { randomUUID } from 'node:crypto';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import type { KioskSyncOptions } from '../../src/app/kioskSync';
import { CONSENT_VERSION } from '../../src/domain/kioskSettings';
import { localDayOf } from '../../src/domain/localDay';
import type { Clock } from '../../src/services/ports';
import type { PlainAnswer } from './independentScore';

const ITEMS = ['access', 'procedure', 'officer', 'result', 'feedback'] as const;

export interface Submitted {
  day: string;
  kind: 'counted' | 'suspect' | 'abandoned';
  answers: PlainAnswer[];
  /** Personal data sent with it, to prove none of it reaches the collector. */
  secrets: string[];
}

/**
 * How long a kiosk waits for the collector: short, so a test sees a timeout ('hang') soon,
 * but well above a local answer on a loaded two-core machine, which has taken over 400 ms.
 */
const TEST_REQUEST_LIMIT_MS = 1_500;

/** A kiosk (composeApp on a data folder) driven through its operations, as the UI drives it. */
export async function startKiosk(
  dataDir: string,
  clock: Clock & { advance(ms: number): void },
  sync: KioskSyncOptions = { schedule: false },
) {
  const app: App = await composeApp({
    dataDir,
    clock,
    logger: silentLogger,
    demo: true,
    sync: { totalTimeoutMs: TEST_REQUEST_LIMIT_MS, random: () => 0.5, ...sync },
  });
  const call = async (name: string, input: unknown, token: string | null = null): Promise<any> => {
    const envelope = await app.dispatch(name, input, { token, local: true });
    if (!envelope.ok)
      throw Object.assign(new Error(`${name}: ${envelope.error.message}`), { code: envelope.error.code });
    return envelope.value;
  };
  // Sessions expire as the test moves the clock on by hours: sign in again when told to.
  let token: string | null = null;
  const asAdmin = async (name: string, input: unknown = {}): Promise<any> => {
    try {
      if (token) return await call(name, input, token);
    } catch (error) {
      if ((error as { code?: string }).code !== 'unauthenticated') throw error;
    }
    token = (await call('signIn', { officer: 'qtv', pin: '9999' })).token as string;
    return call(name, input, token);
  };
  const questionnaire = await call('getActiveQuestionnaire', {});
  return {
    app,
    call,
    asAdmin,
    questionnaire: { id: questionnaire.id as string, version: questionnaire.version as number },
  };
}

export type Kiosk = Awaited<ReturnType<typeof startKiosk>>;

/**
 * Submits one response a minute (so the repeat filter never fires) and keeps an
 * independent ledger of what was submitted and how it must be counted.
 */
export function respondent(clock: Clock & { advance(ms: number): void }, ledger: Submitted[]) {
  let n = 0;
  return async function submit(
    kiosk: Kiosk,
    { kind = 'counted', personal = false }: { kind?: Submitted['kind']; personal?: boolean } = {},
  ) {
    n += 1;
    clock.advance(60_000);
    // Deterministic variety: scores, a skipped item now and then, two counters, a field or none.
    // The required ratings (access, procedure, officer on a kiosk nobody armed) are always given,
    // so a response meant to count does; result and feedback are skipped now and then.
    const answers = ITEMS.filter((_, i) => i < 3 || (n + i) % 7 !== 0).map((item, i) => ({
      item,
      score: ((n * 3 + i * 2) % 5) + 1,
    }));
    const caseCode = `HS-${randomUUID().slice(0, 8)}`;
    const comment = `Góp ý riêng tư số ${n} ${randomUUID().slice(0, 6)}`;
    const phone = `09${String(10_000_000 + n * 7919).slice(-8)}`;
    await kiosk.call('submitResponse', {
      id: randomUUID(),
      questionnaire: kiosk.questionnaire,
      language: 'vi',
      durationMs: kind === 'suspect' ? 100 : 30_000,
      status: kind === 'abandoned' ? 'abandoned' : 'completed',
      answers: kind === 'abandoned' ? answers.slice(0, 2) : answers,
      context: {
        counter: n % 3 === 0 ? undefined : `Q${(n % 2) + 1}`,
        field: n % 4 === 0 ? undefined : 'ho-tich',
        ...(personal ? { caseCode } : {}),
      },
      ...(personal ? { comment, contact: { phone, consentVersion: CONSENT_VERSION } } : {}),
    });
    ledger.push({
      day: localDayOf(clock.now()),
      kind,
      answers: (kind === 'abandoned' ? answers.slice(0, 2) : answers).map((a) => ({ ...a, points: 5 as const })),
      secrets: personal ? [caseCode, comment, phone] : [],
    });
  };
}

/** What a collector must hold for these submissions: counted answers by item, and the four totals. */
export function expectedTotals(ledger: readonly Submitted[]) {
  const byItem: Record<string, number[]> = {};
  for (const s of ledger) {
    if (s.kind !== 'counted') continue;
    for (const a of s.answers) {
      if (a.score === null) continue;
      const counts = (byItem[a.item] ??= [0, 0, 0, 0, 0]);
      counts[a.score - 1]! += 1;
    }
  }
  const of = (kind: Submitted['kind']) => ledger.filter((s) => s.kind === kind).length;
  return {
    responses: ledger.length,
    counted: of('counted'),
    suspect: of('suspect'),
    abandoned: of('abandoned'),
    byItem,
  };
}
