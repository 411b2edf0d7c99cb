import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fresh copy of renderer/i18n.ts for each test: the shared setup has already loaded every text into its own.
beforeEach(() => vi.resetModules());
const fresh = () => import('../../renderer/i18n');

describe('the base texts', () => {
  it('are the Vietnamese ones after the first paint: English is not fetched for a citizen who never chooses it', async () => {
    const { i18n, loadTexts } = await fresh();
    await loadTexts();
    expect(i18n.hasResourceBundle('vi', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18n.t('app.loading')).toBe('Đang tải…');
  });

  it('arrive in English when it is chosen, and the language changes once they are here', async () => {
    const { i18n, changeLanguage } = await fresh();
    await changeLanguage('en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('app.loading')).toBe('Loading…');
    await changeLanguage('vi');
    expect(i18n.t('app.loading')).toBe('Đang tải…');
  });
});
