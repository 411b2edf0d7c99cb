import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';
import { useCountdown } from './useCountdown';
import { keepTogether } from './text';

export interface ClosingScreenProps {
  tone: 'thanks' | 'sorry';
  seconds: number;
  /** The feedback hotline, for anything the survey could not say. */
  hotline?: string;
  /** Thanks to a citizen who left a phone number: the office calls back within these working days. */
  callBackDays?: number | null;
  onDone: () => void;
}

/** Thank-you and apology screens: a message, a countdown, and a way out now. */
export function ClosingScreen({ tone, seconds, hotline, callBackDays = null, onDone }: ClosingScreenProps) {
  const { t } = useTranslation();
  const left = useCountdown(seconds, onDone);
  return (
    <main className={`screen closing closing-${tone}`}>
      <ScreenHeading>{t(`kiosk.${tone}.heading`)}</ScreenHeading>
      <p className="closing-body">{t(`kiosk.${tone}.body`)}</p>
      {callBackDays !== null && (
        <p className="closing-body closing-callback">{t('kiosk.thanks.callBack', { count: callBackDays })}</p>
      )}
      {hotline && <p className="hotline">{t('kiosk.hotline', { phone: keepTogether(hotline) })}</p>}
      <p className="closing-countdown" role="timer">
        {t(`kiosk.${tone}.countdown`, { count: left })}
      </p>
      <button type="button" className="done-button" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </main>
  );
}
