import { describe, expect, it } from 'vitest';
import en from '../../assets/locales/en.json';
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
  it('has the same keys in Vietnamese and English', () => {
    expect(keysOf(en)).toEqual(keysOf(vi));
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
