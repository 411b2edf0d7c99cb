import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { signBody } from '../../../src/node/signing';
import { canonicalJson } from '../../../src/contract/syncProtocol';
import { DEFAULT_MAX_BODY_BYTES } from '../../../src/hub/app';
import { makeBatch, send, UNIT } from '../hubClient';
import { useHub, type HubTarget } from '../hubTargets';

/** The answers of docs/SYNC-PROTOCOL.md, one refusal at a time; a refused batch must leave nothing behind. */
export function protocolSuite(target: HubTarget): void {
  describe('answers', () => {
    const fixture = useHub(target);
    const device = () => fixture().hub.addDevice({ deviceId: 'kiosk-01', unitCode: UNIT.code, unitName: UNIT.name });
    const nothingStored = async () => expect((await fixture().hub.totals()).storedBatches).toBe(0);

    it('stores a batch: 201 with its batchId, counted once', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const batch = makeBatch({ deviceId: 'kiosk-01' });
      const answer = await send(hub.batchesUrl, credentials, batch);
      expect(answer).toMatchObject({ status: 201, body: { accepted: true, batchId: batch.batchId } });
      const totals = await hub.totals();
      expect(totals).toMatchObject({
        batches: 1,
        storedBatches: 1,
        responses: 62,
        counted: 57,
        suspect: 2,
        abandoned: 3,
        rows: 2,
        answers: 57 + 57,
      });
      expect(totals.byItem.access).toEqual([0, 1, 3, 20, 33]);
      expect(totals.byQuestionnaire).toEqual({
        'sipas-2024@3': { access: [0, 1, 3, 20, 33], 'officer.1': [1, 0, 2, 10, 44] },
      });
      expect(await hub.latest('kiosk-01', '2026-11-28')).toEqual({ batchId: batch.batchId, revision: 1 });
    });

    it('answers an identical resend with 200 duplicate and stores nothing new', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const batch = makeBatch({ deviceId: 'kiosk-01' });
      await send(hub.batchesUrl, credentials, batch);
      const again = await send(hub.batchesUrl, credentials, batch);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ accepted: true, duplicate: true });
      expect(await hub.totals()).toMatchObject({ batches: 1, storedBatches: 1, answers: 114 });
    });

    it('refuses the same batchId with another body: 409 batch_conflict, the first body kept', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const batch = makeBatch({ deviceId: 'kiosk-01' });
      await send(hub.batchesUrl, credentials, batch);
      const changed = { ...batch, totals: { responses: 63, counted: 57, suspect: 3, abandoned: 3 } };
      const answer = await send(hub.batchesUrl, credentials, changed);
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('batch_conflict');
      expect(await hub.totals()).toMatchObject({ storedBatches: 1, responses: 62 });
    });

    it('401 for a missing or unknown token, and for a bad signature', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const batch = makeBatch({ deviceId: 'kiosk-01' });
      const noToken = await send(hub.batchesUrl, credentials, batch, { headers: { authorization: undefined } });
      const unknown = await send(hub.batchesUrl, { ...credentials, token: 'x'.repeat(43) }, batch);
      const otherSecret = await send(hub.batchesUrl, { ...credentials, secret: 'not-the-secret' }, batch);
      const noSignature = await send(hub.batchesUrl, credentials, batch, {
        headers: { 'x-sipas-signature': undefined },
      });
      // Signed over the canonical bytes, sent with a space added: the same JSON, other bytes.
      const canonical = canonicalJson(batch);
      const spaced = await send(hub.batchesUrl, credentials, batch, {
        body: `${canonical} `,
        headers: { 'x-sipas-signature': signBody(credentials.secret, canonical) },
      });
      expect([noToken, unknown].map((a) => [a.status, a.body.error.code])).toEqual([
        [401, 'unauthorized'],
        [401, 'unauthorized'],
      ]);
      for (const answer of [otherSecret, noSignature, spaced])
        expect([answer.status, answer.body.error.code]).toEqual([401, 'bad_signature']);
      await nothingStored();
    });

    it('403 when a device sends for another device id or another unit', async () => {
      const { hub } = fixture();
      const credentials = await device();
      await hub.addDevice({ deviceId: 'kiosk-02', unitCode: 'DP', unitName: 'UBND xã Điện Phước' });
      const other = await send(hub.batchesUrl, credentials, makeBatch({ deviceId: 'kiosk-02', unitCode: 'DP' }));
      expect([other.status, other.body.error.code]).toEqual([403, 'wrong_device']);
      expect(other.body.error.message).toContain('device.id');
      const unit = await send(hub.batchesUrl, credentials, makeBatch({ deviceId: 'kiosk-01', unitCode: 'DP' }));
      expect([unit.status, unit.body.error.code]).toEqual([403, 'wrong_unit']);
      await nothingStored();
    });

    it('422 names the field a batch gets wrong; 400 for JSON that does not parse or a wrong Idempotency-Key', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const good = makeBatch({ deviceId: 'kiosk-01' });
      const cases: Array<[unknown, string]> = [
        [{ ...good, rows: [{ ...good.rows[0], counts: [0, 1, 3, 4] }] }, 'rows[0].counts'],
        [{ ...good, date: '2026-02-30' }, 'date'],
        [{ ...good, revision: 0 }, 'revision'],
        [{ ...good, comment: 'số điện thoại 0905…' }, 'comment: unknown field'],
        [{ ...good, rows: [good.rows[0], good.rows[0]] }, 'rows[1]: duplicate'],
        [{ ...good, schema: 'sipas.aggregate.v2' }, 'schema'],
        // Totals that do not add up, or the old shape, are refused naming the field.
        [{ ...good, totals: { responses: 61, counted: 57, suspect: 2, abandoned: 3 } }, 'totals.responses'],
        [{ ...good, totals: { responses: 57, excluded: 2 } }, 'totals.counted'],
        [{ ...good, totals: { responses: 61, counted: 56, suspect: 2, abandoned: 3 } }, 'rows[0].counts'],
        [{ ...good, questionnaire: { id: 'sipas-2024' } }, 'questionnaire.version'],
      ];
      for (const [body, field] of cases) {
        const answer = await send(hub.batchesUrl, credentials, good, { body: canonicalJson(body) });
        expect(answer.status, field).toBe(422);
        expect(answer.body.error.code).toBe('invalid_batch');
        expect(answer.body.error.message).toContain(field);
      }
      const broken = await send(hub.batchesUrl, credentials, good, { body: '{"schema": "sipas.aggregate.v1",' });
      expect([broken.status, broken.body.error.code]).toEqual([400, 'bad_json']);
      const latin1 = await send(hub.batchesUrl, credentials, good, { body: new Uint8Array([0x7b, 0xff, 0x7d]) });
      expect([latin1.status, latin1.body.error.code]).toEqual([400, 'bad_encoding']);
      const key = await send(hub.batchesUrl, credentials, good, { headers: { 'idempotency-key': 'another' } });
      expect([key.status, key.body.error.code]).toEqual([400, 'bad_idempotency_key']);
      const noKey = await send(hub.batchesUrl, credentials, good, { headers: { 'idempotency-key': undefined } });
      expect(noKey.status).toBe(400);
      const type = await send(hub.batchesUrl, credentials, good, { headers: { 'content-type': 'text/plain' } });
      expect([type.status, type.body.error.code]).toEqual([400, 'bad_content_type']);
      await nothingStored();
    });

    it('413 for a body over the limit, with or without Content-Length', async () => {
      const { hub } = fixture();
      const credentials = await device();
      const big = 'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1);
      const sized = await send(hub.batchesUrl, credentials, makeBatch({ deviceId: 'kiosk-01' }), { body: big });
      expect([sized.status, sized.body.error.code]).toEqual([413, 'too_large']);
      // Chunked: no Content-Length to refuse on; the limit counts the bytes as they arrive.
      const chunked = await new Promise<number>((resolve, reject) => {
        const request = http.request(hub.batchesUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${credentials.token}` },
        });
        request.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        for (let i = 0; i < 3; i += 1) request.write('x'.repeat(DEFAULT_MAX_BODY_BYTES / 2));
        request.end();
      });
      expect(chunked).toBe(413);
      await nothingStored();
    });

    it('404 as JSON for an unknown path', async () => {
      const { hub } = fixture();
      const answer = await fetch(`${hub.url}/v1/sipas/nothing`, { method: 'POST', body: '{}' });
      expect(answer.status).toBe(404);
      expect((await answer.json()).error.code).toBe('not_found');
    });
  });
}
