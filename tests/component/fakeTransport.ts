import type { Envelope } from '../../src/contract/envelope';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import type { ErrorCode, ErrorDetails } from '../../src/domain/errors';
import { createClient, type ApiClient, type Transport } from '../../renderer/api/client';

export interface RecordedCall {
  name: OperationName;
  input: unknown;
  token: string | null;
}

type Handler<K extends OperationName> = (
  input: InputOf<K>,
  token: string | null,
) => Envelope<OutputOf<K>> | Promise<Envelope<OutputOf<K>>>;
export type Handlers = { [K in OperationName]?: Handler<K> };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message = `fake ${code}`, details?: ErrorDetails): Envelope<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

export interface Fake {
  client: ApiClient;
  calls: RecordedCall[];
  inputsTo: (name: OperationName) => unknown[];
}

/** A transport with the host's shape that records every call and answers from `handlers`. */
export function fakeHost(handlers: Handlers): Fake {
  const calls: RecordedCall[] = [];
  const transport: Transport = async (name, input, token) => {
    // A copy, so later changes in the caller cannot rewrite what was sent.
    calls.push({ name, input: structuredClone(input), token });
    const handler = handlers[name] as Handler<typeof name> | undefined;
    if (!handler) return fail('not_found', `the fake host has no ${name}`);
    return handler(input as never, token);
  };
  return {
    client: createClient(transport),
    calls,
    inputsTo: (name) => calls.filter((call) => call.name === name).map((call) => call.input),
  };
}
