import type { Envelope } from './envelope';
import type { OperationName } from './operations';

/**
 * The one object the Electron preload exposes as `window.sipas`: a function per
 * operation of the table, generated from it. The renderer's IPC transport uses
 * it; the preload's object is checked against this type with `satisfies`.
 */
export type SipasBridge = Readonly<{
  [K in OperationName]: (input: unknown, token: string | null) => Promise<Envelope>;
}>;

/** The IPC channel of an operation. */
export const channelOf = (name: OperationName): string => `sipas:${name}`;
