import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../src/contract/operations';
import { visitPurposes, type VisitPurpose } from '../../../src/domain/visit';
import { ScreenHeading } from '../../components/ScreenHeading';
import { errorTextOf } from '../../session/problem';
import { useStaff } from '../StaffContext';
import { useLoad } from '../../session/useCall';
import { ArmedPanel } from './ArmedPanel';

type Outcome =
  | { kind: 'armed'; expiresAt: string }
  | { kind: 'disarmed' }
  | { kind: 'failed'; error: ReturnType<typeof errorTextOf> | 'staff.arm.alreadyRated' | 'staff.arm.nothing' };

const TICK_MS = 5_000;
const kinds = ['counter', 'officer', 'field'] as const;
const listOf = { counter: 'counters', officer: 'officers', field: 'fields' } as const;

/**
 * Chuẩn bị đánh giá: staff set the case, counter, officer and field of the next
 * citizen's rating. A USB scanner types the case code and Enter into the focused
 * field, which submits the form like a person pressing the button.
 */
export function ArmView() {
  const { t } = useTranslation();
  const { call, format, desks, live, session } = useStaff();
  const ids = {
    caseCode: useId(),
    counter: useId(),
    officer: useId(),
    field: useId(),
    hint: useId(),
    purpose: useId(),
    purposeHint: useId(),
  };
  const caseInput = useRef<HTMLInputElement>(null);
  const [caseCode, setCaseCode] = useState('');
  // The officer at the desk is usually the one signed in: chosen unless changed.
  const [chosen, setChosen] = useState<Record<(typeof kinds)[number], string | null>>({
    counter: '',
    officer: null,
    field: '',
  });
  // Why the citizen came decides what the kiosk asks: no result questions without a result collected.
  const [purpose, setPurpose] = useState<VisitPurpose | ''>('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // After the heading took focus: the scanner types into the case code field right away.
  useEffect(() => caseInput.current?.focus(), []);

  // Looked at again when a response was stored (it uses the context up) and every 15 s.
  const armed = useLoad(
    useCallback(() => call('getArmedContext', {}), [call]),
    `${live.revision}/${Math.floor(now / 15_000)}`,
  );
  const signedInListed = desks?.officers.some((o) => o.code === session.officer.code) ?? false;
  const value = (kind: (typeof kinds)[number]) => chosen[kind] ?? (signedInListed ? session.officer.code : '');

  async function arm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const context = {
      caseCode: caseCode.trim(),
      counter: value('counter'),
      officer: value('officer'),
      field: value('field'),
      purpose,
    };
    // Only what was given: an empty select means "not recorded", not an empty code.
    const input: InputOf<'armKiosk'> = Object.fromEntries(Object.entries(context).filter(([, v]) => v !== ''));
    if (Object.keys(input).length === 0) return setOutcome({ kind: 'failed', error: 'staff.arm.nothing' });
    setBusy(true);
    try {
      const result = await call('armKiosk', input);
      setOutcome({ kind: 'armed', expiresAt: result.expiresAt });
      setCaseCode('');
      setPurpose('');
      armed.reload();
    } catch (failure) {
      const error = errorTextOf(failure);
      setOutcome({ kind: 'failed', error: error === 'signin.errors.conflict' ? 'staff.arm.alreadyRated' : error });
    } finally {
      setBusy(false);
      caseInput.current?.focus();
    }
  }

  async function disarm() {
    setBusy(true);
    try {
      await call('disarmKiosk', {});
      setOutcome({ kind: 'disarmed' });
      armed.reload();
    } catch (failure) {
      setOutcome({ kind: 'failed', error: errorTextOf(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="staff-main arm">
      <ScreenHeading>{t('staff.arm.heading')}</ScreenHeading>
      <p className="view-note">{t('staff.arm.intro')}</p>
      <div className="arm-grid">
        <form className="staff-form arm-form" noValidate onSubmit={(event) => void arm(event)}>
          <label htmlFor={ids.caseCode}>{t('staff.arm.caseCode')}</label>
          <input
            id={ids.caseCode}
            ref={caseInput}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={caseCode}
            aria-describedby={ids.hint}
            onChange={(event) => setCaseCode(event.target.value)}
          />
          <p id={ids.hint} className="field-hint">
            {t('staff.arm.caseHint')}
          </p>
          <div className="form-row">
            <label htmlFor={ids.purpose}>{t('staff.arm.purpose')}</label>
            <select
              id={ids.purpose}
              value={purpose}
              aria-describedby={ids.purposeHint}
              onChange={(event) => setPurpose(event.target.value as VisitPurpose | '')}
            >
              <option value="">{t('staff.arm.none')}</option>
              {visitPurposes.map((entry) => (
                <option key={entry} value={entry}>
                  {t(`staff.arm.purposes.${entry}`)}
                </option>
              ))}
            </select>
            <p id={ids.purposeHint} className="field-hint">
              {t('staff.arm.purposeHint')}
            </p>
          </div>
          {kinds.map((kind) => (
            <div className="form-row" key={kind}>
              <label htmlFor={ids[kind]}>{t(`staff.arm.${kind}`)}</label>
              <select
                id={ids[kind]}
                value={value(kind)}
                onChange={(event) => setChosen((c) => ({ ...c, [kind]: event.target.value }))}
              >
                <option value="">{t('staff.arm.none')}</option>
                {(desks?.[listOf[kind]] ?? []).map((entry) => (
                  <option key={entry.code} value={entry.code}>
                    {entry.name}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button-primary" disabled={busy}>
            {t('staff.arm.submit')}
          </button>
          {outcome && (
            <p
              role={outcome.kind === 'failed' ? 'alert' : 'status'}
              className={outcome.kind === 'failed' ? 'error-message' : 'staff-notice'}
            >
              {outcome.kind === 'armed'
                ? t('staff.arm.armed', { time: format.time(outcome.expiresAt) })
                : outcome.kind === 'disarmed'
                  ? t('staff.arm.disarmed')
                  : t(outcome.error)}
            </p>
          )}
        </form>
        <ArmedPanel
          armed={armed.loadedAt === null ? undefined : armed.data}
          now={now}
          busy={busy}
          onDisarm={() => void disarm()}
        />
      </div>
    </main>
  );
}
