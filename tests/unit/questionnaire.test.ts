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

  it('sipas-full asks the 22 criteria of the 2017 method, numbered within each dimension', () => {
    const questionnaire = QuestionnaireSchema.parse(full);
    expect(questionnaire.dimensions.map((d) => [d.id, d.items.map((item) => item.id)])).toEqual([
      ['access', ['access.1', 'access.2', 'access.3', 'access.4']],
      ['procedure', ['procedure.1', 'procedure.2', 'procedure.3', 'procedure.4', 'procedure.5']],
      ['officer', ['officer.1', 'officer.2', 'officer.3', 'officer.4', 'officer.5', 'officer.6']],
      ['result', ['result.1', 'result.2', 'result.3']],
      ['feedback', ['feedback.1', 'feedback.2', 'feedback.3', 'feedback.4']],
    ]);
    expect(itemsOf(questionnaire)).toHaveLength(22);
    // Only the feedback items offer "Không ý kiến": they apply to citizens who gave feedback before.
    expect(
      itemsOf(questionnaire)
        .filter((item) => item.optional)
        .map((item) => item.id),
    ).toEqual(['feedback.1', 'feedback.2', 'feedback.3', 'feedback.4']);
    expect(itemsOf(questionnaire).every((item) => item.scale === 5)).toBe(true);
  });

  it("every question is asked in the citizen's words, about satisfaction, like the five-point scale", () => {
    for (const file of [quick, full]) {
      for (const item of itemsOf(QuestionnaireSchema.parse(file))) {
        expect(item.text.vi).toMatch(/^Ông\/Bà hài lòng thế nào (về|với) .+\?$/);
        expect(item.text.en).toMatch(/^How satisfied are you .+\?$/);
      }
    }
  });

  it('every text has Vietnamese with diacritics and English', () => {
    for (const file of [quick, full]) {
      const questionnaire = QuestionnaireSchema.parse(file);
      const texts = questionnaire.dimensions.flatMap((d) => [
        d.title,
        ...d.items.map((i) => i.text),
        ...d.reasons.map((r) => r.text),
      ]);
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

  it('a dimension weight, naming the field: SIPAS uses equal weights', () => {
    const copy = structuredClone(bad);
    copy.dimensions[0]!.weight = 1;
    const result = QuestionnaireSchema.safeParse(copy);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(formatZodError(result.error)).toBe(
        'dimensions[0].weight: SIPAS dimensions have equal weights; remove this field',
      );
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
