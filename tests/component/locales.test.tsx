import { describe, expect, it } from 'vitest';
import adminEn from '../../assets/locales/admin.en.json';
import adminVi from '../../assets/locales/admin.vi.json';
import en from '../../assets/locales/en.json';
import staffEn from '../../assets/locales/staff.en.json';
import staffVi from '../../assets/locales/staff.vi.json';
import vi from '../../assets/locales/vi.json';

/** Leaf keys, with plural suffixes folded: Vietnamese has one plural form, English two. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
    )
    .filter((key, index, all) => all.indexOf(key) === index)
    .sort();
}

describe('locales', () => {
  it.each([
    ['kiosk and common', vi, en],
    ['staff', staffVi, staffEn],
    ['admin', adminVi, adminEn],
  ])('%s: the same keys in Vietnamese and English', (_part, viTexts, enTexts) => {
    expect(keysOf(enTexts)).toEqual(keysOf(viTexts));
  });

  it('names the five SIPAS dimensions as the method does', () => {
    expect(vi.dimension).toEqual({
      access: 'Tiếp cận dịch vụ hành chính công',
      procedure: 'Thủ tục hành chính',
      officer: 'Công chức trực tiếp giải quyết công việc',
      result: 'Kết quả giải quyết thủ tục hành chính',
      feedback: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    });
  });
});
