import { z } from 'zod';
import { errorCodes, type ErrorDetails } from '../domain/errors';
import { lanAccessOf, type LanAccess } from './access';
import { DEVICE_HEADER } from './lan';
import type { OperationSpec, Role } from './operation';
import { operationNames, operations, type OperationName } from './operations';

/**
 * The HTTP host described as OpenAPI 3.1, derived from the operation table so the
 * description cannot drift from what the dispatcher checks: one `POST /api/<name>`
 * per row, its zod input as the request body, its zod output inside the envelope.
 *
 * `npm run openapi` writes it to docs/openapi.json, the HTTP host serves it at
 * /api/openapi.json, and tests/unit/openapi.test.ts fails when the checked-in file
 * is not what the table gives today.
 */

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: Role; description: string }[];
  paths: Record<string, { post: OpenApiOperation }>;
  components: {
    securitySchemes: Record<SecuritySchemeName, JsonSchema>;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
  };
}

export interface OpenApiOperation {
  operationId: OperationName;
  summary: string;
  description: string;
  tags: [Role];
  'x-sipas-role': Role;
  /** Citizen operations only: what a LAN caller needs (see access.ts). */
  'x-sipas-lan-access'?: LanAccess;
  security: Partial<Record<SecuritySchemeName, []>>[];
  requestBody: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, JsonSchema>;
}

type SecuritySchemeName = 'bearer' | 'device';

const ref = (to: string) => ({ $ref: `#/components/${to}` });

/**
 * One zod schema as a JSON Schema 2020-12 object, which OpenAPI 3.1 takes as is.
 * Request bodies use the input type (what a caller may send: defaults optional,
 * before transforms), values the output type (what the dispatcher checked).
 * `unrepresentable: 'any'`: a type with no JSON Schema form (a transform's result,
 * a custom check) becomes `{}` rather than stopping the host from starting; the
 * dispatcher still enforces it. Refinements are not expressible either and are
 * simply absent. The `$schema` keyword is dropped: the document's dialect applies.
 */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Documented field by field; `satisfies` makes a new field of ErrorDetails fail to compile until it is described here. */
const errorDetailsProperties = {
  retryAfterSeconds: {
    type: 'integer',
    minimum: 0,
    description: 'A lockout (code `locked`): seconds until the next attempt is accepted.',
  },
} satisfies Record<keyof ErrorDetails, JsonSchema>;

const failureSchema: JsonSchema = {
  type: 'object',
  description: 'How every refused or failed call answers. `message` is for people; act on `code` and `details`.',
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: [...errorCodes] },
        message: { type: 'string' },
        details: ref('schemas/ErrorDetails'),
      },
      required: ['code', 'message'],
      additionalProperties: false,
    },
  },
  required: ['ok', 'error'],
  additionalProperties: false,
};

const failureResponse = (description: string): JsonSchema => ({
  description,
  content: { 'application/json': { schema: ref('schemas/Failure') } },
});

const sharedResponses: Record<string, JsonSchema> = {
  BadInput: failureResponse(
    '`bad_input`: the body is not JSON, not `application/json`, or a field is wrong (the message names it).',
  ),
  Unauthenticated: failureResponse('`unauthenticated`: no valid session token; sign in with `signIn`.'),
  Forbidden: failureResponse(
    '`forbidden`: the role is too low, the caller from the LAN is not allowed this operation, or the Host/Origin is foreign.',
  ),
  TooLarge: failureResponse('`too_large`: the body is over 1 MiB.'),
  Failure: failureResponse(
    'Any other refusal: `not_found` 404, `conflict` 409, `locked` 429 (with `details.retryAfterSeconds`), `unavailable` 503, `internal` 500 (details only in the log).',
  ),
};

const lanAccessText: Record<LanAccess, string> = {
  open: 'From the LAN: open to any caller.',
  paired: `From the LAN: only a counter device paired by the administrator (\`${DEVICE_HEADER}\`).`,
  pairedOrSignedIn: `From the LAN: a paired counter device (\`${DEVICE_HEADER}\`) or a signed-in officer (Bearer).`,
};

