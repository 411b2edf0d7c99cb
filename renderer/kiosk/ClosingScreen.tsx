import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';
import { useCountdown } from './useCountdown';

export interface ClosingScreenProps {
  tone: 'thanks' | 'sorry';
  seconds: number;
  onDone: () => void;
}

/** Thank-you and apology screens: a message, a countdown, and a way out now. */
export function ClosingScreen({ tone, seconds, onDone }: ClosingScreenProps) {
  const { t } = useTranslation();
  const left = useCountdown(seconds, onDone);
  return (
    <main className={`screen closing closing-${tone}`}>
      <ScreenHeading>{t(`kiosk.${tone}.heading`)}</ScreenHeading>
      <p className="closing-body">{t(`kiosk.${tone}.body`)}</p>
      <p className="closing-countdown" role="timer">
        {t(`kiosk.${tone}.countdown`, { count: left })}
      </p>
      <button type="button" className="done-button" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </main>
  );
}
