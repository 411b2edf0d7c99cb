import os from 'node:os';
import path from 'node:path';

/** The folder name Electron's app.getPath('userData') uses: the package's productName. */
export const APP_FOLDER_NAME = 'SIPAS Kiosk';

/**
 * The per-user application-data folder, the same one Electron's `userData` gives:
 *   Windows  %APPDATA%\SIPAS Kiosk           (C:\Users\<user>\AppData\Roaming\SIPAS Kiosk)
 *   Linux    $XDG_CONFIG_HOME/SIPAS Kiosk    (~/.config/SIPAS Kiosk)
 *   macOS    ~/Library/Application Support/SIPAS Kiosk
 * `--data DIR` or SIPAS_DATA override it.
 */
export function defaultDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER_NAME);
}

export function resolveDataFolder(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.SIPAS_DATA ?? defaultDataFolder(env));
}
