/**
 * Minutes without a touch before a staff or admin session opened on the kiosk
 * itself ends and the citizen screen returns. Short: the desk is public.
 * (Its own module, free of zod, so the kiosk's bundle can read the default.)
 */
export const STAFF_IDLE_MINUTES = { min: 1, max: 60, default: 2 } as const;
