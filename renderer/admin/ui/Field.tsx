import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldBase {
  label: string;
  hint?: ReactNode;
  required?: boolean;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'required' | 'id'>;

/**
 * A labelled input. Required fields carry `required` (announced by screen
 * readers) and a star drawn by CSS with empty alternative text, so the
 * accessible name stays the label itself.
 */
export function TextField({
  label,
  hint,
  required,
  value,
  onChange,
  ...input
}: FieldBase & InputProps & { value: string; onChange: (value: string) => void }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="admin-field">
      <label htmlFor={id} className={required ? 'is-required' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        {...input}
        required={required}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={hintId} className="admin-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  disabled,
}: FieldBase & { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="admin-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="admin-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({
  label,
  hint,
  required,
  value,
  onChange,
  choices,
}: FieldBase & { value: string; onChange: (value: string) => void; choices: readonly Choice[] }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="admin-field">
      <label htmlFor={id} className={required ? 'is-required' : undefined}>
        {label}
      </label>
      <select
        id={id}
        required={required}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="admin-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
