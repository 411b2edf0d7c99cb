import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { verifySignature } from '../node/signing';
import { safeParseAggregateBatch } from '../contract/syncProtocol';
import { formatZodError } from '../contract/validation';
import type { Logger } from '../services/ports';
import { hashToken } from './devices';
import type { HubStore } from './store/port';
import { fivePointCounts } from '../domain/scale';

/**
 * POST /v1/sipas/batches, the collector's side of docs/SYNC-PROTOCOL.md. Checks run
 * cheapest and least trusting first, and every refusal names its reason:
 *
 * | status | code                | when |
 * |--------|---------------------|------|
 * | 413    | too_large           | body over the limit (checked before reading it) |
 * | 401    | unauthorized        | no `Authorization: Bearer`, or a token no device holds |
 * | 401    | bad_signature       | X-Sipas-Signature missing or not the HMAC of the raw bytes |
 * | 400    | bad_content_type    | not application/json |
 * | 400    | bad_encoding        | the bytes are not UTF-8 |
 * | 400    | bad_json            | not parseable JSON (a syntax error, not a schema problem) |
 * | 422    | invalid_batch       | parsed, but not a sipas.aggregate.v1 batch (totals that do not add up included); the message names each field |
 * | 400    | bad_idempotency_key | Idempotency-Key missing or not the body's batchId |
 * | 403    | wrong_device        | device.id is not the token's device |
 * | 403    | wrong_unit          | unit.code is not the unit the device was registered for |
 * | 409    | batch_conflict      | this batchId was stored with another body |
 * | 409    | stale_revision      | (device, date, questionnaire) already holds this or a higher revision under another batchId |
 * | 201    | —                   | stored: `{"accepted":true,"batchId":…}` |
 * | 200    | —                   | the same bytes were stored before: `{"accepted":true,"duplicate":true}` |
 *
 * The signature is checked over the bytes as received, before parsing, so the
 * hub never interprets a body it cannot attribute.
 */

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

type RefusalStatus = 400 | 401 | 403 | 409 | 413 | 422;

export const refuse = (c: Context, status: RefusalStatus, code: string, message: string) =>
  c.json({ error: { code, message } }, status);

export interface IngestDeps {
  store: HubStore;
  logger: Logger;
  now: () => number;
}

/** Stored batches are logged as a count at most this often, not one line each (a country sends hundreds a second). */
export const STORED_LOG_EVERY_MS = 60_000;

export function ingestHandler({ store, logger, now }: IngestDeps) {
  let stored = 0;
  let storedSince = now();
  const countStored = () => {
    stored += 1;
    const at = now();
    if (at - storedSince < STORED_LOG_EVERY_MS) return;
    logger.info('batches stored', { batches: stored, since: new Date(storedSince).toISOString() });
    stored = 0;
    storedSince = at;
  };
  return async (c: Context) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const device = token ? await store.deviceByTokenHash(hashToken(token)) : null;
    if (!device) return refuse(c, 401, 'unauthorized', 'Authorization: Bearer <device token> is missing or unknown');

    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifySignature(device.secret, raw, c.req.header('x-sipas-signature'))) {
      logger.warn('bad signature', { device: device.deviceId });
      return refuse(
        c,
        401,
        'bad_signature',
        'X-Sipas-Signature is not sha256=<HMAC-SHA256 of the body bytes> with this device’s secret',
      );
    }
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return refuse(c, 400, 'bad_content_type', 'Content-Type must be application/json; charset=utf-8');
    }
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      return refuse(c, 400, 'bad_encoding', 'body: not UTF-8');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(c, 400, 'bad_json', 'body: not valid JSON');
    }
    const parsed = safeParseAggregateBatch(json);
    if (!parsed.success) return refuse(c, 422, 'invalid_batch', formatZodError(parsed.error));
    const batch = parsed.data;

    if (c.req.header('idempotency-key') !== batch.batchId) {
      return refuse(c, 400, 'bad_idempotency_key', 'Idempotency-Key must be the body’s batchId');
    }
    if (batch.device.id !== device.deviceId) {
      logger.warn('batch for another device', { device: device.deviceId, claimed: batch.device.id });
      return refuse(
        c,
        403,
        'wrong_device',
        `device.id: this token belongs to ${device.deviceId}, not ${batch.device.id}`,
      );
    }
    if (batch.unit.code !== device.unitCode) {
      return refuse(
        c,
        403,
        'wrong_unit',
        `unit.code: ${device.deviceId} is registered for unit ${device.unitCode}, not ${batch.unit.code}`,
      );
    }

    const outcome = await store.ingest({
      batchId: batch.batchId,
      deviceId: device.deviceId,
      unitCode: device.unitCode,
      date: batch.date,
      questionnaire: batch.questionnaire,
      revision: batch.revision,
      bodyHash: createHash('sha256').update(raw).digest('hex'),
      body: text,
      receivedAt: new Date(now()).toISOString(),
      totals: batch.totals,
      // Stored on the five-point slots: a three-point item's counts land where its words do (1→2, 2→4, 3→5).
      rows: batch.rows.map((row) => ({
        item: row.item,
        counter: row.counter ?? '',
        field: row.field ?? '',
        counts: fivePointCounts(row.counts),
      })),
    });
    const questionnaire = () => `${batch.questionnaire.id} v${batch.questionnaire.version}`;
    const where = () => ({
      device: device.deviceId,
      date: batch.date,
      questionnaire: questionnaire(),
      revision: batch.revision,
      batchId: batch.batchId,
    });
    switch (outcome.kind) {
      case 'created':
        countStored();
        return c.json({ accepted: true, batchId: batch.batchId }, 201);
      case 'duplicate':
        return c.json({ accepted: true, duplicate: true }, 200);
      case 'conflict':
        logger.warn('batch conflict', where());
        return refuse(c, 409, 'batch_conflict', `batchId ${batch.batchId} was stored before with a different body`);
      case 'stale':
        logger.info('stale revision', { ...where(), stored: outcome.storedRevision });
        return refuse(
          c,
          409,
          'stale_revision',
          `revision ${outcome.storedRevision} of ${batch.date} (${questionnaire()}) is already stored; this is revision ${batch.revision}`,
        );
    }
  };
}
