import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Implementations, type Session } from '../../src/contract/dispatch';
import { operationNames, operations } from '../../src/contract/operations';
import { AppError } from '../../src/domain/errors';
import { testQuestionnaire } from '../support/fakes';

const summary = {
  day: '2026-11-30',
  responses: { responses: 0, counted: 0, suspect: 0, abandoned: 0 },
  byQuestionnaire: [],
};

function setup(overrides: Partial<Implementations> = {}) {
  const sessions: Record<string, Session> = {
    staff: { role: 'staff', officer: 'nv01', officerName: 'Lan' },
    admin: { role: 'admin', officer: 'qtv', officerName: 'Hà' },
  };
  const onInternalError = vi.fn();
  // Only the operations these tests call do anything; the rest fail loudly if reached.
  const unused = Object.fromEntries(
    operationNames.map((name) => [
      name,
      () => {
        throw new Error(`${name} is not used here`);
      },
    ]),
  ) as unknown as Implementations;
  const implementations: Implementations = {
    ...unused,
    health: () => ({ status: 'ok', version: '1', schemaVersion: 2, pendingWrites: 0, time: 'now' }),
    signIn: () => ({ token: 't', role: 'staff', officer: { code: 'nv01', name: 'Lan' }, idleTimeoutSeconds: 1800 }),
    getActiveQuestionnaire: () => testQuestionnaire,
    dailySummary: vi.fn(() => summary),
    ...overrides,
  };
  const dispatch = createDispatcher({
    implementations,
    resolveSession: (token) => sessions[token] ?? null,
    onInternalError,
  });
  return { dispatch, onInternalError, implementations };
}

describe('the dispatcher: one place for every check', () => {
  it('answers an unknown operation, including prototype keys, with not_found', async () => {
    const { dispatch } = setup();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      await expect(dispatch(name, {})).resolves.toEqual({
        ok: false,
        error: { code: 'not_found', message: `unknown operation: ${name}` },
      });
    }
  });

  it('staff operations need a session of a high enough role', async () => {
    const { dispatch, implementations } = setup();
    await expect(dispatch('dailySummary', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await expect(dispatch('dailySummary', {}, { token: 'forged' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await expect(dispatch('dailySummary', {}, { token: 'staff' })).resolves.toEqual({ ok: true, value: summary });
    await expect(dispatch('dailySummary', {}, { token: 'admin' })).resolves.toMatchObject({ ok: true });
    expect(implementations.dailySummary).toHaveBeenCalledTimes(2);
  });

  it('bad input names the field and never reaches the service', async () => {
    const { dispatch, implementations } = setup();
    await expect(dispatch('dailySummary', { day: '2026-02-30' }, { token: 'staff' })).resolves.toEqual({
      ok: false,
      error: { code: 'bad_input', message: 'day: a calendar date written YYYY-MM-DD' },
    });
    await expect(dispatch('dailySummary', { day: '2026-11-30', extra: 1 }, { token: 'staff' })).resolves.toEqual({
      ok: false,
      error: { code: 'bad_input', message: 'extra: unknown field' },
    });
    await expect(dispatch('signIn', { officer: 'nv01', pin: 1111 })).resolves.toMatchObject({
      error: { code: 'bad_input', message: expect.stringMatching(/^pin: /) },
    });
    expect(implementations.dailySummary).not.toHaveBeenCalled();
  });

  it('an app error keeps its code; any other error is hidden from the caller and logged', async () => {
    const conflict = setup({
      health: () => {
        throw new AppError('conflict', 'already rated');
      },
    });
    await expect(conflict.dispatch('health', {})).resolves.toEqual({
      ok: false,
      error: { code: 'conflict', message: 'already rated' },
    });
    // Structured details travel with it, for the screens to word (never parsed from the message).
    const locked = setup({
      health: () => {
        throw new AppError('locked', 'too many wrong PINs', { retryAfterSeconds: 240 });
      },
    });
    await expect(locked.dispatch('health', {})).resolves.toEqual({
      ok: false,
      error: { code: 'locked', message: 'too many wrong PINs', details: { retryAfterSeconds: 240 } },
    });

    const crash = setup({
      health: () => {
        throw new Error('SQLITE_CORRUPT at /home/secret/path');
      },
    });
    const envelope = await crash.dispatch('health', {});
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error; the details are in the log' },
    });
    expect(JSON.stringify(envelope)).not.toContain('secret');
    expect(crash.onInternalError).toHaveBeenCalledWith('health', expect.any(Error));
  });

  it('an implementation answering outside its contract is an internal error', async () => {
    const { dispatch, onInternalError } = setup({ health: () => ({ status: 'fine' }) as never });
    await expect(dispatch('health', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('every operation in the table declares a role, an input and an output', () => {
    for (const name of operationNames) {
      const spec = operations[name];
      expect(['citizen', 'staff', 'admin']).toContain(spec.role);
      expect(spec.summary.length).toBeGreaterThan(5);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
    }
  });
});
