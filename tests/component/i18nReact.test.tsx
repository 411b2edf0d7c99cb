import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { describe, expect, it, vi as mock } from 'vitest';
import en from '../../assets/locales/en.json';
import vi from '../../assets/locales/vi.json';
import * as ours from '../../renderer/i18nReact';
import { i18n } from '../../renderer/i18n';

// vite.config.ts resolves 'react-i18next' to renderer/i18nReact.ts: these tests are of that hook.
function instance() {
  const created = i18next.createInstance();
  void created.init({
    resources: {
      vi: { translation: { kiosk: { context: { officer: 'Xin chào {{name}}' } } } },
      en: { translation: { kiosk: { context: { officer: 'Hello {{name}}' } } } },
    },
    lng: 'vi',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return created;
}

/** Shows a text, and counts the renders and the different `t` functions it was given. */
function Greeting({ seen }: { seen: Set<unknown> }) {
  const { t, i18n: given } = useTranslation();
  const [, rerender] = useState(0);
  seen.add(t);
  useEffect(() => void seen.add(given), [given]);
  return (
    <button type="button" onClick={() => rerender((n) => n + 1)}>
      {t('kiosk.context.officer', { name: 'Lan' })}
    </button>
  );
}

/** The greeting under a fresh instance of its own; `seen` collects every `t` it was drawn with. */
function renderGreeting() {
  const texts = instance();
  const seen = new Set<unknown>();
  render(
    <I18nextProvider i18n={texts}>
      <Greeting seen={seen} />
    </I18nextProvider>,
  );
  return { texts, seen };
}

describe('useTranslation (renderer/i18nReact.ts)', () => {
  it('is what the screens import as react-i18next', () => {
    expect(useTranslation).toBe(ours.useTranslation);
    expect(initReactI18next).toBe(ours.initReactI18next);
  });

  it('translates in the language in use, and draws again when it changes', async () => {
    const { texts } = renderGreeting();
    expect(screen.getByRole('button').textContent).toBe('Xin chào Lan');
    await act(() => texts.changeLanguage('en'));
    expect(screen.getByRole('button').textContent).toBe('Hello Lan');
    await act(() => texts.changeLanguage('vi'));
    expect(screen.getByRole('button').textContent).toBe('Xin chào Lan');
  });

  it('gives the same t between renders while the language stays, a new one when it changes', async () => {
    const { texts, seen } = renderGreeting();
    const tsBefore = seen.size;
    act(() => screen.getByRole('button').click());
    act(() => screen.getByRole('button').click());
    expect(seen.size).toBe(tsBefore);
    await act(() => texts.changeLanguage('en'));
    expect(seen.size).toBe(tsBefore + 1);
  });

  it("uses the app's own instance without a provider", async () => {
    const seen = new Set<unknown>();
    function Loading() {
      const { t, i18n: given } = useTranslation();
      seen.add(given);
      return <p>{t('app.loading')}</p>;
    }
    render(<Loading />);
    expect(seen.has(i18n)).toBe(true);
    expect(screen.getByText(vi.app.loading)).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByText(en.app.loading)).toBeTruthy();
  });

  it('stops listening to the instance once unmounted', () => {
    const texts = instance();
    const off = mock.spyOn(texts, 'off');
    const { unmount } = render(
      <I18nextProvider i18n={texts}>
        <Greeting seen={new Set()} />
      </I18nextProvider>,
    );
    unmount();
    expect(off).toHaveBeenCalledWith('languageChanged', expect.any(Function));
  });
});
