import { useTranslation } from 'react-i18next';
import type { ScalePoints } from '../../src/domain/scale';
import { scaleChoices } from '../../src/domain/scale';
import { useLanguage } from '../i18n';
import { CheckMark, Face } from './Face';
import type { Score } from './flow';

export interface ScaleChoicesProps {
  points: ScalePoints;
  /** Offer "Không ý kiến" (an optional item). */
  optional: boolean;
  /** The answer shown as selected; undefined when none. */
  selected: Score | undefined;
  onChoose: (score: Score) => void;
}

/** The faces with words for one item, and "Không ý kiến" when it is allowed. */
export function ScaleChoices({ points, optional, selected, onChoose }: ScaleChoicesProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <div className="answers">
      <div role="group" aria-label={t('kiosk.question.choices')} className={`choices choices-${points}`}>
        {scaleChoices(points, language).map((choice) => {
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
      {optional && (
        <button type="button" className="no-opinion" aria-pressed={selected === null} onClick={() => onChoose(null)}>
          {selected === null && <CheckMark />}
          {t('kiosk.question.noOpinion')}
        </button>
      )}
    </div>
  );
}
