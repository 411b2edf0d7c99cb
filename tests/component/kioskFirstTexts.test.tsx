import { act, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import firstPaintTexts from 'virtual:first-paint-texts';
import { describe, expect, it } from 'vitest';
import vi from '../../assets/locales/vi.json';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { AttractScreen, type AttractScreenProps } from '../../renderer/kiosk/AttractScreen';
import { FIRST_PAINT_TEXTS, pickTexts } from '../../renderer/kiosk/firstPaintTexts';
import { fakeHost, ok } from './fakeTransport';
import { armed, setup } from './fixtures';

/** An i18next with only what the first-paint script carries, which records each key it lacks. */
function firstPaintOnly() {
  const missing: string[] = [];
  const instance = i18next.createInstance();
  void instance.init({
    resources: { vi: { translation: structuredClone(firstPaintTexts) } },
    lng: 'vi',
    fallbackLng: 'vi',
    initAsync: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => missing.push(key),
  });
  return { instance, missing };
}

const props: AttractScreenProps = {
  settings: { ...setup.settings, feedbackQrText: 'https://dienhong.gov.vn/gop-y' },
  canStart: true,
  unavailable: false,
  armed: { ...armed, hasCaseCode: true },
  notice: 'alreadyRated',
  onStart: () => undefined,
};

/** The attract screen in each of its states, drawn with the first-paint texts alone. */
async function drawAttract(changes: Partial<AttractScreenProps>, hasAdmin = true) {
  const { instance, missing } = firstPaintOnly();
  const host = fakeHost({ setupStatus: () => ok({ hasAdmin }) });
  render(
    <I18nextProvider i18n={instance}>
      <ApiProvider client={host.client}>
        <AttractScreen {...props} {...changes} />
      </ApiProvider>
    </I18nextProvider>,
  );
  screen.getByRole('heading', { level: 1, name: 'Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn' });
  // The host's answer on whether the kiosk is set up may change the screen: drawn after it.
  await waitFor(() => expect(host.inputsTo('setupStatus')).toHaveLength(1));
  await act(async () => undefined);
  return missing;
}

describe('the Vietnamese texts of the kiosk first paint', () => {
  it('are the listed parts of vi.json, word for word, and not the rest', () => {
    expect(firstPaintTexts).toEqual(pickTexts(vi, FIRST_PAINT_TEXTS));
    const { instance } = firstPaintOnly();
    expect(instance.exists('kiosk.sorry.heading')).toBe(false);
    expect(instance.exists('keyboard')).toBe(false);
    expect(instance.t('app.loading')).toBe('Đang tải…');
  });

  it('hold every text the attract screen shows, in each of its states', async () => {
    const states: Array<[Partial<AttractScreenProps>, boolean?]> = [
      [{}],
      [{ canStart: false, notice: undefined }],
      [{ settings: null, unavailable: true, armed: null }],
      [{}, false],
    ];
    for (const [changes, hasAdmin] of states) {
      const missing = await drawAttract(changes, hasAdmin);
      expect(missing).toEqual([]);
      // A missing text would show as its key.
      expect(document.body.textContent).not.toMatch(/\b(kiosk|signin|app|language|common)\.[a-z]/);
      screen.getByText(/Chữ to/);
      screen.getAllByText(/Quét mã QR|Đang chuẩn bị|chưa sẵn sàng|Chỉ khoảng 30 giây|chưa được thiết lập/);
      document.body.innerHTML = '';
    }
  });
});
