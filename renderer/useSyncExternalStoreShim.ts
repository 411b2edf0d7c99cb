/**
 * What `use-sync-external-store/shim` gives on React 18 and later: React's own
 * hook. vite.config.ts points the shim here, so the kiosk's first paint does not
 * carry the shim's fallback for older Reacts (react-i18next imports it).
 */
export { useSyncExternalStore } from 'react';
