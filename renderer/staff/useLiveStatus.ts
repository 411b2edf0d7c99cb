import { useEffect, useState } from 'react';
import type { LiveStatus, StaffCall } from './StaffContext';

/** How often the dashboard asks whether anything changed: a new response shows within 2 s. */
export const LIVE_POLL_MS = 1500;

/**
 * Polls the host's cheap `liveStatus`. Views refetch their figures when the
 * revision moves, instead of reloading everything on a timer. The next poll is
 * scheduled after the previous one answered, so a slow host is never flooded.
 */
export function useLiveStatus(call: StaffCall, pollMs = LIVE_POLL_MS): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>({ revision: null, pendingWrites: null });

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      call('liveStatus', {})
        .then(
          ({ revision, pendingWrites }) => {
            if (!live) return;
            // Same values keep the same object, so nothing re-renders between changes.
            setStatus((previous) =>
              previous.revision === revision && previous.pendingWrites === pendingWrites
                ? previous
                : { revision, pendingWrites },
            );
          },
          // A missed poll keeps the last known state; the next one tries again.
          () => undefined,
        )
        .finally(() => {
          if (live) timer = setTimeout(look, pollMs);
        });
    };
    look();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [call, pollMs]);

  return status;
}
