import { runBackupCommand, runRestoreCommand } from './backupCommand';
import { note, print, UsageError } from './commandLine';
import { runExportCommand } from './exportCommand';
import { runSyncCommand } from './syncCommand';

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  export: runExportCommand,
  backup: runBackupCommand,
  restore: runRestoreCommand,
  sync: runSyncCommand,
};

export const USAGE = `usage: npm run cli -- <command> [options]
What the administrator or technician can do without the screens, on this machine's data folder.
Every command goes through the same operations, checks and audit log as the admin screen.
  export         a survey batch to CSV, XLSX or JSON
  backup         a checked backup of the database now (the app may keep running)
  restore        a backup in place of the database, after checking it (the app must be closed)
  sync [status]  one upstream sync pass now, or what waits
\`npm run cli -- <command> --help\` tells each command's options.`;

/** Exit codes: 0 done, 1 the command failed, 2 the command line is wrong. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    print(USAGE);
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    note(`${name === undefined ? 'no command given' : `unknown command ${name}`}\n${USAGE}`);
    return 2;
  }
  try {
    await command(rest);
    return 0;
  } catch (error) {
    note(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}
