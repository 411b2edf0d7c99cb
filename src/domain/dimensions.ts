/** The five SIPAS dimensions (yếu tố), stable since QĐ 2640/QĐ-BNV (2017). */
export const dimensionIds = ['access', 'procedure', 'officer', 'result', 'feedback'] as const;
export type DimensionId = (typeof dimensionIds)[number];

/**
 * Item ids are the dimension id ("access") or the dimension id and a criterion
 * number ("access.1"), as the sync protocol names them; so the dimension of an
 * answer can be read from its item id alone, across questionnaire versions.
 */
export const ITEM_ID_PATTERN = /^(access|procedure|officer|result|feedback)(\.[1-9]\d?)?$/;

export function dimensionOfItem(itemId: string): DimensionId {
  const head = itemId.split('.')[0];
  const found = dimensionIds.find((id) => id === head);
  if (!found) throw new RangeError(`item id ${itemId} names no SIPAS dimension`);
  return found;
}
