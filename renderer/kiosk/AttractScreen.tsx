import './attract.css';
import { lazy, Suspense, useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../components/LanguageToggle';
import { loadTexts } from '../i18n';
import { ScreenHeading } from '../components/ScreenHeading';
import { hrefOf } from '../router';
import { markKioskSignIn } from '../session/onKiosk';
import { HOLD_MS, useHold } from '../signin/useHold';
import { useHasAdmin } from '../signin/useHasAdmin';
import { ArmedContextLine } from './ContextLine';
import { earlyTapWaiting, forgetEarlyTap } from './earlyTap';
import type { ArmedContext, AttractNotice, KioskSetup } from './flow';
import { LargeTextToggle } from './largeText';
import { keepTogether } from './text';

// The staff sign-in is fetched only once the unit's name has been held: the
// citizen screen carries none of its code, nor its texts (loadTexts).
const KioskSignIn = lazy(() =>
  Promise.all([import('../signin/KioskSignIn'), loadTexts()]).then(([module]) => ({ default: module.KioskSignIn })),
);
// The QR encoder too: only a unit that set a feedback address needs it, drawn just after the rest.
const QrCode = lazy(() => import('./QrCode').then((module) => ({ default: module.QrCode })));

export interface AttractScreenProps {
  /** Null until the host answered: the survey cannot start yet. */
  settings: KioskSetup['settings'] | null;
  /** The survey's screens are here (they load after the first paint): the survey can start. */
  canStart: boolean;
  /** No setup could be loaded: tell the citizen to ask staff. */
  unavailable: boolean;
  armed: ArmedContext | null;
  notice: AttractNotice | undefined;
  onStart: () => void;
}

/** What the kiosk shows between citizens. */
export function AttractScreen({ settings, canStart, unavailable, armed, notice, onStart }: AttractScreenProps) {
  const { t } = useTranslation();
  const hasAdmin = useHasAdmin();
  const [signingIn, setSigningIn] = useState(false);
  // Staff get in by holding the unit's name: nothing on the screen shows it to citizens.
  const hold = useHold(HOLD_MS, () => setSigningIn(true));
  // Stable: the sign-in's own idle timer restarts when it changes.
  const closeSignIn = useCallback(() => setSigningIn(false), []);
  const notSetUp = hasAdmin === false;
  const ready = settings !== null && canStart && !notSetUp;
  // A tap while the survey is still being prepared is kept, not lost: on this screen, or on the one
  // index.html drew before the app started (earlyTap.ts). The survey starts as soon as it can; a kiosk
  // that turns out unavailable or not set up drops the tap, and this screen says why.
  const [pressed, setPressed] = useState(earlyTapWaiting);
  useEffect(() => forgetEarlyTap(), []);
  const cannotStart = unavailable || notSetUp;
  if (pressed && cannotStart) setPressed(false);
  const startPressed = useEffectEvent(onStart);
  useEffect(() => {
    if (pressed && ready) startPressed();
  }, [pressed, ready]);
  return (
    <main className="screen attract">
      <header className="attract-top">
        <p className="attract-unit" {...hold}>
          {settings?.unit.name}
        </p>
        <div className="flow-toggles">
          <LargeTextToggle />
          <LanguageToggle className="attract-language" />
        </div>
      </header>
      <div className="attract-center">
        <ScreenHeading className="attract-heading">{t('kiosk.attract.heading')}</ScreenHeading>
        <ArmedContextLine armed={armed} className="attract-context" />
        <button
          type="button"
          className={pressed && !ready ? 'start-button start-button-pressed' : 'start-button'}
          disabled={cannotStart}
          // Set once a tap starts the survey at once (the bench and tests wait for it).
          data-ready={ready}
          onClick={ready ? onStart : () => setPressed(true)}
        >
          {t('kiosk.attract.start')}
        </button>
        {notSetUp ? (
          <div className="attract-setup">
            <p className="attract-hint attract-problem" role="alert">
              {t('signin.firstRun.notSetUp')}
            </p>
            <button
              type="button"
              className="attract-setup-button"
              onClick={() => {
                // The wizard runs here, on the kiosk itself: its session gets the kiosk's short idle time.
                markKioskSignIn();
                window.location.hash = hrefOf('admin');
              }}
            >
              {t('signin.firstRun.setUp')}
            </button>
          </div>
        ) : ready ? (
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
          {settings.hotline && (
            <p className="hotline">{t('kiosk.hotline', { phone: keepTogether(settings.hotline) })}</p>
          )}
          {settings.feedbackQrText && (
            <div className="feedback-qr">
              <Suspense fallback={null}>
                <QrCode className="qr-code" text={settings.feedbackQrText} label={t('kiosk.attract.qrLabel')} />
              </Suspense>
              <p className="qr-caption" aria-hidden="true">
                {t('kiosk.attract.qrLabel')}
              </p>
            </div>
          )}
        </footer>
      )}
      {signingIn && (
        <Suspense fallback={<div className="signin-loading" role="status" aria-label={t('app.loading')} />}>
          <KioskSignIn unitName={settings?.unit.name ?? ''} onClose={closeSignIn} />
        </Suspense>
      )}
    </main>
  );
}
