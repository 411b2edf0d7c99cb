import { AppError } from '../domain/errors';

/** What is built on one open database; closing it closes that database. */
export interface Closable {
  close(): void;
}

export interface LiveDatabase<T extends Closable> {
  /** Takes the first one, built before anything can call; until then `current` throws. */
  start(first: T): void;
  /**
   * The one held now, without waiting. During a swap that is the old, already
   * closed one: read it only where no swap can be running (start, the backup
   * queue a restore also waits in), or use `use` / `whenIdle`.
   */
  current(): T;
  /** Runs `fn` on the live one; a call that arrives during a swap waits for it and then gets the new one. */
  use<R>(fn: (live: T) => R | Promise<R>): Promise<R>;
  /** Runs `fn` at once on the live one, or not at all during a swap or after close: timers skip a turn rather than wait. */
  whenIdle<R>(fn: (live: T) => R): R | undefined;
  /**
   * Closes the live one and puts what `next` builds in its place. When `next`
   * fails, what `fallback` builds (the previous database again) takes the place
   * and the swap still fails with next's error: the app is never left holding
   * nothing. Calls already running are not waited for (a restore calls this from
   * inside one); what works in the background must stop in the old one's close.
   */
  swap(next: () => Promise<T>, fallback: (error: unknown) => Promise<T>): Promise<T>;
  /** Closes the live one for good; later calls are refused, and a swap under way closes what it builds. */
  close(): void;
}

/**
 * The database the app serves from, which a restore replaces while the app
 * runs. Everything that outlives one database (dispatch, timers, backups)
 * reaches it only through here, so nothing works on a closed one mid-swap.
 */
export function createLiveDatabase<T extends Closable>(): LiveDatabase<T> {
  let held: T | undefined;
  let switching: Promise<void> | null = null;
  let closed = false;

  const current = (): T => {
    if (!held) throw new Error('the database is not open yet');
    return held;
  };
  const refuseClosed = () => {
    if (closed) throw new AppError('unavailable', 'the app is closing');
  };

  return {
    start(first) {
      if (held) throw new Error('the live database is already started');
      held = first;
    },
    current,
    async use(fn) {
      while (switching) await switching;
      refuseClosed();
      return fn(current());
    },
    whenIdle(fn) {
      return switching || closed ? undefined : fn(current());
    },
    async swap(next, fallback) {
      while (switching) await switching;
      refuseClosed();
      let done = () => {};
      switching = new Promise<void>((resolve) => (done = resolve));
      const keep = (built: T) => {
        held = built;
        if (closed) built.close(); // closed mid-swap: what was just built must not stay open
      };
      try {
        current().close(); // sessions and the armed context go with the services: staff sign in again
        let built: T;
        try {
          built = await next();
        } catch (error) {
          keep(await fallback(error));
          throw error;
        }
        keep(built);
        return built;
      } finally {
        switching = null;
        done();
      }
    },
    close() {
      if (closed) return;
      closed = true;
      if (!switching) held?.close();
    },
  };
}
