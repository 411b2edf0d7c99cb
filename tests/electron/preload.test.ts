import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf } from '../../src/contract/bridge';
import { operationNames } from '../../src/contract/operations';
import { fake } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let exposed: object = {};
const member = (name: string): unknown => Reflect.get(exposed, name);

beforeAll(async () => {
  await import('../../electron/preload');
  const [key, value] = fake.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('sipas');
  if (typeof value !== 'object' || value === null) throw new Error('the preload exposed no object');
  exposed = value;
});

describe('preload', () => {
  it('exposes exactly one object, as window.sipas', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  });

  it('the object is frozen', () => {
    expect(Object.isFrozen(exposed)).toBe(true);
    const original = member('health');
    expect(Reflect.set(exposed, 'health', () => 'replaced')).toBe(false);
    expect(Reflect.set(exposed, 'ipcRenderer', fake.ipcRenderer)).toBe(false);
    expect(member('health')).toBe(original);
  });

  it('has a function for every operation of the contract, and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) expect(typeof member(name)).toBe('function');
  });

  it('never hands out ipcRenderer or any of its methods', () => {
    const values = Object.values(exposed);
    expect(values).not.toContain(fake.ipcRenderer);
    expect(values).not.toContain(fake.ipcRenderer.invoke);
    expect(Object.keys(exposed)).not.toContain('ipcRenderer');
  });

  it('each function invokes its own channel with the input and the token', async () => {
    const health = member('health');
    if (typeof health !== 'function') throw new Error('no health');
    const answer: unknown = await health({ probe: 1 }, 'token-1');
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf('health'), { probe: 1 }, 'token-1');
    expect(answer).toEqual({ ok: true, value: 'sipas:health' });
    for (const name of operationNames) {
      const call = member(name);
      if (typeof call !== 'function') throw new Error(`no ${name}`);
      await call({}, null);
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(`sipas:${name}`, {}, null);
    }
  });
});
