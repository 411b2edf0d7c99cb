/**
 * `npm run cli -- <command> [options]`: what the administrator can do without the UI.
 *   export   a survey batch to CSV, XLSX or JSON (see exportCommand.ts)
 *   backup   a backup of the database now (see backupCommand.ts)
 *   restore  a backup, after checking it (see backupCommand.ts)
 *   sync     one upstream sync pass now, or `sync status` (see syncCommand.ts)
 */
import { runBackupCommand, runRestoreCommand } from './backupCommand';
import { runExportCommand } from './exportCommand';
import { runSyncCommand } from './syncCommand';

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  export: runExportCommand,
  backup: runBackupCommand,
  restore: runRestoreCommand,
  sync: runSyncCommand,
};

const [name, ...argv] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(`usage: npm run cli -- <${Object.keys(commands).join('|')}> [options]\n`);
  process.exit(2);
}
command(argv).catch((error: unknown) => {
  process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
