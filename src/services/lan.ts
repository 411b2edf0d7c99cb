import type { PairedDevice, Session } from '../contract/dispatch';
import { DEFAULT_LAN_PORT, PAIRING_CODE_MINUTES } from '../contract/lan';
import { AppError } from '../domain/errors';
import type { AuditLog, Clock, Logger } from './ports';

/** What the LAN host is told to do (see src/server/lanHost.ts). */
export interface LanHostSettings {
  enabled: boolean;
  port: number;
  /** Files holding the certificate and key: HTTPS. Null or omitted: plain HTTP. */
  tls?: { certFile: string; keyFile: string } | null;
}

/** The host that serves the app on the LAN, given by whoever runs the app (Electron or `npm run serve`). */
export interface LanHostPort {
  apply(settings: LanHostSettings): Promise<{ url: string | null }>;
}

/** What is stored in the settings table; the certificate lives in files beside the database. */
export interface StoredLanSettings {
  enabled: boolean;
  port: number;
}

export interface PairedDeviceRow {
  id: string;
  name: string;
  pairedAt: string;
  pairedBy: string;
  revokedAt: string | null;
  responses: number;
}

export interface LanStore {
  settings(): StoredLanSettings | undefined;
  saveSettings(settings: StoredLanSettings): void;
  /** Stores a new pairing code; any code still open is withdrawn (one code at a time). */
  addCode(code: { codeHash: string; createdBy: string; createdAt: string; expiresAt: string }): void;
  /**
   * Uses the code when it is open (unused, unexpired) and returns who made it;
   * otherwise counts a failure against the open code, withdrawing it after
   * `maxFailures`, and returns null.
   */
  useCode(codeHash: string, now: string, maxFailures: number): { createdBy: string } | null;
  insertDevice(device: { id: string; name: string; tokenHash: string; pairedAt: string; pairedBy: string }): void;
  devices(): PairedDeviceRow[];
  device(id: string): PairedDeviceRow | null;
  revoke(id: string, at: string, by: string): void;
  /** The paired, not revoked, device holding this token hash. */
  activeDeviceByTokenHash(tokenHash: string): PairedDevice | null;
  inTransaction<T>(work: () => T): T;
}

export interface CertificateInfo {
  subject: string;
  validTo: string;
}

/** The HTTPS certificate and key, kept as files only the app's user can read. */
export interface TlsVault {
  /** Checks the pair (parses, matches, not expired) and stores it; AppError bad_input otherwise. */
  save(certPem: string, keyPem: string): CertificateInfo;
  remove(): void;
  stored(): { files: { certFile: string; keyFile: string }; certificate: CertificateInfo } | null;
}

export interface LanServiceDeps {
  store: LanStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  tls: TlsVault;
  /** The LAN host; absent where nothing serves the LAN (a CLI, a test of the service alone). */
  host?: LanHostPort;
  /** This machine's network addresses, IPv4 first. */
  addresses: () => string[];
  /** One-way hash of a token or code (they are stored only hashed). */
  hash: (secret: string) => string;
  newToken: () => string;
  /** Six random decimal digits. */
  newCode: () => string;
  newId: () => string;
}

export const LAN_SETTINGS_KEY = 'lan';
/** Wrong codes tried before the open code is withdrawn: a 6-digit code cannot be guessed in time. */
export const MAX_PAIRING_FAILURES = 10;

const who = (session: Session | null): string => {
  if (!session) throw new AppError('unauthenticated', 'sign in first');
  return session.officer;
};

