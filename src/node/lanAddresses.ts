import os from 'node:os';

/**
 * This machine's addresses a LAN PC or tablet can reach: IPv4 first (what people
 * type and what a QR code should carry), then global IPv6; no loopback, no
 * link-local IPv6 (it needs a zone id no browser address bar takes).
 */
export function lanAddresses(interfaces = os.networkInterfaces()): string[] {
  const entries = Object.values(interfaces).flatMap((list) => list ?? []);
  const external = entries.filter((entry) => !entry.internal);
  const v4 = external.filter((entry) => entry.family === 'IPv4').map((entry) => entry.address);
  const v6 = external
    .filter((entry) => entry.family === 'IPv6' && !entry.address.toLowerCase().startsWith('fe80:'))
    .map((entry) => entry.address);
  return [...new Set([...v4, ...v6])];
}

/** Every name a request to this machine may carry in its Host header (loopback is added by allowedHostsFor). */
export function hostNames(): string[] {
  const all = Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((entry) => entry.address);
  return [...new Set([...all, os.hostname()])];
}
