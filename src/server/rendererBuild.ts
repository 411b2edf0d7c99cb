import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(PROJECT_ROOT, 'dist', 'renderer');

/**
 * `vite build` of the screens, always a production build: vite keeps a NODE_ENV it
 * inherits, and a shell or test runner that set NODE_ENV=test would otherwise ship
 * React's development build (three times the size, and slower).
 */
export function buildRenderer(...args: string[]): void {
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', ...args],
    {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed; see above`);
}

/** The built renderer folder; builds it first (vite build) when it is missing. */
export async function ensureRendererBuilt(): Promise<string> {
  if (fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) return RENDERER_DIST;
  process.stdout.write('Building the screens once (vite build)…\n');
  buildRenderer();
  return RENDERER_DIST;
}
