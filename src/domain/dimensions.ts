import type { Language } from './language';

/** The five SIPAS dimensions (yếu tố), stable since QĐ 2640/QĐ-BNV (2017). */
export const dimensionIds = ['access', 'procedure', 'officer', 'result', 'feedback'] as const;
export type DimensionId = (typeof dimensionIds)[number];

export const DIMENSION_COUNT = dimensionIds.length;

/**
 * Item ids are the dimension id ("access") or the dimension id and a criterion
 * number ("access.1"), as the sync protocol names them; so the dimension of an
 * answer can be read from its item id alone, across questionnaire versions.
 */
export const ITEM_ID_PATTERN = /^(access|procedure|officer|result|feedback)(\.[1-9]\d?)?$/;

export function dimensionOfItem(itemId: string): DimensionId {
  const dot = itemId.indexOf('.');
  const head = dot < 0 ? itemId : itemId.slice(0, dot);
  const found = dimensionIds.find((id) => id === head);
  if (!found) throw new RangeError(`item id ${itemId} names no SIPAS dimension`);
  return found;
}

export interface DimensionName {
  /** For table headers and charts: "Công chức". */
  short: string;
  /** The method's own name: "Công chức trực tiếp giải quyết công việc". */
  long: string;
}

/**
 * The one source of the dimensions' names, short and long, used by the kiosk, the
 * staff and admin screens, exports, the periodic report and the hub. The long
 * forms are the names of the 2017 method (QĐ 2640/QĐ-BNV); a questionnaire's own
 * dimension titles are what the citizen reads, these are what reports print.
 */
export const DIMENSION_NAMES: Record<Language, Record<DimensionId, DimensionName>> = {
  vi: {
    access: { short: 'Tiếp cận dịch vụ', long: 'Tiếp cận dịch vụ hành chính công' },
    procedure: { short: 'Thủ tục hành chính', long: 'Thủ tục hành chính' },
    officer: { short: 'Công chức', long: 'Công chức trực tiếp giải quyết công việc' },
    result: { short: 'Kết quả giải quyết', long: 'Kết quả giải quyết thủ tục hành chính' },
    feedback: { short: 'Góp ý, phản ánh', long: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị' },
  },
  en: {
    access: { short: 'Access', long: 'Access to public administrative services' },
    procedure: { short: 'Procedures', long: 'Administrative procedures' },
    officer: { short: 'Officers', long: 'Officers handling the case' },
    result: { short: 'Results', long: 'Results of the procedure' },
    feedback: { short: 'Feedback', long: 'Receiving and handling suggestions, feedback and petitions' },
  },
};

export const dimensionName = (id: DimensionId, language: Language, form: keyof DimensionName = 'short'): string =>
  DIMENSION_NAMES[language][id][form];
