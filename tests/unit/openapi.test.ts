import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/node/version';
import { lanAccessOf } from '../../src/contract/access';
import { buildOpenApiDocument, openApiJson, type JsonSchema } from '../../src/contract/openapi';
import { operationNames, operations } from '../../src/contract/operations';
import { errorCodes } from '../../src/domain/errors';

const CHECKED_IN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'openapi.json');
const document = buildOpenApiDocument({ version: APP_VERSION });

/** Follows a local `$ref` (`#/components/…`) the way a client generator would. */
function resolve(node: JsonSchema): JsonSchema {
  const target = node.$ref;
  if (typeof target !== 'string') return node;
  expect(target.startsWith('#/')).toBe(true);
  const found = target
    .slice(2)
    .split('/')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], document);
  expect(found, `${target} resolves`).toBeTypeOf('object');
  return found as JsonSchema;
}

const refsIn = (node: unknown): string[] =>
  node === null || typeof node !== 'object'
    ? []
    : Object.entries(node).flatMap(([key, value]) =>
        key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
      );

const post = (name: string) => document.paths[`/api/${name}`]!.post;
const jsonBody = (response: JsonSchema) =>
  (resolve(response).content as Record<string, { schema: JsonSchema }>)['application/json']!.schema;

describe('the OpenAPI description of the HTTP host', () => {
  it('is OpenAPI 3.1 with one POST /api/<name> per operation of the table, and nothing else', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe(APP_VERSION);
    expect(Object.keys(document.paths).sort()).toEqual(operationNames.map((name) => `/api/${name}`).sort());
    for (const name of operationNames) {
      expect(Object.keys(document.paths[`/api/${name}`]!)).toEqual(['post']);
      expect(post(name).operationId).toBe(name);
    }
  });

  it('gives each operation its summary and role', () => {
    for (const name of operationNames) {
      const { role, summary } = operations[name];
      const described = post(name);
      expect(described.summary).toBe(summary);
      expect(described['x-sipas-role']).toBe(role);
      expect(described.tags).toEqual([role]);
      expect(described.description).toContain(`Role: ${role}.`);
    }
    expect(document.tags.map((tag) => tag.name)).toEqual(['citizen', 'staff', 'admin']);
  });

  it('asks a Bearer session for staff and admin operations and the X-Sipas-Device key for paired-device ones', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.securitySchemes.device).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Sipas-Device' }),
    );
    expect(post('dailySummary').security).toEqual([{ bearer: [] }]);
    expect(post('recentSignIns').security).toEqual([{ bearer: [] }]);
    expect(post('submitResponse').security).toEqual([{ device: [] }]);
    expect(post('signIn').security).toEqual([]);
    expect(post('getActiveQuestionnaire').security).toEqual([{ device: [] }, { bearer: [] }]);

    for (const name of operationNames) {
      const { role } = operations[name];
      const security = post(name).security;
      if (role !== 'citizen') {
        expect(security, name).toEqual([{ bearer: [] }]);
        expect(post(name).responses[401], name).toEqual({ $ref: '#/components/responses/Unauthenticated' });
      } else {
        expect(post(name)['x-sipas-lan-access'], name).toBe(lanAccessOf(name));
        if (lanAccessOf(name) === 'paired') expect(security, name).toEqual([{ device: [] }]);
        expect(post(name).responses[401], name).toBeUndefined();
      }
    }
  });

  it('describes the envelope: {ok: true, value} or {ok: false, error: {code, message, details?}}', () => {
    const success = jsonBody(post('health').responses[200]!);
    expect(success).toMatchObject({ type: 'object', required: ['ok', 'value'], properties: { ok: { const: true } } });
    const { $schema: _dialect, ...healthValue } = z.toJSONSchema(operations.health.output, { io: 'output' });
    expect((success.properties as Record<string, JsonSchema>).value).toEqual(healthValue);

    const failure = resolve({ $ref: '#/components/schemas/Failure' });
    expect(failure).toMatchObject({ required: ['ok', 'error'], properties: { ok: { const: false } } });
    const error = (failure.properties as Record<string, JsonSchema>).error!;
    expect(error.required).toEqual(['code', 'message']);
    const fields = error.properties as Record<string, JsonSchema>;
    expect(fields.code).toEqual({ type: 'string', enum: [...errorCodes] });
    expect(fields.message).toEqual({ type: 'string' });
    expect(resolve(fields.details!).properties).toHaveProperty('retryAfterSeconds');

    for (const name of operationNames) {
      const { responses } = post(name);
      for (const status of ['400', '403', '413', 'default']) {
        expect(jsonBody(responses[status]!), `${name} ${status}`).toEqual({ $ref: '#/components/schemas/Failure' });
      }
    }
  });

  it('takes request bodies and values from the zod schemas, input and output sides', () => {
    for (const name of operationNames) {
      const { input, output } = operations[name];
      const described = post(name);
      const body = described.requestBody.content['application/json'].schema;
      const value = (jsonBody(described.responses[200]!).properties as Record<string, JsonSchema>).value!;
      if (input instanceof z.ZodObject)
        expect(Object.keys(body.properties as object).sort(), name).toEqual(Object.keys(input.shape).sort());
      if (output instanceof z.ZodObject)
        expect(Object.keys(value.properties as object).sort(), name).toEqual(Object.keys(output.shape).sort());
      expect(body).not.toHaveProperty('$schema');
      // The host reads an empty body as {}: the body is optional exactly when {} is valid input.
      expect(described.requestBody.required, name).toBe(!input.safeParse({}).success);
    }
    expect(post('signIn').requestBody.required).toBe(true);
    expect(post('health').requestBody.required).toBe(false);
  });

  it('has only references that resolve inside the document', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const target of refs) resolve({ $ref: target });
  });

  it('serialises with sorted keys, so the text depends only on the content', () => {
    const reordered = { ...document, paths: Object.fromEntries(Object.entries(document.paths).reverse()) };
    expect(openApiJson(reordered)).toBe(openApiJson(document));
    expect(openApiJson(document).endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(openApiJson(document)).paths)).toEqual(Object.keys(document.paths).sort());
  });

  it('is what docs/openapi.json holds (run `npm run openapi` after changing the table)', () => {
    const checkedIn = fs.existsSync(CHECKED_IN) ? fs.readFileSync(CHECKED_IN, 'utf8') : '';
    expect(checkedIn === openApiJson(document), 'docs/openapi.json is out of date: run `npm run openapi`').toBe(true);
  });
});
