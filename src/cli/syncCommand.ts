/**
 * `npm run cli -- sync [--data DIR]`         one sync pass now (back-off ignored): syncNow
 * `npm run cli -- sync status [--data DIR]`  what waits, what was refused, the last error: syncStatus
 *   (finished days are queued first, as at every start of the app, so yesterday counts as waiting)
 *
 * It runs beside a running kiosk (WAL). If both send the same batch at once the
 * collector answers the second "duplicate" (same batchId, same bytes), and a day
 * is turned into a batch under a write lock, so two processes cannot build the
 * same revision. The credentials are those the HTTP host saved; those the
 * desktop app sealed with safeStorage only it can open.
 */
import { parseArgs } from 'node:util';
import { resolveDataFolder } from '../node/dataFolder';
import { DATA_HELP, helpOption, parseCommandLine, print, UsageError } from './commandLine';
import { withLocalApp } from './localApp';

export const SYNC_USAGE = `usage: npm run cli -- sync [status] [--data DIR]
Sends what waits for the district collector now and prints the result as JSON (exit 1 unless
everything went); \`sync status\` prints what waits, what was refused and the last error.
${DATA_HELP}`;

function parse(argv: string[]) {
  const { values, positionals } = parseCommandLine(SYNC_USAGE, () =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { ...helpOption, data: { type: 'string' } },
    }),
  );
  if (values.help) return null;
  const [sub, ...extra] = positionals;
  if (extra.length > 0 || (sub !== undefined && sub !== 'status')) {
    throw new UsageError(`unknown sync command ${[sub, ...extra].join(' ')}`, SYNC_USAGE);
  }
  return { dataDir: resolveDataFolder(values.data), statusOnly: sub === 'status' };
}

export async function runSyncCommand(argv: string[]): Promise<void> {
  const parsed = parse(argv);
  if (!parsed) return print(SYNC_USAGE);
  await withLocalApp(parsed.dataDir, async (app) => {
    if (parsed.statusOnly) {
      print(JSON.stringify(await app.call('syncStatus', {}), null, 2));
      return;
    }
    const result = await app.call('syncNow', {});
    print(JSON.stringify(result, null, 2));
    if (result.outcome !== 'done') process.exitCode = 1;
  });
}
