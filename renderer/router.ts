import { useSyncExternalStore } from 'react';

/**
 * A hash router with three routes. The hash survives file:// loading in Electron
 * and needs no server rewrites on the HTTP host.
 */
export const routes = ['kiosk', 'staff', 'admin', 'pair'] as const;
export type Route = (typeof routes)[number];

export const DEFAULT_ROUTE: Route = 'kiosk';

export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return routes.find((route) => route === name) ?? DEFAULT_ROUTE;
}

export const hrefOf = (route: Route): string => `#/${route}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeOf(window.location.hash));
}
