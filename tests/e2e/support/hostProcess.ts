import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { KioskSettings } from '../../../src/domain/kioskSettings';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The shipped demo administrator (`npm run serve` without --no-demo). */
const DEMO_ADMIN = { officer: 'qtv', pin: '9999' };

export interface HostProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Ends the host the way a power cut does: no shutdown code runs. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Moves the host's clock forward (support/movableClock.mjs); resolves once the host runs ahead. */
  advanceClock(ms: number): Promise<void>;
}

export interface HostOptions {
  /**
   * The misuse filter's minimum seconds per question, set by the administrator
   * (updateKioskSettings) before the test begins. 0 by default: a browser taps
   * faster than anyone reads, and waiting out the real minimum on every
   * question only slows the tests down. `null` leaves the setting as it is (the
   * one test of the filter itself, and hosts with no administrator yet).
   */
  minSecondsPerQuestion?: number | null;
}

/**
 * Runs `npm run serve`'s program as a real child process on a free port. With
 * the demo officers (no --no-demo), the administrator sets the misuse minimum
 * (see HostOptions) before this returns.
 */
export async function startHostProcess(
  dataDir: string,
  extraArgs: string[] = [],
  { minSecondsPerQuestion = 0 }: HostOptions = {},
): Promise<HostProcess> {
  // tsx as a loader inside the one node process (not its CLI, which runs the
  // program in a child of its own that a SIGKILL to the parent would orphan).
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      path.join(ROOT, 'tests/e2e/support/movableClock.mjs'),
      path.join(ROOT, 'src/server/main.ts'),
      '--data',
      dataDir,
      '--port',
      '0',
      ...extraArgs,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code}:\n${output}`));
    });
  });
  const host: HostProcess = {
    url,
    child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    advanceClock: (ms) =>
      new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send({ advanceClockMs: ms });
      }),
  };
  if (minSecondsPerQuestion !== null && !extraArgs.includes('--no-demo')) {
    try {
      await setMinSecondsPerQuestion(url, minSecondsPerQuestion);
    } catch (error) {
      await host.kill();
      throw error;
    }
  }
  return host;
}

async function call<T>(url: string, name: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

/**
 * The administrator's own operation: the kiosk settings as they are, with the
 * misuse filter's minimum changed. Nothing is written when it already has that value
 * (a restart on the same data folder).
 */
export async function setMinSecondsPerQuestion(url: string, seconds: number): Promise<void> {
  const { settings } = await call<{ settings: KioskSettings }>(url, 'getKioskSetup', {});
  if (settings.misuse.minSecondsPerQuestion === seconds) return;
  const { token } = await call<{ token: string }>(url, 'signIn', DEMO_ADMIN);
  await call(
    url,
    'updateKioskSettings',
    { ...settings, misuse: { ...settings.misuse, minSecondsPerQuestion: seconds } },
    token,
  );
}
