import { useSyncExternalStore } from 'react';

/**
 * The staff area's screens, kept in the hash after the route (#/staff/inbox),
 * so the browser's Back button and a bookmark on the desk PC both work.
 */
export const staffViews = ['today', 'report', 'inbox', 'arm', 'print', 'targets'] as const;
export type StaffView = (typeof staffViews)[number];

/** The four screens in the navigation; the printable day report opens from Today. */
export const navViews = ['today', 'report', 'inbox', 'arm', 'targets'] as const satisfies readonly StaffView[];

export function viewOf(hash: string): StaffView {
  const [, second = ''] = hash.replace(/^#\/?/, '').split(/[/?]/);
  return staffViews.find((view) => view === second) ?? 'today';
}

export const hrefOfView = (view: StaffView): string => `#/staff/${view}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useStaffView(): StaffView {
  return useSyncExternalStore(subscribe, () => viewOf(window.location.hash));
}
