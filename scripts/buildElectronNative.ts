/**
 * `npm run build:electron-native`: builds better-sqlite3 for the installed
 * Electron into native/electron/, leaving node_modules' Node build alone.
 *
 * The package is copied to a temporary folder and built there: first with
 * prebuild-install (downloads the project's prebuilt binary for this Electron
 * from GitHub), else with node-gyp against Electron's headers (needs a C++
 * toolchain and Python). Both need internet; run it where there is some.
 * `npm run dist` runs it, and `npm start` runs it when Electron is installed
 * and the folder does not fit the installed Electron.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkElectronNative,
  NATIVE_FILE,
  NATIVE_FOLDER,
  NATIVE_MANIFEST,
  type NativeManifest,
} from '../electron/nativeModule';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = path.join(ROOT, 'node_modules', 'better-sqlite3');
const BIN = path.join(ROOT, 'node_modules', '.bin');

const versionOf = (dir: string): string => {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string')
    return parsed.version;
  throw new Error(`no version in ${dir}/package.json`);
};

export interface Target {
  electron: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** prebuild-install's arguments for one Electron target. */
export const prebuildArgs = ({ electron, platform, arch }: Target): string[] => [
  '--runtime=electron',
  `--target=${electron}`,
  `--platform=${platform}`,
  `--arch=${arch}`,
  '--verbose',
];

/** node-gyp's arguments to compile against Electron's headers. */
export const nodeGypArgs = ({ electron, arch }: Target): string[] => [
  'rebuild',
  '--release',
  '--runtime=electron',
  `--target=${electron}`,
  `--arch=${arch}`,
  '--dist-url=https://electronjs.org/headers',
];

const tool = (name: string): string => path.join(BIN, process.platform === 'win32' ? `${name}.cmd` : name);

function run(command: string, args: string[], cwd: string): boolean {
  process.stdout.write(`> ${path.basename(command)} ${args.join(' ')}\n`);
  // No npm_config_nodedir here: that points node-gyp at Node's headers, not Electron's.
  const env = { ...process.env, npm_config_nodedir: undefined, npm_config_runtime: 'electron' };
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return result.status === 0;
}

export function buildElectronNative(target: Target): NativeManifest {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-electron-native-'));
  try {
    // A copy without the Node build: nothing in node_modules is written.
    const nodeBuild = path.join(PACKAGE, 'build');
    fs.cpSync(PACKAGE, work, {
      recursive: true,
      filter: (source) => source !== nodeBuild && !source.startsWith(nodeBuild + path.sep),
    });
    let method: NativeManifest['method'] = 'prebuild-install';
    if (!run(tool('prebuild-install'), prebuildArgs(target), work)) {
      process.stdout.write('No prebuilt binary for this Electron; compiling with node-gyp against its headers.\n');
      method = 'node-gyp';
      if (!run(tool('node-gyp'), nodeGypArgs(target), work))
        throw new Error('node-gyp could not build better-sqlite3 for Electron (see above)');
    }
    const built = path.join(work, 'build', 'Release', NATIVE_FILE);
    if (!fs.existsSync(built)) throw new Error(`the build left no ${NATIVE_FILE}`);
    const folder = path.join(ROOT, NATIVE_FOLDER);
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(built, path.join(folder, NATIVE_FILE));
    const manifest: NativeManifest = {
      electron: target.electron,
      platform: target.platform,
      arch: target.arch,
      betterSqlite3: versionOf(PACKAGE),
      method,
      builtAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(folder, NATIVE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The installed Electron's version (from its package, which exists even without its binary). */
export const installedElectron = (): string => versionOf(path.join(ROOT, 'node_modules', 'electron'));

/** True when native/electron/ already fits the installed Electron on this machine. */
export const electronNativeIsCurrent = (): boolean =>
  checkElectronNative(ROOT, { electron: installedElectron(), platform: process.platform, arch: process.arch }).ok;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  const target: Target = {
    electron: installedElectron(),
    platform: process.platform,
    arch: process.env.npm_config_arch ?? process.arch,
  };
  if (!force && target.arch === process.arch && electronNativeIsCurrent()) {
    process.stdout.write(`${NATIVE_FOLDER} already holds better-sqlite3 for Electron ${target.electron}.\n`);
  } else {
    const manifest = buildElectronNative(target);
    process.stdout.write(
      `Built better-sqlite3 ${manifest.betterSqlite3} for Electron ${manifest.electron} (${manifest.method}) into ${NATIVE_FOLDER}.\n`,
    );
  }
}
