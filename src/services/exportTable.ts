import { DIMENSION_COUNT, dimensionIds, dimensionName } from '../domain/dimensions';
import { itemsOf, type Questionnaire } from '../domain/questionnaire';
import { RESPONSE_COUNT_LABELS, responseCountNames } from '../domain/responseCounts';
import type { SipasScore } from '../domain/scoring';
import type { Cell, ExportColumn, ExportRow } from './exportPorts';
import type { ResponseCounts } from './ports';

/**
 * How a batch looks as a table (CSV and the XLSX responses sheet) and as JSON
 * lines. Pure, so the encoders in src/app only move bytes.
 *
 * An item answered "Không ý kiến" (no opinion) is written as KYK, an item not
 * answered at all as an empty cell: the two mean different things to whoever
 * reads the batch, and an empty cell alone could not tell them apart.
 */
export const NO_OPINION = 'KYK';
export const EXPORT_SCHEMA = 'sipas.export.v1';
/** A worksheet has 1,048,576 rows; one is the header. */
export const XLSX_MAX_RESPONSES = 1_048_575;
/** The first cell of the summary's table header (the XLSX encoder sets it bold). */
export const SUMMARY_TABLE_HEADER = 'Yếu tố';

/**
 * Text a spreadsheet could run as a formula (=, +, -, @) or that Excel strips
 * before looking (tab, CR) gets a leading apostrophe (OWASP "CSV injection").
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const cell = (value: string | number | null): Cell => (typeof value === 'string' ? neutralise(value) : value);

const BASE_COLUMNS: ExportColumn[] = [
  'response_id',
  'local_day',
  'submitted_at',
  'questionnaire_id',
  'questionnaire_version',
  'language',
  'status',
  'flags',
  'counter',
  'officer',
  'field',
].map((key) => ({ key, header: key }));
const PERSONAL_COLUMNS: ExportColumn[] = ['phone', 'consent_version', 'consent_at', 'case_code_hash'].map((key) => ({
  key,
  header: key,
}));

const itemKey = (item: string, points: number) => `${item}/${points}`;

export interface ExportLayout {
  columns: ExportColumn[];
  toCells(row: ExportRow): Cell[];
  toJson(row: ExportRow): string;
}

/**
 * One column per item of the questionnaires the batch answered, in the order they
 * are asked, headed `item:<id>` (the quick form's item "officer" must not be taken
 * for the officer code). An item that changed scale between versions gets one
 * column per scale, `item:<id> [1-3]`, so a 3 on three points is never read as a
 * 3 on five.
 */
export function exportLayout(questionnaires: readonly Questionnaire[], personal: boolean): ExportLayout {
  const items = new Map<string, ExportColumn>();
  for (const questionnaire of questionnaires) {
    for (const item of itemsOf(questionnaire)) {
      const key = itemKey(item.id, item.scale);
      if (!items.has(key))
        items.set(key, { key, header: item.scale === 5 ? `item:${item.id}` : `item:${item.id} [1-${item.scale}]` });
    }
  }
  const itemOrder = [...items.keys()];
  const columns = [
    ...BASE_COLUMNS,
    ...items.values(),
    { key: 'reasons', header: 'reasons' },
    { key: 'comment', header: 'comment' },
  ];
  if (personal) columns.push(...PERSONAL_COLUMNS);

  function toCells(row: ExportRow): Cell[] {
    const scores = new Map(row.answers.map((a) => [itemKey(a.item, a.points), a.score ?? NO_OPINION]));
    const cells: Cell[] = [
      row.id,
      row.localDay,
      row.submittedAt,
      row.questionnaire.id,
      row.questionnaire.version,
      row.language,
      row.status,
      row.flags.join(';') || null,
      row.counter,
      row.officer,
      row.field,
      ...itemOrder.map((key) => scores.get(key) ?? null),
      row.reasons.map((r) => `${r.dimension}:${r.reason}`).join('; ') || null,
      row.comment,
    ];
    if (personal) {
      const p = row.personal;
      cells.push(p?.phone ?? null, p?.consentVersion ?? null, p?.consentAt ?? null, p?.caseCodeHash ?? null);
    }
    return cells.map(cell);
  }

  // JSON is data, not a spreadsheet: no apostrophes, nulls stay null.
  function toJson(row: ExportRow): string {
    return JSON.stringify({
      id: row.id,
      day: row.localDay,
      submittedAt: row.submittedAt,
      questionnaire: row.questionnaire,
      language: row.language,
      status: row.status,
      flags: row.flags,
      counter: row.counter,
      officer: row.officer,
      field: row.field,
      answers: row.answers.map(({ item, points, score }) => ({ item, points, score })),
      reasons: row.reasons,
      comment: row.comment,
      ...(personal ? { personal: row.personal ?? null } : {}),
    });
  }

  return { columns, toCells, toJson };
}

