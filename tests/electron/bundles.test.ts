/**
 * What ships: the built dist-electron/main.cjs and preload.cjs (npm test runs
 * `build:electron` first), loaded by Node's own require with the fake Electron,
 * exactly as Electron would load them, instead of the TypeScript sources.
 */
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelOf } from '../../src/contract/bridge';
import { operationNames } from '../../src/contract/operations';
import { fake, loadBundle, resetFakeElectron } from './fakeElectron';
import { startMain, type MainRun } from './startMain';

const BUNDLES = path.resolve(import.meta.dirname, '../../dist-electron');
const MAIN = path.join(BUNDLES, 'main.cjs');
const PRELOAD = path.join(BUNDLES, 'preload.cjs');
const KIOSK = { url: 'app://sipas/index.html#/kiosk', parent: null };

const built = (file: string): string => {
  if (!fs.existsSync(file))
    throw new Error(
      `${path.relative(process.cwd(), file)} is missing: run \`npm run build:electron\` first (npm test does)`,
    );
  return file;
};

let run: MainRun | null = null;
afterEach(() => {
  run?.stop();
  run = null;
});

describe('dist-electron/main.cjs', { timeout: 60_000 }, () => {
  it('is one CommonJS file whose every require resolves: Electron, better-sqlite3, Node built-ins, shipped dependencies', () => {
    const source = fs.readFileSync(built(MAIN), 'utf8');
    const required = new Set(
      [...source.matchAll(/\brequire\(["']([^"']+)["']\)/g)].flatMap((match) => (match[1] ? [match[1]] : [])),
    );
    const fromBundle = createRequire(MAIN);
    const resolves = (name: string) => {
      try {
        fromBundle.resolve(name);
        return true;
      } catch {
        return false;
      }
    };
    const unresolved = [...required].filter(
      (name) => !builtinModules.includes(name.replace(/^node:/, '')) && !resolves(name),
    );
    expect(unresolved).toEqual([]);
    expect(
      fs
        .readdirSync(BUNDLES)
        .filter((file) => file.endsWith('.cjs'))
        .sort(),
    ).toEqual(['main.cjs', 'preload.cjs']);
    expect(required).toContain('electron');
    expect(required).toContain('better-sqlite3');
  });

  it('starts the kiosk under the fake Electron: scheme, IPC, window, and nothing unmodelled', async () => {
    run = await startMain(async () => loadBundle(built(MAIN)) as { started: unknown }, {
      argv: ['--kiosk', '--no-demo'],
    });
    const { electron } = run;
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(electron.unmodelled).toEqual([]);
    expect(electron.protocol.privileged.map((entry) => entry.scheme)).toEqual(['app']);
    expect(electron.windows[0]?.loadURL).toHaveBeenCalledWith('app://sipas/index.html#/kiosk');
    const handler = electron.ipcMain.handlers.get(channelOf('health'));
    await expect(handler?.({ senderFrame: KIOSK })).resolves.toMatchObject({ ok: true, value: { status: 'ok' } });
    await expect(handler?.({ senderFrame: { url: 'file:///tmp/evil.html', parent: null } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const refused = await electron.protocol.schemes.get('app')?.(new Request('app://sipas/..%2f..%2fpackage.json'));
    expect(refused?.status).toBe(403);
  });

  it('when packaged, ignores the escape flags on its command line', async () => {
    run = await startMain(async () => loadBundle(built(MAIN)) as { started: unknown }, {
      packaged: true,
      argv: ['--windowed', '--data', '/nonexistent-sipas-data', '--demo'],
      before: ({ electron }) => electron.app.switches.add('remote-debugging-port'),
    });
    const { electron, userData } = run;
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(electron.app.switches.has('remote-debugging-port')).toBe(false);
    expect(electron.windows[0]?.options).toMatchObject({
      kiosk: true,
      closable: false,
      webPreferences: { devTools: false },
    });
    expect(fs.existsSync(path.join(userData, 'sipas.sqlite3'))).toBe(true);
  });
});

describe('dist-electron/preload.cjs', () => {
  it('exposes the frozen bridge, one function per operation, and requires nothing but electron', async () => {
    const source = fs.readFileSync(built(PRELOAD), 'utf8');
    expect([...source.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual(['electron']);
    resetFakeElectron();
    loadBundle(PRELOAD);
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = fake.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(key).toBe('sipas');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge as object).sort()).toEqual([...operationNames].sort());
    await (bridge as Record<string, (input: unknown, token: string | null) => Promise<unknown>>).health?.({}, 't');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(channelOf('health'), {}, 't');
    expect(fake.unmodelled).toEqual([]);
  });
});
