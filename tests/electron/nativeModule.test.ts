import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkElectronNative,
  NATIVE_BUILD_COMMAND,
  NATIVE_FILE,
  NATIVE_FOLDER,
  NATIVE_MANIFEST,
} from '../../electron/nativeModule';
import { nodeGypArgs, prebuildArgs } from '../../scripts/buildElectronNative';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-native-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const runtime = { electron: '45.5.0', platform: 'win32', arch: 'x64' };

function prepare(manifest: unknown, withFile = true): string {
  const appRoot = fs.mkdtempSync(path.join(root, 'app-'));
  const folder = path.join(appRoot, NATIVE_FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  if (manifest !== undefined) fs.writeFileSync(path.join(folder, NATIVE_MANIFEST), JSON.stringify(manifest));
  if (withFile) fs.writeFileSync(path.join(folder, NATIVE_FILE), 'binary');
  return appRoot;
}

const manifest = {
  electron: '45.5.0',
  platform: 'win32',
  arch: 'x64',
  betterSqlite3: '12.11.1',
  method: 'prebuild-install',
  builtAt: '2026-12-01T00:00:00.000Z',
};

describe('checkElectronNative', () => {
  it('gives the Electron build when it was made for this Electron, platform and architecture', () => {
    const appRoot = prepare(manifest);
    expect(checkElectronNative(appRoot, runtime)).toEqual({
      ok: true,
      file: path.join(appRoot, NATIVE_FOLDER, NATIVE_FILE),
    });
  });

  it.each([
    ['no build at all', undefined, true],
    ['a manifest without the module', manifest, false],
    ['a build for another Electron', { ...manifest, electron: '38.8.6' }, true],
    ['a build for another platform', { ...manifest, platform: 'linux' }, true],
    ['a damaged manifest', { electron: 45 }, true],
  ])('%s: a message naming the command to run', (_label, written, withFile) => {
    const check = checkElectronNative(prepare(written, withFile), runtime);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(NATIVE_BUILD_COMMAND);
  });
});

describe('the build script', () => {
  it('asks prebuild-install and node-gyp for the Electron runtime and version, never Node', () => {
    const target = { electron: '45.5.0', platform: 'win32' as const, arch: 'x64' };
    expect(prebuildArgs(target)).toEqual(
      expect.arrayContaining(['--runtime=electron', '--target=45.5.0', '--platform=win32', '--arch=x64']),
    );
    expect(nodeGypArgs(target)).toEqual(
      expect.arrayContaining(['--runtime=electron', '--target=45.5.0', '--dist-url=https://electronjs.org/headers']),
    );
  });
});
