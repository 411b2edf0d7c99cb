import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPENING_HOURS, isWithinOpeningHours, keepDisplayAwake } from '../../electron/displayAwake';
import { fake, resetFakeElectron } from './fakeElectron';

/** An instant given in Vietnam's local time (UTC+7). */
const local = (clock: string, day = '2026-12-01') => Date.parse(`${day}T${clock}:00+07:00`);

describe('isWithinOpeningHours', () => {
  it('uses Vietnam local time whatever the PC time zone, open at the opening minute and closed at the closing one', () => {
    expect(isWithinOpeningHours(local('06:59'), DEFAULT_OPENING_HOURS)).toBe(false);
    expect(isWithinOpeningHours(local('07:00'), DEFAULT_OPENING_HOURS)).toBe(true);
    expect(isWithinOpeningHours(local('12:00'), DEFAULT_OPENING_HOURS)).toBe(true);
    expect(isWithinOpeningHours(local('17:29'), DEFAULT_OPENING_HOURS)).toBe(true);
    expect(isWithinOpeningHours(local('17:30'), DEFAULT_OPENING_HOURS)).toBe(false);
    // 01:00 UTC is 08:00 in Vietnam.
    expect(isWithinOpeningHours(Date.parse('2026-12-01T01:00:00Z'), DEFAULT_OPENING_HOURS)).toBe(true);
  });

  it('takes other hours, including hours that pass midnight, and refuses a malformed time', () => {
    expect(isWithinOpeningHours(local('07:30'), { open: '08:00', close: '16:00' })).toBe(false);
    expect(isWithinOpeningHours(local('23:00'), { open: '22:00', close: '06:00' })).toBe(true);
    expect(isWithinOpeningHours(local('05:59'), { open: '22:00', close: '06:00' })).toBe(true);
    expect(isWithinOpeningHours(local('12:00'), { open: '22:00', close: '06:00' })).toBe(false);
    expect(() => isWithinOpeningHours(local('12:00'), { open: '7h', close: '17:30' })).toThrow(/HH:MM/);
  });
});

describe('keepDisplayAwake', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('holds a display-sleep blocker during opening hours only, and drops it when stopped', () => {
    let now = local('06:58');
    const stop = keepDisplayAwake({
      powerSaveBlocker: fake.powerSaveBlocker,
      hours: () => DEFAULT_OPENING_HOURS,
      now: () => now,
      intervalMs: 60_000,
    });
    expect(fake.powerSaveBlocker.blockers.size).toBe(0);
    now = local('07:00');
    vi.advanceTimersByTime(60_000);
    expect(fake.powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    now = local('12:00');
    vi.advanceTimersByTime(60_000);
    expect(fake.powerSaveBlocker.blockers.size).toBe(1); // still the one blocker
    now = local('17:30');
    vi.advanceTimersByTime(60_000);
    expect(fake.powerSaveBlocker.blockers.size).toBe(0);
    now = local('08:00', '2026-12-02');
    vi.advanceTimersByTime(60_000);
    expect(fake.powerSaveBlocker.blockers.size).toBe(1);
    stop();
    expect(fake.powerSaveBlocker.blockers.size).toBe(0);
  });

  it('follows hours that change (an admin setting) at the next check', () => {
    let hours = DEFAULT_OPENING_HOURS;
    keepDisplayAwake({
      powerSaveBlocker: fake.powerSaveBlocker,
      hours: () => hours,
      now: () => local('18:00'),
      intervalMs: 60_000,
    });
    expect(fake.powerSaveBlocker.blockers.size).toBe(0);
    hours = { open: '07:00', close: '19:00' };
    vi.advanceTimersByTime(60_000);
    expect(fake.powerSaveBlocker.blockers.size).toBe(1);
  });
});
