import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLoad } from '../useAdminCall';
import { LoadState } from '../ui/Feedback';
import { KioskSettingsForm } from './KioskSettingsForm';
import { PlacesEditor } from './PlacesEditor';

/** Đơn vị & quầy: the unit and kiosk settings, then the counters and the procedure fields. */
export function UnitSection() {
  const { t } = useTranslation();
  const api = useApi();
  const kiosk = useLoad(useCallback(() => api.call('getKioskSetup', {}), [api]));
  const unit = useLoad(useCallback(() => api.call('getUnitSetup', {}), [api]));
  return (
    <>
      <ScreenHeading>{t('admin.sections.unit')}</ScreenHeading>
      <section className="admin-card" aria-labelledby="unit-settings">
        <h2 id="unit-settings">{t('admin.settings.heading')}</h2>
        <LoadState loading={!kiosk.data} problem={kiosk.problem} onRetry={kiosk.reload} />
        {kiosk.data && <KioskSettingsForm settings={kiosk.data.settings} />}
      </section>
      <LoadState loading={!unit.data} problem={unit.problem} onRetry={unit.reload} />
      {unit.data && (
        <>
          <PlacesEditor kind="counters" places={unit.data.counters} onSaved={unit.reload} />
          <PlacesEditor kind="fields" places={unit.data.fields} onSaved={unit.reload} />
        </>
      )}
    </>
  );
}
