import { describe, expect, it } from 'vitest';
import { sectionsOf, totalOf } from '../../src/services/reportSections';

const quick = { id: 'sipas-quick', version: 1 };
const full = { id: 'sipas-full', version: 1 };
const fullV2 = { id: 'sipas-full', version: 2 };

describe('report sections: one per questionnaire version, never pooled', () => {
  it('scores each version apart: nine quick-form 2s and one full-form 5 give 0 % and 100 %, not 83.3 %', () => {
    const counts = [
      { questionnaire: quick, counted: 9, suspect: 0, abandoned: 1 },
      { questionnaire: full, counted: 1, suspect: 1, abandoned: 0 },
    ];
    const answers = [
      { questionnaire: quick, item: 'access', value: 2, count: 9 },
      ...['access.1', 'access.2', 'access.3', 'access.4'].map((item) => ({
        questionnaire: full,
        item,
        value: 5,
        count: 1,
      })),
    ];
    const sections = sectionsOf(counts, answers);
    expect(sections.map((s) => [s.questionnaire.id, s.score.index, s.score.coverage])).toEqual([
      ['sipas-full', 100, 1],
      ['sipas-quick', 0, 1],
    ]);
    expect(sections.map((s) => s.responses)).toEqual([
      { responses: 2, counted: 1, suspect: 1, abandoned: 0 },
      { responses: 10, counted: 9, suspect: 0, abandoned: 1 },
    ]);
    // Counts add up across versions; indices do not.
    expect(totalOf(counts)).toEqual({ responses: 12, counted: 10, suspect: 1, abandoned: 1 });
  });

  it('keeps a version with responses but no scored answer, and orders newest version first within an id', () => {
    const sections = sectionsOf(
      [
        { questionnaire: full, counted: 0, suspect: 0, abandoned: 2 },
        { questionnaire: fullV2, counted: 1, suspect: 0, abandoned: 0 },
      ],
      [{ questionnaire: fullV2, item: 'officer.1', value: 4, count: 1 }],
    );
    expect(sections.map((s) => [s.questionnaire.version, s.score.index, s.responses.responses])).toEqual([
      [2, 100, 1],
      [1, null, 2],
    ]);
    expect(sections[1]!.score.coverage).toBe(0);
    expect(totalOf([])).toEqual({ responses: 0, counted: 0, suspect: 0, abandoned: 0 });
  });
});
