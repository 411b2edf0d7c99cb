import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../ui/FilePicker';
import { PHOTO_SIZE, photoDataUrl } from './photo';

/**
 * `undefined` keeps the stored photo, `null` removes it, a data: URL replaces it
 * (this is how saveOfficer reads the field).
 */
export type PhotoChange = string | null | undefined;

export function PhotoField({
  current,
  change,
  onChange,
  name,
}: {
  current: string | null;
  change: PhotoChange;
  onChange: (change: PhotoChange) => void;
  name: string;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const [reading, setReading] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const shown = change === undefined ? current : change;

  async function choose(file: File | null) {
    if (!file) return;
    setFailed(false);
    setReading(true);
    setFileName(file.name);
    try {
      onChange(await photoDataUrl(file));
    } catch {
      setFailed(true);
      setFileName(null);
    }
    setReading(false);
  }

  return (
    <div className="admin-photo">
      {shown ? (
        <img src={shown} alt={t('admin.officers.photoOf', { name: name || '…' })} className="admin-photo-preview" />
      ) : (
        <p className="admin-hint">{t('admin.officers.noPhoto')}</p>
      )}
      <FilePicker
        label={t('admin.officers.photo')}
        hint={reading ? t('admin.officers.photoReading') : t('admin.officers.photoHint', { size: PHOTO_SIZE })}
        accept="image/png,image/jpeg,image/webp"
        fileName={change ? fileName : null}
        onFile={(file) => void choose(file)}
      />
      {shown && (
        <button
          type="button"
          className="button-link"
          onClick={() => {
            setFileName(null);
            onChange(current ? null : undefined);
          }}
        >
          {t('admin.officers.removePhoto')}
        </button>
      )}
      {failed && (
        <p role="alert" className="error-message">
          {t('admin.validation.image')}
        </p>
      )}
    </div>
  );
}
