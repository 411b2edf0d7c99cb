/**
 * One run at a time. A trigger while a run is going does not start a second,
 * concurrent one: it books one more run after it (several triggers share that
 * booking) and gets that run's result, so work that arrived meanwhile is seen.
 * `force` is kept if any of the merged triggers asked for it.
 */
export function singleFlight<T>(run: (force: boolean) => Promise<T>) {
  /** The run going on or booked last; null when idle. */
  let tail: Promise<T> | null = null;
  let booked: { promise: Promise<T>; force: boolean } | null = null;

  const track = (promise: Promise<T>): Promise<T> => {
    const tracked: Promise<T> = promise.finally(() => {
      if (tail === tracked) tail = null;
    });
    tail = tracked;
    return tracked;
  };

  return {
    trigger(force = false): Promise<T> {
      if (booked) {
        booked.force ||= force;
        return booked.promise;
      }
      if (!tail) return track(run(force));
      const booking: { promise: Promise<T>; force: boolean } = { force, promise: Promise.resolve(undefined as never) };
      booking.promise = track(
        tail
          .catch(() => undefined)
          .then(() => {
            booked = null;
            return run(booking.force);
          }),
      );
      booked = booking;
      return booking.promise;
    },
    get running(): boolean {
      return tail !== null;
    },
  };
}
