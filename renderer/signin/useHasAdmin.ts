import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';

/**
 * Whether the kiosk has its first administrator: false shows "not set up" on the
 * citizen screen; null while unknown (or when the host cannot say), which shows
 * the usual screen.
 */
export function useHasAdmin(): boolean | null {
  const api = useApi();
  const [hasAdmin, setHasAdmin] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    api.call('setupStatus', {}).then(
      (status) => live && setHasAdmin(status.hasAdmin),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return hasAdmin;
}
