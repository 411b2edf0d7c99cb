/**
 * The misuse filter: responses no human could have given are kept, flagged
 * `suspect`, shown to staff and left out of the index — never deleted.
 */
export type SuspectFlag = 'too_fast' | 'repeat';

export interface MisuseRules {
  minSecondsPerQuestion: number;
  repeatWindowSeconds: number;
}

export interface PreviousResponse {
  submittedAtMs: number;
  signature: string;
}

/** Answers as one comparable string: the same answers give the same signature. */
export function answerSignature(answers: ReadonlyArray<{ item: string; score: number | null }>): string {
  return answers
    .map((a) => `${a.item}=${a.score ?? '-'}`)
    .sort()
    .join(';');
}

export function suspectFlags(
  response: { durationMs: number; questionsShown: number; submittedAtMs: number; signature: string },
  previous: PreviousResponse | null,
  rules: MisuseRules,
): SuspectFlag[] {
  const flags: SuspectFlag[] = [];
  if (response.durationMs < rules.minSecondsPerQuestion * 1000 * response.questionsShown) flags.push('too_fast');
  if (previous && previous.signature === response.signature) {
    // A clock stepped backwards gives a negative gap; that is not a burst.
    const gap = response.submittedAtMs - previous.submittedAtMs;
    if (gap >= 0 && gap < rules.repeatWindowSeconds * 1000) flags.push('repeat');
  }
  return flags;
}

export { responseKind, type ResponseKind } from './responseCounts';
