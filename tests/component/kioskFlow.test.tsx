import { describe, expect, it } from 'vitest';
import * as domainLimits from '../../src/domain/kioskSettings';
import { kioskReducer, type KioskAction, type KioskState } from '../../renderer/kiosk/flow';
import * as limits from '../../renderer/kiosk/limits';
import { pagesOf } from '../../renderer/kiosk/pages';
import { abandonedSubmission } from '../../renderer/kiosk/submission';
import { CITIZEN_ID, setup } from './fixtures';

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
    const checked = run([{ type: 'setConsent', consent: true }, { type: 'setPhone', phone: '09051' }, { type: 'next' }], contact);
    expect(checked).toMatchObject({ screen: 'contact', checked: true });
    expect(run([{ type: 'setPhone', phone: '0905123456' }, { type: 'next' }], checked).screen).toBe('sending');
  });

  it('keeps confirmed reasons but not an unconfirmed comment or phone when a citizen walks away', () => {
    const onComment = run([start, ...answer(1), ...answer(4), { type: 'toggleReason', reason: 'hard-to-find' }, { type: 'next' }, ...answer(3), ...answer(3), { type: 'setComment', text: 'Chậm' }]);
    expect(abandonedSubmission(onComment, 'vi', 9_000)).toMatchObject({ status: 'abandoned', reasons: [{ dimension: 'access', reason: 'hard-to-find' }], durationMs: 9_000 });
    expect(abandonedSubmission(onComment, 'vi', 9_000)).not.toHaveProperty('comment');
    const onContact = run([{ type: 'next' }, { type: 'setConsent', consent: true }, { type: 'setPhone', phone: '0905123456' }], onComment);
    const left = abandonedSubmission(onContact, 'vi', 9_000);
    expect(left).toMatchObject({ comment: 'Chậm' });
    expect(left).not.toHaveProperty('contact');
    expect(abandonedSubmission(run([start]), 'vi', 1)).toBeNull();
  });

  it('ignores a late host answer for a citizen who is gone', () => {
    expect(run([{ type: 'alreadyRated', id: 'someone-else' }])).toEqual({ screen: 'attract' });
    expect(run([{ type: 'sent', id: CITIZEN_ID }], { screen: 'thanks' })).toEqual({ screen: 'thanks' });
  });

  it('mirrors the host’s limits exactly', () => {
    expect(limits.COMMENT_MAX_LENGTH).toBe(domainLimits.COMMENT_MAX_LENGTH);
    expect(limits.PHONE_PATTERN.source).toBe(domainLimits.PHONE_PATTERN.source);
    expect(limits.PHONE_MAX_LENGTH).toBe('+84'.length + 10);
  });
});
