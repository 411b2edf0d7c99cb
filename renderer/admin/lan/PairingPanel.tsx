import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { QrCode } from '../../kiosk/QrCode';
import { useFormat } from '../format';
import { useAction } from '../useAdminCall';
import { ProblemAlert } from '../ui/Feedback';

type Pairing = OutputOf<'createPairingCode'>;

/** A one-time code (and its QR code) that pairs a LAN browser as a counter device. */
export function PairingPanel({ onPaired }: { onPaired: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const action = useAction();
  const [pairing, setPairing] = useState<Pairing | null>(null);

  async function create() {
    const made = await action.run(() => api.call('createPairingCode', {}));
    if (made) setPairing(made);
  }

  return (
    <section className="admin-card" aria-labelledby="lan-pairing-heading">
      <h2 id="lan-pairing-heading">{t('admin.lan.pairing.heading')}</h2>
      <p>{t('admin.lan.pairing.intro')}</p>
      <div className="admin-actions">
        <button
          type="button"
          className="button-primary"
          disabled={action.busy}
          aria-busy={action.busy}
          onClick={() => void create()}
        >
          {pairing ? t('admin.lan.pairing.again') : t('admin.lan.pairing.create')}
        </button>
        {pairing && (
          <button type="button" className="button-secondary" onClick={onPaired}>
            {t('admin.lan.pairing.refresh')}
          </button>
        )}
      </div>
      <ProblemAlert problem={action.problem} />
      {pairing && (
        <div className="lan-pairing">
          <p>
            {t('admin.lan.pairing.code')} <strong className="lan-code">{pairing.code}</strong>
          </p>
          <p>{t('admin.lan.pairing.expires', { time: format.dateTime(pairing.expiresAt) })}</p>
          {pairing.urls[0] ? (
            <>
              <QrCode
                className="lan-qr"
                text={pairing.urls[0]}
                label={t('admin.lan.pairing.qrLabel', { url: pairing.urls[0] })}
              />
              <p>
                {t('admin.lan.pairing.open')} <code>{pairing.urls[0]}</code>
              </p>
            </>
          ) : (
            <p>{t('admin.lan.pairing.noAddress')}</p>
          )}
        </div>
      )}
    </section>
  );
}
