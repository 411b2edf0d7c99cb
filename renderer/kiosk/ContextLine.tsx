import { useTranslation } from 'react-i18next';
import type { ArmedContext } from './flow';

/**
 * Whom and what the citizen is rating, as staff armed it: "Ông/Bà đang đánh giá:
 * cán bộ Nguyễn Thị Lan — Quầy 2 — lĩnh vực Đất đai". Shows nothing when
 * nothing is known, so an anonymous rating looks like one.
 */
export function ArmedContextLine({ armed, className }: { armed: ArmedContext | null; className?: string }) {
  const { t } = useTranslation();
  if (!armed) return null;
  const parts = [
    armed.officer && t('kiosk.context.officer', { name: armed.officer.name }),
    // Counter names already say what they are ("Quầy 2").
    armed.counter?.name,
    armed.field && t('kiosk.context.field', { name: armed.field.name }),
    armed.hasCaseCode && t('kiosk.context.withCase'),
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return null;
  return (
    <p className={className ? `context-line ${className}` : 'context-line'}>
      {t('kiosk.context.rating', { parts: parts.join(' — ') })}
    </p>
  );
}

/** The scanned case code, shown discreetly so the citizen can check it is theirs. */
export function CaseCodeLine({ caseCode }: { caseCode: string | null }) {
  const { t } = useTranslation();
  if (!caseCode) return null;
  return <p className="context-line case-code">{t('kiosk.context.caseCode', { code: caseCode })}</p>;
}
