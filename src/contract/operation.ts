import type { z } from 'zod';

/** Who may call an operation. Each role includes the ones before it. */
export const roles = ['citizen', 'staff', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleAllows = (held: Role, required: Role): boolean => roles.indexOf(held) >= roles.indexOf(required);

export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  role: Role;
  input: I;
  output: O;
  /** One line for people reading the table. */
  summary: string;
  /**
   * A poll a screen makes on its own (not a person acting): it does not keep the
   * session alive, so an unattended dashboard still signs out after its idle time.
   */
  passive?: boolean;
}

/** Declares one row of the operation table, keeping its zod types. */
export const operation = <I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>) => spec;
