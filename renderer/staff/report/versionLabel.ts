import { useTranslation } from 'react-i18next';
import { useQuestionnaireTitle } from '../../components/reportNames';

/** "Phiếu khảo sát nhanh (phiên bản 3)": the heading of one questionnaire version's section. */
export function useVersionLabel() {
  const { t } = useTranslation();
  const title = useQuestionnaireTitle();
  return (q: { id: string; version: number; title: { vi: string; en: string } | null }) =>
    t('staff.report.version', { title: title(q), version: q.version });
}
