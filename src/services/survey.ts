import { AppError } from '../domain/errors';
import { localDayOf } from '../domain/localDay';
import { itemsOf, type Questionnaire } from '../domain/questionnaire';
import type { SubmitResponseInput } from '../contract/survey';
import type { z } from 'zod';
import type { Clock, Logger, ResponseRecord, SurveyStore } from './ports';

type Submission = z.output<typeof SubmitResponseInput>;

export interface SurveyServiceDeps {
  store: SurveyStore;
  clock: Clock;
  logger: Logger;
  deviceId: string;
  /** Keyed hash of a case code; raw case codes are never stored. */
  hashCaseCode: (caseCode: string) => string;
}

export interface SubmitResult {
  id: string;
  day: string;
  status: 'completed' | 'abandoned';
  flags: string[];
  duplicate: boolean;
}

/** Checks answers against the questionnaire the citizen saw; a bad answer changes nothing. */
function answersFor(questionnaire: Questionnaire, submission: Submission): ResponseRecord['answers'] {
  const items = new Map(itemsOf(questionnaire).map((item) => [item.id, item]));
  const seen = new Set<string>();
  return submission.answers.map((answer, index) => {
    const item = items.get(answer.item);
    const where = `answers[${index}]`;
    if (!item) throw new AppError('bad_input', `${where}.item: ${answer.item} is not in ${questionnaire.id} v${questionnaire.version}`);
    if (seen.has(item.id)) throw new AppError('bad_input', `${where}.item: ${item.id} answered twice`);
    seen.add(item.id);
    if (answer.score === null && !item.optional) {
      throw new AppError('bad_input', `${where}.score: ${item.id} has no "no opinion" choice`);
    }
    if (answer.score !== null && answer.score > item.scale) {
      throw new AppError('bad_input', `${where}.score: ${item.id} is on a ${item.scale}-point scale`);
    }
    return { item: item.id, points: item.scale, score: answer.score };
  });
}

export function createSurveyService({ store, clock, logger, deviceId, hashCaseCode }: SurveyServiceDeps) {
  /**
   * Submissions whose commit failed (disk full, I/O error). They stay here, in the
   * host process, and are retried until stored, so a citizen's answers outlive a
   * renderer reload; the citizen is told of the failure meanwhile.
   */
  const pending = new Map<string, ResponseRecord>();

  function activeQuestionnaire(): Questionnaire {
    const questionnaire = store.activeQuestionnaire();
    if (!questionnaire) throw new AppError('unavailable', 'no active questionnaire is set up');
    return questionnaire;
  }

  function recordOf(submission: Submission): ResponseRecord {
    const questionnaire = store.questionnaire(submission.questionnaire);
    if (!questionnaire) {
      throw new AppError('bad_input', `questionnaire: ${submission.questionnaire.id} v${submission.questionnaire.version} is unknown`);
    }
    const answers = answersFor(questionnaire, submission);
    if (submission.status === 'completed' && answers.length === 0) {
      throw new AppError('bad_input', 'answers: a completed response needs at least one answer');
    }
    const now = clock.now();
    const context = submission.context ?? {};
    return {
      id: submission.id,
      deviceId,
      questionnaire: submission.questionnaire,
      startedAt: new Date(now - submission.durationMs).toISOString(),
      submittedAt: new Date(now).toISOString(),
      localDay: localDayOf(now),
      language: submission.language,
      counter: context.counter ?? null,
      officer: context.officer ?? null,
      field: context.field ?? null,
      caseCodeHash: context.caseCode ? hashCaseCode(context.caseCode.normalize('NFC')) : null,
      status: submission.status,
      flags: [],
      answers,
    };
  }

  const resultOf = (record: { id: string; localDay: string; status: ResponseRecord['status']; flags: string[] }, duplicate: boolean): SubmitResult => ({
    id: record.id,
    day: record.localDay,
    status: record.status,
    flags: record.flags,
    duplicate,
  });

  function submitResponse(submission: Submission): SubmitResult {
    const existing = store.findResponse(submission.id);
    if (existing) return resultOf(existing, true);
    const record = pending.get(submission.id) ?? recordOf(submission);
    try {
      const inserted = store.insertResponse(record);
      pending.delete(record.id);
      return resultOf(record, !inserted);
    } catch (error) {
      pending.set(record.id, record);
      logger.error('response not stored; kept for retry', { id: record.id, error: String(error) });
      throw new AppError('unavailable', 'the answers could not be saved yet; they are kept and will be saved');
    }
  }

  /** Tries the kept submissions again; returns how many are still waiting. */
  function retryPending(): number {
    for (const [id, record] of pending) {
      try {
        store.insertResponse(record);
        pending.delete(id);
        logger.info('kept response stored', { id });
      } catch {
        break; // the store is still failing; try again on the next tick
      }
    }
    return pending.size;
  }

  return {
    getActiveQuestionnaire: activeQuestionnaire,
    submitResponse,
    retryPending,
    pendingCount: () => pending.size,
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
