import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShellOptions } from '../../electron/options';

describe('readShellOptions', () => {
  it('--data wins over SIPAS_DATA, which wins over userData', () => {
    expect(readShellOptions(['.', '--data', 'here'], { SIPAS_DATA: '/env' }, '/user', false).dataDir).toBe(path.resolve('here'));
    expect(readShellOptions(['.'], { SIPAS_DATA: '/env' }, '/user', false).dataDir).toBe(path.resolve('/env'));
    expect(readShellOptions(['.'], {}, '/user', false).dataDir).toBe(path.resolve('/user'));
  });

  it('kiosk mode: on when packaged or with --kiosk, off with --windowed', () => {
    expect(readShellOptions([], {}, '/u', true).kiosk).toBe(true);
    expect(readShellOptions([], {}, '/u', false).kiosk).toBe(false);
    expect(readShellOptions(['--kiosk'], {}, '/u', false).kiosk).toBe(true);
    expect(readShellOptions(['--windowed'], {}, '/u', true).kiosk).toBe(false);
  });

  it('demo officers only in development, never in an installed kiosk unless asked', () => {
    expect(readShellOptions([], {}, '/u', false).demo).toBe(true);
    expect(readShellOptions([], {}, '/u', true).demo).toBe(false);
    expect(readShellOptions(['--demo'], {}, '/u', true).demo).toBe(true);
    expect(readShellOptions(['--no-demo'], {}, '/u', false).demo).toBe(false);
  });

  it('ignores switches it does not know (Chromium adds its own) instead of refusing to start', () => {
    expect(() => readShellOptions(['--no-sandbox', '--port', '4280', '--enable-logging=stderr'], {}, '/u', false)).not.toThrow();
  });
});
