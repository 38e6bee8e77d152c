import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../electron/core/auth/password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Benar-Sekali-2030');
    expect(await verifyPassword('Benar-Sekali-2030', hash)).toBe(true);
    expect(await verifyPassword('benar-sekali-2030', hash)).toBe(false);
    expect(await verifyPassword('Benar-Sekali-2030 ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores scrypt parameters, a 16-byte salt and a 64-byte key, never the password', async () => {
    const hash = await hashPassword('Benar-Sekali-2030');
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(64);
    expect(hash).not.toContain('Benar-Sekali-2030');
  });

  it('salts each hash: the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('sama-persis-123'), hashPassword('sama-persis-123')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('sama-persis-123', a)).toBe(true);
    expect(await verifyPassword('sama-persis-123', b)).toBe(true);
  });

  it('treats Unicode look-alike forms of a password as the same password (NFKC)', async () => {
    const composed = await hashPassword('Caf\u00e9-rahasia');
    expect(await verifyPassword('Cafe\u0301-rahasia', composed)).toBe(true);
  });

  it('refuses anything that is not one of its own hashes', async () => {
    const hash = await hashPassword('Benar-Sekali-2030');
    const parts = hash.split('$');
    const key = Buffer.from(parts[5]!, 'base64');
    key[0] = key[0]! ^ 1;
    const flipped = [...parts.slice(0, 5), key.toString('base64')].join('$');
    expect(await verifyPassword('Benar-Sekali-2030', flipped)).toBe(false);
    expect(await verifyPassword('Benar-Sekali-2030', hash.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    expect(await verifyPassword('Benar-Sekali-2030', 'Benar-Sekali-2030')).toBe(false);
    expect(await verifyPassword('Benar-Sekali-2030', '')).toBe(false);
    for (const guess of ['', 'password', 'x'.repeat(200)])
      expect(await verifyPassword(guess, DUMMY_HASH)).toBe(false);
  });
});
