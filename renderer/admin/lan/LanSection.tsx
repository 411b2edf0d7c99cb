import './lan.css';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { QrCode } from '../../kiosk/QrCode';
import { useLoad } from '../useAdminCall';
import { LoadState } from '../ui/Feedback';
import { DevicesTable } from './DevicesTable';
import { LanSettingsForm } from './LanSettingsForm';
import { PairingPanel } from './PairingPanel';
import { TlsForm } from './TlsForm';

type View = OutputOf<'getLanSettings'>;

/** Mạng nội bộ (LAN): serve the app to the office network, HTTPS, and the counter devices paired to rate. */
export function LanSection() {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useLoad(useCallback(() => api.call('getLanSettings', {}), [api]));
  // A save answers with the new view: shown at once, without another round trip.
  const [saved, setSaved] = useState<View | null>(null);
  const view = saved ?? loaded.data;
  const reload = () => {
    setSaved(null);
    loaded.reload();
  };

  return (
    <>
      <ScreenHeading>{t('admin.sections.lan')}</ScreenHeading>
      <p>{t('admin.lan.intro')}</p>
      <LoadState loading={!view} problem={loaded.problem} onRetry={loaded.reload} />
      {view && (
        <>
          <section className="admin-card" aria-labelledby="lan-state-heading">
            <h2 id="lan-state-heading">{t('admin.lan.stateHeading')}</h2>
            <p role="status">
              {view.enabled
                ? view.problem
                  ? t('admin.lan.stateFailed', { port: view.port })
                  : t('admin.lan.stateOn', { port: view.port })
                : t('admin.lan.stateOff')}
            </p>
            {view.problem && (
              <p role="alert" className="admin-warning">
                {t('admin.lan.problem')} <code>{view.problem}</code>
              </p>
            )}
            {view.urls.length > 0 && (
              <div className="lan-address">
                <QrCode
                  className="lan-qr"
                  text={view.urls[0] as string}
                  label={t('admin.lan.qrLabel', { url: view.urls[0] })}
                />
                <div>
                  <p>{t('admin.lan.openOn')}</p>
                  <ul>
                    {view.urls.map((url) => (
                      <li key={url}>
                        <code>{url}</code>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            )}
            {!view.https && (
              <div className="admin-warning" role="note" aria-labelledby="lan-risk-heading">
                <h3 id="lan-risk-heading">{t('admin.lan.risk.heading')}</h3>
                <p>{t('admin.lan.risk.body')}</p>
                <p>{t('admin.lan.risk.advice')}</p>
              </div>
            )}
            <LanSettingsForm key={`${view.enabled}-${view.port}`} view={view} onSaved={setSaved} />
          </section>
          <section className="admin-card" aria-label={t('admin.lan.tls.heading')}>
            <TlsForm view={view} onSaved={setSaved} />
          </section>
          <PairingPanel onPaired={reload} />
          <DevicesTable devices={view.devices} onChanged={reload} />
        </>
      )}
    </>
  );
}
