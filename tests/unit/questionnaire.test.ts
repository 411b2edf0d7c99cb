import { describe, expect, it } from 'vitest';
import full from '../../assets/questionnaires/sipas-full.json';
import quick from '../../assets/questionnaires/sipas-quick.json';
import { formatZodError } from '../../src/contract/validation';
import { dimensionIds } from '../../src/domain/dimensions';
import { itemsOf, QuestionnaireSchema } from '../../src/domain/questionnaire';
import { scaleChoices, toFivePoint } from '../../src/domain/scale';

describe('shipped questionnaires', () => {
  it('sipas-quick asks one five-point question per dimension', () => {
    const questionnaire = QuestionnaireSchema.parse(quick);
    expect(questionnaire.dimensions.map((d) => d.id)).toEqual([...dimensionIds]);
    for (const dimension of questionnaire.dimensions) {
      expect(dimension.items).toHaveLength(1);
      expect(dimension.items[0]).toMatchObject({ id: dimension.id, scale: 5 });
    }
  });

  it('sipas-full lists the criteria under each dimension', () => {
    const questionnaire = QuestionnaireSchema.parse(full);
    expect(questionnaire.dimensions.map((d) => [d.id, d.items.length])).toEqual([
      ['access', 5],
      ['procedure', 4],
      ['officer', 6],
      ['result', 3],
      ['feedback', 3],
    ]);
    expect(itemsOf(questionnaire).every((item) => item.id.startsWith(`${item.id.split('.')[0]}.`))).toBe(true);
  });

  it('every text has Vietnamese with diacritics and English', () => {
    for (const file of [quick, full]) {
      const questionnaire = QuestionnaireSchema.parse(file);
      const texts = questionnaire.dimensions.flatMap((d) => [d.title, ...d.items.map((i) => i.text), ...d.reasons.map((r) => r.text)]);
      for (const text of texts) {
        expect(text.en).not.toBe(text.vi);
        expect(text.vi.normalize('NFC')).toBe(text.vi);
      }
      expect(texts.some((t) => /[ạảãàáâậầấẩẫăắằặẳẵêềếểễệôồốổỗộơờớởỡợưừứửữựđ]/i.test(t.vi))).toBe(true);
    }
  });
});

describe('questionnaire schema errors name the path', () => {
  const bad = structuredClone(quick) as Record<string, unknown> & { dimensions: Array<Record<string, unknown>> };

  it('a missing Vietnamese text', () => {
    const copy = structuredClone(bad);
    const items = copy.dimensions[2]?.items as Array<{ text: Record<string, unknown> }>;
    delete items[0]?.text.vi;
    const result = QuestionnaireSchema.safeParse(copy);
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodError(result.error)).toBe('dimensions[2].items[0].text.vi: required');
  });

  it('an item outside its dimension, a duplicate item and an unknown field', () => {
    const copy = structuredClone(bad);
    (copy.dimensions[0]?.items as Array<{ id: string }>)[0]!.id = 'officer';
    copy.colour = 'red';
    const result = QuestionnaireSchema.safeParse(copy);
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodError(result.error)).toContain('colour: unknown field');
    const refined = QuestionnaireSchema.safeParse({ ...copy, colour: undefined });
    expect(refined.success).toBe(false);
    if (!refined.success) {
      const message = formatZodError(refined.error);
      expect(message).toContain('dimensions[0].items[0].id: item officer must start with its dimension id access');
      expect(message).toContain('dimensions[2].items[0].id: duplicate item officer');
    }
  });

  it('a scale other than 3 or 5 points', () => {
    const copy = structuredClone(bad);
    (copy.dimensions[1]?.items as Array<Record<string, unknown>>)[0]!.scale = 7;
    const result = QuestionnaireSchema.safeParse(copy);
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodError(result.error)).toMatch(/^dimensions\[1\]\.items\[0\]\.scale: /);
  });
});

describe('scales', () => {
  it('labels the five points in Vietnamese and English', () => {
    expect(scaleChoices(5, 'vi').map((c) => c.label)).toEqual([
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    expect(scaleChoices(5, 'en')[4]?.label).toBe('Very satisfied');
  });

  it('maps a three-point answer to the five-point value with the same words', () => {
    expect(scaleChoices(3, 'vi').map((c) => [c.score, c.value5, c.label])).toEqual([
      [1, 2, 'Không hài lòng'],
      [2, 4, 'Hài lòng'],
      [3, 5, 'Rất hài lòng'],
    ]);
    expect(toFivePoint(2, 3)).toBe(4);
    expect(() => toFivePoint(4, 3)).toThrow(RangeError);
  });
});
