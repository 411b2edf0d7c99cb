import { DIMENSION_COUNT, dimensionName, type DimensionId } from '../domain/dimensions';
import { RESPONSE_COUNT_LABELS, type ResponseCountName } from '../domain/responseCounts';
import type { QuestionnaireRef } from '../domain/scoring';
import type { NotRankedReason } from './report';

/**
 * The hub's words, Vietnamese. Dimension names and count names come from their
 * one source in src/domain, so the page, the CSV and the kiosk say the same thing:
 * the short form for headers, the long one in a title.
 */
export const dimensionShort = (id: DimensionId): string => dimensionName(id, 'vi', 'short');
export const dimensionLong = (id: DimensionId): string => dimensionName(id, 'vi', 'long');
export const countLabel = (name: ResponseCountName): string => RESPONSE_COUNT_LABELS.vi[name];

export const NOT_RANKED_TITLE = 'Chưa đủ mẫu';

export const questionnaireTitle = (q: QuestionnaireRef): string => `Bộ câu hỏi ${q.id}, phiên bản ${q.version}`;

/** How the all-units row is computed, said wherever it is shown. */
export const allUnitsLabel = (units: number): string =>
  `Bình quân ${units} đơn vị được xếp hạng (trung bình cộng chỉ số các đơn vị, không gộp phiếu)`;

export function notRankedReason(reason: NotRankedReason, coverage: number, counted: number, minSample: number): string {
  return reason === 'partial'
    ? `Chưa đủ mẫu: chỉ có ${coverage}/${DIMENSION_COUNT} yếu tố`
    : `Chưa đủ mẫu: ${counted} ${countLabel('counted').toLowerCase()}, cần ít nhất ${minSample}`;
}

/**
 * Vietnamese number writing (as Intl.NumberFormat('vi-VN') writes it: a decimal
 * comma, a dot between thousands) done by hand: the national page formats tens of
 * thousands of cells, and Intl's format costs microseconds each. Like Intl, an index
 * is rounded half up from its shortest decimal form (0.15 → 0,2, where toFixed
 * would give 0.1); tests/unit/hubText.test.ts holds the two equal.
 */
const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 87,5 — one decimal, Vietnamese separators; a dash when there is nothing to score. */
export function formatIndex(value: number | null): string {
  if (value === null) return '–';
  const decimal = String(Math.abs(value));
  if (decimal.includes('e')) return formatIndexSlow(value);
  const [whole = '0', fraction = ''] = decimal.split('.');
  const tenths = Number(whole) * 10 + Number(fraction[0] ?? '0') + (Number(fraction[1] ?? '0') >= 5 ? 1 : 0);
  const sign = value < 0 && tenths !== 0 ? '-' : '';
  return `${sign}${groupThousands(String(Math.floor(tenths / 10)))},${tenths % 10}`;
}
const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Numbers written with an exponent (below 1e-6 or beyond 1e21) are rare enough for Intl. */
const formatIndexSlow = (value: number) => percent.format(value);

export function formatCount(value: number): string {
  const rounded = Math.round(Math.abs(value));
  return `${value < 0 && rounded !== 0 ? '-' : ''}${groupThousands(String(rounded))}`;
}

/** A SIPAS figure over fewer than five dimensions says so: "72,5 (4/5 yếu tố)". */
export const formatSipas = (value: number | null, coverage: number): string =>
  value === null
    ? '–'
    : coverage < DIMENSION_COUNT
      ? `${formatIndex(value)} (${coverage}/${DIMENSION_COUNT} yếu tố)`
      : formatIndex(value);
