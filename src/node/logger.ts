import type { Logger } from '../services/ports';

/** Field names whose values never reach a log. */
const SECRET_FIELD = /pin|token|secret|password|phone|case_?code/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, SECRET_FIELD.test(key) ? '[redacted]' : value]),
  );
}

export type LogSink = (line: string) => void;

const toStderr: LogSink = (line) => process.stderr.write(`${line}\n`);
let defaultSink: LogSink = toStderr;

/**
 * Where loggers created without a sink of their own write: stderr, until the
 * host adds its log files (Electron's main process does, see src/node/rotatingLog.ts).
 * Read at every line, so module-level loggers created before follow it too.
 */
export function setDefaultLogSink(sink: LogSink | null): void {
  defaultSink = sink ?? toStderr;
}

/** A scoped logger writing one JSON line per event (the default sink unless given one). */
export function createLogger(
  scope: string,
  sink?: LogSink,
): Logger & {
  child(scope: string): Logger;
} {
  const write =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      (sink ?? defaultSink)(JSON.stringify({ at: new Date().toISOString(), level, scope, message, ...redact(fields) }));
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (child) => createLogger(`${scope}.${child}`, sink),
  };
}

/** For tests and tools that must stay quiet. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
