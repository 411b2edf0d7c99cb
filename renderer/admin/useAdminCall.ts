import { useAction as useSharedAction, type Action as SharedAction } from '../session/useCall';
import type { ClientProblemKey } from './problem';

// The shared loading and error layer (renderer/session), with the admin screens' own problem keys.
export { useLoad, type Loaded } from '../session/useCall';

export type Action = SharedAction<ClientProblemKey>;

export const useAction = (): Action => useSharedAction<ClientProblemKey>();
