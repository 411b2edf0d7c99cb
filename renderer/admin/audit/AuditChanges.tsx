import { useTranslation } from 'react-i18next';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One value as a short readable text: strings as they are, lists joined, objects as compact JSON. */
function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ');
  return JSON.stringify(value);
}

/** The rows that changed: each field of before/after whose value differs (everything, when one side is empty). */
export function changedRows(
  before: unknown,
  after: unknown,
): Array<{ field: string; before: unknown; after: unknown }> {
  if (!isPlain(before) && !isPlain(after)) {
    return before === null && after === null ? [] : [{ field: '', before, after }];
  }
  const b = isPlain(before) ? before : {};
  const a = isPlain(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => JSON.stringify(b[field]) !== JSON.stringify(a[field]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

/** A small before/after table of what an audited action changed. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = changedRows(before, after);
  if (rows.length === 0) return <span className="admin-note">{t('office.audit.noChange')}</span>;
  const empty = t('office.audit.empty');
  return (
    <table className="audit-changes">
      <thead>
        <tr>
          <th scope="col">{t('office.audit.field')}</th>
          <th scope="col">{t('office.audit.before')}</th>
          <th scope="col">{t('office.audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field || '-'}>
            <th scope="row">{row.field || '—'}</th>
            <td>{show(row.before, empty)}</td>
            <td>{show(row.after, empty)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
