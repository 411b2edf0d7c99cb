import './question.css';
import { ScreenHeading } from '../components/ScreenHeading';
import { LanguageToggle } from '../components/LanguageToggle';
import { useLanguage } from '../i18n';
import type { Score, Step } from './flow';
import { KioskNav } from './KioskNav';
import { Progress } from './Progress';
import { ScaleChoices } from './ScaleChoices';

export interface QuestionScreenProps {
  step: Step;
  /** 0-based position among the citizen's items. */
  index: number;
  total: number;
  selected: Score | undefined;
  onChoose: (score: Score) => void;
  onBack: () => void;
  onRestart: () => void;
}

/** One item per screen: dimension, question, faces, navigation. */
export function QuestionScreen({ step, index, total, selected, onChoose, onBack, onRestart }: QuestionScreenProps) {
  const [language] = useLanguage();
  const { item, dimension } = step;
  return (
    <main className="screen question">
      <header className="question-top">
        <Progress current={index + 1} total={total} />
        <LanguageToggle className="question-language" />
      </header>
      <div className="question-body">
        <p className="question-dimension">{dimension.title[language]}</p>
        {/* Keyed by item so each new question takes focus and is announced. */}
        <ScreenHeading key={item.id} className="question-text">
          {item.text[language]}
        </ScreenHeading>
      </div>
      <ScaleChoices points={item.scale} optional={item.optional} selected={selected} onChoose={onChoose} />
      <KioskNav onBack={onBack} onRestart={onRestart} />
    </main>
  );
}
