import { useTranslation } from 'react-i18next';

/** "Câu 2/5" in words, and a row of dots for those who do not read the numbers. */
export function Progress({ current, total }: { current: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="progress">
      <p className="progress-text">{t('kiosk.question.progress', { current, total })}</p>
      <ol className="progress-dots" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <li key={i} className={i < current ? 'progress-dot progress-dot-done' : 'progress-dot'} />
        ))}
      </ol>
    </div>
  );
}
