import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface AdminTableProps {
  /** Read by screen readers; the section's heading already shows it. */
  caption: string;
  /** Column headings, already translated. */
  columns: readonly string[];
  /** A last column of buttons, named "Thao tác" for screen readers only. */
  actions?: boolean;
  children: ReactNode;
}

/** The admin sections' tables: a hidden caption, column headers with scope, then the rows. */
export function AdminTable({ caption, columns, actions = false, children }: AdminTableProps) {
  const { t } = useTranslation();
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">{t('admin.common.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
