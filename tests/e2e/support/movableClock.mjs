/**
 * Loaded into an end-to-end host process (`--import`): lets the test move the host's
 * clock forward, so "a minute later" takes no minute. The test sends
 * `{ advanceClockMs }` over the child's IPC channel and waits for the answer; the host's
 * Date (and so its Clock) then runs that much ahead. Test harness only: the product has
 * no such door.
 */
const RealDate = Date;
let offsetMs = 0;

class MovableDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offsetMs;
  }
}
globalThis.Date = MovableDate;

if (process.send) {
  process.channel?.unref(); // the channel alone must not keep the host alive
  process.on('message', (message) => {
    if (typeof message?.advanceClockMs !== 'number') return;
    offsetMs += message.advanceClockMs;
    process.send?.({ clockOffsetMs: offsetMs });
  });
}
