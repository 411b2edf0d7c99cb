import { useCallback } from 'react';
import { dimensionName, type DimensionId, type DimensionName } from '../../src/domain/dimensions';
import { RESPONSE_COUNT_LABELS, type ResponseCountName } from '../../src/domain/responseCounts';
import { useLanguage } from '../i18n';

/**
 * Names that have one source in src/domain, in the current UI language: the five
 * dimensions (DIMENSION_NAMES) and the four counts (RESPONSE_COUNT_LABELS). Staff,
 * admin and kiosk screens use these rather than copies in the locale files, so a
 * dimension or a count is called the same on every screen, export and report.
 */
export function useDimensionName(): (id: DimensionId, form?: keyof DimensionName) => string {
  const [language] = useLanguage();
  return useCallback((id, form = 'long') => dimensionName(id, language, form), [language]);
}

export function useCountLabel(): (name: ResponseCountName) => string {
  const [language] = useLanguage();
  return useCallback((name) => RESPONSE_COUNT_LABELS[language][name], [language]);
}

/** A questionnaire version's title in the UI language; its id when the version is no longer installed. */
export function useQuestionnaireTitle(): (q: { id: string; title: { vi: string; en: string } | null }) => string {
  const [language] = useLanguage();
  return useCallback((q) => q.title?.[language] ?? q.id, [language]);
}
