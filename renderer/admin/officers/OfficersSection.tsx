import { AdminTable } from '../ui/AdminTable';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLoad } from '../useAdminCall';
import { LoadState } from '../ui/Feedback';
import { OfficerForm, type Officer } from './OfficerForm';
import { PinResetForm } from './PinResetForm';

/**
 * The form is keyed by the choice (a click on Edit or Add), not by the officer:
 * when a new officer is saved it stays on screen, now editing them, and keeps
 * its success message.
 */
interface Selection {
  officer: Officer | null;
  key: number;
}

export function OfficersSection() {
  const { t } = useTranslation();
  const api = useApi();
  const setup = useLoad(useCallback(() => api.call('getUnitSetup', {}), [api]));
  const [selection, setSelection] = useState<Selection>({ officer: null, key: 0 });
  const select = (officer: Officer | null) => setSelection((previous) => ({ officer, key: previous.key + 1 }));
  const counterName = (code: string | null) =>
    setup.data?.counters.find((c) => c.code === code)?.name ?? code ?? t('admin.officers.noCounter');

  return (
    <>
      <ScreenHeading>{t('admin.sections.officers')}</ScreenHeading>
      <LoadState loading={!setup.data} problem={setup.problem} onRetry={setup.reload} />
      {setup.data && (
        <>
          <section className="admin-card" aria-labelledby="officer-list-heading">
            <div className="admin-form-top">
              <h2 id="officer-list-heading">{t('admin.officers.listHeading')}</h2>
              <button type="button" className="button-secondary" onClick={() => select(null)}>
                {t('admin.officers.addButton')}
              </button>
            </div>
            <AdminTable
              caption={t('admin.officers.listHeading')}
              columns={[
                t('admin.officers.photo'),
                t('admin.officers.code'),
                t('admin.officers.name'),
                t('admin.officers.role'),
                t('admin.officers.counter'),
                t('admin.places.state'),
              ]}
              actions
            >
              {setup.data.officers.map((officer) => (
                <tr key={officer.code}>
                  {/* The name is in the row: the thumbnail needs no text of its own. */}
                  <td>{officer.photo ? <img src={officer.photo} alt="" className="admin-thumb" /> : null}</td>
                  <th scope="row">{officer.code}</th>
                  <td>{officer.name}</td>
                  <td>{t(`admin.officers.roles.${officer.role}`)}</td>
                  <td>{officer.counter ? counterName(officer.counter) : t('admin.officers.noCounter')}</td>
                  <td>{officer.active ? t('admin.common.active') : t('admin.common.retired')}</td>
                  <td>
                    <button
                      type="button"
                      className="button-link"
                      aria-label={t('admin.common.editNamed', { name: officer.name })}
                      onClick={() => select(officer)}
                    >
                      {t('admin.common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </AdminTable>
          </section>
          <section className="admin-card" aria-label={t('admin.officers.formRegion')}>
            <OfficerForm
              key={selection.key}
              focusOnMount={selection.key > 0}
              officer={selection.officer}
              counters={setup.data.counters}
              onSaved={(saved) => {
                setSelection((previous) => ({ ...previous, officer: saved }));
                setup.reload();
              }}
            />
          </section>
          {selection.officer && (
            <section className="admin-card" aria-label={t('admin.pinReset.region')}>
              <PinResetForm key={selection.officer.code} code={selection.officer.code} name={selection.officer.name} />
            </section>
          )}
        </>
      )}
    </>
  );
}
