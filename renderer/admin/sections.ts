import { useSyncExternalStore } from 'react';
import { hrefOf } from '../router';

/** The admin area's sections, in nav order; each is `#/admin/<id>`. */
export const sectionIds = [
  'unit',
  'officers',
  'questionnaires',
  'report',
  'exports',
  'backups',
  'sync',
  'lan',
  'support',
  'targets',
  'audit',
] as const;
export type SectionId = (typeof sectionIds)[number];

export function sectionOf(hash: string): SectionId {
  const name = hash.replace(/^#\/?/, '').split(/[?]/)[0]?.split('/')[1] ?? '';
  return sectionIds.find((id) => id === name) ?? 'unit';
}

export const sectionHref = (id: SectionId): string => `${hrefOf('admin')}/${id}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useSection(): SectionId {
  return useSyncExternalStore(subscribe, () => sectionOf(window.location.hash));
}
