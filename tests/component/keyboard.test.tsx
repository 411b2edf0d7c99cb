import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { KEYBOARD_I18N_KEYS, OnScreenKeyboard } from '../../renderer/keyboard/OnScreenKeyboard';

// The keyboard's own texts, inline, so this test does not depend on the app's locale files.
const keyboard = {
  label: 'Bàn phím',
  space: 'Dấu cách',
  backspace: 'Xoá',
  shift: 'Chữ hoa',
  capsLock: 'Giữ chữ hoa',
  numbers: 'Số',
  letters: 'Chữ',
  tone: { acute: 'dấu sắc', grave: 'dấu huyền', hook: 'dấu hỏi', tilde: 'dấu ngã', dot: 'dấu nặng' },
  mark: { circumflex: 'dấu mũ', breve: 'dấu trăng', horn: 'dấu móc', stroke: 'chữ đ' },
  limitReached: 'Đã đủ {{max}} ký tự, không gõ thêm được.',
  noLetterToMark: 'Xin gõ chữ trước, rồi chọn dấu.',
};
const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: { keyboard } } },
  lng: 'vi',
  initAsync: false,
  interpolation: { escapeValue: false },
});

const nfc = (text: string) => text.normalize('NFC');

function Harness({ maxLength = 500, initial = '' }: { maxLength?: number; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <I18nextProvider i18n={i18n}>
      <div data-testid="value">{value}</div>
      <OnScreenKeyboard value={value} onChange={setValue} maxLength={maxLength} />
    </I18nextProvider>
  );
}

function setup(props: { maxLength?: number; initial?: string } = {}) {
  render(<Harness {...props} />);
  return userEvent.setup();
}

type User = ReturnType<typeof userEvent.setup>;
const shown = () => screen.getByTestId('value').textContent;
const press = (user: User, name: string) => user.click(screen.getByRole('button', { name }));

/** Taps Telex keys one by one; a capital letter is Shift then the letter. */
async function type(user: User, keys: string) {
  for (const key of keys) {
    if (key === ' ') await press(user, keyboard.space);
    else if (key !== key.toLowerCase()) {
      await press(user, keyboard.shift);
      await press(user, key);
    } else await press(user, key);
  }
}

describe('OnScreenKeyboard', () => {
  it('types "Cán bộ hướng dẫn tận tình" with Telex on the buttons', async () => {
    const user = setup();
    await type(user, 'Cans booj huwowngs daaxn taanj tinhf');
    expect(shown()).toBe(nfc('Cán bộ hướng dẫn tận tình'));
    expect(shown()?.normalize('NFC')).toBe(shown());
  });

  it('types capitals with one-shot Shift and caps lock', async () => {
    const user = setup();
    const shift = () => screen.getByRole('button', { name: keyboard.shift });
    expect(shift().getAttribute('aria-pressed')).toBe('false');
    await press(user, keyboard.shift);
    expect(shift().getAttribute('aria-pressed')).toBe('true');
    await press(user, 'D');
    // One capital only: the letters are lower case again.
    expect(shift().getAttribute('aria-pressed')).toBe('false');
    await press(user, 'd');
    expect(shown()).toBe(nfc('Đ'));
    await press(user, keyboard.shift);
    await press(user, keyboard.shift);
    const lock = screen.getByRole('button', { name: keyboard.capsLock });
    expect(lock.getAttribute('aria-pressed')).toBe('true');
    for (const key of 'UOWJC') await press(user, key);
    expect(shown()).toBe(nfc('ĐƯỢC'));
  });

  it('puts tones and marks with the explicit buttons', async () => {
    const user = setup();
    await type(user, 'viet');
    await press(user, keyboard.mark.circumflex);
    await press(user, keyboard.tone.dot);
    expect(shown()).toBe(nfc('việt'));
    await type(user, ' duong');
    await press(user, keyboard.mark.horn);
    await press(user, keyboard.mark.stroke);
    await press(user, keyboard.tone.grave);
    expect(shown()).toBe(nfc('việt đường'));
    await press(user, keyboard.tone.grave);
    expect(shown()).toBe(nfc('việt đương'));
  });

  it('says so when a mark has no letter to go on', async () => {
    const user = setup();
    await press(user, keyboard.tone.acute);
    expect(shown()).toBe('');
    expect(screen.getByRole('status').textContent).toBe(keyboard.noLetterToMark);
  });

  it('deletes with backspace', async () => {
    const user = setup({ initial: nfc('Tốt') });
    await press(user, keyboard.backspace);
    expect(shown()).toBe(nfc('Tố'));
    await type(user, 'x');
    expect(shown()).toBe(nfc('Tỗ'));
  });

  it('refuses keys beyond maxLength but still allows changes that do not lengthen', async () => {
    const user = setup({ maxLength: 3 });
    await type(user, 'baa');
    expect(shown()).toBe(nfc('bâ'));
    await type(user, 'nk');
    expect(shown()).toBe(nfc('bân'));
    expect(screen.getByRole('status').textContent).toBe('Đã đủ 3 ký tự, không gõ thêm được.');
    await type(user, 's');
    expect(shown()).toBe(nfc('bấn'));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('switches to numbers and back', async () => {
    const user = setup();
    await press(user, keyboard.numbers);
    await press(user, '1');
    await press(user, '?');
    await press(user, keyboard.letters);
    await type(user, 'a');
    expect(shown()).toBe('1?a');
  });

  it('gives every key an accessible name and real buttons', async () => {
    setup();
    const buttons = screen.getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(35);
    for (const button of buttons) {
      expect(button.tagName).toBe('BUTTON');
      expect((button.getAttribute('aria-label') ?? button.textContent ?? '').trim()).not.toBe('');
    }
    for (const name of Object.values(keyboard.tone)) screen.getByRole('button', { name });
    expect(KEYBOARD_I18N_KEYS).toContain('keyboard.tone.acute');
  });

  it('keeps the focus on a key pressed from the keyboard when the layout changes', async () => {
    const user = setup();
    screen.getByRole('button', { name: keyboard.shift }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: keyboard.shift }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: keyboard.capsLock }));
  });
});

describe('KEYBOARD_I18N_KEYS', () => {
  it('lists exactly the keys the keyboard translates', () => {
    const flatten = (prefix: string, node: object): string[] =>
      Object.entries(node).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}.${k}`] : flatten(`${prefix}.${k}`, v as object),
      );
    expect([...KEYBOARD_I18N_KEYS].sort()).toEqual(flatten('keyboard', keyboard).sort());
  });
});