/** What a caller must present. A citizen operation from this machine itself needs nothing; the schemes say what the LAN needs. */
function securityOf(name: OperationName, role: Role): OpenApiOperation['security'] {
  if (role !== 'citizen') return [{ bearer: [] }];
  const access = lanAccessOf(name);
  if (access === 'open') return [];
  if (access === 'paired') return [{ device: [] }];
  return [{ device: [] }, { bearer: [] }];
}

function describeOperation(name: OperationName, spec: OperationSpec): OpenApiOperation {
  const lanAccess = spec.role === 'citizen' ? lanAccessOf(name) : undefined;
  const who = lanAccess
    ? `Role: citizen. From this machine: no credentials. ${lanAccessText[lanAccess]}`
    : `Role: ${spec.role}. Needs \`Authorization: Bearer <token>\` of a session with the ${spec.role} role or higher.`;
  const passive = spec.passive ? ' A passive poll: it does not keep the session alive.' : '';
  return {
    operationId: name,
    summary: spec.summary,
    description: `${spec.summary}\n\n${who}${passive}`,
    tags: [spec.role],
    'x-sipas-role': spec.role,
    ...(lanAccess ? { 'x-sipas-lan-access': lanAccess } : {}),
    security: securityOf(name, spec.role),
    requestBody: {
      // The host reads an empty body as {}: the body may be left out when {} is valid input.
      required: !spec.input.safeParse({}).success,
      content: { 'application/json': { schema: jsonSchemaOf(spec.input, 'input') } },
    },
    responses: {
      200: {
        description: 'Done: the operation’s value in the envelope.',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { ok: { const: true }, value: jsonSchemaOf(spec.output, 'output') },
              required: ['ok', 'value'],
              additionalProperties: false,
            },
          },
        },
      },
      400: ref('responses/BadInput'),
      ...(spec.role === 'citizen' ? {} : { 401: ref('responses/Unauthenticated') }),
      403: ref('responses/Forbidden'),
      413: ref('responses/TooLarge'),
      default: ref('responses/Failure'),
    },
  };
}

const infoDescription = [
  'Every operation of the SIPAS Kiosk is `POST /api/<name>` with a JSON body (`Content-Type: application/json`; an empty body counts as `{}`).',
  'Every answer is an envelope: `{"ok": true, "value": …}` or `{"ok": false, "error": {"code", "message", "details"?}}`, with the HTTP status of the code and never a stack trace.',
  'Staff and admin operations need `Authorization: Bearer <token>` from `signIn`. Citizen operations need nothing from the machine itself; from the LAN some need a counter device paired by the administrator (`pairDevice`), sent as the `' +
    DEVICE_HEADER +
    '` header.',
  'The host binds 127.0.0.1 unless started with `--lan`, and refuses a foreign Host or Origin.',
  'The schemas are generated from the operation table’s zod schemas: request bodies as zod input types, values as output types. Checks JSON Schema cannot express (refinements, transforms) are enforced by the host but not shown; a type with no JSON Schema form appears as `{}`.',
  'This document is served at `GET /api/openapi.json`.',
].join('\n\n');

export function buildOpenApiDocument({ version }: { version: string }): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const name of operationNames) paths[`/api/${name}`] = { post: describeOperation(name, operations[name]) };
  return {
    openapi: '3.1.0',
    info: { title: 'SIPAS Kiosk HTTP API', version, description: infoDescription },
    tags: [
      { name: 'citizen', description: 'The kiosk and paired counter devices.' },
      { name: 'staff', description: 'Desk staff, with a PIN session.' },
      { name: 'admin', description: 'Administrators, with a PIN session.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The session token `signIn` returns; it expires after the idle time.',
        },
        device: {
          type: 'apiKey',
          in: 'header',
          name: DEVICE_HEADER,
          description: 'The token `pairDevice` gives a counter device on the LAN, until the administrator revokes it.',
        },
      },
      schemas: {
        Failure: failureSchema,
        ErrorDetails: { type: 'object', properties: errorDetailsProperties, additionalProperties: false },
      },
      responses: sharedResponses,
    },
  };
}

/** Keys sorted at every level, so the file changes only when the description does. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The text of docs/openapi.json and of GET /api/openapi.json: stable key order, two-space indent, trailing newline. */
export const openApiJson = (document: OpenApiDocument): string => `${JSON.stringify(sortedKeys(document), null, 2)}\n`;
