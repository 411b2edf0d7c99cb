import './followUp.css';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../components/ScreenHeading';
import { FlowTop } from './FlowTop';
import { KioskNav, type FollowUpNavProps } from './KioskNav';
import { isValidPhone, phoneKey } from './limits';
import { NumericKeypad } from './NumericKeypad';

export interface ContactScreenProps {
  consent: boolean;
  /** Months the commune keeps the number, from the kiosk setup. */
  retentionMonths: number;
  /** Who keeps the number: the unit's own name from the kiosk settings. */
  unitName: string;
  phone: string;
  /** "Tiếp tục" was pressed with a number that is not valid. */
  checked: boolean;
  onConsent: (consent: boolean) => void;
  onPhone: (phone: string) => void;
  nav: FollowUpNavProps;
}

/**
 * "Ông/Bà có muốn được liên hệ lại không?": anonymous unless the citizen ticks
 * the (unticked) box under a short notice; only then the phone number is asked.
 */
export function ContactScreen({
  consent,
  retentionMonths,
  unitName,
  phone,
  checked,
  onConsent,
  onPhone,
  nav,
}: ContactScreenProps) {
  const { t } = useTranslation();
  const invalid = checked && !isValidPhone(phone);
  // The field is read-only (no system keyboard pops up); physical keys still type.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key !== 'Backspace' && event.key !== '+' && !/^\d$/.test(event.key)) return;
    event.preventDefault();
    onPhone(phoneKey(phone, event.key));
  };
  return (
    <main className="screen follow-up contact">
      <FlowTop optional>
        <ScreenHeading className="follow-up-heading">{t('kiosk.contact.heading')}</ScreenHeading>
      </FlowTop>
      <div className="contact-body">
        <div className="contact-form">
          {/* The attract screen promised no personal details: this is asked only if the citizen wants a call back (said until they agree, when the number takes its room). */}
          {!consent && <p className="contact-why">{t('kiosk.contact.why')}</p>}
          <label className="consent-box">
            <input
              type="checkbox"
              checked={consent}
              aria-describedby="kiosk-consent-notice"
              onChange={(event) => onConsent(event.target.checked)}
            />
            <span>{t('kiosk.contact.consent')}</span>
          </label>
          <p id="kiosk-consent-notice" className="consent-notice">
            {t('kiosk.contact.notice', { months: retentionMonths, unit: unitName })}
          </p>
          {consent && (
            <div className="contact-phone">
              <label className="phone-label" htmlFor="kiosk-phone">
                {t('kiosk.contact.phone')}
              </label>
              <input
                id="kiosk-phone"
                className="phone-input"
                type="tel"
                readOnly
                value={phone}
                aria-invalid={invalid}
                aria-describedby={invalid ? 'kiosk-phone-error' : undefined}
                onKeyDown={onKeyDown}
              />
              <p id="kiosk-phone-error" className="phone-error" role="alert">
                {invalid && t('kiosk.contact.invalid')}
              </p>
            </div>
          )}
        </div>
        {consent && <NumericKeypad onKey={(key) => onPhone(phoneKey(phone, key))} />}
      </div>
      <KioskNav {...nav} />
    </main>
  );
}
