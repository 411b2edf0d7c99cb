import { z } from 'zod';
import { CodeSchema, EmptyInput } from './schemas';
import { operation } from './operation';

const Name = z.string().trim().min(1).max(120);
const Pin = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');

export const OfficerView = z.object({
  code: z.string(),
  name: z.string(),
  role: z.enum(['staff', 'admin']),
  counter: z.string().nullable(),
  active: z.boolean(),
  photo: z.string().nullable(),
  /** Desk head (trưởng bộ phận): may resolve feedback about the other officers. */
  deskHead: z.boolean().optional(),
});

const NamedActive = z.object({ code: z.string(), name: z.string(), active: z.boolean() });

/** A small photo as a data: URL, shown to citizens when the officer's kiosk is armed. */
const Photo = z
  .string()
  .max(300_000, 'at most about 200 KB')
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'a PNG, JPEG or WebP image as a data: URL');

export const QuestionnaireSummary = z.object({
  id: z.string(),
  version: z.int(),
  title: z.object({ vi: z.string(), en: z.string() }),
  createdAt: z.string(),
  active: z.boolean(),
  responses: z.int(),
});

export const adminOperations = {
  setupStatus: operation({
    role: 'citizen',
    summary: 'Whether an administrator exists yet (the first run asks to create one).',
    input: EmptyInput,
    output: z.object({ hasAdmin: z.boolean() }),
  }),
  createFirstAdmin: operation({
    role: 'citizen',
    summary: 'Creates the first administrator; only once, and only from the machine itself.',
    input: z.object({ code: CodeSchema, name: Name, pin: Pin }).strict(),
    output: z.object({ code: z.string(), name: z.string() }),
  }),
  getUnitSetup: operation({
    role: 'admin',
    summary: 'Counters, procedure fields and officers as the administrator edits them.',
    input: EmptyInput,
    output: z.object({ counters: z.array(NamedActive), fields: z.array(NamedActive), officers: z.array(OfficerView) }),
  }),
  saveCounter: operation({
    role: 'admin',
    summary: 'Adds or renames a counter, or retires it (active false); never deleted.',
    input: z.object({ code: CodeSchema, name: Name, active: z.boolean().default(true) }).strict(),
    output: NamedActive,
  }),
  saveField: operation({
    role: 'admin',
    summary: 'Adds or renames a procedure field, or retires it; never deleted.',
    input: z.object({ code: CodeSchema, name: Name, active: z.boolean().default(true) }).strict(),
    output: NamedActive,
  }),
  saveOfficer: operation({
    role: 'admin',
    summary: 'Adds an officer (with a PIN) or changes one (name, role, counter, active, photo).',
    input: z
      .object({
        code: CodeSchema,
        name: Name,
        role: z.enum(['staff', 'admin']),
        counter: CodeSchema.nullable().default(null),
        active: z.boolean().default(true),
        photo: Photo.nullable().optional(),
        /** Desk head (trưởng bộ phận); left out keeps what is stored (false for a new officer). */
        deskHead: z.boolean().optional(),
        /** Required for a new officer; otherwise use resetOfficerPin. */
        pin: Pin.optional(),
      })
      .strict(),
    output: OfficerView,
  }),
  resetOfficerPin: operation({
    role: 'admin',
    summary: 'Sets a new PIN for an officer and lifts a lockout.',
    input: z.object({ code: CodeSchema, pin: Pin }).strict(),
    output: z.object({ code: z.string(), reset: z.literal(true) }),
  }),
  listQuestionnaires: operation({
    role: 'admin',
    summary: 'Every questionnaire version, the active one marked, with how many responses use it.',
    input: EmptyInput,
    output: z.array(QuestionnaireSummary),
  }),
  importQuestionnaire: operation({
    role: 'admin',
    summary: 'Adds a questionnaire from its JSON (validated; errors name the path). A version in use is never changed.',
    input: z
      .object({
        definition: z.unknown(),
        /** Store it as the next version of its id rather than the version in the file (editing). */
        asNewVersion: z.boolean().default(false),
      })
      .strict(),
    output: QuestionnaireSummary,
  }),
  activateQuestionnaire: operation({
    role: 'admin',
    summary: 'Makes a stored questionnaire version the one the kiosk asks.',
    input: z.object({ id: z.string().min(1).max(40), version: z.int().min(1) }).strict(),
    output: QuestionnaireSummary,
  }),
  auditLog: operation({
    role: 'admin',
    summary: 'The audit log of admin actions, newest first.',
    input: z.object({ before: z.int().min(1).optional(), limit: z.int().min(1).max(500).default(100) }).strict(),
    output: z.array(
      z.object({
        id: z.int(),
        at: z.string(),
        officer: z.string(),
        action: z.string(),
        target: z.string().nullable(),
        before: z.unknown(),
        after: z.unknown(),
      }),
    ),
  }),
};
