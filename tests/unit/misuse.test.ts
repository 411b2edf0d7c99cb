import { describe, expect, it } from 'vitest';
import { answerSignature, suspectFlags } from '../../src/domain/misuse';

const rules = { minSecondsPerQuestion: 0.8, repeatWindowSeconds: 20 };
const sig = answerSignature([
  { item: 'b', score: 4 },
  { item: 'a', score: null },
]);

describe('the misuse filter', () => {
  it('flags five questions answered in under four seconds, not in four', () => {
    const base = { questionsShown: 5, submittedAtMs: 100_000, signature: sig };
    expect(suspectFlags({ ...base, durationMs: 3_999 }, null, rules)).toEqual(['too_fast']);
    expect(suspectFlags({ ...base, durationMs: 4_000 }, null, rules)).toEqual([]);
  });

  it('flags the same answers as the previous response within 20 s', () => {
    const response = { durationMs: 30_000, questionsShown: 2, submittedAtMs: 119_999, signature: sig };
    expect(suspectFlags(response, { submittedAtMs: 100_000, signature: sig }, rules)).toEqual(['repeat']);
    expect(
      suspectFlags({ ...response, submittedAtMs: 120_000 }, { submittedAtMs: 100_000, signature: sig }, rules),
    ).toEqual([]);
    expect(suspectFlags(response, { submittedAtMs: 110_000, signature: 'other' }, rules)).toEqual([]);
  });

  it('a clock stepped backwards is not taken for a burst', () => {
    const response = { durationMs: 30_000, questionsShown: 2, submittedAtMs: 50_000, signature: sig };
    expect(suspectFlags(response, { submittedAtMs: 100_000, signature: sig }, rules)).toEqual([]);
  });

  it('the signature ignores answer order', () => {
    expect(
      answerSignature([
        { item: 'a', score: null },
        { item: 'b', score: 4 },
      ]),
    ).toBe(sig);
  });
});
