import { countsOf, emptyCounts, addCounts, type ResponseCounts } from '../domain/responseCounts';
import {
  questionnaireKey,
  scoreByQuestionnaire,
  scoreCounts,
  type QuestionnaireRef,
  type SipasScore,
} from '../domain/scoring';
import type { QuestionnaireItemCount } from './ports';

/**
 * Reports show one section per questionnaire version: the quick form's one access
 * question and the full form's four are different instruments, so an index is
 * never computed over both (src/domain/scoring.ts). Counts do add up across versions.
 */
export interface QuestionnaireSection {
  questionnaire: QuestionnaireRef;
  responses: ResponseCounts;
  score: SipasScore;
}

type Counted = Omit<ResponseCounts, 'responses'> & { questionnaire: QuestionnaireRef };

/** Newest version first within an id, as scoreByQuestionnaire orders them. */
const byQuestionnaire = (a: QuestionnaireRef, b: QuestionnaireRef) => a.id.localeCompare(b.id) || b.version - a.version;

/** Every version with a stored response or a scored answer, with its own counts and score. */
export function sectionsOf(
  counts: readonly Counted[],
  answers: readonly QuestionnaireItemCount[],
): QuestionnaireSection[] {
  const scores = new Map(
    scoreByQuestionnaire(answers).map(({ questionnaire, score }) => [questionnaireKey(questionnaire), score]),
  );
  const responses = new Map(counts.map((c) => [questionnaireKey(c.questionnaire), countsOf(c)]));
  const refs = new Map<string, QuestionnaireRef>();
  for (const { questionnaire } of [...counts, ...answers])
    refs.set(questionnaireKey(questionnaire), { id: questionnaire.id, version: questionnaire.version });
  return [...refs.entries()]
    .sort(([, a], [, b]) => byQuestionnaire(a, b))
    .map(([key, questionnaire]) => ({
      questionnaire,
      responses: responses.get(key) ?? emptyCounts(),
      score: scores.get(key) ?? scoreCounts([]),
    }));
}

/** The counts of a period over every version. */
export const totalOf = (counts: ReadonlyArray<Omit<ResponseCounts, 'responses'>>): ResponseCounts =>
  counts.reduce<ResponseCounts>((sum, c) => addCounts(sum, countsOf(c)), emptyCounts());

/** Groups rows by a key, keeping their order: one pass instead of a filter per group. */
export function groupBy<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
