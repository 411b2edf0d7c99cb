import http from 'node:http';
import { batchRequestHeaders } from '../node/signing';
import { BATCHES_PATH, type AggregateBatch } from '../contract/syncProtocol';
import { registerDevice, type DeviceCredentials } from './devices';
import {
  deviceDayBatches,
  seeded,
  simulatedBody,
  simulatedUnits,
  SIMULATION_START,
  type SimUnit,
} from './simulatedCountry';
import type { HubStore } from './store/port';

/**
 * The country in miniature, for `npm run hub -- simulate`, the bench and a test:
 * N communes × D kiosks send one signed `sipas.aggregate.v1` batch a day per
 * questionnaire over loopback HTTP, as the kiosks' senders do. The country's data
 * (communes, days, bodies) is drawn in simulatedCountry.ts.
 */

export interface SimulateOptions {
  /** Base URL of a running hub (loopback). */
  url: string;
  /** The hub's store, to register the simulated devices (the protocol has no registration call). */
  store: HubStore;
  units: number;
  devicesPerUnit: number;
  days: number;
  /** First simulated day (default 2025-01-01, so 365 days are one calendar year). */
  from?: string;
  /** Batches in flight at once (default 16). */
  concurrency?: number;
  seed?: number;
  /** Every batch the hub accepted, in the order each device sent it (tests re-sum them). */
  onAccepted?: (batch: AggregateBatch) => void;
  /** Called every `progressEvery` batches with the count so far. */
  onProgress?: (sent: number, seconds: number) => void;
  progressEvery?: number;
  /** Stop after this many seconds of sending, with what was sent (a fraction of a run that does not fit). */
  maxSeconds?: number;
}

export interface SimulateResult {
  units: number;
  devices: number;
  /** Device-days sent (each one or more batches). */
  deviceDays: number;
  batches: number;
  revisions: number;
  secondVersionDays: number;
  seconds: number;
  perSecond: number;
  /** False when maxSeconds cut the run short. */
  complete: boolean;
}

export interface SimDevice extends DeviceCredentials {
  unit: SimUnit;
}

/**
 * Registers units × devicesPerUnit kiosks (kiosk ids `<unit code>-k<n>`) and returns their credentials,
 * in unit order. Sixteen at a time: each is a durable commit, and a country's 6,600 one after the other
 * wait minutes on the disk before the first batch is sent.
 */
export async function registerSimulatedDevices(
  store: HubStore,
  units: readonly SimUnit[],
  devicesPerUnit: number,
): Promise<SimDevice[]> {
  const wanted = units.flatMap((unit) =>
    Array.from({ length: devicesPerUnit }, (_, k) => ({ unit, deviceId: `${unit.code}-k${k + 1}` })),
  );
  const devices: SimDevice[] = new Array<SimDevice>(wanted.length);
  let next = 0;
  const registrar = async () => {
    for (let i = next++; i < wanted.length; i = next++) {
      const { unit, deviceId } = wanted[i]!;
      devices[i] = {
        ...(await registerDevice(store, { deviceId, unitCode: unit.code, unitName: unit.name }, Date.now)),
        unit,
      };
    }
  };
  await Promise.all(Array.from({ length: 16 }, registrar));
  return devices;
}

function post(
  agent: http.Agent,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Sends the simulated days, `concurrency` device-days in flight, day after day; resolves when all are stored. */
export async function simulate(options: SimulateOptions): Promise<SimulateResult> {
  const {
    url,
    store,
    units: unitCount,
    devicesPerUnit,
    days,
    from = SIMULATION_START,
    concurrency = 16,
    seed = 1,
    onAccepted,
    onProgress,
  } = options;
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`simulate sends to a loopback hub only, not ${host}`);
  const units = simulatedUnits(unitCount, days, seed);
  const devices = await registerSimulatedDevices(store, units, devicesPerUnit);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const batchesUrl = `${url}${BATCHES_PATH}`;
  const progressEvery = options.progressEvery ?? 10_000;
  const deadline = options.maxSeconds === undefined ? Infinity : performance.now() + options.maxSeconds * 1000;

  // Device-days in the order kiosks send them: every device's yesterday, then the next day.
  function* work() {
    for (let day = 0; day < days; day += 1) {
      for (let d = 0; d < devices.length; d += 1)
        yield { day, device: devices[d]!, next: seeded(seed * 1_000_003 + day * 100_003 + d) };
    }
  }
  const queue = work();
  const result = { deviceDays: 0, batches: 0, revisions: 0, secondVersionDays: 0 };
  let complete = true;
  const started = performance.now();

  async function worker(): Promise<void> {
    for (let job = queue.next(); !job.done; job = queue.next()) {
      if (performance.now() > deadline) {
        complete = false;
        return;
      }
      const { day, device, next } = job.value;
      const batches = deviceDayBatches(device.unit, device.deviceId, day, from, next);
      result.deviceDays += 1;
      if (new Set(batches.map((b) => b.questionnaire.version)).size > 1) result.secondVersionDays += 1;
      for (const batch of batches) {
        const body = simulatedBody(batch);
        const answer = await post(agent, batchesUrl, body, batchRequestHeaders(device, batch.batchId, body));
        if (answer.status !== 201)
          throw new Error(
            `the hub answered ${answer.status} to ${device.deviceId} ${batch.date} r${batch.revision}: ${answer.text.slice(0, 300)}`,
          );
        result.batches += 1;
        if (batch.revision > 1) result.revisions += 1;
        onAccepted?.(batch);
        if (onProgress && result.batches % progressEvery === 0)
          onProgress(result.batches, (performance.now() - started) / 1000);
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    units: unitCount,
    devices: devices.length,
    ...result,
    seconds,
    perSecond: result.batches / seconds,
    complete,
  };
}
