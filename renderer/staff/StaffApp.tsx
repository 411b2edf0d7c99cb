import './locale';
import './staff.css';
import './forms.css';
import './print.css';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../components/LanguageToggle';
import { BackToKioskButton } from '../session/BackToKioskButton';
import { useSession, type EndReason } from '../session/SessionProvider';
import { SignInForm } from './SignInForm';
import { StaffShell } from './StaffShell';

const NOTICES: Partial<Record<EndReason, 'staff.signIn.sessionExpired' | 'staff.signIn.idleSignedOut'>> = {
  expired: 'staff.signIn.sessionExpired',
  idle: 'staff.signIn.idleSignedOut',
};

/**
 * The desk staff's route: PIN sign-in (in a browser on a staff PC; on the kiosk
 * the hold-to-sign-in brings the session along), then the staff screens. An
 * administrator's session opens them too.
 */
export function StaffApp() {
  const { t } = useTranslation();
  const { session, ended, begin } = useSession();
  const notice = ended ? NOTICES[ended.reason] : undefined;

  return (
    <div className="staff">
      {session ? (
        <StaffShell session={session} />
      ) : (
        <>
          <header className="staff-bar">
            <LanguageToggle />
            <BackToKioskButton />
          </header>
          <SignInForm onSignedIn={begin} notice={notice ? t(notice) : null} />
        </>
      )}
    </div>
  );
}
