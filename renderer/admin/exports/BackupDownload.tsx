import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { downloadBytes } from '../audit/download';
import { fetchFile } from './fetchFile';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; percent: number }
  | { kind: 'done'; file: string; sha256: string }
  | { kind: 'mismatch' }
  | { kind: 'failed'; message: string };

/** Downloads a backup from the admin screen, checking what arrived against the host's SHA-256. */
export function BackupDownload({ name }: { name: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const statusId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function download() {
    setState({ kind: 'busy', percent: 0 });
    try {
      const file = await fetchFile(
        (input) => api.call('downloadFile', input),
        'backup',
        name,
        (done, total) => setState({ kind: 'busy', percent: total === 0 ? 100 : Math.round((done / total) * 100) }),
      );
      if (file.actual !== file.expected) return setState({ kind: 'mismatch' });
      downloadBytes(file.fileName, file.bytes, 'application/vnd.sqlite3');
      setState({ kind: 'done', file: file.fileName, sha256: file.actual });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <span className="batch-download">
      <button
        type="button"
        className="button-link"
        disabled={state.kind === 'busy'}
        aria-describedby={statusId}
        onClick={() => void download()}
      >
        {t('office.download.button')}
      </button>
      <span
        id={statusId}
        role="status"
        className={state.kind === 'mismatch' || state.kind === 'failed' ? 'error-message' : 'admin-note'}
      >
        {state.kind === 'busy' && t('office.download.busy', { percent: `${state.percent}%` })}
        {state.kind === 'done' && (
          <>
            {' '}
            {t('office.download.doneBackup', { file: state.file })} <code className="sha256">{state.sha256}</code>
          </>
        )}
        {state.kind === 'mismatch' && t('office.download.mismatch')}
        {state.kind === 'failed' && state.message}
      </span>
    </span>
  );
}
