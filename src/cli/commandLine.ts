import os from 'node:os';

/**
 * What every command shares: `--help`, and one way of saying that a command
 * line is wrong. Messages stay in English, like the rest of the CLI: it is for
 * the administrator or technician at a console, not for citizens or staff.
 */

/** Added to every command's options: `--help` / `-h` prints the usage and exits 0. */
export const helpOption = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** `--data DIR`, as every command words it in its usage. */
export const DATA_HELP = `  --data DIR   the data folder (default: SIPAS_DATA, else the per-user folder the app uses)
  -h, --help   print this help`;

/** A command line that does not parse: main prints it with the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(problem: string, usage: string) {
    super(`${problem}\n${usage}`);
    this.name = 'UsageError';
  }
}

const PARSE_ERROR = /^ERR_PARSE_ARGS_/;

/** node:util parseArgs says "Unknown option '--x'. To specify a positional argument…": keep what names the problem. */
function problemOf(error: Error & { code?: string }): string {
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(error.message)?.[1];
    return `unknown option ${option ?? error.message}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']+)'/.exec(error.message)?.[1];
    return `unexpected argument ${argument ?? error.message}`;
  }
  return error.message.split('. ')[0] ?? error.message;
}

/** Runs a parseArgs call, turning its errors into UsageErrors that name the option and show the usage. */
export function parseCommandLine<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof Error && typeof code === 'string' && PARSE_ERROR.test(code))
      throw new UsageError(problemOf(error), usage);
    throw error;
  }
}

export const print = (text: string): void => void process.stdout.write(`${text}\n`);
export const note = (text: string): void => void process.stderr.write(`${text}\n`);

/** The OS account running the CLI: the audit log names it, since no PIN was given. */
export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
