import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { downloadBytes } from '../audit/download';
import { fetchFile } from './fetchFile';
import './download.css';

type Batch = OutputOf<'listExportBatches'>[number];

const MIME: Record<Batch['format'], string> = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; percent: number }
  | { kind: 'done'; file: string }
  | { kind: 'mismatch' }
  | { kind: 'failed'; message: string };

/**
 * Downloads a batch from the admin screen (in chunks, over IPC or HTTP) and checks
 * its SHA-256 against the manifest's before saving it; the manifest is one click away.
 */
export function BatchDownload({ batch, disabled }: { batch: Batch; disabled: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const statusId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [manifest, setManifest] = useState<string | null>(null);

  async function download() {
    setState({ kind: 'busy', percent: 0 });
    try {
      const file = await fetchFile(
        (input) => api.call('downloadFile', input),
        'export',
        batch.id,
        (done, total) => setState({ kind: 'busy', percent: total === 0 ? 100 : Math.round((done / total) * 100) }),
      );
      if (file.actual !== batch.sha256 || file.actual !== file.expected) return setState({ kind: 'mismatch' });
      downloadBytes(file.fileName, file.bytes, MIME[batch.format]);
      setState({ kind: 'done', file: file.fileName });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function showManifest() {
    if (manifest !== null) return setManifest(null);
    try {
      const file = await fetchFile((input) => api.call('downloadFile', input), 'exportManifest', batch.id);
      setManifest(new TextDecoder().decode(file.bytes));
    } catch (error) {
      setManifest(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div className="batch-download">
      <button
        type="button"
        className="button-link"
        disabled={disabled || state.kind === 'busy'}
        aria-describedby={statusId}
        onClick={() => void download()}
      >
        {t('office.download.button')}
      </button>{' '}
      <button
        type="button"
        className="button-link"
        aria-expanded={manifest !== null}
        onClick={() => void showManifest()}
      >
        {t('office.download.showManifest', { file: batch.fileName })}
      </button>
      <p
        id={statusId}
        role="status"
        className={state.kind === 'mismatch' || state.kind === 'failed' ? 'error-message' : 'admin-note'}
      >
        {state.kind === 'busy' && t('office.download.busy', { percent: `${state.percent}%` })}
        {state.kind === 'done' && t('office.download.done', { file: state.file })}
        {state.kind === 'mismatch' && t('office.download.mismatch')}
        {state.kind === 'failed' && state.message}
      </p>
      {manifest !== null && (
        <pre className="manifest" aria-label={t('office.download.manifest')}>
          {manifest}
        </pre>
      )}
    </div>
  );
}
