import { useTranslation } from 'react-i18next';
import { TextField } from './Field';

interface NewPinFieldsProps {
  pinLabel: string;
  repeatLabel: string;
  pin: string;
  repeat: string;
  onPin: (value: string) => void;
  onRepeat: (value: string) => void;
}

/** A new PIN and its repetition, as every form that sets a PIN asks for them (first administrator, new officer, reset). */
export function NewPinFields({ pinLabel, repeatLabel, pin, repeat, onPin, onRepeat }: NewPinFieldsProps) {
  const { t } = useTranslation();
  const pinInput = {
    required: true,
    type: 'password',
    inputMode: 'numeric',
    autoComplete: 'new-password',
    maxLength: 8,
  } as const;
  return (
    <>
      <TextField label={pinLabel} hint={t('admin.form.pinHint')} {...pinInput} value={pin} onChange={onPin} />
      <TextField label={repeatLabel} {...pinInput} value={repeat} onChange={onRepeat} />
    </>
  );
}
