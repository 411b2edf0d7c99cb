/**
 * `npm start -- [--data DIR] [--port N]`: runs the kiosk in Electron when its
 * binary is installed; otherwise serves the very same app in a browser through
 * the HTTP host (installs often skip the binary with ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildRenderer, PROJECT_ROOT } from '../src/server/rendererBuild';
import { runHttpHost } from '../src/server/serveCommand';
import { buildElectronNative, electronNativeIsCurrent, installedElectron } from './buildElectronNative';

const ELECTRON_DIR = path.join(PROJECT_ROOT, 'node_modules', 'electron');

/** The downloaded Electron executable, or null. */
function installedElectronBinary(): string | null {
  try {
    const binary = path.join(ELECTRON_DIR, 'dist', fs.readFileSync(path.join(ELECTRON_DIR, 'path.txt'), 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const downloadSkipped = (env: NodeJS.ProcessEnv): boolean =>
  env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || env.SIPAS_SKIP_ELECTRON === '1' || env.CI === 'true' || env.CI === '1';

/**
 * The Electron executable, or null. Electron 45 downloads its binary the first time
 * the package is required; where that is skipped or cannot reach the network (it
 * fails within seconds), the kiosk is served to a browser instead.
 */
function electronBinary(): string | null {
  const installed = installedElectronBinary();
  if (installed || downloadSkipped(process.env)) return installed;
  try {
    createRequire(import.meta.url)('electron');
  } catch {
    return null;
  }
  return installedElectronBinary();
}

function vite(...args: string[]): void {
  try {
    buildRenderer(...args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}.\n`);
    process.exit(1);
  }
}

const argv = process.argv.slice(2);
const electron = electronBinary();

if (electron) {
  vite();
  vite('--config', 'vite.electron.config.ts');
  // The Electron app loads better-sqlite3 built for Electron's ABI from native/electron/ (needs internet the first time).
  if (!electronNativeIsCurrent())
    buildElectronNative({ electron: installedElectron(), platform: process.platform, arch: process.arch });
  // --port means nothing to the shell; it ignores flags it does not know.
  const child = spawn(electron, [PROJECT_ROOT, ...argv], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  process.stdout.write(
    "Electron's binary is not installed on this machine (its download was skipped or could not reach the network); serving the same app in the browser instead.\n" +
      'Máy này chưa có tệp chạy của Electron (không tải được hoặc đã bỏ qua khi cài); ứng dụng sẽ chạy trong trình duyệt.\n',
  );
  // Always rebuild, so the browser never gets yesterday's screens.
  vite();
  await runHttpHost(argv);
}
