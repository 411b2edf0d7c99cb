/**
 * Which responses count (docs/SIPAS.md): one set of counts with one
 * set of names, the same on every screen, in every export, in the upstream batch
 * (`totals`) and at the hub.
 *
 * - responses: every response stored, whatever became of it;
 * - counted:   every required rating given and not flagged: the index is computed from these alone;
 * - suspect:   every required rating given but flagged by the misuse filter: kept, shown, not in the index;
 * - abandoned: some required rating missing: kept, shown, not in the index.
 * So responses = counted + suspect + abandoned, always.
 */
export const responseCountNames = ['responses', 'counted', 'suspect', 'abandoned'] as const;
export type ResponseCountName = (typeof responseCountNames)[number];
export type ResponseCounts = Record<ResponseCountName, number>;

/** How one response enters the counts. */
export type ResponseKind = Exclude<ResponseCountName, 'responses'>;

/** Stored status: `completed` once every required rating is given (see requiredItems), else `abandoned`. */
export type ResponseStatus = 'completed' | 'abandoned';

export const responseKind = (status: ResponseStatus, flags: readonly string[]): ResponseKind =>
  status === 'abandoned' ? 'abandoned' : flags.length > 0 ? 'suspect' : 'counted';

export const emptyCounts = (): ResponseCounts => ({ responses: 0, counted: 0, suspect: 0, abandoned: 0 });

/** Counts from the three kinds; `responses` is their sum by definition, never stored on its own. */
export const countsOf = (kinds: Omit<ResponseCounts, 'responses'>): ResponseCounts => ({
  responses: kinds.counted + kinds.suspect + kinds.abandoned,
  counted: kinds.counted,
  suspect: kinds.suspect,
  abandoned: kinds.abandoned,
});

/** Responses left out of the index: suspect and abandoned (docs/SIPAS.md, "Which responses count"). */
export const excludedOf = (counts: Omit<ResponseCounts, 'responses' | 'counted'>): number =>
  counts.suspect + counts.abandoned;

export const addCounts = (a: ResponseCounts, b: ResponseCounts): ResponseCounts =>
  countsOf({ counted: a.counted + b.counted, suspect: a.suspect + b.suspect, abandoned: a.abandoned + b.abandoned });

/** Localised names of the counts, for every screen, export header and the hub page. */
export const RESPONSE_COUNT_LABELS: Record<'vi' | 'en', Record<ResponseCountName, string>> = {
  vi: { responses: 'Số phiếu', counted: 'Phiếu hợp lệ', suspect: 'Phiếu nghi vấn', abandoned: 'Phiếu bỏ dở' },
  en: { responses: 'Responses', counted: 'Counted', suspect: 'Suspect', abandoned: 'Abandoned' },
};
