/**
 * The preload runs sandboxed, before the page, in an isolated world. It hands
 * the page one frozen object with a function per operation of the contract and
 * nothing else: never ipcRenderer itself, which would let the page send on any
 * channel. Bundled to one CommonJS file, since a sandboxed preload cannot
 * require anything but 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, type SipasBridge } from '../src/contract/bridge';
import type { Envelope } from '../src/contract/envelope';
import { operationNames, type OperationName } from '../src/contract/operations';

type BridgeFunction = SipasBridge[OperationName];
type Draft = Partial<Record<OperationName, BridgeFunction>>;

const isComplete = (draft: Draft): draft is Record<OperationName, BridgeFunction> =>
  operationNames.every((name) => typeof draft[name] === 'function');

/** One function per operation name; the main side checks sender, role and input. */
export function buildBridge(
  invoke: (channel: string, input: unknown, token: string | null) => Promise<Envelope>,
): SipasBridge {
  const draft: Draft = {};
  for (const name of operationNames) {
    draft[name] = (input, token) => invoke(channelOf(name), input, token);
  }
  if (!isComplete(draft)) throw new Error('the bridge is missing operations');
  return Object.freeze(draft) satisfies SipasBridge;
}

const bridge = buildBridge((channel, input, token) => ipcRenderer.invoke(channel, input, token));
contextBridge.exposeInMainWorld('sipas', bridge);
