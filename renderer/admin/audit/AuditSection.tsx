import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useFormat } from '../format';
import { useAction, useLoad } from '../useAdminCall';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';
import { auditCsv, type AuditEntry } from './auditCsv';
import { AuditChanges } from './AuditChanges';
import './audit.css';
import { downloadText } from './download';
import { SignInsTable } from './SignInsTable';

const PAGE = 100;

/** Nhật ký: the audit log, newest first, page by page; the rows shown can be saved as CSV. */
export function AuditSection() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const first = useLoad(useCallback(() => api.call('auditLog', { limit: PAGE }), [api]));
  // Who, by name: the officers' names beside their codes.
  const setup = useLoad(useCallback(() => api.call('getUnitSetup', {}), [api]));
  const nameOf = (code: string) => setup.data?.officers.find((o) => o.code === code)?.name;
  const actionName = (action: string) =>
    t(`office.audit.actions.${action.replaceAll('.', '_')}` as 'office.audit.actions.targets_save', {
      defaultValue: action,
    });
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const more = useAction();
  const saved = useAction();
  const entries = first.data ? [...first.data, ...older] : null;

  async function loadMore() {
    const last = entries?.[entries.length - 1];
    if (!last) return;
    const page = await more.run(() => api.call('auditLog', { before: last.id, limit: PAGE }));
    if (page) {
      setOlder((previous) => [...previous, ...page]);
      if (page.length < PAGE) setExhausted(true);
    }
  }

  function exportCsv() {
    if (!entries) return;
    const header = (['id', 'at', 'officer', 'action', 'target', 'before', 'after'] as const).map((column) =>
      t(`admin.audit.columns.${column}`),
    );
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    void saved.run(
      async () => downloadText(`sipas-audit-${day}.csv`, auditCsv(entries, header), 'text/csv;charset=utf-8'),
      () => t('admin.audit.exported', { count: entries.length }),
    );
  }

  return (
    <>
      <ScreenHeading>{t('admin.sections.audit')}</ScreenHeading>
      <section className="admin-card" aria-labelledby="audit-heading">
        <div className="admin-form-top">
          <h2 id="audit-heading">{t('admin.audit.heading')}</h2>
          <button
            type="button"
            className="button-secondary"
            disabled={!entries || entries.length === 0}
            onClick={exportCsv}
          >
            {t('admin.audit.exportCsv')}
          </button>
        </div>
        <p>{t('admin.audit.intro')}</p>
        <StatusLine text={saved.done} />
        <LoadState loading={!first.data} problem={first.problem} onRetry={first.reload} />
        {entries && entries.length === 0 && <p>{t('admin.audit.none')}</p>}
        {entries && entries.length > 0 && (
          <table className="admin-table admin-audit">
            <caption className="visually-hidden">{t('admin.audit.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('office.audit.when')}</th>
                <th scope="col">{t('office.audit.who')}</th>
                <th scope="col">{t('office.audit.what')}</th>
                <th scope="col">{t('office.audit.target')}</th>
                <th scope="col">{t('office.audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{format.dateTime(entry.at)}</th>
                  <td>{nameOf(entry.officer) ? `${nameOf(entry.officer)} (${entry.officer})` : entry.officer}</td>
                  <td>{actionName(entry.action)}</td>
                  <td>{entry.target}</td>
                  <td>
                    <AuditChanges before={entry.before} after={entry.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ProblemAlert problem={more.problem} />
        {entries && entries.length >= PAGE && !exhausted && (
          <button
            type="button"
            className="button-secondary"
            disabled={more.busy}
            aria-busy={more.busy}
            onClick={() => void loadMore()}
          >
            {more.busy ? t('admin.common.loading') : t('admin.audit.more')}
          </button>
        )}
      </section>
      <SignInsTable />
    </>
  );
}
