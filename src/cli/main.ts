/**
 * `npm run cli -- <command> [options]`: what the administrator can do without the UI.
 *   export   a survey batch to CSV, XLSX or JSON (see exportCommand.ts)
 *   backup   a backup of the database now (see backupCommand.ts)
 *   restore  a backup, after checking it (see backupCommand.ts)
 *   sync     one upstream sync pass now, or `sync status` (see syncCommand.ts)
 * Each composes the app and calls operations through the dispatcher (localApp.ts).
 */
import { runCli } from './runCli';

void runCli(process.argv.slice(2)).then((code) => {
  // A command may have set a failure already (sync: a pass that did not finish).
  if (code !== 0) process.exitCode = code;
});
