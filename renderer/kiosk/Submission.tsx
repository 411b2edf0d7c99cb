import { useImperativeHandle, type Dispatch, type Ref } from 'react';
import type { Language } from '../../src/domain/language';
import type { KioskAction, KioskState } from './flow';
import type { KioskEnv } from './kioskEnv';
import { useSubmission } from './useSubmission';

/** Hands the host what a citizen who walked away or started over had answered (see useSubmission). */
export type LeaveSubmission = (state: KioskState) => void;

interface SubmissionProps {
  state: KioskState;
  dispatch: Dispatch<KioskAction>;
  language: Language;
  env: KioskEnv;
  /** Set to useSubmission's `leave`. */
  ref: Ref<LeaveSubmission>;
}

/**
 * useSubmission as a component that draws nothing, so its code comes with the survey's
 * screens (screens.ts) and KioskApp runs it once they are here, as it must before a survey
 * can start. Kept drawn from then on: a citizen's last calls may outlive their screens.
 */
export function Submission({ state, dispatch, language, env, ref }: SubmissionProps) {
  const leave = useSubmission(state, dispatch, language, env);
  useImperativeHandle(ref, () => leave, [leave]);
  return null;
}
