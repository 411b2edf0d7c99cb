import { useEffect, useState } from 'react';
import type { Language } from '../../src/domain/language';
import { useLanguage } from '../i18n';

/** The BCP 47 tag each kiosk language is spoken with. */
const SPEECH_LANG: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' };

const synthesis = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

/** A platform voice for the language (Windows ships Vietnamese ones), if any. */
function voiceFor(language: Language): SpeechSynthesisVoice | null {
  const prefix = language.toLowerCase();
  return (
    synthesis()
      ?.getVoices()
      .find((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === prefix) ?? null
  );
}

/**
 * The voice to read the current language with, or null where the platform has
 * none. Voices arrive late in Chromium (voiceschanged), so it is looked up again
 * then. Leaving the screen stops what was being read.
 */
export function useVoice(): SpeechSynthesisVoice | null {
  const [language] = useLanguage();
  const [voice, setVoice] = useState(() => voiceFor(language));
  useEffect(() => {
    const speech = synthesis();
    if (!speech) return;
    const look = () => setVoice(voiceFor(language));
    look();
    speech.addEventListener('voiceschanged', look);
    return () => {
      speech.removeEventListener('voiceschanged', look);
      speech.cancel();
    };
  }, [language]);
  return voice;
}

/** Reads `text` aloud, cutting off whatever was being read; a failing platform is only quiet. */
function speak(text: string, voice: SpeechSynthesisVoice, language: Language): void {
  const speech = synthesis();
  if (!speech) return;
  try {
    speech.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = SPEECH_LANG[language];
    utterance.rate = 0.9;
    speech.speak(utterance);
  } catch {
    // Speech is a help, never a step: nothing to tell the citizen.
  }
}

export interface SpeakButtonProps {
  /** What is read. */
  text: string;
  /** The button's name ("Đọc to câu hỏi"). */
  label: string;
  className?: string;
}

/**
 * A speaker button for citizens who cannot read well. Hidden where the platform
 * has no voice for the language; it is a button of its own, so it never stands
 * in the way of a tap on an answer, and speaking never waits for anything.
 */
export function SpeakButton({ text, label, className }: SpeakButtonProps) {
  const [language] = useLanguage();
  const voice = useVoice();
  if (!voice) return null;
  return (
    <button
      type="button"
      className={className ? `speak-button ${className}` : 'speak-button'}
      aria-label={label}
      onClick={() => speak(text, voice, language)}
    >
      <svg className="speak-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path className="speak-body" d="M3 9 H7 L12 5 V19 L7 15 H3 Z" />
        <path className="speak-wave" d="M15.5 8.5 A5 5 0 0 1 15.5 15.5 M18.5 5.5 A9 9 0 0 1 18.5 18.5" />
      </svg>
    </button>
  );
}
