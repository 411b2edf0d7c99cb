import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyKey, applyKeys, applyModifier, applyTone, backspace } from '../../renderer/keyboard/telex';

/** Expected strings are written NFC here; nfc() makes that explicit whatever the editor saved. */
const nfc = (text: string) => text.normalize('NFC');

describe('Telex key sequences', () => {
  it.each([
    // The sentence of the brief, and the usual ways of typing ươ.
    ['Cans booj huwowngs daaxn taanj tinhf', 'Cán bộ hướng dẫn tận tình'],
    ['Vieetj Nam', 'Việt Nam'],
    ['DDieenj Hoongf', 'Điện Hồng'],
    ['nguwowif', 'người'],
    ['nguoiwf', 'người'],
    ['nguoifw', 'người'],
    ['khuyur', 'khuỷu'],
    ['thuowr', 'thuở'],
    ['giuwax', 'giữa'],
    ['giwax', 'giữa'],
    ['quoocs', 'quốc'],
    ['quyeets', 'quyết'],
    ['dduwowngf', 'đường'],
    ['huongws', 'hướng'],
    ['huowngs', 'hướng'],
    ['huwongs', 'hướng'],
    ['thuowngr', 'thưởng'],
    ['ruwowuj', 'rượu'],
    ['khuyeens', 'khuyến'],
    ['tuaans', 'tuấn'],
    ['hoawcj', 'hoặc'],
    ['muaw', 'mưa'],
    ['nhw', 'như'],
    ['ngoaif', 'ngoài'],
    ['uoongs', 'uống'],
    ['gioir', 'giỏi'],
    ['giuowngf', 'giường'],
  ])('%s → %s', (keys, expected) => {
    expect(applyKeys(keys)).toBe(nfc(expected));
  });

  it.each([
    ['tiengse', 'tiếng'],
    ['vietej', 'việt'],
    ['did', 'đi'],
    ['caua', 'câu'],
  ])('takes modifiers typed late in the word: %s → %s', (keys, expected) => {
    expect(applyKeys(keys)).toBe(nfc(expected));
  });

  it.each([
    // Modern placement: hoà, khoẻ, thuý; the tone moves when the word goes on.
    ['hoaf', 'hoà'],
    ['hoafn', 'hoàn'],
    ['khoer', 'khoẻ'],
    ['thuys', 'thuý'],
    ['huyfnh', 'huỳnh'],
    ['muaf', 'mùa'],
    ['gif', 'gì'],
    ['gifa', 'già'],
    ['mias', 'mía'],
    ['tuis', 'túi'],
    ['ngoaij', 'ngoại'],
  ])('places the tone by the modern rules: %s → %s', (keys, expected) => {
    expect(applyKeys(keys)).toBe(nfc(expected));
  });

  it.each([
    ['ass', 'as'],
    ['aaa', 'aa'],
    ['aww', 'aw'],
    ['oww', 'ow'],
    ['eee', 'ee'],
    ['ddd', 'dd'],
    ['ww', 'w'],
    ['tesst', 'test'],
    ['xooong', 'xoong'],
    ['huwowwng', 'huowng'],
  ])('a key pressed twice undoes itself and types the letter: %s → %s', (keys, expected) => {
    expect(applyKeys(keys)).toBe(nfc(expected));
  });

  it('replaces one tone by another and removes it with z', () => {
    expect(applyKeys('asf')).toBe(nfc('à'));
    expect(applyKeys('asz')).toBe('a');
    expect(applyKeys('Vieetjz')).toBe(nfc('Viêt'));
    expect(applyKeys('z')).toBe('z');
  });

  it('keeps upper case, from Shift or caps lock', () => {
    expect(applyKeys('DDUWOWJC')).toBe(nfc('ĐƯỢC'));
    expect(applyKeys('DDUOWJC')).toBe(nfc('ĐƯỢC'));
    expect(applyKeys('VIEETJ NAM')).toBe(nfc('VIỆT NAM'));
    expect(applyKeys('Dd')).toBe(nfc('Đ'));
    expect(applyKeys('Muaf')).toBe(nfc('Mùa'));
    expect(applyKeys('W')).toBe(nfc('Ư'));
  });

  it('refuses huyền, hỏi and ngã after c, ch, p, t (typed as letters instead)', () => {
    expect(applyKeys('hocf')).toBe('hocf');
    expect(applyKeys('hocj')).toBe(nfc('học'));
  });

  it('works word by word: earlier words and punctuation stay as they are', () => {
    expect(applyKeys('as, as.')).toBe(nfc('á, á.'));
    expect(applyKey(nfc('Tốt lắm '), 's')).toBe(nfc('Tốt lắm s'));
    expect(applyKey(nfc('Đúng hẹn'), '!')).toBe(nfc('Đúng hẹn!'));
    expect(applyKeys('so 12s')).toBe(nfc('so 12s'));
  });

  it('leaves words that cannot be Vietnamese as typed', () => {
    expect(applyKeys('email')).toBe('email');
    expect(applyKeys('zoom')).toBe('zoom');
    expect(applyKeys('rains')).toBe('rains');
    expect(applyKeys('wwifi')).toBe('wifi');
    expect(applyKeys('hello, bank')).toBe('hello, bank');
  });

  it('documents known limitations of plain Telex with English words', () => {
    // Like Unikey without its keystroke history: the Telex keys in these words still act.
    expect(applyKeys('test')).toBe(nfc('tét'));
    expect(applyKeys('google')).toBe(nfc('gôgle'));
    expect(applyKeys('wifi')).toBe(nfc('ừii'));
    expect(applyKeys('world')).toBe(nfc('ưởld'));
    // A literal w takes ww (as in Unikey), so "www" gives "ww".
    expect(applyKeys('www')).toBe('ww');
  });
});

