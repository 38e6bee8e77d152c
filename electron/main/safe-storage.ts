import { existsSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { Logger } from '../core/platform/logger';
import { keyFileCipher, type SecretCipher } from '../core/platform/secrets';

/** Marks a secret sealed by the OS keychain; anything else is the key-file format the web host writes. */
const KEYCHAIN_MARK = Buffer.from('GSS1', 'latin1');

/**
 * The OS keychain when it really protects the secret. Linux without a keyring reports "available"
 * with the `basic_text` backend, which uses a hard-coded password: a 0600 key file is no worse.
 */
function keychainUsable(): { usable: boolean; backend: string } {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  return { usable: safeStorage.isEncryptionAvailable() && backend !== 'basic_text', backend };
}

/**
 * A `SecretCipher` backed by Electron's safeStorage (DPAPI, Keychain, libsecret/kwallet). Without a
 * usable keychain it seals with the core's key file in the data folder and logs a warning. Secrets
 * sealed either way stay readable: the format is tagged, and the key file is only created when needed.
 * Call after `app.whenReady()`.
 */
export function safeStorageCipher(options: { keyFile: string; logger: Logger }): SecretCipher {
  const { usable, backend } = keychainUsable();
  if (!usable) {
    options.logger.warn('OS keychain not available; secrets are sealed with a key file in the data folder', {
      backend,
      keyFile: options.keyFile,
    });
  }
  let fileCipher: SecretCipher | undefined;
  const byKeyFile = () => (fileCipher ??= keyFileCipher(options.keyFile));

  return {
    encrypt(plain) {
      if (!usable) return byKeyFile().encrypt(plain);
      return Buffer.concat([KEYCHAIN_MARK, safeStorage.encryptString(plain)]);
    },
    decrypt(sealed) {
      if (!sealed.subarray(0, KEYCHAIN_MARK.length).equals(KEYCHAIN_MARK)) return byKeyFile().decrypt(sealed);
      if (!usable) {
        throw new Error(
          'This secret was sealed with the OS keychain, which is not available in this session',
        );
      }
      try {
        return safeStorage.decryptString(sealed.subarray(KEYCHAIN_MARK.length));
      } catch (keychainError) {
        // A key-file secret whose random IV happens to start with the mark (1 in 2^32).
        if (!existsSync(options.keyFile)) throw keychainError;
        try {
          return byKeyFile().decrypt(sealed);
        } catch {
          throw keychainError;
        }
      }
    },
  };
}
