/**
 * What `use-sync-external-store/shim` gives on React 18 and later: React's own
 * hook. vite.config.ts points the shim here, so the staff and administrator
 * charts do not carry the shim's fallback for older Reacts (recharts imports
 * `use-sync-external-store/shim/with-selector`, which imports the shim).
 */
export { useSyncExternalStore } from 'react';
