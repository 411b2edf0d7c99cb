import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIST = path.join(PROJECT_ROOT, 'dist', 'renderer');

/** The built renderer folder; builds it first (vite build) when it is missing. */
export async function ensureRendererBuilt(): Promise<string> {
  if (fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) return RENDERER_DIST;
  process.stdout.write('Building the screens once (vite build)…\n');
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('vite build failed');
  return RENDERER_DIST;
}
