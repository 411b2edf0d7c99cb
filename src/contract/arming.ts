import { z } from 'zod';
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
  })
  .nullable();

export const armingOperations = {
  listDesks: operation({
    role: 'staff',
    summary: 'Counters, procedure fields and officers, to pick a context from.',
    input: EmptyInput,
    output: z.object({ counters: z.array(NamedCode), fields: z.array(NamedCode), officers: z.array(NamedCode) }),
  }),
  armKiosk: operation({
    role: 'staff',
    summary: 'Sets the context (case, counter, officer, field) of the next response; lasts 10 minutes or one response.',
    input: ResponseContextSchema.refine((c) => Object.values(c).some((v) => v !== undefined), 'give at least one of caseCode, counter, officer, field'),
    output: z.object({ armId: z.uuid(), expiresAt: z.string() }),
  }),
  disarmKiosk: operation({
    role: 'staff',
    summary: 'Clears the armed context.',
    input: EmptyInput,
    output: z.object({ disarmed: z.literal(true) }),
  }),
  getArmedContext: operation({
    role: 'citizen',
    summary: 'The context the kiosk shows the next citizen, or null.',
    input: EmptyInput,
    output: ArmedContextView,
  }),
};
