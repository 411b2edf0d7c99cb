import './question.css';
import { ScreenHeading } from '../components/ScreenHeading';
import { useLanguage } from '../i18n';
import { ArmedContextLine, CaseCodeLine } from './ContextLine';
import type { ArmedContext, Score, Step } from './flow';
import { FlowTop } from './FlowTop';
import { KioskNav } from './KioskNav';
import { offersNoAnswer, type KnownPurpose } from '../../src/domain/visit';
import { ScaleChoices, type NoAnswer } from './ScaleChoices';
import { SpeakButton } from './readAloud';
import { useTranslation } from 'react-i18next';

export interface QuestionScreenProps {
  step: Step;
  /** 0-based position among the citizen's items. */
  index: number;
  total: number;
  /** Why the citizen came: decides whether and how the item offers "no answer". */
  purpose: KnownPurpose;
  selected: Score | undefined;
  /** Shown on the first question only: who is rated, and the scanned case. */
  armed: ArmedContext | null;
  caseCode: string | null;
  onChoose: (score: Score) => void;
  onBack: () => void;
  onRestart: () => void;
}

/** Nobody said a result was collected: its "no answer" is "Chưa nhận kết quả"; elsewhere "Không ý kiến". */
function noAnswerOf({ item, dimension }: Step, purpose: KnownPurpose): NoAnswer {
  if (!offersNoAnswer(item, purpose)) return null;
  return dimension.id === 'result' && purpose === 'unknown' ? 'notReceived' : 'noOpinion';
}

/** One item per screen: dimension, question, faces, navigation. */
export function QuestionScreen({
  step,
  index,
  total,
  purpose,
  selected,
  armed,
  caseCode,
  onChoose,
  onBack,
  onRestart,
}: QuestionScreenProps) {
  const [language] = useLanguage();
  const { t } = useTranslation();
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
        <div className="question-line">
          {/* Keyed by item so each new question takes focus and is announced. */}
          <ScreenHeading key={item.id} className="question-text">
            {item.text[language]}
          </ScreenHeading>
          <SpeakButton text={item.text[language]} label={t('kiosk.readAloud.question')} />
        </div>
      </div>
      <ScaleChoices points={item.scale} noAnswer={noAnswerOf(step, purpose)} selected={selected} onChoose={onChoose} />
      <KioskNav onBack={onBack} onRestart={onRestart} />
    </main>
  );
}