/** One CSV record (RFC 4180): quoted only when it must be, CRLF at the end. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells
    .map((value) => {
      if (value === null) return '';
      const text = String(value);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',')}\r\n`;
}

export interface BatchHeader {
  id: string;
  createdAt: string;
  createdBy: string;
  from: string;
  to: string;
  responses: number;
  personalData: boolean;
}

/** A questionnaire version as a Vietnamese report names it. */
export function questionnaireLabel(q: { id: string; version: number; title: { vi: string } | null }): string {
  return q.title
    ? `Bảng hỏi: ${q.title.vi} (${q.id}, phiên bản ${q.version})`
    : `Bảng hỏi ${q.id}, phiên bản ${q.version}`;
}

/** "4/5 yếu tố": how many dimensions a SIPAS figure is the mean of. */
export const coverageLabel = (coverage: number): string => `${coverage}/${DIMENSION_COUNT} yếu tố`;

/** The SIPAS row's label, saying so when the figure covers fewer than five dimensions. */
export const sipasLabel = (coverage: number): string =>
  coverage < DIMENSION_COUNT ? `Chỉ số SIPAS (${coverageLabel(coverage)})` : 'Chỉ số SIPAS';

/** One questionnaire version's part of the summary. */
export interface SummarySection {
  questionnaire: { id: string; version: number; title: { vi: string } | null };
  responses: ResponseCounts;
  score: SipasScore;
}

const countCells = (counts: ResponseCounts): Cell[] =>
  responseCountNames.flatMap((name) => [RESPONSE_COUNT_LABELS.vi[name], counts[name]]);

/**
 * The "Tổng hợp" sheet: the batch and its counts, then one block per questionnaire
 * version with the index per dimension. No SIPAS is pooled across versions; the
 * dimension names are the method's (src/domain/dimensions.ts).
 */
export function summaryRows(batch: BatchHeader, counts: ResponseCounts, sections: readonly SummarySection[]): Cell[][] {
  const figures = (s: {
    index: number | null;
    mean: number | null;
    answers: number;
    distribution: readonly number[];
  }): Cell[] => [s.index, s.mean, s.answers, ...s.distribution];
  const empty = { index: null, mean: null, answers: 0, distribution: [0, 0, 0, 0, 0] };
  const rows: Cell[][] = [
    ['Đợt xuất dữ liệu', batch.id],
    ['Từ ngày', batch.from],
    ['Đến ngày', batch.to],
    ['Tạo lúc', batch.createdAt],
    ['Người tạo', batch.createdBy],
    ['Có dữ liệu cá nhân', batch.personalData ? 'có' : 'không'],
    [],
    ...responseCountNames.map((name): Cell[] => [RESPONSE_COUNT_LABELS.vi[name], counts[name]]),
  ];
  for (const { questionnaire, responses, score } of sections) {
    rows.push(
      [],
      [questionnaireLabel(questionnaire)],
      ['Phiếu của bảng hỏi này', ...countCells(responses)],
      [
        SUMMARY_TABLE_HEADER,
        'Chỉ số hài lòng (%)',
        'Điểm trung bình',
        'Số câu trả lời hợp lệ',
        'Điểm 1',
        'Điểm 2',
        'Điểm 3',
        'Điểm 4',
        'Điểm 5',
      ],
      [sipasLabel(score.coverage), ...figures(score)],
      ...dimensionIds.map((id) => [
        dimensionName(id, 'vi', 'long'),
        ...figures(score.dimensions.find((d) => d.dimension === id) ?? empty),
      ]),
    );
  }
  rows.push(
    [],
    [
      'Ghi chú',
      `${NO_OPINION} = Không ý kiến; ô trống = không trả lời. Câu 3 mức được quy về thang 5 điểm khi tính chỉ số. Chỉ số tính riêng cho từng phiên bản bảng hỏi.`,
    ],
  );
  return rows.map((row) => row.map(cell));
}
