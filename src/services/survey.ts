import type { z } from 'zod';
import type { AddResponseDetailsInput, SubmitResponseInput } from '../contract/survey';
import { AppError } from '../domain/errors';
import { CONSENT_VERSION } from '../domain/kioskSettings';
import { localDayOf } from '../domain/localDay';
import { answerSignature, suspectFlags } from '../domain/misuse';
import type { Questionnaire } from '../domain/questionnaire';
import type { ArmedVisit } from './arming';
import type { Clock, Logger, QuestionnaireRef, ResponseRecord, StoredResponse, SurveyStore } from './ports';
import { checkAnswers, checkConsent, checkReasons, mergeAnswers, needsFollowUp, statusOf } from './submissionRules';

type Submission = z.output<typeof SubmitResponseInput>;
type Details = z.output<typeof AddResponseDetailsInput>;

export interface SurveyServiceDeps {
  store: SurveyStore;
  clock: Clock;
  logger: Logger;
  deviceId: string;
  /** Keyed hash of a case code; raw case codes are never stored. */
  hashCaseCode: (caseCode: string) => string;
  /** The context staff armed the kiosk with, looked up by armId. */
  armed?: { take(armId: string): ArmedVisit | null; consume(armId: string): void };
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

const sameRef = (a: QuestionnaireRef, b: QuestionnaireRef) => a.id === b.id && a.version === b.version;
const answersKey = (answers: ResponseRecord['answers']) => JSON.stringify(answers.map((a) => [a.item, a.score]));
const reasonsKey = (reasons: ResponseRecord['reasons']) =>
  JSON.stringify(reasons.map((r) => `${r.dimension}:${r.reason}`).sort());

/**
 * The citizen's side of the kiosk. The ratings are committed as soon as every
 * required one is given (the kiosk sends them then), so a response counts from
 * that moment whatever the citizen does next; later ratings, changed ratings,
 * reasons, the comment and the phone number update the same response, each call
 * in its own transaction and each safe to repeat.
 */
export function createSurveyService({
  store,
  clock,
  logger,
  deviceId,
  hashCaseCode,
  armed,
  pending: kept,
  retentionMonths = () => 12,
}: SurveyServiceDeps) {
  /**
   * Submissions whose first commit failed (disk full, I/O error). They stay here, in
   * the host process, and are retried until stored, so a citizen's answers outlive a
   * renderer reload; the citizen is told of the failure meanwhile. Later ratings and
   * details for them are merged in here until they are stored.
   */
  const pending = kept ?? new Map<string, ResponseRecord>();
  const hashCase = (code: string) => hashCaseCode(code.normalize('NFC').toUpperCase());
  const isCaseRated = (caseCode: string) => store.isCaseRated(hashCase(caseCode));
  const lowScoreThreshold = () => store.kioskSettings().lowScoreThreshold;

  function activeQuestionnaire(): Questionnaire {
    const questionnaire = store.activeQuestionnaire();
    if (!questionnaire) throw new AppError('unavailable', 'no active questionnaire is set up');
    return questionnaire;
  }

  function questionnaireOf(ref: QuestionnaireRef): Questionnaire {
    const questionnaire = store.questionnaire(ref);
    if (!questionnaire) throw new AppError('bad_input', `questionnaire: ${ref.id} v${ref.version} is unknown`);
    return questionnaire;
  }

  /**
   * The misuse filter over the ratings as they stand. "Repeat" compares with the
   * completed response stored before this one, at the time each was first stored:
   * a response updated later is never its own repeat, nor one of the next citizen's.
   */
  function flagsFor(
    rated: { id: string; status: ResponseRecord['status']; answers: ResponseRecord['answers']; submittedAt: string },
    durationMs: number,
    stored: boolean,
  ): string[] {
    if (rated.status !== 'completed') return [];
    const previous = store.previousCompleted(stored ? rated.id : undefined);
    const { misuse } = store.kioskSettings();
    return suspectFlags(
      {
        durationMs,
        questionsShown: rated.answers.length,
        submittedAtMs: Date.parse(rated.submittedAt),
        signature: answerSignature(rated.answers),
      },
      previous && { submittedAtMs: Date.parse(previous.submittedAt), signature: answerSignature(previous.answers) },
      misuse,
    );
  }

  function recordOf(submission: Submission, device: { id: string } | null): ResponseRecord {
    const questionnaire = questionnaireOf(submission.questionnaire);
    // An expired or used arming leaves the response without context rather than failing it.
    const armedVisit = submission.armId ? armed?.take(submission.armId) : null;
    const purpose = armedVisit?.purpose ?? null;
    const answers = mergeAnswers(questionnaire, [], checkAnswers(questionnaire, purpose ?? 'unknown', submission));
    const reasons = checkReasons(questionnaire, submission.reasons);
    checkConsent(submission.contact);
    const now = clock.now();
    const submittedAt = new Date(now).toISOString();
    const comment = submission.comment ? submission.comment : null;
    const status = statusOf(questionnaire, purpose ?? 'unknown', answers);
    // The armed context wins, but a case code the citizen scanned is kept when staff armed none.
    const context = armedVisit ? { caseCode: submission.context?.caseCode, ...armedVisit } : (submission.context ?? {});
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
      status,
      flags: flagsFor({ id: submission.id, status, answers, submittedAt }, submission.durationMs, false),
      purpose,
      answers,
      reasons,
      comment,
      followUp: needsFollowUp({ answers, reasons, comment }, lowScoreThreshold()),
      contact: submission.contact
        ? { phone: submission.contact.phone, consentVersion: submission.contact.consentVersion, consentAt: submittedAt }
        : null,
      pairedDevice: device?.id ?? null,
    };
  }