const hostName = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** LAN access: the setting, the host that follows it, and the counter devices an administrator paired. */
export function createLanService({
  store,
  audit,
  clock,
  logger,
  tls,
  host,
  addresses,
  hash,
  newToken,
  newCode,
  newId,
}: LanServiceDeps) {
  const now = () => new Date(clock.now()).toISOString();
  let problem: string | null = null;
  // Settings saved in quick succession are applied in order, never two at once.
  let applying: Promise<unknown> = Promise.resolve();

  const settings = (): StoredLanSettings => store.settings() ?? { enabled: false, port: DEFAULT_LAN_PORT };

  function urls(): string[] {
    const { enabled, port } = settings();
    if (!enabled || problem !== null) return [];
    const scheme = tls.stored() ? 'https' : 'http';
    return addresses().map((address) => `${scheme}://${hostName(address)}:${port}/`);
  }

  function view() {
    const { enabled, port } = settings();
    const stored = tls.stored();
    return {
      enabled,
      port,
      https: stored !== null,
      certificate: stored?.certificate ?? null,
      addresses: addresses(),
      urls: urls(),
      problem,
      devices: store.devices(),
    };
  }

  /** Tells the host what the stored setting says; a port that cannot be opened is reported, never thrown. */
  function apply(): Promise<void> {
    const run = async () => {
      if (!host) return;
      const { enabled, port } = settings();
      try {
        await host.apply({ enabled, port, tls: enabled ? (tls.stored()?.files ?? null) : null });
        problem = null;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
        logger.error('the LAN host could not be started', { port, error: problem });
      }
    };
    const next = applying.then(run);
    applying = next;
    return next;
  }

  const auditView = (s: StoredLanSettings) => ({
    ...s,
    https: tls.stored() !== null,
    certificate: tls.stored()?.certificate.subject ?? null,
  });

  async function update(
    input: { enabled: boolean; port: number; tls?: { certPem: string; keyPem: string } | null | undefined },
    session: Session | null,
  ) {
    const officer = who(session);
    const before = auditView(settings());
    // The files first: a pair that does not check out changes nothing.
    if (input.tls) tls.save(input.tls.certPem, input.tls.keyPem);
    else if (input.tls === null) tls.remove();
    const next = { enabled: input.enabled, port: input.port };
    store.inTransaction(() => {
      store.saveSettings(next);
      audit.record({ at: now(), officer, action: 'lan.update', target: null, before, after: auditView(next) });
    });
    await apply();
    return view();
  }

  function createPairingCode(session: Session | null) {
    const officer = who(session);
    const code = newCode();
    const createdAt = now();
    const expiresAt = new Date(clock.now() + PAIRING_CODE_MINUTES * 60_000).toISOString();
    store.inTransaction(() => {
      store.addCode({ codeHash: hash(code), createdBy: officer, createdAt, expiresAt });
      // The code itself is never written to the log: whoever reads the audit could pair with it.
      audit.record({ at: createdAt, officer, action: 'lan.pairing_code', target: null, after: { expiresAt } });
    });
    return { code, expiresAt, urls: urls().map((url) => `${url}#/pair?code=${code}`) };
  }

  function pairDevice(input: { code: string; name: string }, local: boolean) {
    if (local) throw new AppError('conflict', 'this is the kiosk itself: it needs no pairing');
    const at = now();
    // Outside the pairing transaction: a wrong code's failure count must stay counted.
    const code = store.useCode(hash(input.code), at, MAX_PAIRING_FAILURES);
    if (!code)
      throw new AppError(
        'forbidden',
        'the pairing code is wrong, used or expired; ask the administrator for a new one',
      );
    return store.inTransaction(() => {
      const token = newToken();
      const device = { id: newId(), name: input.name };
      store.insertDevice({ ...device, tokenHash: hash(token), pairedAt: at, pairedBy: code.createdBy });
      audit.record({ at, officer: code.createdBy, action: 'lan.pair', target: device.id, after: device });
      return { ...device, token };
    });
  }

  function revoke({ id }: { id: string }, session: Session | null) {
    const officer = who(session);
    return store.inTransaction(() => {
      const before = store.device(id);
      if (!before) throw new AppError('not_found', `no paired device ${id}`);
      if (before.revokedAt !== null) return before;
      store.revoke(id, now(), officer);
      const after = store.device(id) as PairedDeviceRow;
      audit.record({
        at: now(),
        officer,
        action: 'lan.revoke',
        target: id,
        before: { name: before.name },
        after: { name: after.name, revokedAt: after.revokedAt },
      });
      return after;
    });
  }

  return {
    view,
    update,
    /** Applies the stored setting; the app calls it once at start. */
    start: apply,
    createPairingCode,
    listDevices: () => store.devices(),
    revoke,
    pairDevice,
    resolveDevice: (token: string): PairedDevice | null => store.activeDeviceByTokenHash(hash(token)),
  };
}

export type LanService = ReturnType<typeof createLanService>;
