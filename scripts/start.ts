/**
 * `npm start -- [--data DIR] [--port N]`: runs the kiosk in Electron when its
 * binary is installed; otherwise serves the very same app in a browser through
 * the HTTP host (installs often skip the binary with ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/server/rendererBuild';
import { runHttpHost } from '../src/server/serveCommand';

const VITE = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** The Electron executable, or null: the package throws when its binary was never downloaded. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function vite(...args: string[]): void {
  const result = spawnSync(process.execPath, [VITE, 'build', ...args], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status === 0) return;
  process.stderr.write(`vite build ${args.join(' ')} failed; see above.\n`);
  process.exit(result.status ?? 1);
}

const argv = process.argv.slice(2);
const electron = electronBinary();

if (electron) {
  vite();
  vite('--config', 'vite.electron.config.ts');
  // --port means nothing to the shell; it ignores flags it does not know.
  const child = spawn(electron, [PROJECT_ROOT, ...argv], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  process.stdout.write(
    "Electron's binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); serving the same app in the browser instead.\n" +
      'Máy này chưa cài tệp chạy của Electron (ELECTRON_SKIP_BINARY_DOWNLOAD); ứng dụng sẽ chạy trong trình duyệt.\n',
  );
  // Always rebuild, so the browser never gets yesterday's screens.
  vite();
  await runHttpHost(argv);
}