  /** The response's ratings with the newer ones sent merged in, and what follows from them. */
  function rerated(base: StoredResponse, submission: Submission, stored: boolean) {
    if (!sameRef(base.questionnaire, submission.questionnaire)) {
      throw new AppError(
        'bad_input',
        `questionnaire: response ${base.id} was given on ${base.questionnaire.id} v${base.questionnaire.version}`,
      );
    }
    const questionnaire = questionnaireOf(base.questionnaire);
    const purpose = base.purpose ?? 'unknown';
    const answers = mergeAnswers(questionnaire, base.answers, checkAnswers(questionnaire, purpose, submission));
    const status = statusOf(questionnaire, purpose, answers);
    return {
      answers,
      status,
      flags: flagsFor({ id: base.id, status, answers, submittedAt: base.submittedAt }, submission.durationMs, stored),
      followUp: needsFollowUp({ answers, reasons: base.reasons, comment: base.comment }, lowScoreThreshold()),
    };
  }

  const resultOf = (
    record: { id: string; localDay: string; status: ResponseRecord['status']; flags: string[] },
    duplicate: boolean,
  ): SubmitResult => ({
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

  /** Stores a kept record now, or keeps it (again) and tells the caller it is not stored yet. */
  function storeOrKeep(record: ResponseRecord, armId?: string): SubmitResult {
    try {
      return store1(record, armId);
    } catch (error) {
      if (error instanceof AppError) throw error;
      pending.set(record.id, record);
      logger.error('response not stored; kept for retry', { id: record.id, error: String(error) });
      throw new AppError('unavailable', 'the answers could not be saved yet; they are kept and will be saved');
    }
  }

  /**
   * Stored responses changed in place since this service started (new ratings, details):
   * a new response moves the report store's revision, these move the dashboards' too.
   */
  let changes = 0;

  /** New or changed ratings for a stored response: one transaction, or nothing when they change nothing. */
  function updateRatings(existing: StoredResponse, submission: Submission): SubmitResult {
    const next = rerated(existing, submission, true);
    const unchanged =
      answersKey(next.answers) === answersKey(existing.answers) &&
      next.status === existing.status &&
      JSON.stringify(next.flags) === JSON.stringify(existing.flags);
    if (unchanged) return resultOf(existing, true);
    let outcome: 'updated' | 'case_already_rated';
    try {
      outcome = store.updateRatings({ id: existing.id, ...next });
    } catch (error) {
      // The ratings stored before stay as they were (they already count); the kiosk sends these again.
      logger.error('ratings not updated', { id: existing.id, error: String(error) });
      throw new AppError('unavailable', 'the new ratings could not be saved yet; send them again');
    }
    if (outcome === 'case_already_rated') throw ALREADY_RATED;
    changes += 1;
    return resultOf({ ...existing, ...next }, false);
  }

  /**
   * The ratings given so far: stored the first time, an update of the same
   * response after that. The host decides the status from the answers.
   */
  function submitResponse(submission: Submission, device: { id: string } | null = null): SubmitResult {
    const existing = store.findResponse(submission.id);
    if (existing) return updateRatings(existing, submission);
    const waiting = pending.get(submission.id);
    const record = waiting ? { ...waiting, ...rerated(waiting, submission, false) } : recordOf(submission, device);
    return storeOrKeep(record, submission.armId);
  }

  /** The parts given, checked and normalised; a phone number keeps its consent time while it stays the same. */
  function detailsOf(base: StoredResponse, details: Details) {
    const questionnaire = questionnaireOf(base.questionnaire);
    const reasons = details.reasons === undefined ? undefined : checkReasons(questionnaire, details.reasons);
    checkConsent(details.contact);
    const comment = details.comment === undefined ? undefined : details.comment || null;
    let contact: ResponseRecord['contact'] | undefined;
    if (details.contact === null) contact = null;
    else if (details.contact) {
      const same =
        base.contact?.phone === details.contact.phone && base.contact.consentVersion === details.contact.consentVersion;
      contact =
        same && base.contact ? base.contact : { ...details.contact, consentAt: new Date(clock.now()).toISOString() };
    }
    return { reasons, comment, contact };
  }

  /** Reasons, the comment or the phone number, added to a stored response after its ratings. */
  function addResponseDetails(details: Details): { id: string; changed: boolean } {
    const waiting = pending.get(details.id);
    const existing = waiting ?? store.findResponse(details.id);
    if (!existing) throw new AppError('not_found', `response ${details.id} is not stored`);
    const given = detailsOf(existing, details);
    const next = {
      reasons: given.reasons ?? existing.reasons,
      comment: given.comment === undefined ? existing.comment : given.comment,
      contact: given.contact === undefined ? existing.contact : given.contact,
    };
    const changed =
      reasonsKey(next.reasons) !== reasonsKey(existing.reasons) ||
      next.comment !== existing.comment ||
      JSON.stringify(next.contact) !== JSON.stringify(existing.contact);
    if (!changed) return { id: details.id, changed: false };
    const followUp = needsFollowUp({ answers: existing.answers, ...next }, lowScoreThreshold());
    if (waiting) {
      storeOrKeep({ ...waiting, ...next, followUp });
      return { id: details.id, changed: true };
    }
    try {
      store.saveDetails({
        id: details.id,
        ...(given.reasons !== undefined ? { reasons: given.reasons } : {}),
        ...(given.comment !== undefined ? { comment: given.comment } : {}),
        ...(given.contact !== undefined ? { contact: given.contact } : {}),
        followUp,
      });
    } catch (error) {
      logger.error('details not saved', { id: details.id, error: String(error) });
      throw new AppError('unavailable', 'this could not be saved yet; send it again');
    }
    changes += 1;
    return { id: details.id, changed: true };
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
    getKioskSetup: () => ({
      settings: store.kioskSettings(),
      questionnaire: activeQuestionnaire(),
      consentVersion: CONSENT_VERSION,
      retentionMonths: retentionMonths(),
    }),
    checkCaseCode: ({ caseCode }: { caseCode: string }) => ({ alreadyRated: isCaseRated(caseCode) }),
    isCaseRated,
    submitResponse,
    addResponseDetails,
    retryPending,
    pendingCount: () => pending.size,
    changeCount: () => changes,
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
