import { createContext, useContext, type ReactNode } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/operations';
import type { Formatters } from './format';

export type Desks = OutputOf<'listDesks'>;
export type KioskSetup = OutputOf<'getKioskSetup'>;
export type SignInResult = OutputOf<'signIn'>;

/** Calls made with the session's rights; an `unauthenticated` answer ends the session. */
export type StaffCall = <K extends OperationName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>;

export interface LiveStatus {
  /** Moves whenever a response is stored; null until the first poll answered. */
  revision: number | null;
  /** Submissions the host keeps retrying to store; null until the first poll answered. */
  pendingWrites: number | null;
}

export interface StaffContextValue {
  session: SignInResult;
  call: StaffCall;
  format: Formatters;
  live: LiveStatus;
  /** Counters, fields and officers, to name codes and fill the selects; null while loading. */
  desks: Desks | null;
  /** The active questionnaire (item and reason texts) and the unit's name; null while loading. */
  setup: KioskSetup | null;
}

const StaffContext = createContext<StaffContextValue | null>(null);

export function StaffProvider({ value, children }: { value: StaffContextValue; children: ReactNode }) {
  return <StaffContext value={value}>{children}</StaffContext>;
}

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff() needs a <StaffProvider> above it');
  return value;
}

/** The name of a counter, field or officer code; '' or null is "not recorded". */
export function nameOf(
  list: ReadonlyArray<{ code: string; name: string }> | undefined,
  code: string | null,
): string | null {
  if (code === null || code === '') return null;
  return list?.find((entry) => entry.code === code)?.name ?? code;
}
