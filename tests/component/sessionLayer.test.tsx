import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../renderer/api/client';
import { errorTextOf, problemOf } from '../../renderer/session/problem';
import { ACTIVITY, useIdleSignOut } from '../../renderer/session/useIdleSignOut';

afterEach(() => {
  vi.useRealTimers();
});

describe('the shared error-to-text mapping', () => {
  it('words a lockout from its structured details, never from the English message', () => {
    expect(problemOf(new ApiError('locked', 'try again in 9 min', { retryAfterSeconds: 61 }))).toEqual({
      key: 'signin.errors.lockedFor',
      values: { minutes: '2' },
    });
    // Without details, the general lockout text: the message is not read.
    expect(problemOf(new ApiError('locked', 'try again in 9 min'))).toEqual({ key: 'signin.errors.locked' });
  });

  it('keeps the host message only where it names the input at fault', () => {
    expect(problemOf(new ApiError('bad_input', 'pin: 4 to 8 digits'))).toEqual({
      key: 'signin.errors.bad_input',
      detail: 'pin: 4 to 8 digits',
    });
    expect(problemOf(new ApiError('unauthenticated', 'wrong officer or PIN'))).toEqual({
      key: 'signin.errors.unauthenticated',
    });
    expect(problemOf(new Error('boom'))).toEqual({ key: 'signin.errors.internal' });
    expect(errorTextOf(new ApiError('conflict', 'x'))).toBe('signin.errors.conflict');
  });
});

describe('the shared idle sign-out', () => {
  it('counts a touch, a click, a key and a scroll as someone being there', () => {
    expect([...ACTIVITY].sort()).toEqual(['keydown', 'pointerdown', 'touchstart', 'wheel']);
  });

  it.each(ACTIVITY)('%s restarts the count; without activity it ends', (type) => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    renderHook(() => useIdleSignOut(120, onIdle));
    act(() => vi.advanceTimersByTime(119_000));
    act(() => void window.dispatchEvent(new Event(type)));
    act(() => vi.advanceTimersByTime(119_000));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1_000));
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('does not count while there is no session', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    renderHook(() => useIdleSignOut(null, onIdle));
    act(() => vi.advanceTimersByTime(10_000_000));
    expect(onIdle).not.toHaveBeenCalled();
  });
});
