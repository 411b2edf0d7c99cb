import { AppError } from '../domain/errors';

/** How often the desktop app had to heal itself (electron/recovery.ts). */
export interface RecoveryStats {
  /** Reloads of the kiosk screen plus relaunches of the app, since it was installed. */
  total: number;
  relaunches: number;
  lastAt: string | null;
  lastReason: string | null;
}

/** Hooks a desktop host gives; the HTTP host gives none. */
export interface ShellHooks {
  exit(): void;
  /** Asks where to save, prints the window to PDF there; null when the user cancelled. */
  savePdf(fileName: string): Promise<string | null>;
  /** The self-repair count the administrator sees in the support section. */
  recoveries?(): RecoveryStats;
}

const desktopOnly = () =>
  new AppError('forbidden', 'only the kiosk itself can do this (the desktop app), not a browser');

export function createShellService(hooks: ShellHooks | undefined) {
  return {
    capabilities: () => ({ exitKiosk: hooks !== undefined, savePdf: hooks !== undefined }),
    exit() {
      if (!hooks) throw desktopOnly();
      // After the answer has gone back to the screen.
      setTimeout(() => hooks.exit(), 50);
      return { exiting: true as const };
    },
    async savePdf({ fileName }: { fileName: string }) {
      if (!hooks) throw desktopOnly();
      const path = await hooks.savePdf(fileName);
      return { saved: path !== null, path };
    },
  };
}

export type ShellService = ReturnType<typeof createShellService>;
