import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileCipher } from '../../electron/core/platform/secrets';

const dirs: string[] = [];
function keyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gerai-key-'));
  dirs.push(dir);
  return join(dir, 'nested', 'secret.key');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('keyFileCipher', () => {
  it('round-trips text, unicode and empty strings', () => {
    const cipher = keyFileCipher(keyFile());
    for (const plain of ['router-admin-pass', 'kata sandi dengan spasi 🔐 é', '', 'x'.repeat(10_000)]) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('never writes the same bytes twice for the same secret, and never the secret itself', () => {
    const cipher = keyFileCipher(keyFile());
    const a = cipher.encrypt('gateway-server-key');
    const b = cipher.encrypt('gateway-server-key');
    expect(a.equals(b)).toBe(false);
    expect(a.toString('utf8')).not.toContain('gateway-server-key');
  });

  it('keeps its key in a file only the owner can read, and reuses it after a restart', () => {
    const file = keyFile();
    const sealed = keyFileCipher(file).encrypt('tetap bisa dibuka');
    expect(readFileSync(file)).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFileCipher(file).decrypt(sealed)).toBe('tetap bisa dibuka');
  });

  it('refuses sealed bytes that were changed anywhere (IV, tag or body)', () => {
    const cipher = keyFileCipher(keyFile());
    const sealed = cipher.encrypt('router-admin-pass');
    for (const index of [0, 11, 12, 27, 28, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = tampered[index]! ^ 0x01;
      expect(() => cipher.decrypt(tampered), `byte ${index}`).toThrow();
    }
    expect(() => cipher.decrypt(sealed.subarray(0, sealed.length - 1))).toThrow();
    expect(() => cipher.decrypt(Buffer.alloc(0))).toThrow();
  });

  it('cannot open what another key sealed', () => {
    const sealed = keyFileCipher(keyFile()).encrypt('milik cabang lain');
    expect(() => keyFileCipher(keyFile()).decrypt(sealed)).toThrow();
  });

  it('refuses a damaged key file instead of making a new key', () => {
    const file = keyFile();
    keyFileCipher(file);
    writeFileSync(file, Buffer.alloc(10));
    expect(() => keyFileCipher(file)).toThrow(/damaged/);
  });
});
