import type { InputOf } from '../../../src/contract/operations';
import { isLocalDay } from '../../../src/domain/localDay';

export const periodModes = ['range', 'day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodMode = (typeof periodModes)[number];

/** The report form as typed: strings straight from the inputs. */
export interface ReportForm {
  mode: PeriodMode;
  from: string;
  to: string;
  /** The day whose week, month, quarter or year is reported. */
  of: string;
  counter: string;
  officer: string;
  field: string;
  /** '' for every version, else "id@version". */
  questionnaire: string;
  includeSuspect: boolean;
  includeAbandoned: boolean;
}

export type FormProblem = 'staff.report.badRange' | 'staff.report.badDay';
export type ReportRequest = InputOf<'periodReport'>;

/** This month so far: what a desk usually looks at first. */
export function initialForm(today: string): ReportForm {
  return {
    mode: 'month',
    from: `${today.slice(0, 8)}01`,
    to: today,
    of: today,
    counter: '',
    officer: '',
    field: '',
    questionnaire: '',
    includeSuspect: false,
    includeAbandoned: false,
  };
}

export const questionnaireValue = (ref: { id: string; version: number }) => `${ref.id}@${ref.version}`;

function questionnaireRef(value: string): { id: string; version: number } | null {
  const at = value.lastIndexOf('@');
  const version = Number(value.slice(at + 1));
  return at > 0 && Number.isInteger(version) && version > 0 ? { id: value.slice(0, at), version } : null;
}

/** The host request for a form, or what is wrong with it (checked here to say so in the UI language). */
export function reportRequest(form: ReportForm): { request: ReportRequest } | { problem: FormProblem } {
  let period: ReportRequest['period'];
  if (form.mode === 'range') {
    if (!isLocalDay(form.from) || !isLocalDay(form.to) || form.from > form.to)
      return { problem: 'staff.report.badRange' };
    period = { from: form.from, to: form.to };
  } else {
    if (!isLocalDay(form.of)) return { problem: 'staff.report.badDay' };
    period = { kind: form.mode, of: form.of };
  }
  const questionnaire = questionnaireRef(form.questionnaire);
  return {
    request: {
      period,
      filter: {
        ...(form.counter ? { counter: form.counter } : {}),
        ...(form.officer ? { officer: form.officer } : {}),
        ...(form.field ? { field: form.field } : {}),
        ...(questionnaire ? { questionnaire } : {}),
        includeSuspect: form.includeSuspect,
        includeAbandoned: form.includeAbandoned,
      },
    },
  };
}
