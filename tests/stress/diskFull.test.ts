import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-disk-'));
let mounted = false;
try {
  // A real, small filesystem: SQLite meets a genuine "disk full".
  // Room for the database and a WAL that grows to ~4 MB before SQLite's automatic checkpoint.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  mounted = false;
}
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

const answer = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  questionnaire: { id: 'sipas-quick', version: 1 },
  language: 'vi',
  durationMs: 30_000,
  status: 'completed',
  answers: [{ item: 'access', score: 1 + (n % 5) }],
  comment: 'Góp ý '.repeat(40),
});

describe('disk full', () => {
  it('refuses with a clear message, loses nothing written before, and resumes when space returns', async (ctx) => {
    if (!mounted) ctx.skip('mounting a small tmpfs needs root; this machine refused it');
    const dataDir = path.join(mountPoint, 'data');
    const app = await composeApp({ dataDir, logger: silentLogger, demo: false });
    try {
      for (let n = 0; n < 20; n += 1)
        expect((await app.dispatch('submitResponse', answer(n), { local: true })).ok).toBe(true);
      // Fill what is left of the disk.
      const filler = path.join(mountPoint, 'filler');
      try {
        fs.writeFileSync(filler, Buffer.alloc(16 * 1024 * 1024));
      } catch {
        // ENOSPC: the filler took every free byte it could.
      }
      let refused = 0;
      for (let n = 20; n < 60; n += 1) {
        const envelope = await app.dispatch('submitResponse', answer(n), { local: true });
        if (!envelope.ok) {
          refused += 1;
          expect(envelope.error).toEqual({
            code: 'unavailable',
            message: 'the answers could not be saved yet; they are kept and will be saved',
          });
        }
      }
      expect(refused).toBeGreaterThan(0);
      const health = await app.dispatch('health', {});
      expect(health).toMatchObject({ ok: true, value: { status: 'degraded', pendingWrites: refused } });

      fs.rmSync(filler);
      // The host retries what it kept every few seconds; wait for it.
      await expect
        .poll(async () => ((await app.dispatch('health', {})) as any).value.pendingWrites, {
          timeout: 15_000,
          interval: 500,
        })
        .toBe(0);
      for (let n = 0; n < 60; n += 1) {
        const again = await app.dispatch('submitResponse', answer(n), { local: true });
        expect(again).toMatchObject({ ok: true, value: { duplicate: true } });
      }
      expect((await app.dispatch('submitResponse', answer(60), { local: true })).ok).toBe(true);
    } finally {
      app.close();
    }
  }, 60_000);
});
