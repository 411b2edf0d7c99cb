import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../src/domain/localDay';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLanguage } from '../../i18n';
import { itemText } from '../questionnaireText';
import { useStaff } from '../StaffContext';
import { TargetProgressView, type TargetProgress } from './TargetProgressView';

/** Mục tiêu kế hoạch: the year's targets against what the desk has reached so far. */
export function TargetsView() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { call, setup, live } = useStaff();
  const yearId = useId();
  const [thisYear] = useState(() => Number(localDayOf(Date.now()).slice(0, 4)));
  const [year, setYear] = useState(thisYear);
  const [progress, setProgress] = useState<TargetProgress | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    call('targetProgress', { year }).then(
      (value) => {
        setProgress(value);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [call, year]);
  useEffect(load, [load, live.revision]);

  return (
    <main className="staff-main targets">
      <header className="view-top target-toolbar">
        <ScreenHeading>{t('office.targets.heading', { year })}</ScreenHeading>
        <label htmlFor={yearId}>{t('office.targets.year')}</label>
        <select id={yearId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('office.targets.print')}
        </button>
      </header>
      {failed && <p role="alert">{t('office.targets.loadFailed')}</p>}
      {!progress && !failed && <p role="status">{t('office.targets.loading')}</p>}
      {progress && (
        <TargetProgressView progress={progress} itemText={(item) => itemText(setup, item, language) ?? null} />
      )}
    </main>
  );
}
