import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { createLiveDatabase } from '../../src/app/liveDatabase';

/** Stands in for the services on one database: reading it once closed fails, as better-sqlite3 does. */
class FakeDatabase {
  closed = false;
  closes = 0;
  constructor(readonly name: string) {}
  read(): string {
    if (this.closed) throw new TypeError(`${this.name}: the database connection is not open`);
    return this.name;
  }
  close(): void {
    this.closed = true;
    this.closes += 1;
  }
}

/** A build the test finishes when it wants, to hold a swap open. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

const ticks = async (n = 5) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

function started(name = 'old') {
  const first = new FakeDatabase(name);
  const live = createLiveDatabase<FakeDatabase>();
  live.start(first);
  return { live, first };
}

describe('the live database', () => {
  it('is not there before the first one is built', () => {
    const live = createLiveDatabase<FakeDatabase>();
    expect(() => live.current()).toThrow(/not open yet/);
    live.start(new FakeDatabase('first'));
    expect(live.current().read()).toBe('first');
    expect(() => live.start(new FakeDatabase('second'))).toThrow(/already started/);
  });

  it('serves calls at once while no swap runs', async () => {
    const { live } = started();
    expect(await live.use((db) => db.read())).toBe('old');
    expect(live.whenIdle((db) => db.read())).toBe('old');
  });

  it('closes the old one before building the new one, and calls made during the swap wait and then see the new one', async () => {
    const { live, first } = started();
    const build = deferred<FakeDatabase>();
    let oldClosedWhenBuilding = false;
    const swapped = live.swap(
      () => {
        oldClosedWhenBuilding = first.closed; // the restore moves the files only once nothing holds them
        return build.promise;
      },
      () => Promise.reject(new Error('not used')),
    );
    await ticks();

    const seen: string[] = [];
    const calls = [1, 2, 3].map((n) => live.use((db) => seen.push(`${n}:${db.read()}`)));
    await ticks();
    expect(oldClosedWhenBuilding).toBe(true);
    expect(seen).toEqual([]); // nobody reached the closed database
    expect(live.whenIdle((db) => db.read())).toBeUndefined(); // timers skip their turn

    const next = new FakeDatabase('new');
    build.resolve(next);
    await expect(swapped).resolves.toBe(next);
    await Promise.all(calls);
    expect(seen).toEqual(['1:new', '2:new', '3:new']);
    expect(live.current()).toBe(next);
    expect(first.closes).toBe(1);
    expect(next.closed).toBe(false);
  });

  it('keeps serving from what the fallback builds when the new one fails, and still reports the failure', async () => {
    const { live, first } = started();
    const build = deferred<FakeDatabase>();
    const failure = new Error('the restored database did not open');
    const fallbackSaw: unknown[] = [];
    const reopened = new FakeDatabase('old again');
    const swapped = live.swap(
      () => build.promise,
      async (error) => {
        fallbackSaw.push(error);
        return reopened;
      },
    );
    await ticks();
    const waiting = live.use((db) => db.read());

    build.reject(failure);
    await expect(swapped).rejects.toBe(failure);
    expect(fallbackSaw).toEqual([failure]);
    await expect(waiting).resolves.toBe('old again');
    expect(await live.use((db) => db.read())).toBe('old again');
    expect(live.whenIdle((db) => db.read())).toBe('old again');
    expect(first.closed).toBe(true);
  });

  it('runs the fallback also when the new one fails before it is even built', async () => {
    const { live } = started();
    const failure = new Error('install failed');
    const swapped = live.swap(
      () => {
        throw failure;
      },
      async () => new FakeDatabase('old again'),
    );
    await expect(swapped).rejects.toBe(failure);
    expect(await live.use((db) => db.read())).toBe('old again');
  });

  it('runs swaps asked for at the same time one after the other', async () => {
    const { live, first } = started();
    const builds = [deferred<FakeDatabase>(), deferred<FakeDatabase>()];
    const order: string[] = [];
    const fail = () => Promise.reject(new Error('not used'));
    const a = live.swap(() => {
      order.push(`a builds, old closed: ${first.closed}`);
      return builds[0]!.promise;
    }, fail);
    const b = live.swap(() => {
      order.push(`b builds, a's closed: ${live.current().closed}`);
      return builds[1]!.promise;
    }, fail);
    await ticks();
    expect(order).toEqual(['a builds, old closed: true']);

    const second = new FakeDatabase('second');
    builds[0]!.resolve(second);
    await a;
    await ticks();
    expect(order).toEqual(['a builds, old closed: true', "b builds, a's closed: true"]);
    builds[1]!.resolve(new FakeDatabase('third'));
    await b;
    expect(await live.use((db) => db.read())).toBe('third');
    expect(second.closes).toBe(1);
  });

  it('stops on close: the database is closed once and later calls, swaps and timer turns are refused', async () => {
    const { live, first } = started();
    live.close();
    live.close();
    expect(first.closes).toBe(1);
    await expect(live.use((db) => db.read())).rejects.toMatchObject({ code: 'unavailable' });
    await expect(live.use((db) => db.read())).rejects.toBeInstanceOf(AppError);
    expect(live.whenIdle((db) => db.read())).toBeUndefined();
    let built = false;
    await expect(
      live.swap(
        async () => {
          built = true;
          return new FakeDatabase('new');
        },
        async () => new FakeDatabase('old again'),
      ),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(built).toBe(false);
  });

  it('closes what a swap builds when the app closed during it, and refuses the calls that waited', async () => {
    const { live, first } = started();
    const build = deferred<FakeDatabase>();
    const swapped = live.swap(
      () => build.promise,
      () => Promise.reject(new Error('not used')),
    );
    await ticks();
    const waiting = live.use((db) => db.read());
    live.close();
    expect(first.closes).toBe(1); // the swap had closed it already

    const next = new FakeDatabase('new');
    build.resolve(next);
    await swapped;
    expect(next.closed).toBe(true);
    await expect(waiting).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('also closes what the fallback builds when the app closed during a failed swap', async () => {
    const { live } = started();
    const build = deferred<FakeDatabase>();
    const reopened = new FakeDatabase('old again');
    const swapped = live.swap(
      () => build.promise,
      async () => reopened,
    );
    await ticks();
    live.close();
    build.reject(new Error('broken'));
    await expect(swapped).rejects.toThrow('broken');
    expect(reopened.closes).toBe(1);
  });

  it('never hands a call a closed database, whatever the interleaving of calls and swaps', async () => {
    const { live } = started('db-0');
    const handed: FakeDatabase[] = [];
    const calls: Promise<unknown>[] = [];
    const swaps: Promise<unknown>[] = [];
    let made = 0;
    // A fixed pseudo-random interleaving, so a failure can be replayed.
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

    for (let step = 0; step < 300; step++) {
      const roll = random();
      if (roll < 0.1) {
        const fails = random() < 0.3;
        swaps.push(
          live
            .swap(
              async () => {
                await ticks(Math.floor(random() * 4));
                if (fails) throw new Error('build failed');
                return new FakeDatabase(`db-${++made}`);
              },
              async () => new FakeDatabase(`db-${++made}-fallback`),
            )
            .catch(() => undefined),
        );
      } else {
        calls.push(
          live.use((db) => {
            handed.push(db);
            return db.read(); // throws if it was closed
          }),
        );
      }
      await ticks(Math.floor(random() * 3));
    }
    await Promise.all(swaps);
    const results = await Promise.allSettled(calls);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(handed.length).toBe(calls.length);
    expect(made).toBeGreaterThan(10); // the swaps really did interleave with the calls
    expect(new Set(handed.map((db) => db.name)).size).toBeGreaterThan(5);
  });
});
