import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../domain/errors';
import type { CertificateInfo, TlsVault } from '../services/lan';

export const TLS_FOLDER = 'tls';
const CERT_FILE = 'cert.pem';
const KEY_FILE = 'key.pem';

/** Reads the pair the administrator uploaded; refuses what a browser would refuse anyway. */
export function checkCertificatePair(certPem: string, keyPem: string, now: number): CertificateInfo {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certPem);
  } catch {
    throw new AppError('bad_input', 'tls.certPem: not a PEM certificate');
  }
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new AppError(
      'bad_input',
      'tls.keyPem: not a PEM private key (an encrypted key needs its passphrase removed)',
    );
  }
  if (!certificate.checkPrivateKey(key))
    throw new AppError('bad_input', 'tls.keyPem: the key does not belong to this certificate');
  const validTo = new Date(certificate.validTo);
  if (validTo.getTime() <= now)
    throw new AppError('bad_input', `tls.certPem: the certificate expired on ${validTo.toISOString().slice(0, 10)}`);
  return { subject: certificate.subject.replaceAll('\n', ', '), validTo: validTo.toISOString() };
}

/**
 * The LAN host's certificate and key in <dataDir>/tls/, readable by the app's
 * user only (0600 in a 0700 folder). The renderer sends the files' contents,
 * never a path, so the host reads nothing the administrator did not upload.
 */
export function createTlsVault(dataDir: string, clock: { now(): number } = { now: Date.now }): TlsVault {
  const dir = path.join(dataDir, TLS_FOLDER);
  const files = { certFile: path.join(dir, CERT_FILE), keyFile: path.join(dir, KEY_FILE) };

  const write = (file: string, text: string) => {
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, text, { mode: 0o600 });
    fs.chmodSync(temporary, 0o600); // an existing file keeps its mode through writeFileSync
    fs.renameSync(temporary, file);
  };

  return {
    save(certPem, keyPem) {
      const certificate = checkCertificatePair(certPem, keyPem, clock.now());
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      write(files.keyFile, keyPem);
      write(files.certFile, certPem);
      return certificate;
    },
    remove() {
      fs.rmSync(files.certFile, { force: true });
      fs.rmSync(files.keyFile, { force: true });
    },
    stored() {
      if (!fs.existsSync(files.certFile) || !fs.existsSync(files.keyFile)) return null;
      try {
        const certificate = new X509Certificate(fs.readFileSync(files.certFile));
        return {
          files,
          certificate: {
            subject: certificate.subject.replaceAll('\n', ', '),
            validTo: new Date(certificate.validTo).toISOString(),
          },
        };
      } catch {
        return null; // damaged by hand: plain HTTP until a new pair is uploaded
      }
    },
  };
}
