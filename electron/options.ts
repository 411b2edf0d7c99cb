import path from 'node:path';
import { parseArgs } from 'node:util';

export interface ShellOptions {
  /** The data folder: --data DIR, else SIPAS_DATA, else Electron's userData. */
  dataDir: string;
  /** Full-screen lockdown: on when packaged or with --kiosk; --windowed turns it off. */
  kiosk: boolean;
  /** Seed demo officers into an empty database, as the HTTP host does; --no-demo turns it off. */
  demo: boolean;
}

/**
 * Reads the shell's flags. Not strict: Chromium and the OS add switches of
 * their own (and `electron .` passes the app folder), which must not stop the
 * kiosk from starting.
 */
export function readShellOptions(argv: string[], env: NodeJS.ProcessEnv, userData: string, isPackaged: boolean): ShellOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      kiosk: { type: 'boolean' },
      windowed: { type: 'boolean' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
    },
    strict: false,
    allowPositionals: true,
  });
  const flag = typeof values.data === 'string' ? values.data : undefined;
  return {
    dataDir: path.resolve(flag ?? env.SIPAS_DATA ?? userData),
    kiosk: values.windowed === true ? false : values.kiosk === true || isPackaged,
    // An installed kiosk never ships the demo officers (their PINs are in the README): its
    // first run asks for the administrator instead. A developer's `electron .` keeps them.
    demo: values['no-demo'] === true ? false : values.demo === true || !isPackaged,
  };
}
