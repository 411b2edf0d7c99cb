import { describe, expect, it } from 'vitest';
import * as domainLimits from '../../src/domain/kioskSettings';
import { kioskReducer, type KioskAction, type KioskState } from '../../renderer/kiosk/flow';
import * as limits from '../../renderer/kiosk/limits';
import { pagesOf } from '../../renderer/kiosk/pages';
import { hostCalls, nothingAcknowledged, type Acknowledged } from '../../renderer/kiosk/submission';
import { armed, CITIZEN_ID, setup } from './fixtures';

/** The pure reducer and what it sends, without screens. */
const run = (actions: KioskAction[], from: KioskState = { screen: 'attract' }) => actions.reduce(kioskReducer, from);
const start: KioskAction = { type: 'start', setup, armed: null, caseCode: null, id: CITIZEN_ID, at: 0 };
const answer = (score: number | null): KioskAction[] => [{ type: 'choose', score }, { type: 'confirm' }];

describe('kiosk flow', () => {
  it('puts a reasons screen after the last item of a low dimension that has reasons', () => {
    const state = run([start, ...answer(1), ...answer(5), { type: 'next' }, ...answer(1)]);
    if (!('citizen' in state)) throw new Error('not in a survey');
    expect(pagesOf(state.citizen)).toEqual([
      { screen: 'question', index: 0 },
      { screen: 'question', index: 1 },
      { screen: 'reasons', dimension: 'access' },
      { screen: 'question', index: 2 },
      { screen: 'reasons', dimension: 'officer' },
      { screen: 'question', index: 3 },
      { screen: 'comment' },
      { screen: 'contact' },
    ]);
    expect(state).toMatchObject({ screen: 'reasons', dimension: 'officer' });
  });

  it('follows the threshold: with 1, a "Không hài lòng" (2) asks no reasons', () => {
    const strict = { ...setup, settings: { ...setup.settings, lowScoreThreshold: 1 } };
    const state = run([{ ...start, setup: strict }, ...answer(2), ...answer(2)]);
    expect(state).toMatchObject({ screen: 'question', index: 2 });
  });

  it('refuses "Tiếp tục" on the contact screen with consent and a bad number', () => {
    const contact = run([start, ...answer(4), ...answer(4), ...answer(3), ...answer(4), { type: 'next' }]);
    expect(contact.screen).toBe('contact');
    const checked = run(
      [{ type: 'setConsent', consent: true }, { type: 'setPhone', phone: '09051' }, { type: 'next' }],
      contact,
    );
    expect(checked).toMatchObject({ screen: 'contact', checked: true });
    expect(run([{ type: 'setPhone', phone: '0905123456' }, { type: 'next' }], checked).screen).toBe('sending');
  });

  it('keeps confirmed reasons but not an unconfirmed comment or phone when a citizen walks away', () => {
    const onComment = run([
      start,
      ...answer(1),
      ...answer(4),
      { type: 'toggleReason', reason: 'hard-to-find' },
      { type: 'next' },
      ...answer(3),
      ...answer(3),
      { type: 'setComment', text: 'Chậm' },
    ]);
    if (!('citizen' in onComment) || onComment.screen === 'sending') throw new Error('not in a survey');
    const leaving = hostCalls(onComment, 'leaving', nothingAcknowledged, 'vi', 9_000);
    expect(leaving.map((call) => [call.name, call.input])).toEqual([
      [
        'submitResponse',
        {
          id: CITIZEN_ID,
          questionnaire: { id: 'test-quick', version: 3 },
          language: 'vi',
          durationMs: 9_000,
          answers: [
            { item: 'access.1', score: 1 },
            { item: 'access.2', score: 4 },
            { item: 'officer', score: 3 },
            { item: 'result', score: 3 },
          ],
        },
      ],
      ['addResponseDetails', { id: CITIZEN_ID, reasons: [{ dimension: 'access', reason: 'hard-to-find' }] }],
    ]);
    const onContact = run(
      [{ type: 'next' }, { type: 'setConsent', consent: true }, { type: 'setPhone', phone: '0905123456' }],
      onComment,
    );
    if (onContact.screen !== 'contact') throw new Error('not on the contact screen');
    const left = hostCalls(onContact, 'leaving', nothingAcknowledged, 'vi', 9_000).map((call) => call.input);
    expect(left).toContainEqual({ id: CITIZEN_ID, comment: 'Chậm' });
    expect(left.some((input) => 'contact' in input)).toBe(false);
    const started = run([start]);
    if (started.screen !== 'question') throw new Error('not on a question');
    expect(hostCalls(started, 'leaving', nothingAcknowledged, 'vi', 1)).toEqual([]);
  });

  it('commits the ratings once the required ones are given, then sends only what changed', () => {
    const oneRequired = run([start, ...answer(4), ...answer(null)]);
    if (oneRequired.screen !== 'question') throw new Error('not on a question');
    // The officer rating is still missing: nothing goes while the citizen answers.
    expect(hostCalls(oneRequired, 'survey', nothingAcknowledged, 'vi', 5)).toEqual([]);
    const committed = run([...answer(3)], oneRequired);
    if (committed.screen !== 'question') throw new Error('not on a question');
    const [ratings, ...rest] = hostCalls(committed, 'survey', nothingAcknowledged, 'vi', 5);
    expect(ratings).toMatchObject({
      name: 'submitResponse',
      input: { answers: [{ score: 4 }, { score: null }, { score: 3 }] },
    });
    expect(rest).toEqual([]);
    const acknowledged: Acknowledged = { ...nothingAcknowledged, ...ratings!.acknowledges };
    expect(hostCalls(committed, 'survey', acknowledged, 'vi', 9)).toEqual([]);
    // "Chưa nhận kết quả" on the result: one more rating, the same response.
    const more = run([...answer(null)], committed);
    if (more.screen !== 'comment') throw new Error('not on the comment screen');
    expect(hostCalls(more, 'survey', acknowledged, 'vi', 9)).toMatchObject([
      { name: 'submitResponse', input: { id: CITIZEN_ID, answers: { length: 4 } } },
    ]);
  });

  it('asks the items of the visit purpose: without a result collected, the result is not asked', () => {
    const filed = run([{ ...start, armed: { ...armed, purpose: 'file' } }]);
    if (filed.screen !== 'question') throw new Error('not on a question');
    expect(filed.citizen.steps.map((step) => step.item.id)).toEqual(['access.1', 'access.2', 'officer']);
    const collected = run([{ ...start, armed: { ...armed, purpose: 'collect' } }]);
    if (collected.screen !== 'question') throw new Error('not on a question');
    expect(collected.citizen.steps.map((step) => step.item.id)).toEqual(['access.1', 'access.2', 'officer', 'result']);
    // Three answers complete the filing citizen's survey: on to the comment.
    expect(run([...answer(4), ...answer(4), ...answer(3)], filed).screen).toBe('comment');
  });

  it('"Làm lại" asks first: "Không" keeps everything, "Có" starts a new response without the first one\'s context', () => {
    const second = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
    const answered = run([{ ...start, armed, caseCode: 'HS-1' }, ...answer(4)]);
    const asking = run([{ type: 'ask', about: 'restart' }], answered);
    expect(asking).toMatchObject({ screen: 'question', index: 1, asking: 'restart' });
    // While asked, the screen behind takes no answer.
    expect(run([...answer(5)], asking)).toBe(asking);
    expect(run([{ type: 'keep' }], asking)).toEqual(answered);
    const restarted = run([{ type: 'restart', id: second, at: 77 }], asking);
    expect(restarted).toMatchObject({
      screen: 'question',
      index: 0,
      citizen: { id: second, startedAt: 77, armed: null, caseCode: null, answers: {} },
    });
    expect(restarted).not.toHaveProperty('asking');
    // Nothing answered: the same citizen, nothing handed over.
    const fresh = run([{ ...start, armed }]);
    expect(run([{ type: 'restart', id: second, at: 77 }], fresh)).toMatchObject({ citizen: { id: CITIZEN_ID, armed } });
  });

  it('ignores a late host answer for a citizen who is gone', () => {
    expect(run([{ type: 'alreadyRated', id: 'someone-else' }])).toEqual({ screen: 'attract' });
    expect(run([{ type: 'sent', id: CITIZEN_ID }], { screen: 'thanks', callBack: false })).toEqual({
      screen: 'thanks',
      callBack: false,
    });
  });

  it('"Khác" brings the comment right after its reasons screen, once, and is never sent as a reason', () => {
    const onReasons = run([start, ...answer(1), ...answer(5)]);
    const other = run([{ type: 'toggleReason', reason: 'other' }], onReasons);
    if (!('citizen' in other) || other.screen === 'sending') throw new Error('not in a survey');
    expect(pagesOf(other.citizen).map((page) => page.screen)).toEqual([
      'question',
      'question',
      'reasons',
      'comment',
      'question',
      'question',
      'contact',
    ]);
    expect(run([{ type: 'next' }], other).screen).toBe('comment');
    // Raised above the threshold: no reasons screen, and the comment back at the end.
    const raised = run([{ type: 'back' }, { type: 'back' }, ...answer(5), ...answer(5)], other);
    if (!('citizen' in raised) || raised.screen === 'sending') throw new Error('not in a survey');
    expect(pagesOf(raised.citizen).map((page) => page.screen)).toEqual([
      'question',
      'question',
      'question',
      'question',
      'comment',
      'contact',
    ]);
    const leaving = hostCalls(other, 'leaving', nothingAcknowledged, 'vi', 1);
    expect(leaving.some((call) => JSON.stringify(call.input).includes('"other"'))).toBe(false);
  });

  it('"Tiếp tục" and "Bỏ qua" both go on without forgetting; "Gửi đánh giá" ends the follow-ups; the thanks know of a phone number', () => {
    const onComment = run([
      start,
      ...answer(4),
      ...answer(4),
      ...answer(3),
      ...answer(4),
      { type: 'setComment', text: 'Tốt' },
    ]);
    expect(onComment.screen).toBe('comment');
    const back = run([{ type: 'next' }, { type: 'back' }], onComment);
    expect(back).toMatchObject({ screen: 'comment', citizen: { comment: 'Tốt' } });
    expect(run([{ type: 'finish' }], onComment).screen).toBe('sending');
    // No ending early from a question: every rating screen is the citizen's.
    const onQuestion = run([start]);
    expect(run([{ type: 'finish' }], onQuestion)).toBe(onQuestion);
    const withPhone = run(
      [
        { type: 'next' },
        { type: 'setConsent', consent: true },
        { type: 'setPhone', phone: '0905123456' },
        { type: 'next' },
      ],
      onComment,
    );
    expect(withPhone.screen).toBe('sending');
    expect(run([{ type: 'sent', id: CITIZEN_ID }], withPhone)).toEqual({ screen: 'thanks', callBack: true });
    const without = run([{ type: 'next' }, { type: 'next' }], onComment);
    expect(run([{ type: 'sent', id: CITIZEN_ID }], without)).toEqual({ screen: 'thanks', callBack: false });
  });

  it('mirrors the host’s limits exactly', () => {
    expect(limits.COMMENT_MAX_LENGTH).toBe(domainLimits.COMMENT_MAX_LENGTH);
    expect(limits.PHONE_PATTERN.source).toBe(domainLimits.PHONE_PATTERN.source);
    expect(limits.PHONE_MAX_LENGTH).toBe('+84'.length + 10);
  });
});
