/**
 * Who may call a citizen-role operation from another machine (the LAN). The
 * dispatcher asks this for every call that is not local, whichever host it
 * came through, so IPC and HTTP cannot drift apart. Staff and admin
 * operations are not decided here: they need a PIN session wherever they come
 * from (see createDispatcher).
 *
 * - open: what a LAN browser needs before anyone signs in or pairs it — the
 *   staff/admin sign-in, the first-run check (creating the first administrator
 *   stays refused by its service from anything but the kiosk itself), pairing.
 * - paired: what a counter device does for citizens: store a rating and its details, check a
 *   case code. Only a paired device: a staff session on a desk PC is no
 *   licence to rate the service.
 * - anything else (the kiosk's questionnaire and setup, the armed context, and
 *   any citizen operation added later until it is listed here): a paired device
 *   or a signed-in officer, whose screens read them too. An unknown LAN client
 *   gets 403.
 */
import type { OperationName } from './operations';

export type LanAccess = 'open' | 'paired' | 'pairedOrSignedIn';

const open: ReadonlySet<string> = new Set<OperationName>([
  'health',
  'listOfficers',
  'signIn',
  'setupStatus',
  'createFirstAdmin',
  'shellCapabilities',
  'pairDevice',
]);

const pairedOnly: ReadonlySet<string> = new Set<OperationName>([
  'submitResponse',
  'addResponseDetails',
  'checkCaseCode',
]);

export const lanAccessOf = (name: OperationName): LanAccess =>
  open.has(name) ? 'open' : pairedOnly.has(name) ? 'paired' : 'pairedOrSignedIn';

/**
 * Why a citizen-role call from another machine is refused, or null when it may go on.
 * `paired`: the call carried the token of a device that is paired and not revoked.
 */
export function lanRefusal(name: OperationName, caller: { paired: boolean; signedIn: boolean }): string | null {
  const access = lanAccessOf(name);
  if (access === 'open' || caller.paired) return null;
  if (access === 'pairedOrSignedIn' && caller.signedIn) return null;
  return access === 'paired'
    ? `${name} is only for the kiosk or a counter device paired by the administrator`
    : `${name} needs a paired counter device or a signed-in officer`;
}
