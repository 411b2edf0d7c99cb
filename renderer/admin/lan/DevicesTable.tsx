import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { useFormat } from '../format';
import { useAction } from '../useAdminCall';
import { AdminTable } from '../ui/AdminTable';
import { ProblemAlert, StatusLine } from '../ui/Feedback';

type Device = OutputOf<'listPairedDevices'>[number];

/** The paired counter devices; revoking one refuses its token from the next call on. */
export function DevicesTable({ devices, onChanged }: { devices: Device[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const action = useAction();

  async function revoke(device: Device) {
    const done = await action.run(
      () => api.call('revokePairedDevice', { id: device.id }),
      () => t('admin.lan.devices.revoked', { name: device.name }),
    );
    if (done) onChanged();
  }

  return (
    <section className="admin-card" aria-labelledby="lan-devices-heading">
      <h2 id="lan-devices-heading">{t('admin.lan.devices.heading')}</h2>
      {devices.length === 0 ? (
        <p>{t('admin.lan.devices.none')}</p>
      ) : (
        <AdminTable
          caption={t('admin.lan.devices.heading')}
          columns={[
            t('admin.lan.devices.name'),
            t('admin.lan.devices.pairedAt'),
            t('admin.lan.devices.pairedBy'),
            t('admin.lan.devices.responses'),
            t('admin.lan.devices.state'),
          ]}
          actions
        >
          {devices.map((device) => (
            <tr key={device.id}>
              <th scope="row">{device.name}</th>
              <td>{format.dateTime(device.pairedAt)}</td>
              <td>{device.pairedBy}</td>
              <td>{format.count(device.responses)}</td>
              <td>
                {device.revokedAt
                  ? t('admin.lan.devices.revokedAt', { time: format.dateTime(device.revokedAt) })
                  : t('admin.lan.devices.active')}
              </td>
              <td>
                {!device.revokedAt && (
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={action.busy}
                    onClick={() => void revoke(device)}
                  >
                    {t('admin.lan.devices.revoke', { name: device.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <ProblemAlert problem={action.problem} />
      <StatusLine text={action.done} />
    </section>
  );
}
