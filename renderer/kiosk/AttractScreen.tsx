import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../components/LanguageToggle';
import { ScreenHeading } from '../components/ScreenHeading';

export interface AttractScreenProps {
  /** A questionnaire is loaded and the survey can start. */
  ready: boolean;
  /** No questionnaire could be loaded: tell the citizen to ask staff. */
  unavailable: boolean;
  onStart: () => void;
}

/** What the kiosk shows between citizens. */
export function AttractScreen({ ready, unavailable, onStart }: AttractScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="screen attract">
      <p className="attract-unit">{t('kiosk.attract.unit')}</p>
      <ScreenHeading className="attract-heading">{t('kiosk.attract.heading')}</ScreenHeading>
      <button type="button" className="start-button" disabled={!ready} onClick={onStart}>
        {t('kiosk.attract.start')}
      </button>
      {ready ? (
        <p className="attract-hint">{t('kiosk.attract.hint')}</p>
      ) : unavailable ? (
        <p className="attract-hint attract-problem" role="alert">
          {t('kiosk.attract.unavailable')}
        </p>
      ) : (
        <p className="attract-hint" role="status">
          {t('kiosk.attract.loading')}
        </p>
      )}
      <LanguageToggle className="attract-language" />
    </main>
  );
}
