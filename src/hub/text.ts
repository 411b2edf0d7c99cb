import type { DimensionId } from '../domain/dimensions';

/**
 * The hub's words, Vietnamese first. Short headers for tables and the CSV; the
 * full names (the kiosk's locale) go in a title so the columns stay narrow.
 */
export const DIMENSION_SHORT: Record<DimensionId, string> = {
  access: 'Tiếp cận',
  procedure: 'Thủ tục',
  officer: 'Công chức',
  result: 'Kết quả',
  feedback: 'Góp ý',
};

export const DIMENSION_FULL: Record<DimensionId, string> = {
  access: 'Tiếp cận dịch vụ hành chính công',
  procedure: 'Thủ tục hành chính',
  officer: 'Công chức trực tiếp giải quyết công việc',
  result: 'Kết quả giải quyết thủ tục hành chính',
  feedback: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
};

const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('vi-VN');

/** 87,5 — one decimal, Vietnamese separators; a dash when there is nothing to score. */
export const formatIndex = (value: number | null): string => (value === null ? '–' : percent.format(value));
export const formatCount = (value: number): string => integer.format(value);
