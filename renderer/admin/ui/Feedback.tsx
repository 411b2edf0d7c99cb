import { useTranslation } from 'react-i18next';
import type { Action } from '../useAdminCall';
import type { Problem } from '../problem';

/** A failure, in words, with the host's own message when it names the field at fault. */
export function ProblemAlert({ problem, id }: { problem: Problem | null; id?: string }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div id={id} role="alert" className="admin-problem">
      <p>{t(problem.key, { replace: problem.values ?? {} })}</p>
      {problem.detail && (
        <p className="admin-problem-detail">
          {t('admin.errors.hostSaid')} <code>{problem.detail}</code>
        </p>
      )}
    </div>
  );
}

/**
 * The form's success line. Always in the page (empty until something succeeds),
 * because a live region added together with its text is often not announced.
 */
export function StatusLine({ text }: { text: string | null }) {
  return (
    <p role="status" className="admin-status">
      {text}
    </p>
  );
}

/** The end of every form: what went wrong or what worked, and the submit button with its busy state. */
export function FormFooter({
  action,
  label,
  busyLabel,
  disabled,
}: {
  action: Action;
  label: string;
  busyLabel: string;
  disabled?: boolean;
}) {
  return (
    <div className="admin-form-footer">
      <ProblemAlert problem={action.problem} />
      <StatusLine text={action.done} />
      <button type="submit" className="button-primary" disabled={action.busy || disabled} aria-busy={action.busy}>
        {action.busy ? busyLabel : label}
      </button>
    </div>
  );
}

/** "Loading…" until the first answer, then nothing; a failed load says so with a retry. */
export function LoadState({
  loading,
  problem,
  onRetry,
}: {
  loading: boolean;
  problem: Problem | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (problem) {
    return (
      <div className="admin-load-problem">
        <ProblemAlert problem={problem} />
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('admin.common.retry')}
        </button>
      </div>
    );
  }
  return loading ? (
    <p role="status" className="admin-loading">
      {t('admin.common.loading')}
    </p>
  ) : null;
}
