import './attract.css';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../components/LanguageToggle';
import { ScreenHeading } from '../components/ScreenHeading';
import { ArmedContextLine } from './ContextLine';
import type { ArmedContext, AttractNotice, KioskSetup } from './flow';
import { LargeTextToggle } from './largeText';
import { QrCode } from './QrCode';
import { keepTogether } from './text';

export interface AttractScreenProps {
  /** Null until the host answered: the survey cannot start yet. */
  settings: KioskSetup['settings'] | null;
  /** No setup could be loaded: tell the citizen to ask staff. */
  unavailable: boolean;
  armed: ArmedContext | null;
  notice: AttractNotice | undefined;
  onStart: () => void;
}

/** What the kiosk shows between citizens. */
export function AttractScreen({ settings, unavailable, armed, notice, onStart }: AttractScreenProps) {
  const { t } = useTranslation();
  const ready = settings !== null;
  return (
    <main className="screen attract">
      <header className="attract-top">
        <p className="attract-unit">{settings?.unit.name}</p>
        <div className="flow-toggles">
          <LargeTextToggle />
          <LanguageToggle className="attract-language" />
        </div>
      </header>
      <div className="attract-center">
        <ScreenHeading className="attract-heading">{t('kiosk.attract.heading')}</ScreenHeading>
        <ArmedContextLine armed={armed} className="attract-context" />
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
        {/* Always in the page, so screen readers announce the notice when it appears. */}
        <p className={notice ? 'attract-notice attract-notice-shown' : 'attract-notice'} role="status">
          {notice === 'alreadyRated' && t('kiosk.attract.alreadyRated')}
        </p>
      </div>
      {settings && (settings.hotline || settings.feedbackQrText) && (
        <footer className="attract-bottom">
          {settings.hotline && <p className="hotline">{t('kiosk.hotline', { phone: keepTogether(settings.hotline) })}</p>}
          {settings.feedbackQrText && (
            <div className="feedback-qr">
              <QrCode className="qr-code" text={settings.feedbackQrText} label={t('kiosk.attract.qrLabel')} />
              <p className="qr-caption" aria-hidden="true">
                {t('kiosk.attract.qrLabel')}
              </p>
            </div>
          )}
        </footer>
      )}
    </main>
  );
}