describe('backspace', () => {
  it('removes the last character, a whole precomposed letter', () => {
    expect(backspace(nfc('người'))).toBe(nfc('ngườ'));
    expect(backspace('người'.normalize('NFD'))).toBe(nfc('ngườ'));
    expect(backspace('a ')).toBe('a');
    expect(backspace('')).toBe('');
  });

  it('lets typing go on after it', () => {
    expect(applyKey(backspace(applyKeys('hoaf')), 'a')).toBe(nfc('hoa'));
    expect(applyKeys('s', backspace(nfc('Việt')))).toBe(nfc('Viế'));
  });
});

describe('explicit tone and modifier buttons', () => {
  it('put tones on the current word and toggle them off', () => {
    expect(applyTone('Viet', 'dot')).toBe(nfc('Viẹt'));
    expect(applyTone(nfc('Viêt'), 'dot')).toBe(nfc('Việt'));
    expect(applyTone(nfc('hoà'), 'grave')).toBe('hoa');
    expect(applyTone(nfc('hoà'), 'acute')).toBe(nfc('hoá'));
    expect(applyTone(nfc('hoà'), 'none')).toBe('hoa');
    expect(applyTone(nfc('người'), 'tilde')).toBe(nfc('ngưỡi'));
  });

  it('refuse when there is no word or no vowel to mark', () => {
    expect(applyTone('', 'acute')).toBe('');
    expect(applyTone('nh', 'acute')).toBe('nh');
    expect(applyTone('hoa ', 'acute')).toBe('hoa ');
    expect(applyTone('hoc', 'grave')).toBe('hoc');
    expect(applyModifier('xyz', 'horn')).toBe('xyz');
  });

  it('add and toggle modifiers', () => {
    expect(applyModifier('Viet', 'circumflex')).toBe(nfc('Viêt'));
    expect(applyModifier(nfc('Viêt'), 'circumflex')).toBe('Viet');
    expect(applyModifier('duong', 'horn')).toBe(nfc('dương'));
    expect(applyModifier(applyModifier('duong', 'horn'), 'stroke')).toBe(nfc('đương'));
    expect(applyModifier(nfc('đi'), 'stroke')).toBe('di');
    expect(applyModifier('hoac', 'breve')).toBe(nfc('hoăc'));
    expect(applyModifier('thuo', 'horn')).toBe(nfc('thuơ'));
    expect(applyModifier('huo', 'breve')).toBe('huo');
    expect(applyModifier(nfc('mưa'), 'horn')).toBe('mua');
    expect(applyModifier(nfc('tuấn'), 'circumflex')).toBe(nfc('tuán'));
  });
});

describe('invariants', () => {
  const keys = fc.array(fc.constantFrom(...'aăâeoudwsfrxjzngiyhtc ,.ASWDO1'), { maxLength: 30 });

  it('always returns NFC and never touches the text before the current word', () => {
    fc.assert(
      fc.property(keys, keys, (before, after) => {
        const head = applyKeys(`${before.join('')} `);
        const text = applyKeys(after.join(''), head);
        expect(text.normalize('NFC')).toBe(text);
        expect(text.startsWith(head)).toBe(true);
      }),
    );
  });
});
