import type { SafeStorage } from 'electron';
import type { SecretBox } from '../src/node/secretFile';

/**
 * Seals with Electron's safeStorage: DPAPI on Windows (bound to the kiosk's
 * Windows account), the keychain on macOS, the desktop keyring on Linux. Null
 * where encryption is not available (a Linux session without a keyring): the
 * caller then keeps the 0600 file unsealed, as the HTTP host does, and says so.
 */
export function safeStorageBox(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    kind: 'safeStorage',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
