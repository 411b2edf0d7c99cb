import { useTranslation } from 'react-i18next';
import type { ScalePoints } from '../../src/domain/scale';
import { scaleChoices } from '../../src/domain/scale';
import { useLanguage } from '../i18n';
import { CheckMark, Face } from './Face';
import type { Score } from './flow';
import { SpeakButton } from './readAloud';

/**
 * The "no answer" choice an item offers (src/domain/visit.ts offersNoAnswer), if any:
 * "Không ý kiến", or "Chưa nhận kết quả" for a result nobody said was collected.
 */
export type NoAnswer = 'noOpinion' | 'notReceived' | null;

export interface ScaleChoicesProps {
  points: ScalePoints;
  noAnswer: NoAnswer;
  /** The answer shown as selected; undefined when none. */
  selected: Score | undefined;
  onChoose: (score: Score) => void;
}

/** The faces with words for one item, and its "no answer" choice when it offers one. */
export function ScaleChoices({ points, noAnswer, selected, onChoose }: ScaleChoicesProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const choices = scaleChoices(points, language);
  // Read in the order shown, the "no answer" choice last.
  const spoken = [
    ...choices.map((choice) => choice.label),
    ...(noAnswer ? [t(`kiosk.question.${noAnswer}`)] : []),
  ].join('. ');
  return (
    <div className="answers">
      <div className="choices-row">
        <div role="group" aria-label={t('kiosk.question.choices')} className={`choices choices-${points}`}>
          {choices.map((choice) => {
            const pressed = selected === choice.score;
            return (
              <button
                key={choice.score}
                type="button"
                className="choice"
                data-value5={choice.value5}
                aria-pressed={pressed}
                onClick={() => onChoose(choice.score)}
              >
                <Face value5={choice.value5} />
                <span className="choice-label">{choice.label}</span>
                {pressed && <CheckMark />}
              </button>
            );
          })}
        </div>
        <SpeakButton text={spoken} label={t('kiosk.readAloud.choices')} className="speak-choices" />
      </div>
      {noAnswer && (
        <button type="button" className="no-opinion" aria-pressed={selected === null} onClick={() => onChoose(null)}>
          {selected === null && <CheckMark />}
          {t(`kiosk.question.${noAnswer}`)}
        </button>
      )}
    </div>
  );
}
