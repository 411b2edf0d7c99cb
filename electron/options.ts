import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandLine } from 'electron';
import { z } from 'zod';

/** The file beside the installed executable that may move the data folder (docs/DEPLOYMENT.md §4). */
export const CONFIG_FILE_NAME = 'sipas-kiosk.json';

const KioskConfig = z
  .object({
    /** Absolute, or relative to the folder of the executable. */
    dataDir: z.string().trim().min(1).optional(),
  })
  .strict();
export type KioskConfig = z.infer<typeof KioskConfig>;

export type DataDirSource = 'flag' | 'env' | 'config' | 'default';

export interface ShellOptions {
  /** Development: --data DIR, else SIPAS_DATA, else userData. Installed: the config file, else userData. */
  dataDir: string;
  dataDirSource: DataDirSource;
  /** Full-screen lockdown: always when packaged; in development with --kiosk. */
  kiosk: boolean;
  /** Seed demo officers into an empty database: only in development (--no-demo turns it off). */
  demo: boolean;
  /** DevTools may open: only in a windowed development run. */
  devTools: boolean;
}

export interface ShellContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** Electron's userData folder: the default data folder. */
  userData: string;
  isPackaged: boolean;
  /** The config file beside the executable, already read (null when there is none). */
  config: KioskConfig | null;
  /** Folder of the executable, for a relative dataDir in the config file. */
  exeDir: string;
}

/**
 * Reads the shell's flags. Not strict: Chromium and the OS add switches of
 * their own (and `electron .` passes the app folder), which must not stop the
 * kiosk from starting.
 *
 * An installed kiosk takes nothing from its command line or environment: a
 * shortcut edited to add --windowed, --data or --demo would otherwise be a way
 * out of the lockdown, to another database or to the demo officers, whose PINs
 * are printed in the README. Its data folder comes from the config file beside
 * the executable (writable only by an administrator of the PC) or the default.
 */
export function readShellOptions({ argv, env, userData, isPackaged, config, exeDir }: ShellContext): ShellOptions {
  if (isPackaged) {
    const configured = config?.dataDir;
    return {
      dataDir: configured ? path.resolve(exeDir, configured) : path.resolve(userData),
      dataDirSource: configured ? 'config' : 'default',
      kiosk: true,
      demo: false,
      devTools: false,
    };
  }
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
  const kiosk = values.windowed === true ? false : values.kiosk === true;
  return {
    dataDir: path.resolve(flag ?? env.SIPAS_DATA ?? userData),
    dataDirSource: flag ? 'flag' : env.SIPAS_DATA ? 'env' : 'default',
    kiosk,
    // A developer's `electron .` keeps the demo officers; an installed kiosk's first run asks for the administrator.
    demo: values['no-demo'] !== true,
    devTools: !kiosk,
  };
}

/**
 * Reads `sipas-kiosk.json`; null when the file does not exist. A file that is
 * there but wrong stops the start with a message naming it: silently falling
 * back to another folder would look like every answer had been lost.
 */
export function readKioskConfig(
  file: string,
  readFile: (file: string) => string = (f) => fs.readFileSync(f, 'utf8'),
): KioskConfig | null {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw new Error(`${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // Notepad may save a BOM
  } catch (error) {
    throw new Error(`${file} is not valid JSON; expected {"dataDir": "D:\\\\SIPAS"}`, { cause: error });
  }
  const parsed = KioskConfig.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${file} is not a valid kiosk config (${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; ')})`,
    );
  return parsed.data;
}

/**
 * Chromium and Node switches that open the app to other code or to inspection.
 * The fuses already turn off NODE_OPTIONS and --inspect; these are Chromium's
 * own, which it reads only once the app is ready, so removing them before
 * 'ready' is in time.
 */
export const ESCAPE_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'js-flags',
  'disable-web-security',
  'no-sandbox',
  'proxy-server',
  'host-rules',
  'host-resolver-rules',
  'ignore-certificate-errors',
  'load-extension',
] as const;

/** Removes the escape switches from an installed kiosk's command line; returns those that were there. */
export function dropEscapeSwitches(commandLine: Pick<CommandLine, 'hasSwitch' | 'removeSwitch'>): string[] {
  const found = ESCAPE_SWITCHES.filter((name) => commandLine.hasSwitch(name));
  for (const name of found) commandLine.removeSwitch(name);
  return found;
}
