import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { useAction, useLoad } from './useAdminCall';
import { ConfirmDialog } from './ui/ConfirmDialog';

/** Only the desktop shell can leave kiosk mode; in a browser the button is not there at all. */
export function ExitKioskButton() {
  const { t } = useTranslation();
  const api = useApi();
  const capabilities = useLoad(useCallback(() => api.call('shellCapabilities', {}), [api]));
  const action = useAction();
  const [asking, setAsking] = useState(false);
  // Once the shell has said yes the app is closing: the dialog stays busy until it is gone.
  const [exiting, setExiting] = useState(false);
  if (!capabilities.data?.exitKiosk) return null;
  return (
    <>
      <button type="button" className="button-secondary" onClick={() => setAsking(true)}>
        {t('admin.shell.exitKiosk')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('admin.shell.exitTitle')}
          confirmLabel={t('admin.shell.exitConfirm')}
          busyLabel={t('admin.shell.exiting')}
          action={{ ...action, busy: action.busy || exiting }}
          onCancel={() => {
            action.clear();
            setAsking(false);
          }}
          onConfirm={() =>
            void action.run(() => api.call('exitKiosk', {})).then((result) => setExiting(result !== undefined))
          }
        >
          <p>{t('admin.shell.exitBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
