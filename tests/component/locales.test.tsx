import { describe, expect, it } from 'vitest';
import adminEn from '../../assets/locales/admin.en.json';
import adminVi from '../../assets/locales/admin.vi.json';
import en from '../../assets/locales/en.json';
import staffEn from '../../assets/locales/staff.en.json';
import staffVi from '../../assets/locales/staff.vi.json';
import vi from '../../assets/locales/vi.json';
import { dimensionIds, dimensionName } from '../../src/domain/dimensions';

/** Leaf keys, with plural suffixes folded: Vietnamese has one plural form, English two. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? keysOf(value as object, `${prefix}${key}.`)
        : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
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

  it('names the five SIPAS dimensions as the method does, in src/domain/dimensions.ts', () => {
    expect(Object.fromEntries(dimensionIds.map((id) => [id, dimensionName(id, 'vi', 'long')]))).toEqual({
      access: 'Tiếp cận dịch vụ hành chính công',
      procedure: 'Thủ tục hành chính',
      officer: 'Công chức trực tiếp giải quyết công việc',
      result: 'Kết quả giải quyết thủ tục hành chính',
      feedback: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    });
  });

  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)('%s: a locale never names the dimensions otherwise than the domain does', (language, texts) => {
    // The `dimension.*` keys are on their way out (screens use DIMENSION_NAMES); while they exist, they are a copy.
    const names = (texts as { dimension?: Record<string, string> }).dimension;
    if (names)
      expect(names).toEqual(Object.fromEntries(dimensionIds.map((id) => [id, dimensionName(id, language, 'long')])));
  });

  it("no text hard-codes the commune's desk: the notice names the configured unit", () => {
    for (const texts of [vi, en, staffVi, staffEn, adminVi, adminEn])
      expect(JSON.stringify(texts)).not.toMatch(/Bộ phận Một cửa của xã|one-stop desk keeps|đã mã hoá/);
    expect(vi.kiosk.contact.notice).toContain('{{unit}}');
    expect(en.kiosk.contact.notice).toContain('{{unit}}');
  });
});
