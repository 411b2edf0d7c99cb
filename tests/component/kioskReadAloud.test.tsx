import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, Q1, Q2, renderKiosk, startSurvey, tap } from './kioskHarness';

/** A stand-in for the platform's speech synthesis: the voices it has, and what it was asked to say. */
function fakeSpeech(voices: Array<{ lang: string; name: string }>) {
  const listeners = new Set<() => void>();
  const spoken: Array<{ text: string; lang: string; voice: string | undefined }> = [];
  const speech = {
    voices,
    getVoices: () => speech.voices as unknown as SpeechSynthesisVoice[],
    speak: vi.fn((utterance: { text: string; lang: string; voice: { name: string } | null }) => {
      spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name });
    }),
    cancel: vi.fn(),
    addEventListener: (type: string, listener: () => void) => type === 'voiceschanged' && listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    /** The platform's voices arrive late, as in Chromium. */
    arrive(more: Array<{ lang: string; name: string }>) {
      speech.voices = [...speech.voices, ...more];
      for (const listener of listeners) listener();
    },
  };
  class Utterance {
    lang = '';
    voice: unknown = null;
    rate = 1;
    constructor(readonly text: string) {}
  }
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
  return { speech, spoken };
}

afterEach(() => {
  Reflect.deleteProperty(window, 'speechSynthesis');
  vi.unstubAllGlobals();
});

const SPEAK_QUESTION = 'Đọc to câu hỏi';
const SPEAK_CHOICES = 'Đọc to các lựa chọn';

describe('kiosk read-aloud', () => {
  it('reads the question and the answer faces in Vietnamese with a Vietnamese voice, and never stands in the way of a tap', async () => {
    const { speech, spoken } = fakeSpeech([
      { lang: 'en-US', name: 'English' },
      { lang: 'vi-VN', name: 'An' },
    ]);
    const { user } = renderKiosk();
    await startSurvey(user);
    await tap(user, SPEAK_QUESTION);
    expect(spoken).toEqual([{ text: Q1, lang: 'vi-VN', voice: 'An' }]);
    await tap(user, SPEAK_CHOICES);
    expect(spoken[1]).toEqual({
      text: 'Rất không hài lòng. Không hài lòng. Bình thường. Hài lòng. Rất hài lòng',
      lang: 'vi-VN',
      voice: 'An',
    });
    // Each reading cuts off the one before rather than queueing behind it.
    expect(speech.cancel).toHaveBeenCalled();
    // A face tapped while it speaks: answered as ever.
    await answer(user, 'Hài lòng', Q2);
    await tap(user, SPEAK_QUESTION);
    expect(spoken[2]?.text).toBe(Q2);
  });

  it('appears when the platform’s voices arrive late', async () => {
    const { speech } = fakeSpeech([]);
    const { user } = renderKiosk();
    await startSurvey(user);
    expect(screen.queryByRole('button', { name: SPEAK_QUESTION })).toBeNull();
    act(() => speech.arrive([{ lang: 'vi_VN', name: 'Linh' }]));
    await screen.findByRole('button', { name: SPEAK_QUESTION });
  });

  it('hides itself where there is no voice for the language, and speaks English with an English voice', async () => {
    const { spoken } = fakeSpeech([{ lang: 'en-GB', name: 'Daniel' }]);
    const { user } = renderKiosk();
    await startSurvey(user);
    expect(screen.queryByRole('button', { name: SPEAK_QUESTION })).toBeNull();
    expect(screen.queryByRole('button', { name: SPEAK_CHOICES })).toBeNull();
    await tap(user, 'English');
    await tap(user, 'Read the question aloud');
    expect(spoken).toEqual([{ text: 'Were there enough seats?', lang: 'en-US', voice: 'Daniel' }]);
  });

  it('is absent, and the survey unchanged, where the platform has no speech synthesis', async () => {
    const { user } = renderKiosk();
    await startSurvey(user);
    expect(screen.queryByRole('button', { name: SPEAK_QUESTION })).toBeNull();
    await answer(user, 'Hài lòng', Q2);
  });
});
