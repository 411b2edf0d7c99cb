import { describe, expect, it } from 'vitest';
import { createAuthService, LOCKOUT_MS, SESSION_IDLE_MS } from '../../src/services/auth';
import { frozenClock, memoryOfficerStore, plainPins } from '../support/fakes';

function setup() {
  const clock = frozenClock();
  const officers = memoryOfficerStore([
    {
      code: 'nv01',
      name: 'Nguyễn Thị Lan',
      role: 'staff',
      pinHash: 'plain$1111',
      failedAttempts: 0,
      lockedUntil: null,
    },
  ]);
  let n = 0;
  const auth = createAuthService({ officers, pins: plainPins, clock, newToken: () => `token-${(n += 1)}` });
  return { clock, officers, auth };
}

describe('staff sign-in', () => {
  it('a right PIN opens a session that resolves to the officer', async () => {
    const { auth } = setup();
    const signed = await auth.signIn({ officer: 'nv01', pin: '1111' });
    expect(signed).toMatchObject({
      token: 'token-1',
      role: 'staff',
      officer: { code: 'nv01', name: 'Nguyễn Thị Lan' },
    });
    expect(auth.resolveSession('token-1')).toEqual({ role: 'staff', officer: 'nv01', officerName: 'Nguyễn Thị Lan' });
    expect(auth.resolveSession('token-2')).toBeNull();
  });

  it('five wrong PINs lock the officer for five minutes, even with the right PIN', async () => {
    const { auth, clock, officers } = setup();
    for (let i = 0; i < 4; i += 1) {
      await expect(auth.signIn({ officer: 'nv01', pin: '0000' })).rejects.toMatchObject({ code: 'unauthenticated' });
    }
    // The time left travels as a number, for the screen to word.
    await expect(auth.signIn({ officer: 'nv01', pin: '0000' })).rejects.toMatchObject({
      code: 'locked',
      details: { retryAfterSeconds: 300 },
    });
    await expect(auth.signIn({ officer: 'nv01', pin: '1111' })).rejects.toMatchObject({
      code: 'locked',
      details: { retryAfterSeconds: 300 },
    });
    clock.advance(LOCKOUT_MS - 1000);
    await expect(auth.signIn({ officer: 'nv01', pin: '1111' })).rejects.toMatchObject({
      code: 'locked',
      details: { retryAfterSeconds: 1 },
    });
    clock.advance(1001);
    await expect(auth.signIn({ officer: 'nv01', pin: '1111' })).resolves.toMatchObject({ role: 'staff' });
    expect(officers.log.map((l) => l.outcome)).toEqual([
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'locked',
      'locked',
      'ok',
    ]);
  });

  it('an unknown officer gets the same answer as a wrong PIN, and is logged', async () => {
    const { auth, officers } = setup();
    await expect(auth.signIn({ officer: 'ghost', pin: '1111' })).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'wrong officer or PIN',
    });
    expect(officers.log).toEqual([{ officer: 'ghost', at: '2026-11-30T03:00:00.000Z', outcome: 'unknown' }]);
  });

  it('a session expires after 30 idle minutes; use keeps it alive; sign-out ends it', async () => {
    const { auth, clock } = setup();
    const { token } = await auth.signIn({ officer: 'nv01', pin: '1111' });
    clock.advance(SESSION_IDLE_MS - 1);
    expect(auth.resolveSession(token)).not.toBeNull();
    clock.advance(SESSION_IDLE_MS - 1);
    expect(auth.resolveSession(token)).not.toBeNull();
    clock.advance(SESSION_IDLE_MS + 1);
    expect(auth.resolveSession(token)).toBeNull();

    // A dashboard's own polling (touch = false) does not keep an unattended session open.
    const polled = await auth.signIn({ officer: 'nv01', pin: '1111' });
    clock.advance(SESSION_IDLE_MS - 1000);
    expect(auth.resolveSession(polled.token, false)).not.toBeNull();
    clock.advance(2000);
    expect(auth.resolveSession(polled.token, false)).toBeNull();

    const second = await auth.signIn({ officer: 'nv01', pin: '1111' });
    auth.signOut(second.token);
    expect(auth.resolveSession(second.token)).toBeNull();
  });
});
