import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dropEscapeSwitches,
  ESCAPE_SWITCHES,
  readKioskConfig,
  readShellOptions,
  type ShellContext,
} from '../../electron/options';

const context = (overrides: Partial<ShellContext>): ShellContext => ({
  argv: [],
  env: {},
  userData: '/user',
  isPackaged: false,
  config: null,
  exeDir: '/opt/SIPAS Kiosk',
  ...overrides,
});

const ESCAPE_ARGV = [
  '--windowed',
  '--data',
  '/tmp/other',
  '--demo',
  '--remote-debugging-port=9222',
  '--auto-open-devtools-for-tabs',
];

describe('readShellOptions in development (electron .)', () => {
  it('--data wins over SIPAS_DATA, which wins over userData', () => {
    expect(readShellOptions(context({ argv: ['.', '--data', 'here'], env: { SIPAS_DATA: '/env' } }))).toMatchObject({
      dataDir: path.resolve('here'),
      dataDirSource: 'flag',
    });
    expect(readShellOptions(context({ argv: ['.'], env: { SIPAS_DATA: '/env' } }))).toMatchObject({
      dataDir: path.resolve('/env'),
      dataDirSource: 'env',
    });
    expect(readShellOptions(context({ argv: ['.'] }))).toMatchObject({
      dataDir: path.resolve('/user'),
      dataDirSource: 'default',
    });
  });

  it('windowed with DevTools unless --kiosk; demo officers unless --no-demo', () => {
    expect(readShellOptions(context({}))).toMatchObject({ kiosk: false, devTools: true, demo: true });
    expect(readShellOptions(context({ argv: ['--kiosk'] }))).toMatchObject({ kiosk: true, devTools: false });
    expect(readShellOptions(context({ argv: ['--kiosk', '--windowed'] })).kiosk).toBe(false);
    expect(readShellOptions(context({ argv: ['--no-demo'] })).demo).toBe(false);
  });

  it('ignores switches it does not know (Chromium adds its own) instead of refusing to start', () => {
    expect(() =>
      readShellOptions(context({ argv: ['--no-sandbox', '--port', '4280', '--enable-logging=stderr'] })),
    ).not.toThrow();
  });
});

describe('readShellOptions when packaged (the installed kiosk)', () => {
  it('ignores --windowed, --data, --demo, DevTools switches and SIPAS_DATA', () => {
    const options = readShellOptions(context({ isPackaged: true, argv: ESCAPE_ARGV, env: { SIPAS_DATA: '/tmp/env' } }));
    expect(options).toEqual({
      dataDir: path.resolve('/user'),
      dataDirSource: 'default',
      kiosk: true,
      demo: false,
      devTools: false,
    });
  });

  it('takes the data folder from the config file beside the executable, relative to it when relative', () => {
    expect(
      readShellOptions(context({ isPackaged: true, config: { dataDir: '/srv/sipas' }, argv: ['--data', '/tmp/x'] })),
    ).toMatchObject({
      dataDir: path.resolve('/srv/sipas'),
      dataDirSource: 'config',
    });
    expect(readShellOptions(context({ isPackaged: true, config: { dataDir: 'data' } })).dataDir).toBe(
      path.resolve('/opt/SIPAS Kiosk', 'data'),
    );
    expect(readShellOptions(context({ isPackaged: true, config: {} })).dataDirSource).toBe('default');
  });
});

describe('readKioskConfig', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-config-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const file = path.join(dir, 'sipas-kiosk.json');
    fs.writeFileSync(file, text);
    return file;
  };

  it('is null when there is no file', () => expect(readKioskConfig(path.join(dir, 'none.json'))).toBeNull());

  it('reads {"dataDir": …}, with or without the BOM Notepad writes', () => {
    expect(readKioskConfig(write('{"dataDir": "D:\\\\SIPAS"}'))).toEqual({ dataDir: 'D:\\SIPAS' });
    expect(readKioskConfig(write('\uFEFF{"dataDir": "/srv/sipas"}'))).toEqual({ dataDir: '/srv/sipas' });
  });

  it.each([
    ['broken JSON', '{"dataDir": ', /not valid JSON/],
    ['an unknown field', '{"dataDir": "/x", "kiosk": false}', /not a valid kiosk config/],
    ['an empty folder', '{"dataDir": "  "}', /dataDir/],
    ['a number', '{"dataDir": 5}', /dataDir/],
  ])('refuses %s with a message naming the file', (_label, text, message) => {
    const file = write(text);
    expect(() => readKioskConfig(file)).toThrow(message);
    expect(() => readKioskConfig(file)).toThrow(file);
  });
});

describe('dropEscapeSwitches', () => {
  it('removes the debugging and security-weakening switches that are present, and only those', () => {
    const present = new Set(['remote-debugging-port', 'inspect', 'lang', 'disable-web-security']);
    const commandLine = {
      hasSwitch: (name: string) => present.has(name),
      removeSwitch: (name: string) => void present.delete(name),
    };
    expect(dropEscapeSwitches(commandLine).sort()).toEqual([
      'disable-web-security',
      'inspect',
      'remote-debugging-port',
    ]);
    expect([...present]).toEqual(['lang']);
    expect(ESCAPE_SWITCHES).toContain('remote-debugging-pipe');
  });
});
