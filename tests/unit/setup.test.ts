import { describe, expect, it } from 'vitest';
import {
  aptAccess,
  electronPostinstallFailed,
  headersMajor,
  installDecision,
  installEnvironment,
  missingSystemPackages,
} from '../../scripts/setup.mjs';

const allPresent = { cxx: true, python3: true, chromium: true, initdb: true };
const nonePresent = { cxx: false, python3: false, chromium: false, initdb: false };
const apt = (needs: { apt: string }[]) => needs.map((need) => need.apt);

describe('the system packages the set-up installs', () => {
  it('are all of them for `npm test` on a bare machine', () => {
    expect(apt(missingSystemPackages('test', nonePresent, { installingModules: true }))).toEqual([
      'build-essential',
      'python3',
      'chromium',
      'postgresql',
    ]);
  });

  it('are only the build tools for `npm start`', () => {
    expect(apt(missingSystemPackages('start', nonePresent, { installingModules: true }))).toEqual([
      'build-essential',
      'python3',
    ]);
  });

  it('leave out the build tools when node_modules needs no install', () => {
    expect(apt(missingSystemPackages('start', nonePresent, { installingModules: false }))).toEqual([]);
    expect(apt(missingSystemPackages('test', nonePresent, { installingModules: false }))).toEqual([
      'chromium',
      'postgresql',
    ]);
  });

  it('are only the ones the probe did not find', () => {
    expect(
      apt(missingSystemPackages('test', { ...allPresent, python3: false, initdb: false }, { installingModules: true })),
    ).toEqual(['python3', 'postgresql']);
    expect(missingSystemPackages('test', allPresent, { installingModules: true })).toEqual([]);
  });

  it('block `npm test` only for the browser: the hub tests skip PostgreSQL when it is absent', () => {
    const blocking = missingSystemPackages('test', nonePresent, { installingModules: true }).filter(
      (need) => need.blocking,
    );
    expect(apt(blocking)).toEqual(['chromium']);
  });
});

describe('apt-get', () => {
  const neverAsked = () => {
    throw new Error('sudo must not be tried');
  };

  it('runs directly as root, without asking sudo', () => {
    expect(aptAccess({ hasApt: true, isRoot: true, sudoWorks: neverAsked })).toBe('root');
  });

  it('runs through sudo -n only when sudo needs no password', () => {
    expect(aptAccess({ hasApt: true, isRoot: false, sudoWorks: () => true })).toBe('sudo');
    expect(aptAccess({ hasApt: true, isRoot: false, sudoWorks: () => false })).toBe('none');
  });

  it('is not used where there is none', () => {
    expect(aptAccess({ hasApt: false, isRoot: true, sudoWorks: neverAsked })).toBe('none');
  });
});

describe('whether npm ci runs', () => {
  const base = { lockHash: 'h1', abi: '115', lockMtimeMs: 10_000, hiddenLockMtimeMs: 20_000 };

  it('runs when node_modules is missing', () => {
    expect(installDecision({ ...base, hasNodeModules: false, stamp: null, hiddenLockMtimeMs: null })).toMatchObject({
      install: true,
      reason: 'node_modules is missing',
    });
  });

  it('does nothing when the stamp matches the lock and the Node ABI', () => {
    expect(
      installDecision({ ...base, hasNodeModules: true, stamp: { lock: 'h1', abi: '115' }, lockMtimeMs: 99_000 }),
    ).toEqual({
      install: false,
      restamp: false,
      reason: 'node_modules up to date',
    });
  });

  it('runs when the lock changed after the last install', () => {
    expect(
      installDecision({ ...base, hasNodeModules: true, stamp: { lock: 'h0', abi: '115' }, lockMtimeMs: 30_000 }),
    ).toMatchObject({ install: true });
  });

  it('runs when Node changed its ABI, even with the same lock (better-sqlite3 is compiled for one)', () => {
    expect(installDecision({ ...base, hasNodeModules: true, stamp: { lock: 'h1', abi: '108' } })).toMatchObject({
      install: true,
      reason: 'Node changed (ABI 108 → 115)',
    });
  });

  it('adopts a tree npm installed after the lock was written, and stamps it', () => {
    expect(installDecision({ ...base, hasNodeModules: true, stamp: null })).toMatchObject({
      install: false,
      restamp: true,
    });
    expect(installDecision({ ...base, hasNodeModules: true, stamp: { lock: 'h0', abi: '115' } })).toMatchObject({
      install: false,
      restamp: true,
    });
  });

  it('runs for an unstamped tree older than the lock', () => {
    expect(installDecision({ ...base, hasNodeModules: true, stamp: null, lockMtimeMs: 30_000 })).toMatchObject({
      install: true,
      restamp: false,
    });
    expect(installDecision({ ...base, hasNodeModules: true, stamp: null, hiddenLockMtimeMs: null })).toMatchObject({
      install: true,
    });
  });
});

