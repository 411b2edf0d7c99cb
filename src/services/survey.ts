import type { z } from 'zod';
import type { SubmitResponseInput } from '../contract/survey';
import { AppError } from '../domain/errors';
import { CONSENT_VERSION } from '../domain/kioskSettings';
import { localDayOf } from '../domain/localDay';
import { toFivePoint } from '../domain/scale';
import { answerSignature, suspectFlags } from '../domain/misuse';
import type { Questionnaire } from '../domain/questionnaire';
import type { ResponseContext } from './arming';
import type { Clock, Logger, ResponseRecord, SurveyStore } from './ports';
import { checkAnswers, checkConsent, checkReasons } from './submissionRules';

type Submission = z.output<typeof SubmitResponseInput>;

export interface SurveyServiceDeps {
  store: SurveyStore;
  clock: Clock;
  logger: Logger;
  deviceId: string;
  /** Keyed hash of a case code; raw case codes are never stored. */
  hashCaseCode: (caseCode: string) => string;
  /** The context staff armed the kiosk with, looked up by armId. */
  armed?: { take(armId: string): ResponseContext | null; consume(armId: string): void };
  /** Months personal data is kept (the consent notice says it). */
  retentionMonths?: () => number;
  /** Kept submissions; the app passes its own map so they outlive a restore that rebuilds this service. */
  pending?: Map<string, ResponseRecord>;
}

export interface SubmitResult {
  id: string;
  day: string;
  status: 'completed' | 'abandoned';
  flags: string[];
  duplicate: boolean;
}

const ALREADY_RATED = new AppError('conflict', 'this case has already been rated; thank you');

export function createSurveyService({ store, clock, logger, deviceId, hashCaseCode, armed, pending: kept , retentionMonths = () => 12 }: SurveyServiceDeps) {
  /**
   * Submissions whose commit failed (disk full, I/O error). They stay here, in the
   * host process, and are retried until stored, so a citizen's answers outlive a
   * renderer reload; the citizen is told of the failure meanwhile.
   */
  const pending = kept ?? new Map<string, ResponseRecord>();
  const hashCase = (code: string) => hashCaseCode(code.normalize('NFC').toUpperCase());
  const isCaseRated = (caseCode: string) => store.isCaseRated(hashCase(caseCode));

  function activeQuestionnaire(): Questionnaire {
    const questionnaire = store.activeQuestionnaire();
    if (!questionnaire) throw new AppError('unavailable', 'no active questionnaire is set up');
    return questionnaire;
  }

  function flagsFor(submission: Submission, answers: ResponseRecord['answers'], now: number): string[] {
    if (submission.status !== 'completed') return [];
    const previous = store.previousCompleted();
    const { misuse } = store.kioskSettings();
    return suspectFlags(
      { durationMs: submission.durationMs, questionsShown: answers.length, submittedAtMs: now, signature: answerSignature(answers) },
      previous && { submittedAtMs: Date.parse(previous.submittedAt), signature: answerSignature(previous.answers) },
      misuse,
    );
  }

  function recordOf(submission: Submission): ResponseRecord {
    const questionnaire = store.questionnaire(submission.questionnaire);
    if (!questionnaire) {
      throw new AppError('bad_input', `questionnaire: ${submission.questionnaire.id} v${submission.questionnaire.version} is unknown`);
    }
    const answers = checkAnswers(questionnaire, submission);
    const reasons = checkReasons(questionnaire, submission);
    checkConsent(submission);
    if (submission.status === 'completed' && answers.length === 0) {
      throw new AppError('bad_input', 'answers: a completed response needs at least one answer');
    }
    const now = clock.now();
    const submittedAt = new Date(now).toISOString();
    // An expired or used arming leaves the response without context rather than failing it.
    const comment = submission.comment ? submission.comment : null;
    const { lowScoreThreshold } = store.kioskSettings();
    const followUp =
      comment !== null || reasons.length > 0 || answers.some((a) => a.score !== null && toFivePoint(a.score, a.points) <= lowScoreThreshold);
    // The armed context wins, but a case code the citizen scanned is kept when staff armed none.
    const armedContext = submission.armId ? armed?.take(submission.armId) : null;
    const context = armedContext ? { caseCode: submission.context?.caseCode, ...armedContext } : (submission.context ?? {});
    return {
      id: submission.id,
      deviceId,
      questionnaire: submission.questionnaire,
      startedAt: new Date(now - submission.durationMs).toISOString(),
      submittedAt,
      localDay: localDayOf(now),
      language: submission.language,
      counter: context.counter ?? null,
      officer: context.officer ?? null,
      field: context.field ?? null,
      caseCodeHash: context.caseCode ? hashCase(context.caseCode) : null,
      status: submission.status,
      flags: flagsFor(submission, answers, now),
      answers,
      reasons,
      comment,
      followUp,
      contact: submission.contact ? { phone: submission.contact.phone, consentVersion: submission.contact.consentVersion, consentAt: submittedAt } : null,
    };
  }

  const resultOf = (record: { id: string; localDay: string; status: ResponseRecord['status']; flags: string[] }, duplicate: boolean): SubmitResult => ({
    id: record.id,
    day: record.localDay,
    status: record.status,
    flags: record.flags,
    duplicate,
  });

  function store1(record: ResponseRecord, armId?: string): SubmitResult {
    const outcome = store.insertResponse(record);
    pending.delete(record.id);
    if (armId) armed?.consume(armId);
    if (outcome === 'case_already_rated') throw ALREADY_RATED;
    return resultOf(record, outcome === 'duplicate');
  }

  function submitResponse(submission: Submission): SubmitResult {
    const existing = store.findResponse(submission.id);
    if (existing) return resultOf(existing, true);
    const record = pending.get(submission.id) ?? recordOf(submission);
    try {
      return store1(record, submission.armId);
    } catch (error) {
      if (error instanceof AppError) throw error;
      pending.set(record.id, record);
      logger.error('response not stored; kept for retry', { id: record.id, error: String(error) });
      throw new AppError('unavailable', 'the answers could not be saved yet; they are kept and will be saved');
    }
  }

  /** Tries the kept submissions again; returns how many are still waiting. */
  function retryPending(): number {
    for (const [id, record] of pending) {
      try {
        store1(record);
        logger.info('kept response stored', { id });
      } catch (error) {
        if (error === ALREADY_RATED) continue; // rated meanwhile by another response: nothing to keep
        break; // the store is still failing; try again on the next tick
      }
    }
    return pending.size;
  }

  return {
    getActiveQuestionnaire: activeQuestionnaire,
    getKioskSetup: () => ({ settings: store.kioskSettings(), questionnaire: activeQuestionnaire(), consentVersion: CONSENT_VERSION, retentionMonths: retentionMonths() }),
    checkCaseCode: ({ caseCode }: { caseCode: string }) => ({ alreadyRated: isCaseRated(caseCode) }),
    isCaseRated,
    submitResponse,
    retryPending,
    pendingCount: () => pending.size,
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
