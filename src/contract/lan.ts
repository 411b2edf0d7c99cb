import { z } from 'zod';
import { EmptyInput } from './schemas';
import { operation } from './operation';

/** The port the LAN host listens on unless the administrator picks another (the loopback host has 4280). */
export const DEFAULT_LAN_PORT = 4281;

/** How long a pairing code shown on the admin screen can be used. */
export const PAIRING_CODE_MINUTES = 10;

/** The header a paired counter device sends its token in (never the Authorization header: that is a PIN session). */
export const DEVICE_HEADER = 'X-Sipas-Device';

/** A device token: random, URL-safe; only its hash is stored. */
export const DeviceTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'a device token');

/** PEM text read from a file the administrator picked; a certificate chain or a key is a few kB. */
const Pem = (what: string) =>
  z
    .string()
    .max(64 * 1024, 'at most 64 KB')
    .refine((text) => text.includes('-----BEGIN '), `the ${what} in PEM form (-----BEGIN …)`);

export const PairedDeviceView = z.object({
  id: z.string(),
  name: z.string(),
  pairedAt: z.string(),
  /** The administrator whose code paired it. */
  pairedBy: z.string(),
  revokedAt: z.string().nullable(),
  /** Ratings stored from this device. */
  responses: z.int().min(0),
});

export const LanSettingsView = z.object({
  enabled: z.boolean(),
  port: z.int().min(1024).max(65535),
  /** A certificate and key are stored: the LAN host speaks HTTPS. */
  https: z.boolean(),
  certificate: z.object({ subject: z.string(), validTo: z.string() }).nullable(),
  /** This machine's network addresses (IPv4 first). */
  addresses: z.array(z.string()),
  /** What to open on a LAN PC or tablet; empty while LAN access is off. */
  urls: z.array(z.string()),
  /** Why the port could not be opened the last time it was applied, or null. */
  problem: z.string().nullable(),
  devices: z.array(PairedDeviceView),
});

export const lanOperations = {
  getLanSettings: operation({
    role: 'admin',
    summary: 'LAN access: on or off, port, HTTPS, the addresses to open, and the paired counter devices.',
    input: EmptyInput,
    output: LanSettingsView,
  }),
  updateLanSettings: operation({
    role: 'admin',
    summary:
      'Turns LAN access on or off, sets its port and (optionally) the HTTPS certificate and key; applied at once.',
    input: z
      .object({
        enabled: z.boolean(),
        port: z.int().min(1024, 'a port from 1024 to 65535').max(65535, 'a port from 1024 to 65535'),
        /** The files' contents. Omitted: keep what is stored; null: remove them (plain HTTP). */
        tls: z
          .object({ certPem: Pem('certificate'), keyPem: Pem('private key') })
          .strict()
          .nullable()
          .optional(),
      })
      .strict(),
    output: LanSettingsView,
  }),
  createPairingCode: operation({
    role: 'admin',
    summary: `A one-time 6-digit code (and the address to open, for a QR code) that pairs a LAN browser as a counter device; valid ${PAIRING_CODE_MINUTES} minutes.`,
    input: EmptyInput,
    output: z.object({ code: z.string().regex(/^\d{6}$/), expiresAt: z.string(), urls: z.array(z.string()) }),
  }),
  listPairedDevices: operation({
    role: 'admin',
    summary: 'Counter devices paired over the LAN, revoked ones included.',
    input: EmptyInput,
    output: z.array(PairedDeviceView),
  }),
  revokePairedDevice: operation({
    role: 'admin',
    summary: 'Revokes a paired device: its token is refused from now on.',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: PairedDeviceView,
  }),
  pairDevice: operation({
    role: 'citizen',
    summary: 'A LAN browser becomes a counter device with a code from the admin screen; answers its token once.',
    input: z
      .object({
        code: z.string().regex(/^\d{6}$/, '6 digits'),
        name: z.string().trim().min(1).max(60),
      })
      .strict(),
    output: z.object({ id: z.string(), name: z.string(), token: DeviceTokenSchema }),
  }),
};