describe('the environment of npm ci', () => {
  const debian = { platform: 'linux', nodeMajor: 20, systemHeadersMajor: 20 };

  it("builds against Debian's Node headers when they belong to the running Node", () => {
    expect(installEnvironment({ ...debian, env: {} }).env).toEqual({ npm_config_nodedir: '/usr' });
    expect(installEnvironment({ ...debian, env: {}, nodeMajor: 22 }).env).toEqual({});
    expect(installEnvironment({ ...debian, env: {}, systemHeadersMajor: null }).env).toEqual({});
  });

  it('keeps a nodedir the user chose, and sets none on Windows', () => {
    expect(installEnvironment({ ...debian, env: { npm_config_nodedir: '/opt/node' } }).env).toEqual({});
    expect(installEnvironment({ platform: 'win32', nodeMajor: 20, systemHeadersMajor: null, env: {} }).env).toEqual({});
  });

  it("tries Electron's download on a developer's machine", () => {
    expect(installEnvironment({ ...debian, env: {} }).skipElectron).toBe(false);
    expect(installEnvironment({ ...debian, env: { CI: 'false', SIPAS_SKIP_ELECTRON: '0' } }).skipElectron).toBe(false);
  });

  it.each([{ CI: 'true' }, { CI: '1' }, { SIPAS_SKIP_ELECTRON: '1' }, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }])(
    'skips it with %j',
    (env) => {
      const plan = installEnvironment({ ...debian, env });
      expect(plan.skipElectron).toBe(true);
      expect(plan.env.ELECTRON_SKIP_BINARY_DOWNLOAD).toBe('1');
    },
  );
});

describe("reading npm's output", () => {
  it('recognises a failed Electron postinstall by the path npm names', () => {
    const output = [
      'npm error code 1',
      'npm error path /tmp/setup-check/node_modules/electron',
      'npm error command failed',
      'npm error command sh -c node install.js',
    ].join('\n');
    expect(electronPostinstallFailed(output)).toBe(true);
    expect(
      electronPostinstallFailed(
        'npm error code 1\r\nnpm error path C:\\sipas\\node_modules\\electron\r\nnpm error command failed',
      ),
    ).toBe(true);
  });

  it('does not blame Electron for another package, nor for a package inside it', () => {
    expect(electronPostinstallFailed('npm error path /p/node_modules/better-sqlite3\nnpm error command failed')).toBe(
      false,
    );
    expect(
      electronPostinstallFailed('npm error path /p/node_modules/electron-winstaller\nnpm error command failed'),
    ).toBe(false);
    expect(
      electronPostinstallFailed('npm error path /p/node_modules/electron/node_modules/x\nnpm error command failed'),
    ).toBe(false);
  });

  it("reads the major version of Node's headers", () => {
    expect(headersMajor('#define NODE_MAJOR_VERSION 20\n#define NODE_MINOR_VERSION 20\n')).toBe(20);
    expect(headersMajor('')).toBeNull();
  });
});
