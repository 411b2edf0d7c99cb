/**
 * Where the Electron build of better-sqlite3 lives and whether it fits the
 * running Electron. node_modules keeps the Node build (tests, HTTP host, CLI);
 * the Electron app loads its own from native/electron/ through better-sqlite3's
 * `nativeBinding` option, so packaging never replaces the Node build.
 * scripts/buildElectronNative.ts fills the folder; this file only reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const NATIVE_FOLDER = path.join('native', 'electron');
export const NATIVE_FILE = 'better_sqlite3.node';
export const NATIVE_MANIFEST = 'build.json';
/** The command a developer or packager runs (on a machine with internet). */
export const NATIVE_BUILD_COMMAND = 'npm run build:electron-native';

export const NativeManifest = z.object({
  electron: z.string(),
  platform: z.string(),
  arch: z.string(),
  betterSqlite3: z.string(),
  method: z.enum(['prebuild-install', 'node-gyp']),
  builtAt: z.string(),
});
export type NativeManifest = z.infer<typeof NativeManifest>;

export interface Runtime {
  electron: string | undefined;
  platform: string;
  arch: string;
}

export type NativeCheck = { ok: true; file: string } | { ok: false; problem: string };

/** Reads native/electron/build.json under `appRoot` and checks it against the running Electron. */
export function checkElectronNative(appRoot: string, runtime: Runtime): NativeCheck {
  const folder = path.join(appRoot, NATIVE_FOLDER);
  const file = path.join(folder, NATIVE_FILE);
  const missing = (what: string): NativeCheck => ({
    ok: false,
    problem: `${what}. Run \`${NATIVE_BUILD_COMMAND}\` on a machine with internet, then start again.`,
  });
  let manifest: NativeManifest;
  try {
    manifest = NativeManifest.parse(JSON.parse(fs.readFileSync(path.join(folder, NATIVE_MANIFEST), 'utf8')));
  } catch {
    return missing(`The SQLite module built for Electron is missing (${path.join(NATIVE_FOLDER, NATIVE_MANIFEST)})`);
  }
  if (!fs.existsSync(file))
    return missing(`The SQLite module built for Electron is missing (${path.join(NATIVE_FOLDER, NATIVE_FILE)})`);
  if (
    manifest.electron !== runtime.electron ||
    manifest.platform !== runtime.platform ||
    manifest.arch !== runtime.arch
  ) {
    return missing(
      `The SQLite module in ${NATIVE_FOLDER} was built for Electron ${manifest.electron} on ${manifest.platform}-${manifest.arch}, ` +
        `not for this Electron ${runtime.electron ?? '(none)'} on ${runtime.platform}-${runtime.arch}`,
    );
  }
  return { ok: true, file };
}
