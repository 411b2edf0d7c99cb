import fs from 'node:fs/promises';
import path from 'node:path';
import type { App, BrowserWindow, Dialog } from 'electron';
import { createLogger } from '../src/node/logger';
import type { RecoveryStats, ShellHooks } from '../src/services/shell';
import type { Lockdown } from './kiosk';

const logger = createLogger('electron.shell');

export interface ShellDeps {
  app: Pick<App, 'quit' | 'getPath'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window and its lockdown exist only after the app composed; read them late. */
  window: () => BrowserWindow | null;
  lockdown: () => Lockdown | null;
  /** The self-repair count (recovery.ts), shown in the admin's support section. */
  recoveries: () => RecoveryStats;
}

/**
 * What only the desktop can do, handed to composeApp: the contract's exitKiosk
 * (admin role, checked by the dispatcher) and saveReportPdf (staff role) reach
 * these, so the renderer never gets a channel of its own to quit or write files.
 */
export function createShellHooks({ app, dialog, window, lockdown, recoveries }: ShellDeps): ShellHooks {
  return {
    exit() {
      const lock = lockdown();
      if (lock) lock.requestExit();
      else app.quit();
    },
    async savePdf(fileName) {
      const win = window();
      if (!win) return null;
      const ask = () =>
        dialog.showSaveDialog(win, {
          defaultPath: path.join(app.getPath('documents'), path.basename(fileName)),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
      // The kiosk's focus keeper must not pull the window over the dialog.
      const lock = lockdown();
      const choice = lock ? await lock.whileDialogOpen(ask) : await ask();
      if (choice.canceled || !choice.filePath) return null;
      const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      await fs.writeFile(choice.filePath, pdf);
      logger.info('report saved as PDF', { bytes: pdf.length });
      return choice.filePath;
    },
    recoveries,
  };
}
