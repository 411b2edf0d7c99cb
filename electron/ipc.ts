import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { createLogger } from '../src/node/logger';
import { channelOf } from '../src/contract/bridge';
import type { Dispatch } from '../src/contract/dispatch';
import { failure, type Envelope } from '../src/contract/envelope';
import { operationNames } from '../src/contract/operations';
import { isAppUrl } from './appUrl';

const logger = createLogger('electron.ipc');

export type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'>;
export type TrustedSender = (frame: SenderFrame | null | undefined) => boolean;

/**
 * Only the app's own page (the app://sipas origin), in the top frame, may call
 * operations: an iframe, a local file or a page the window was somehow
 * navigated to must not reach the database.
 */
export function isTrustedFrame(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false; // the frame navigated away or was destroyed before the call arrived
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Electron throws when a disposed frame is read: such a frame is not trusted. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/**
 * Binds every operation of the contract to `ipcMain.handle`. The handler checks
 * the sender, then hands over to the same dispatcher as the HTTP host (role,
 * zod input, envelope). It always resolves to an envelope: a thrown error would
 * reach the renderer as a bare message and break the one-contract promise.
 */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrustedSender: TrustedSender): void {
  for (const name of operationNames) {
    ipcMain.handle(
      channelOf(name),
      async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown, token: unknown): Promise<Envelope> => {
        if (!safely(() => isTrustedSender(event.senderFrame), false)) {
          logger.warn('call refused: untrusted sender', {
            operation: name,
            url: safely(() => event.senderFrame?.url.slice(0, 200) ?? null, 'disposed'),
          });
          return failure('forbidden', 'calls are accepted only from the kiosk page');
        }
        // A missing argument arrives as undefined: treat it as "no session".
        if (token !== undefined && token !== null && typeof token !== 'string') {
          return failure('bad_input', 'token must be a string or null');
        }
        try {
          // IPC only ever comes from this machine's own window.
          return await dispatch(name, input, { token: token ?? null, local: true });
        } catch (error) {
          logger.error('dispatch threw', {
            operation: name,
            error: error instanceof Error ? error.stack : String(error),
          });
          return failure('internal', 'internal error; the details are in the log');
        }
      },
    );
  }
}
