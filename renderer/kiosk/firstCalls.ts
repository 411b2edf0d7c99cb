import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import type { ApiClient } from '../api/client';

/**
 * Calls sent before React has rendered anything: on a cold start the kiosk's
 * setup travels while the screens' code is still being evaluated, instead of
 * after the first render's effects. Each answer is taken once, by the hook that
 * would have asked; any later ask goes to the host as usual.
 */
const sent = new WeakMap<ApiClient, Map<OperationName, Promise<unknown>>>();

export function sendEarly<K extends OperationName>(client: ApiClient, name: K, input: InputOf<K>): void {
  const calls = sent.get(client) ?? new Map<OperationName, Promise<unknown>>();
  const call = client.call(name, input);
  // Whoever takes it handles a failure; untaken, it must not surface as an unhandled rejection.
  call.catch(() => undefined);
  calls.set(name, call);
  sent.set(client, calls);
}

/** The early call of that name, once; undefined when none was sent (or it was taken already). */
export function takeEarly<K extends OperationName>(client: ApiClient, name: K): Promise<OutputOf<K>> | undefined {
  const calls = sent.get(client);
  const call = calls?.get(name);
  calls?.delete(name);
  return call as Promise<OutputOf<K>> | undefined;
}
