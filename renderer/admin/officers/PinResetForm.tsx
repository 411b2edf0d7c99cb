import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { PIN_PATTERN } from '../pin';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { NewPinFields } from '../ui/NewPinFields';

/** A forgotten PIN or a lockout: the administrator sets a new PIN, which also lifts the lock. */
export function PinResetForm({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const action = useAction();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return action.fail(clientProblem('admin.validation.pin'));
    if (pin !== repeat) return action.fail(clientProblem('admin.validation.pinMismatch'));
    const done = await action.run(
      () => api.call('resetOfficerPin', { code, pin }),
      () => t('admin.pinReset.done', { name }),
    );
    if (done) {
      setPin('');
      setRepeat('');
    }
  }

  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="pin-reset-heading"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="pin-reset-heading">{t('admin.pinReset.heading', { name })}</h2>
      <p>{t('admin.pinReset.intro')}</p>
      <div className="admin-row">
        <NewPinFields
          pinLabel={t('admin.pinReset.pin')}
          repeatLabel={t('admin.pinReset.repeat')}
          pin={pin}
          repeat={repeat}
          onPin={setPin}
          onRepeat={setRepeat}
        />
      </div>
      <FormFooter action={action} label={t('admin.pinReset.submit')} busyLabel={t('admin.common.saving')} />
    </form>
  );
}
