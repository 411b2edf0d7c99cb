import { AdminTable } from '../ui/AdminTable';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { CODE_PATTERN } from '../pin';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { CheckboxField, TextField } from '../ui/Field';

type Place = OutputOf<'getUnitSetup'>['counters'][number];
type Kind = 'counters' | 'fields';

const EMPTY = { code: '', name: '', active: true };

/** Counters or procedure fields: a table, and one form to add or edit. Nothing is ever deleted, only retired. */
export function PlacesEditor({ kind, places, onSaved }: { kind: Kind; places: readonly Place[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const formHeadingId = useId();
  const action = useAction();
  const [draft, setDraft] = useState(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);

  const edit = (place: Place | null) => {
    action.clear();
    setEditing(place?.code ?? null);
    setDraft(place ? { code: place.code, name: place.name, active: place.active } : EMPTY);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = [
      draft.code.trim() === '' && t('admin.places.code'),
      draft.name.trim() === '' && t('admin.places.name'),
    ].filter(Boolean);
    if (missing.length > 0)
      return action.fail(clientProblem('admin.validation.required', { fields: missing.join(', ') }));
    if (!CODE_PATTERN.test(draft.code.trim())) return action.fail(clientProblem('admin.validation.code'));
    const input = { code: draft.code.trim(), name: draft.name.trim(), active: draft.active };
    const saved = await action.run(
      () => (kind === 'counters' ? api.call('saveCounter', input) : api.call('saveField', input)),
      (place) => t(`admin.places.${kind}.saved`, { code: place.code }),
    );
    if (saved) {
      setEditing(saved.code);
      onSaved();
    }
  }

  return (
    <section className="admin-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`admin.places.${kind}.heading`)}</h2>
      <AdminTable
        caption={t(`admin.places.${kind}.heading`)}
        columns={[t('admin.places.code'), t('admin.places.name'), t('admin.places.state')]}
        actions
      >
        {places.map((place) => (
          <tr key={place.code}>
            <th scope="row">{place.code}</th>
            <td>{place.name}</td>
            <td>{place.active ? t('admin.common.active') : t('admin.common.retired')}</td>
            <td>
              <button
                type="button"
                className="button-link"
                onClick={() => edit(place)}
                aria-label={t('admin.common.editNamed', { name: place.name })}
              >
                {t('admin.common.edit')}
              </button>
            </td>
          </tr>
        ))}
      </AdminTable>
      {places.length === 0 && <p>{t(`admin.places.${kind}.none`)}</p>}

      <form className="admin-form" noValidate aria-labelledby={formHeadingId} onSubmit={(event) => void submit(event)}>
        <div className="admin-form-top">
          <h3 id={formHeadingId}>
            {editing ? t(`admin.places.${kind}.editHeading`, { code: editing }) : t(`admin.places.${kind}.addHeading`)}
          </h3>
          {editing && (
            <button type="button" className="button-link" onClick={() => edit(null)}>
              {t(`admin.places.${kind}.addInstead`)}
            </button>
          )}
        </div>
        <p className="admin-form-note">{t('admin.form.requiredNote')}</p>
        <div className="admin-row">
          <TextField
            label={t('admin.places.code')}
            hint={editing ? t('admin.places.codeFixed') : t('admin.form.codeHint')}
            required
            readOnly={editing !== null}
            maxLength={40}
            value={draft.code}
            onChange={(code) => setDraft({ ...draft, code })}
          />
          <TextField
            label={t('admin.places.name')}
            required
            maxLength={120}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
          />
        </div>
        <CheckboxField
          label={t('admin.places.activeLabel')}
          hint={t('admin.places.activeHint')}
          checked={draft.active}
          onChange={(active) => setDraft({ ...draft, active })}
        />
        <FormFooter action={action} label={t('admin.common.save')} busyLabel={t('admin.common.saving')} />
      </form>
    </section>
  );
}
