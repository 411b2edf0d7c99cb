import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { CODE_PATTERN, PIN_PATTERN } from '../pin';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { CheckboxField, SelectField, TextField } from '../ui/Field';
import { NewPinFields } from '../ui/NewPinFields';
import { PhotoField, type PhotoChange } from './PhotoField';

type Setup = OutputOf<'getUnitSetup'>;
export type Officer = Setup['officers'][number];

/** Adds an officer (with a first PIN) or edits one; a PIN is changed with the reset form instead. */
export function OfficerForm({
  officer,
  counters,
  onSaved,
  focusOnMount,
}: {
  officer: Officer | null;
  counters: Setup['counters'];
  onSaved: (officer: Officer) => void;
  focusOnMount: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const action = useAction();
  const [code, setCode] = useState(officer?.code ?? '');
  const [name, setName] = useState(officer?.name ?? '');
  const [role, setRole] = useState<Officer['role']>(officer?.role ?? 'staff');
  const [counter, setCounter] = useState(officer?.counter ?? '');
  const [active, setActive] = useState(officer?.active ?? true);
  const [deskHead, setDeskHead] = useState(officer?.deskHead ?? false);
  const [photo, setPhoto] = useState<PhotoChange>(undefined);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const isNew = officer === null;
  const heading = useRef<HTMLHeadingElement>(null);
  // Chosen from the table above: the form below takes the focus, so keyboard and screen reader users land on it.
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  // Retired counters stay choosable only for an officer who is still on one.
  const counterChoices = [
    { value: '', label: t('admin.officers.noCounter') },
    ...counters
      .filter((c) => c.active || c.code === officer?.counter)
      .map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` })),
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = [
      code.trim() === '' && t('admin.officers.code'),
      name.trim() === '' && t('admin.officers.name'),
      isNew && pin === '' && t('admin.officers.pin'),
    ].filter(Boolean);
    if (missing.length > 0)
      return action.fail(clientProblem('admin.validation.required', { fields: missing.join(', ') }));
    if (!CODE_PATTERN.test(code.trim())) return action.fail(clientProblem('admin.validation.code'));
    if (isNew && !PIN_PATTERN.test(pin)) return action.fail(clientProblem('admin.validation.pin'));
    if (isNew && pin !== repeat) return action.fail(clientProblem('admin.validation.pinMismatch'));
    const input: InputOf<'saveOfficer'> = {
      code: code.trim(),
      name: name.trim(),
      role,
      counter: counter === '' ? null : counter,
      active,
      deskHead,
      ...(photo === undefined ? {} : { photo }),
      ...(isNew ? { pin } : {}),
    };
    const saved = await action.run(
      () => api.call('saveOfficer', input),
      (result) => t(isNew ? 'admin.officers.created' : 'admin.officers.saved', { name: result.name }),
    );
    if (saved) {
      setPin('');
      setRepeat('');
      setPhoto(undefined);
      onSaved(saved);
    }
  }

  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="officer-form-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="officer-form-heading" ref={heading} tabIndex={-1}>
        {isNew ? t('admin.officers.addHeading') : t('admin.officers.editHeading', { name: officer.name })}
      </h2>
      <p className="admin-form-note">{t('admin.form.requiredNote')}</p>
      <div className="admin-row">
        <TextField
          label={t('admin.officers.code')}
          hint={isNew ? t('admin.form.codeHint') : t('admin.officers.codeFixed')}
          required
          readOnly={!isNew}
          autoCapitalize="off"
          spellCheck={false}
          maxLength={40}
          value={code}
          onChange={setCode}
        />
        <TextField label={t('admin.officers.name')} required maxLength={120} value={name} onChange={setName} />
      </div>
      <div className="admin-row">
        <SelectField
          label={t('admin.officers.role')}
          hint={t('admin.officers.roleHint')}
          value={role}
          onChange={(next) => setRole(next === 'admin' ? 'admin' : 'staff')}
          choices={[
            { value: 'staff', label: t('admin.officers.roles.staff') },
            { value: 'admin', label: t('admin.officers.roles.admin') },
          ]}
        />
        <SelectField
          label={t('admin.officers.counter')}
          value={counter}
          onChange={setCounter}
          choices={counterChoices}
        />
      </div>
      <CheckboxField
        label={t('admin.officers.activeLabel')}
        hint={t('admin.officers.activeHint')}
        checked={active}
        onChange={setActive}
      />
      <CheckboxField
        label={t('office.deskHead.label')}
        hint={t('office.deskHead.hint')}
        checked={deskHead}
        onChange={setDeskHead}
      />
      <PhotoField current={officer?.photo ?? null} change={photo} onChange={setPhoto} name={name} />
      {isNew && (
        <div className="admin-row">
          <NewPinFields
            pinLabel={t('admin.officers.pin')}
            repeatLabel={t('admin.officers.repeatPin')}
            pin={pin}
            repeat={repeat}
            onPin={setPin}
            onRepeat={setRepeat}
          />
        </div>
      )}
      <FormFooter
        action={action}
        label={isNew ? t('admin.officers.add') : t('admin.common.save')}
        busyLabel={t('admin.common.saving')}
      />
    </form>
  );
}
