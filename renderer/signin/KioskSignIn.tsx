import './signin.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../src/contract/operations';
import { useApi } from '../api/ApiContext';
import { NumericKeypad } from '../kiosk/NumericKeypad';
import { hrefOf } from '../router';
import { markKioskSignIn } from '../session/onKiosk';
import { problemOf, type Problem } from '../session/problem';
import { useSession } from '../session/SessionProvider';
import { useIdleSignOut } from '../session/useIdleSignOut';
import { OfficerList } from './OfficerList';

export type Officer = OutputOf<'listOfficers'>[number];

/** Big enough for any finger, at 1366×768 as at 1920×1080. */
export const PIN_KEY_MIN_PX = 72;
const PIN_MAX = 8;
// The host's rule: 4 to 8 digits.
const PIN_PATTERN = /^\d{4,8}$/;
/** A sign-in left half-way closes by itself: the citizen screen must not stay covered. */
const ABANDON_SECONDS = 60;

type Step = { kind: 'officer' } | { kind: 'pin'; officer: Officer } | { kind: 'choose' };

export interface KioskSignInProps {
  unitName: string;
  /** Back to the citizen screen as it was. */
  onClose: () => void;
}

/**
 * The staff sign-in on the kiosk itself, opened by holding the unit's name:
 * the officer by name (and photo), then the PIN on a large pad. Staff land on
 * Today; an administrator chooses the staff or the admin screens. The list
 * never shows who is an administrator: only the PIN tells the host.
 */
export function KioskSignIn({ unitName, onClose }: KioskSignInProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { session, begin } = useSession();
  const titleId = useId();
  const [step, setStep] = useState<Step>({ kind: 'officer' });
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem<'signin.pin.format'> | null>(null);
  const [busy, setBusy] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useIdleSignOut(step.kind === 'choose' ? null : ABANDON_SECONDS, onClose);
  // An administrator who walks away while choosing: the session's own idle sign-out ends it, and this closes.
  const signedIn = session !== null;
  useEffect(() => {
    if (step.kind === 'choose' && !signedIn) onClose();
  }, [step.kind, signedIn, onClose]);

  const choose = useCallback((officer: Officer) => {
    setStep({ kind: 'pin', officer });
    setPin('');
    setProblem(null);
  }, []);

  function press(key: string) {
    if (busy) return;
    setProblem(null);
    if (key === 'Backspace') setPin((typed) => typed.slice(0, -1));
    else if (/^\d$/.test(key)) setPin((typed) => (typed.length < PIN_MAX ? typed + key : typed));
  }

  async function submit(officer: Officer) {
    if (busy) return;
    if (!PIN_PATTERN.test(pin)) return setProblem({ key: 'signin.pin.format' });
    setBusy(true);
    try {
      const result = await api.call('signIn', { officer: officer.code, pin });
      // From now on this tab is the kiosk itself: the short idle time, and back here at the end.
      markKioskSignIn();
      begin(result);
      if (result.role === 'admin') setStep({ kind: 'choose' });
      else window.location.hash = hrefOf('staff');
    } catch (failure) {
      if (!mounted.current) return;
      // Wrong PINs count toward the host's lockout; a lockout says when it ends.
      setProblem(problemOf(failure));
      setPin('');
    } finally {
      if (mounted.current) setBusy(false);
    }
  }

  return (
    <div className="signin-backdrop">
      <div
        className="signin"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      >
        <header className="signin-top">
          <p className="signin-unit">{unitName}</p>
          <button type="button" className="signin-close" onClick={onClose}>
            {t('signin.cancel')}
          </button>
        </header>
        {step.kind === 'officer' && (
          <>
            <SignInHeading id={titleId}>{t('signin.officer.heading')}</SignInHeading>
            <OfficerList onChoose={choose} />
          </>
        )}
        {step.kind === 'pin' && (
          <form
            className="signin-pin"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit(step.officer);
            }}
          >
            <SignInHeading id={titleId}>{t('signin.pin.heading', { name: step.officer.name })}</SignInHeading>
            {/* The digits are never shown, only how many were typed. */}
            <p className="signin-dots" role="status" aria-label={t('signin.pin.typed', { count: pin.length })}>
              {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
                <span
                  key={i}
                  className={i < pin.length ? 'signin-dot signin-dot-filled' : 'signin-dot'}
                  aria-hidden="true"
                />
              ))}
            </p>
            <p className="signin-problem" role="alert">
              {problem && t(problem.key, { replace: problem.values ?? {} })}
            </p>
            <NumericKeypad onKey={press} plus={false} label={t('signin.pin.keypad')} minKeyPx={PIN_KEY_MIN_PX} />
            <div className="signin-actions">
              <button type="button" className="signin-secondary" onClick={() => setStep({ kind: 'officer' })}>
                {t('signin.pin.otherOfficer')}
              </button>
              <button
                type="submit"
                className="signin-primary"
                disabled={busy}
                aria-busy={busy}
                style={{ minHeight: `${PIN_KEY_MIN_PX}px` }}
              >
                {busy ? t('signin.pin.submitting') : t('signin.pin.submit')}
              </button>
            </div>
          </form>
        )}
        {step.kind === 'choose' && (
          <>
            <SignInHeading id={titleId}>{t('signin.choose.heading')}</SignInHeading>
            <div className="signin-choices">
              <button type="button" className="signin-primary" onClick={() => (window.location.hash = hrefOf('staff'))}>
                {t('signin.choose.staff')}
              </button>
              <button type="button" className="signin-primary" onClick={() => (window.location.hash = hrefOf('admin'))}>
                {t('signin.choose.admin')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

/** The dialog's title; it takes focus when the step changes, so a screen reader says where it is. */
function SignInHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [children]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="screen-heading signin-heading">
      {children}
    </h2>
  );
}
