import { AppError, isAppError } from '../domain/errors';
import { lanRefusal } from './access';
import { failure, success, type Envelope } from './envelope';
import { roleAllows, type Role } from './operation';
import { isOperationName, operations, type OperationName, type OutputOf, type ParsedInputOf } from './operations';
import { formatZodError } from './validation';

export interface Session {
  role: Role;
  officer: string;
  officerName: string;
}

export interface CallContext {
  /** The caller's session, when the call carried a valid token. */
  session: Session | null;
  token: string | null;
  /** The call came from this machine (Electron, or HTTP from loopback), not from the LAN. */
  local: boolean;
  /** The paired counter device the call came from (LAN), when it carried a valid device token. */
  device: PairedDevice | null;
}

export interface PairedDevice {
  id: string;
  name: string;
}

export type Implementation<K extends OperationName> = (
  input: ParsedInputOf<K>,
  context: CallContext,
) => OutputOf<K> | Promise<OutputOf<K>>;

export type Implementations = { [K in OperationName]: Implementation<K> };

/**
 * The machine's own administrator, for a host that runs in this process on the data
 * folder (the CLI: whoever can read the folder holds the data anyway). composeApp issues
 * one only when asked; the dispatcher honours only that very object, and a copy made by
 * JSON (HTTP) or structured clone (IPC) is another object: no remote caller can claim it.
 */
export interface LocalAdminGrant {
  readonly session: Session;
}

export interface DispatcherDeps {
  implementations: Implementations;
  /** The one grant this dispatcher honours (see LocalAdminGrant); without it, none. */
  localAdmin?: LocalAdminGrant;
  /** Looks a token up and, when `touch`, refreshes its idle timer; null when unknown or expired. */
  resolveSession: (token: string, touch: boolean) => Session | null;
  /** Looks a device token up; null when unknown or revoked. Without it no device is ever paired. */
  resolveDevice?: (token: string) => PairedDevice | null;
  /** Told about failures that are the app's fault, never shown to the caller. */
  onInternalError: (operation: string, error: unknown) => void;
}

export interface Caller {
  token?: string | null;
  /** True only when the host knows the call came from this machine. */
  local?: boolean;
  /** The `X-Sipas-Device` token of a paired counter device, as sent. */
  deviceToken?: string | null;
  /** An in-process host's grant from composeApp (App.localAdmin); hosts that serve requests never set it. */
  localAdmin?: LocalAdminGrant;
}

export type Dispatch = (name: string, input: unknown, caller?: Caller) => Promise<Envelope>;

/**
 * The one place where every call is checked, whichever host it came through:
 * the operation exists, the caller's role is enough, the input parses; and the
 * answer is always an envelope, with no stack trace ever leaving the process.
 */
export function createDispatcher({
  implementations,
  resolveSession,
  resolveDevice,
  onInternalError,
  localAdmin,
}: DispatcherDeps): Dispatch {
  return async (
    name,
    rawInput,
    { token = null, local: fromThisMachine = false, deviceToken = null, localAdmin: grant } = {},
  ) => {
    if (!isOperationName(name)) return failure('not_found', `unknown operation: ${name.slice(0, 60)}`);
    const spec = operations[name];

    // Identity, not shape: only the object composeApp handed to this process counts.
    const asLocalAdmin = localAdmin !== undefined && grant === localAdmin;
    const local = asLocalAdmin || fromThisMachine;
    const session = asLocalAdmin ? localAdmin.session : token ? resolveSession(token, spec.passive !== true) : null;
    if (spec.role !== 'citizen') {
      if (!session) return failure('unauthenticated', 'sign in first');
      if (!roleAllows(session.role, spec.role)) return failure('forbidden', `${name} needs the ${spec.role} role`);
    }
    const device = deviceToken && resolveDevice ? resolveDevice(deviceToken) : null;
    if (spec.role === 'citizen' && !local) {
      const refusal = lanRefusal(name, { paired: device !== null, signedIn: session !== null });
      if (refusal) return failure('forbidden', refusal);
    }

    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return failure('bad_input', formatZodError(parsed.error));

    try {
      const implementation = implementations[name] as Implementation<OperationName>;
      const value = await implementation(parsed.data as never, { session, token, local, device });
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new Error(`output of ${name} does not match the contract: ${formatZodError(checked.error)}`);
      }
      return success(checked.data);
    } catch (error) {
      if (isAppError(error)) return failure(error.code, error.message, error.details);
      onInternalError(name, error);
      const internal = new AppError('internal', 'internal error; the details are in the log');
      return failure(internal.code, internal.message);
    }
  };
}
