import {
  clientProblem as sharedClientProblem,
  problemOf as sharedProblemOf,
  type Problem as SharedProblem,
} from '../session/problem';

export { isUnauthenticated } from '../session/problem';

/** Messages the admin screens themselves raise before anything is sent. */
export type ClientProblemKey =
  | 'admin.validation.required'
  | 'admin.validation.pin'
  | 'admin.validation.pinMismatch'
  | 'admin.validation.code'
  | 'admin.validation.number'
  | 'admin.validation.time'
  | 'admin.validation.period'
  | 'admin.validation.jsonParse'
  | 'admin.validation.fileRead'
  | 'admin.validation.noFile'
  | 'admin.validation.image'
  | 'admin.signIn.notAdmin'
  | 'admin.firstRun.forbidden'
  | 'admin.firstRun.exists';

/** A failure on an admin screen: the shared error texts (renderer/session) or one of the screens' own. */
export type Problem = SharedProblem<ClientProblemKey>;

export const problemOf: (error: unknown) => Problem = sharedProblemOf;

/** A problem the screen found itself, e.g. a required field left empty. */
export const clientProblem = (key: ClientProblemKey, values?: Record<string, string>, detail?: string): Problem =>
  sharedClientProblem(key, values, detail);
