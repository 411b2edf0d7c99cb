import { dimensionIds } from '../../../src/domain/dimensions';

export type SeriesKey = 'sipas' | (typeof dimensionIds)[number];

/**
 * One colour and one dash pattern per line: every colour has at least 4.5:1
 * against white, and the dashes (also drawn in the legend) tell the lines
 * apart for anyone who cannot tell the colours apart.
 */
export const seriesStyle: Record<SeriesKey, { color: string; dash?: string; width: number }> = {
  sipas: { color: '#14171a', width: 4 },
  access: { color: '#0a4a8f', dash: '10 5', width: 2 },
  procedure: { color: '#9a4a12', dash: '3 4', width: 2 },
  officer: { color: '#1f6b2a', dash: '14 4 3 4', width: 2 },
  result: { color: '#6a1b9a', dash: '6 3', width: 2 },
  feedback: { color: '#a4161a', dash: '2 2', width: 2 },
};

export const seriesKeys: readonly SeriesKey[] = ['sipas', ...dimensionIds];

export const CHART_HEIGHT = 320;
