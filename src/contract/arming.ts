import { z } from 'zod';
import { VisitPurposeSchema } from '../domain/visitSchema';
import { EmptyInput } from './schemas';
import { operation } from './operation';
import { ResponseContextSchema } from './survey';

const NamedCode = z.object({ code: z.string(), name: z.string() });

export const ArmedContextView = z
  .object({
    armId: z.uuid(),
    expiresAt: z.string(),
    officer: NamedCode.nullable(),
    counter: NamedCode.nullable(),
    field: NamedCode.nullable(),
    /** The case code itself stays in the host; the kiosk only learns there is one. */
    hasCaseCode: z.boolean(),
    /** Why the citizen came: decides which items the kiosk asks (null: not given, as unarmed). */
    purpose: VisitPurposeSchema.nullable(),
  })
  .nullable();

/** An armed context that ran out before any response rated: staff are told, so the rating can be sought another way. */
export const LapsedArming = z.object({
  armId: z.uuid(),
  /** The case code staff typed or scanned; staff see it, the kiosk never does. */
  caseCode: z.string().nullable(),
  officer: NamedCode.nullable(),
  counter: NamedCode.nullable(),
  field: NamedCode.nullable(),
  purpose: VisitPurposeSchema.nullable(),
  armedAt: z.string(),
  expiredAt: z.string(),
});

/** The next response's context, and why the citizen came (nộp hồ sơ / nhận kết quả / hỏi thông tin). */
export const ArmKioskInput = ResponseContextSchema.extend({ purpose: VisitPurposeSchema.optional() }).refine(
  (c) => Object.values(c).some((v) => v !== undefined),
  'give at least one of caseCode, counter, officer, field, purpose',
);

export const armingOperations = {
  listDesks: operation({
    role: 'staff',
    summary: 'Counters, procedure fields and officers, to pick a context from.',
    input: EmptyInput,
    output: z.object({ counters: z.array(NamedCode), fields: z.array(NamedCode), officers: z.array(NamedCode) }),
  }),
  armKiosk: operation({
    role: 'staff',
    summary:
      'Sets the context (case, counter, officer, field, purpose) of the next response; lasts one response, or lapses after the armedMinutes setting.',
    input: ArmKioskInput,
    output: z.object({ armId: z.uuid(), expiresAt: z.string() }),
  }),
  disarmKiosk: operation({
    role: 'staff',
    summary: 'Clears the armed context.',
    input: EmptyInput,
    output: z.object({ disarmed: z.literal(true) }),
  }),
  listLapsedArmings: operation({
    role: 'staff',
    summary: 'Armed contexts that lapsed unused (no response rated), until dismissed.',
    input: EmptyInput,
    output: z.array(LapsedArming),
  }),
  dismissLapsedArming: operation({
    role: 'staff',
    summary: 'Removes one lapsed arming from the notice on Today.',
    input: z.object({ armId: z.uuid() }),
    output: z.object({ dismissed: z.literal(true) }),
  }),
  getArmedContext: operation({
    role: 'citizen',
    summary: 'The context the kiosk shows the next citizen, or null.',
    input: EmptyInput,
    output: ArmedContextView,
  }),
};
