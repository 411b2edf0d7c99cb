import type { Net } from 'electron';

const CHECK_MS = 30_000;

/**
 * Tells the app when the network comes back, so batches waiting to be synced
 * leave at once instead of at the next scheduled pass.
 */
export function watchNetwork(net: Pick<Net, 'isOnline'>, onOnline: () => void): () => void {
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) onOnline();
    online = now;
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
