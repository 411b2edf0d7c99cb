import type { Language } from '../../src/domain/language';
import type { KioskSetup } from './StaffContext';

/**
 * Item and reason texts come from the questionnaire, never from the ids. Only
 * the active questionnaire reaches the staff screens, so an id from an older
 * version falls back to null and the caller shows the dimension's name instead.
 */
export function itemText(setup: KioskSetup | null, item: string, language: Language): string | null {
  for (const dimension of setup?.questionnaire.dimensions ?? []) {
    const found = dimension.items.find((candidate) => candidate.id === item);
    if (found) return found.text[language];
  }
  return null;
}

export function reasonText(
  setup: KioskSetup | null,
  dimension: string,
  reason: string,
  language: Language,
): string | null {
  const found = setup?.questionnaire.dimensions.find((d) => d.id === dimension)?.reasons.find((r) => r.id === reason);
  return found ? found.text[language] : null;
}

/** The dimension an item id belongs to ("access.2" → "access"). */
export const dimensionOf = (item: string): string => item.split('.')[0] ?? item;
