import { z } from 'zod';
import { CodeSchema, EmptyInput } from './schemas';
import { operation, roles } from './operation';

export const HealthOutput = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  schemaVersion: z.int(),
  /** Acknowledged-by-nobody submissions the host is still retrying to store. */
  pendingWrites: z.int().min(0),
  time: z.string(),
});

export const SignInOutput = z.object({
  token: z.string(),
  role: z.enum(roles),
  officer: z.object({ code: z.string(), name: z.string() }),
  idleTimeoutSeconds: z.int(),
});

export const systemOperations = {
  health: operation({
    role: 'citizen',
    summary: 'Liveness and the state of the database.',
    input: EmptyInput,
    output: HealthOutput,
  }),
  listOfficers: operation({
    role: 'citizen',
    summary: 'Officers who can sign in: names and photos, never their roles (the list is shown at the public desk).',
    input: EmptyInput,
    output: z.array(z.object({ code: z.string(), name: z.string(), photo: z.string().nullable().optional() })),
  }),
  signIn: operation({
    role: 'citizen',
    summary: 'Starts a staff or admin session with an officer PIN.',
    input: z.object({ officer: CodeSchema, pin: z.string().regex(/^\d{4,8}$/, '4 to 8 digits') }).strict(),
    output: SignInOutput,
  }),
  recentSignIns: operation({
    role: 'admin',
    summary: 'The latest sign-in attempts, newest first (every sign-in is logged).',
    input: z.object({ limit: z.int().min(1).max(500).default(100) }).strict(),
    output: z.array(
      z.object({ officer: z.string(), at: z.string(), outcome: z.enum(['ok', 'wrong_pin', 'locked', 'unknown']) }),
    ),
  }),
  signOut: operation({
    role: 'staff',
    summary: 'Ends the current session.',
    input: EmptyInput,
    output: z.object({ signedOut: z.literal(true) }),
  }),
};
