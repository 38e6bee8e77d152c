import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, redact } from '../../electron/core/platform/logger';

const SECRET = 'Sangat-Rahasia-42';

describe('redact()', () => {
  it('hides the values of secret-looking keys, whatever their case', () => {
    expect(
      redact({
        username: 'budi',
        password: SECRET,
        newPassword: SECRET,
        PASS: SECRET,
        apiSecret: SECRET,
        token: SECRET,
        Authorization: `Bearer ${SECRET}`,
        pin: '1234',
        password_hash: 'scrypt$x',
        salt: 'abc',
        serverKey: SECRET,
      }),
    ).toEqual({
      username: 'budi',
      password: '[redacted]',
      newPassword: '[redacted]',
      PASS: '[redacted]',
      apiSecret: '[redacted]',
      token: '[redacted]',
      Authorization: '[redacted]',
      pin: '[redacted]',
      password_hash: '[redacted]',
      salt: '[redacted]',
      serverKey: '[redacted]',
    });
  });

  it('keeps keys that only mention a secret visible, so the audit log stays useful', () => {
    expect(redact({ passwordChanged: true, pinSet: true, key: 'owner', hashAlgorithm: 'scrypt' })).toEqual({
      passwordChanged: true,
      pinSet: true,
      key: 'owner',
      hashAlgorithm: 'scrypt',
    });
  });

  it('hides secrets inside nested objects and arrays, and whole secret-named objects', () => {
    const out = redact({
      router: { host: '10.0.0.1', credentials: [{ user: 'admin', password: SECRET }] },
      secret: { a: 1 },
    });
    expect(out).toEqual({
      router: { host: '10.0.0.1', credentials: [{ user: 'admin', password: '[redacted]' }] },
      secret: '[redacted]',
    });
  });

  it('never lets a secret through, however deep it is nested', () => {
    let deep: Record<string, unknown> = { password: SECRET };
    for (let i = 0; i < 12; i++) deep = { level: deep };
    expect(JSON.stringify(redact(deep))).not.toContain(SECRET);
    let list: unknown = [{ token: SECRET }];
    for (let i = 0; i < 12; i++) list = [list];
    expect(JSON.stringify(redact(list))).not.toContain(SECRET);
  });

  it('leaves plain values and the input itself alone', () => {
    const input = { name: 'Sari', nested: { password: SECRET } };
    expect(redact(input)).not.toBe(input);
    expect(input.nested.password).toBe(SECRET);
    for (const value of [null, undefined, 0, 'text', true]) expect(redact(value)).toBe(value);
  });
});

describe('createLogger()', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('writes JSON lines with the context redacted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gerai-log-'));
    dirs.push(dir);
    const file = join(dir, 'logs', 'gerai.log');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const logger = createLogger(file);
    logger.info('signed in', { username: 'budi', password: SECRET });
    logger.error('router failed', { router: { password: SECRET, host: '10.0.0.1' } });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { level: 'info', message: 'signed in', username: 'budi', password: '[redacted]' },
      { level: 'error', message: 'router failed', router: { password: '[redacted]', host: '10.0.0.1' } },
    ]);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    // Errors are echoed to stderr, also redacted.
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]![0])).not.toContain(SECRET);
  });
});
