import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface FilePickerProps {
  label: string;
  hint?: string;
  accept: string;
  required?: boolean;
  /** The chosen file's name, shown beside the button; null before a choice. */
  fileName: string | null;
  onFile: (file: File | null) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A file input whose button and "nothing chosen" text follow the app's language
 * (the browser's own speak the OS language). The real input stays in the page,
 * visually hidden but focusable: Tab reaches it, Enter opens the file dialog,
 * its focus ring is drawn on the button, and a click on the button (its label) opens it too.
 */
export function FilePicker({ label, hint, accept, required, fileName, onFile, inputRef }: FilePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="admin-field">
      <span id={`${id}-label`} className={required ? 'admin-label is-required' : 'admin-label'}>
        {label}
      </span>
      <div className="admin-file-row">
        <input
          ref={inputRef}
          id={id}
          type="file"
          className="visually-hidden admin-file-input"
          accept={accept}
          required={required}
          aria-labelledby={`${id}-label`}
          aria-describedby={hint ? `${id}-chosen ${id}-hint` : `${id}-chosen`}
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={id} className="button-secondary admin-file-button">
          {t('admin.file.choose')}
        </label>
        <span id={`${id}-chosen`} className="admin-file-name">
          {fileName ? t('admin.file.chosen', { name: fileName }) : t('admin.file.none')}
        </span>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="admin-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
