import type { SipasBridge } from '../../src/contract/bridge';
import type { Envelope } from '../../src/contract/envelope';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import type { ErrorCode, ErrorDetails } from '../../src/domain/errors';

/** Carries one call to a host and brings back its envelope. */
export type Transport = (name: OperationName, input: unknown, token: string | null) => Promise<Envelope>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Structured facts from the host (e.g. a lockout's `retryAfterSeconds`); {} when none. */
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** Where a LAN browser paired as a counter device keeps its token (see renderer/pair). */
export const DEVICE_TOKEN_KEY = 'sipas.deviceToken';

/** The stored device token, or null (never paired, or storage blocked). */
export function storedDeviceToken(): string | null {
  try {
    return window.localStorage.getItem(DEVICE_TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Over HTTP: POST api/<name> (relative, so it works under any path the host serves). */
export const httpTransport: Transport = async (name, input, token) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  // A counter device on the LAN may rate only with the token its pairing gave it.
  const device = storedDeviceToken();
  if (device) headers['X-Sipas-Device'] = device;
  try {
    const response = await fetch(`api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
    return (await response.json()) as Envelope;
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'the kiosk service cannot be reached' } };
  }
};

/** Over Electron IPC, through the frozen object the preload exposes. */
export const ipcTransport =
  (bridge: SipasBridge): Transport =>
  (name, input, token) =>
    bridge[name](input, token);

declare global {
  interface Window {
    sipas?: SipasBridge;
  }
}

export const defaultTransport = (): Transport => (window.sipas ? ipcTransport(window.sipas) : httpTransport);

export interface ApiClient {
  call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  setToken(token: string | null): void;
}

/** One client for every screen, over whichever transport the page runs on. */
export function createClient(transport: Transport = defaultTransport()): ApiClient {
  let token: string | null = null;
  return {
    async call(name, input) {
      const envelope = await transport(name, input, token);
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
      return envelope.value as OutputOf<typeof name>;
    },
    setToken(next) {
      token = next;
    },
  };
}
