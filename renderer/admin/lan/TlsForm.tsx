import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { useFormat } from '../format';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { FilePicker } from '../ui/FilePicker';
import { readTextFile } from './readTextFile';

type View = OutputOf<'getLanSettings'>;

/** The unit's certificate and key for HTTPS: the files' contents go to the host, which checks that they belong together. */
export function TlsForm({ view, onSaved }: { view: View; onSaved: (view: View) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const action = useAction();
  const remove = useAction();
  const [cert, setCert] = useState<File | null>(null);
  const [key, setKey] = useState<File | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.clear();
    if (!cert || !key)
      return action.fail(clientProblem('admin.validation.required', { fields: t('admin.lan.tls.bothFiles') }));
    let pems: { certPem: string; keyPem: string };
    try {
      pems = { certPem: await readTextFile(cert), keyPem: await readTextFile(key) };
    } catch {
      return action.fail(clientProblem('admin.validation.fileRead', { file: `${cert.name}, ${key.name}` }));
    }
    const saved = await action.run(
      () => api.call('updateLanSettings', { enabled: view.enabled, port: view.port, tls: pems }),
      () => t('admin.lan.tls.saved'),
    );
    if (saved) {
      setCert(null);
      setKey(null);
      onSaved(saved);
    }
  }

  async function removeTls() {
    action.clear();
    const saved = await remove.run(
      () => api.call('updateLanSettings', { enabled: view.enabled, port: view.port, tls: null }),
      () => t('admin.lan.tls.removed'),
    );
    if (saved) onSaved(saved);
  }

  return (
    <form className="admin-form" noValidate aria-labelledby="lan-tls-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="lan-tls-heading">{t('admin.lan.tls.heading')}</h2>
      <p>{t('admin.lan.tls.intro')}</p>
      <p>
        {view.certificate
          ? t('admin.lan.tls.current', {
              subject: view.certificate.subject,
              validTo: format.dateTime(view.certificate.validTo),
            })
          : t('admin.lan.tls.none')}
      </p>
      <FilePicker
        label={t('admin.lan.tls.cert')}
        hint={t('admin.lan.tls.certHint')}
        accept=".pem,.crt,.cer"
        required
        fileName={cert?.name ?? null}
        onFile={setCert}
      />
      <FilePicker
        label={t('admin.lan.tls.key')}
        hint={t('admin.lan.tls.keyHint')}
        accept=".pem,.key"
        required
        fileName={key?.name ?? null}
        onFile={setKey}
      />
      <FormFooter action={action} label={t('admin.lan.tls.save')} busyLabel={t('admin.common.saving')} />
      {view.certificate && (
        <div className="admin-actions">
          <button
            type="button"
            className="button-secondary"
            disabled={remove.busy}
            aria-busy={remove.busy}
            onClick={() => void removeTls()}
          >
            {t('admin.lan.tls.remove')}
          </button>
        </div>
      )}
    </form>
  );
}
