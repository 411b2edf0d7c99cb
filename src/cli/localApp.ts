import fs from 'node:fs';
import path from 'node:path';
import { composeApp, DATABASE_FILE, type App } from '../app/composeApp';
import type { InputOf, OperationName, OutputOf } from '../contract/operations';
import type { ErrorCode } from '../domain/errors';
import { createLogger } from '../node/logger';
import { osUser } from './commandLine';

/** An operation the app refused: the dispatcher's code and message, as the UI would get them. */
export class OperationError extends Error {
  constructor(
    readonly operation: string,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}

export interface LocalApp {
  dataDir: string;
  /** One operation of src/contract, through the dispatcher, as the machine's administrator. */
  call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
}

/** The officer the audit log names for everything the CLI does: `cli:<OS account>`. */
export const cliOfficer = (): { officer: string; officerName: string } => {
  const user = osUser();
  return { officer: `cli:${user}`, officerName: `Command line (${user})` };
};

export interface LocalAppOptions {
  /** No other process has the database open (the caller checked): a damaged one may then be recovered. */
  alone?: boolean;
}

/**
 * The CLI is a third host: it composes the app for the data folder like Electron
 * and the HTTP host do, and calls the same operations through the same
 * dispatcher, so it cannot do what the screens may not, and everything it does is
 * audited the same way. It acts as the machine's administrator (whoever can
 * read the data folder holds the data anyway), through the grant composeApp gives
 * only to in-process hosts. No timers, LAN host or sync schedule: a kiosk may be
 * running on the same folder (SQLite WAL), and it does those. The app is closed
 * when `use` settles.
 */
export async function withLocalApp<T>(
  dataDir: string,
  use: (app: LocalApp) => Promise<T>,
  { alone = false }: LocalAppOptions = {},
): Promise<T> {
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) throw new Error(`no SIPAS database in ${dataDir}`);
  // The command prints its own result; the app's progress lines would only repeat it. Failures still reach stderr.
  const log = createLogger('cli');
  const app: App = await composeApp({
    dataDir,
    logger: { info: () => {}, warn: () => {}, error: log.error },
    demo: false,
    background: false,
    recover: alone,
    localAdmin: cliOfficer(),
  });
  try {
    return await use({
      dataDir,
      async call(name, input) {
        const envelope = await app.dispatch(name, input, app.localAdmin);
        if (!envelope.ok) throw new OperationError(name, envelope.error.code, envelope.error.message);
        return envelope.value as OutputOf<typeof name>;
      },
    });
  } finally {
    app.close();
  }
}
