import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Read from the package's files: requiring `electron` would try to download the binary. */
function electronInstalled(): boolean {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  try {
    return fs.existsSync(path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim()));
  } catch {
    return false;
  }
}

describe('npm start without an Electron binary', () => {
  it('says so, serves the kiosk on localhost and prints the URL', async (ctx) => {
    if (electronInstalled()) ctx.skip('the Electron binary is installed here, so npm start opens the Electron window');
    const child = spawn('npm', ['start', '--', '--data', dataDir, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, SIPAS_SKIP_ELECTRON: '1' },
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL in time:\n${output}`)), 50_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      expect(output).toContain("Electron's binary is not installed on this machine");
      expect(output).toContain(`data:  ${dataDir}`);
      const page = await fetch(`${url}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      // The kiosk's page: the attract screen drawn in it at build time, the app started by its <head> script.
      expect(html).toContain('<div id="root"><div class="prerendered">');
      // A production build even under a test runner's NODE_ENV=test (React's development JSX runtime absent).
      const script = /<script data-app="\.\/([^"]+)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const code = await (await fetch(`${url}${script}`)).text();
      expect(code.includes('jsxDEV'), `${script} is a development build`).toBe(false);
      const health = await fetch(`${url}api/health`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(await health.json()).toMatchObject({ ok: true, value: { status: 'ok' } });
      expect(fs.existsSync(path.join(dataDir, 'sipas.sqlite3'))).toBe(true);
    } finally {
      // npm runs the program in a child of its own: end the whole group.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
