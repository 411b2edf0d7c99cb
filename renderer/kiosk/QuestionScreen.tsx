import './question.css';
import { ScreenHeading } from '../components/ScreenHeading';
import { useLanguage } from '../i18n';
import { ArmedContextLine, CaseCodeLine } from './ContextLine';
import type { ArmedContext, Score, Step } from './flow';
import { FlowTop } from './FlowTop';
import { KioskNav } from './KioskNav';
import { ScaleChoices } from './ScaleChoices';

export interface QuestionScreenProps {
  step: Step;
  /** 0-based position among the citizen's items. */
  index: number;
  total: number;
  selected: Score | undefined;
  /** Shown on the first question only: who is rated, and the scanned case. */
  armed: ArmedContext | null;
  caseCode: string | null;
  onChoose: (score: Score) => void;
  onBack: () => void;
  onRestart: () => void;
}

/** One item per screen: dimension, question, faces, navigation. */
export function QuestionScreen({ step, index, total, selected, armed, caseCode, onChoose, onBack, onRestart }: QuestionScreenProps) {
  const [language] = useLanguage();
  const { item, dimension } = step;
  return (
    <main className="screen question">
      <FlowTop progress={{ current: index + 1, total }} />
      <div className="question-body">
        {index === 0 && (
          <div className="question-context">
            <ArmedContextLine armed={armed} />
            <CaseCodeLine caseCode={caseCode} />
          </div>
        )}
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
