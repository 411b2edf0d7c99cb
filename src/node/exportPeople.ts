import { localIsoString, VIETNAM_OFFSET_MINUTES } from '../domain/localDay';
import { itemsOf, type Questionnaire } from '../domain/questionnaire';
import { RESPONSE_COUNT_LABELS, responseKind } from '../domain/responseCounts';
import type { ExportRow } from '../services/exportPorts';
import type { NamedCode, QuestionnaireRef } from '../services/ports';

/**
 * The responses sheet of the XLSX as people read it (the CSV and JSON stay for
 * machines): Vietnamese headers, names beside codes, local dates and times as real
 * spreadsheet dates, "Không ý kiến" in words. Cells are typed, so text needs no
 * formula guard: a comment starting with "=" is text and stays exactly as typed.
 */
export type PeopleCell = string | number | Date | null;

export interface PeopleColumn {
  header: string;
  width: number;
  /** A spreadsheet number format for the column's cells. */
  numFmt?: string;
  /** Its text is a few labels said again and again (names, kinds): written once, as shared strings. */
  repeats?: true;
}

export interface PeopleNames {
  counter(code: string): NamedCode | null;
  officer(code: string): NamedCode | null;
  field(code: string): NamedCode | null;
}

export interface PeopleSources {
  names: PeopleNames;
  questionnaire(ref: QuestionnaireRef): Questionnaire | null;
}

export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const NO_OPINION_TEXT = 'Không ý kiến';

const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;

/**
 * A spreadsheet date has no time zone: it is the wall clock. The instant is moved
 * to Vietnam's wall clock so that 19:26 UTC on 01/12 reads 02:26 on 02/12.
 */
export const wallClockDate = (iso: string): Date => new Date(Date.parse(iso) + OFFSET_MS);
export const calendarDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** The CSV's times: ISO 8601 with the +07:00 offset, one stable form for machines. */
export const localIso = (iso: string): string => localIsoString(Date.parse(iso));

const LANGUAGE_NAMES: Record<string, string> = { vi: 'Tiếng Việt', en: 'Tiếng Anh' };

const itemKey = (item: string, points: number) => `${item}/${points}`;

/**
 * One look-up per code for the whole export: a desk has a handful of counters,
 * officers and fields, and asking the database three times per response was a
 * quarter of a 1,000,000-response XLSX export. It also keeps every row of one file
 * naming a code alike, should a name be edited while the export runs.
 */
function remembered(lookUp: (code: string) => NamedCode | null): (code: string) => string | null {
  const names = new Map<string, string | null>();
  return (code) => {
    let name = names.get(code);
    if (name === undefined) {
      name = lookUp(code)?.name ?? null;
      names.set(code, name);
    }
    return name;
  };
}

/** The columns and cells of the responses sheet for a batch of these questionnaire versions. */
export function peopleLayout(
  refs: readonly QuestionnaireRef[],
  personal: boolean,
  { names, questionnaire }: PeopleSources,
) {
  const questionnaires = refs.map((ref) => questionnaire(ref)).filter((q): q is Questionnaire => q !== null);
  const items = new Map<string, PeopleColumn>();
  const reasons = new Map<string, string>();
  for (const q of questionnaires) {
    for (const item of itemsOf(q)) {
      const key = itemKey(item.id, item.scale);
      const scale = item.scale === 5 ? '' : `, thang ${item.scale}`;
      // Numbers, or "Không ý kiến" in words.
      if (!items.has(key)) items.set(key, { header: `${item.text.vi} (${item.id}${scale})`, width: 18, repeats: true });
    }
    for (const d of q.dimensions)
      for (const r of d.reasons ?? []) if (!reasons.has(`${d.id}:${r.id}`)) reasons.set(`${d.id}:${r.id}`, r.text.vi);
  }
  const itemOrder = [...items.keys()];
  const titleOf = new Map(questionnaires.map((q) => [`${q.id}@${q.version}`, q.title.vi]));
  const itemColumn = new Map(itemOrder.map((key, i) => [key, i]));
  const questionnaireNames = new Map<string, string>();
  const questionnaireName = ({ id, version }: QuestionnaireRef) => {
    const ref = `${id}@${version}`;
    let name = questionnaireNames.get(ref);
    if (name === undefined) {
      const title = titleOf.get(ref);
      name = title ? `${title} (${id}, phiên bản ${version})` : ref;
      questionnaireNames.set(ref, name);
    }
    return name;
  };
  const statusLabels = RESPONSE_COUNT_LABELS.vi;
  const counterName = remembered((code) => names.counter(code));
  const officerName = remembered((code) => names.officer(code));
  const fieldName = remembered((code) => names.field(code));

  const columns: PeopleColumn[] = [
    { header: 'Mã phiếu', width: 38 },
    { header: 'Ngày', width: 12, numFmt: DATE_FORMAT },
    { header: 'Thời điểm gửi', width: 17, numFmt: DATE_TIME_FORMAT },
    { header: 'Bộ câu hỏi', width: 28, repeats: true },
    { header: 'Ngôn ngữ', width: 12, repeats: true },
    { header: 'Loại phiếu', width: 16, repeats: true },
    { header: 'Dấu hiệu nghi vấn', width: 18, repeats: true },
    { header: 'Mã quầy', width: 10, repeats: true },
    { header: 'Tên quầy', width: 22, repeats: true },
    { header: 'Mã cán bộ', width: 11, repeats: true },
    { header: 'Tên cán bộ', width: 24, repeats: true },
    { header: 'Mã lĩnh vực', width: 12, repeats: true },
    { header: 'Tên lĩnh vực', width: 24, repeats: true },
    ...items.values(),
    { header: 'Lý do chưa hài lòng', width: 40, repeats: true },
    { header: 'Góp ý', width: 50 },
  ];
  if (personal) {
    columns.push(
      { header: 'Số điện thoại', width: 15 },
      { header: 'Phiên bản nội dung đồng ý', width: 16 },
      { header: 'Thời điểm đồng ý', width: 17, numFmt: DATE_TIME_FORMAT },
      { header: 'Mã hồ sơ (đã mã hoá)', width: 40 },
    );
  }

  function toCells(row: ExportRow): PeopleCell[] {
    const scores: PeopleCell[] = itemOrder.map(() => null);
    for (const a of row.answers) {
      const at = itemColumn.get(itemKey(a.item, a.points));
      if (at !== undefined) scores[at] = a.score ?? NO_OPINION_TEXT;
    }
    const cells: PeopleCell[] = [
      row.id,
      calendarDate(row.localDay),
      wallClockDate(row.submittedAt),
      questionnaireName(row.questionnaire),
      LANGUAGE_NAMES[row.language] ?? row.language,
      statusLabels[responseKind(row.status, row.flags)],
      row.flags.join('; ') || null,
      row.counter,
      row.counter ? counterName(row.counter) : null,
      row.officer,
      row.officer ? officerName(row.officer) : null,
      row.field,
      row.field ? fieldName(row.field) : null,
      ...scores,
      row.reasons.map((r) => reasons.get(`${r.dimension}:${r.reason}`) ?? `${r.dimension}:${r.reason}`).join('; ') ||
        null,
      row.comment,
    ];
    if (personal) {
      const p = row.personal;
      cells.push(
        p?.phone ?? null,
        p?.consentVersion ?? null,
        p?.consentAt ? wallClockDate(p.consentAt) : null,
        p?.caseCodeHash ?? null,
      );
    }
    return cells;
  }

  return { columns, toCells };
}
