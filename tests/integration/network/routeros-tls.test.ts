/**
 * API-SSL (8729): the router's self-signed certificate is refused unless the caller explicitly
 * allows it (`rejectUnauthorized: false`) or pins it (`ca`). Node cannot make an X.509 certificate
 * by itself, so the test makes one with the system's openssl, and says so when there is none.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RouterUnreachableError } from '../../../electron/core/network/routeros/routeros-errors';
import { clientOf, rejectionOf, sim } from './routeros-support';

const OPENSSL = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((path) => existsSync(path)) ?? null;
const dir = mkdtempSync(join(tmpdir(), 'gerai-routeros-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed certificate for 127.0.0.1, as a router makes for itself. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    OPENSSL!,
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'pipe' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

describe.skipIf(OPENSSL === null)(
  `API-SSL${OPENSSL ? '' : ' (skipped: no openssl binary to make a test certificate)'}`,
  () => {
    const pem = OPENSSL ? selfSigned() : null;

    it('connects over TLS when self-signed certificates are explicitly allowed', async () => {
      const router = await sim({ version: '7.18', tls: pem });
      const client = clientOf(router, { tls: { rejectUnauthorized: false } });
      await client.add('/ppp/secret', { name: 'tls-budi', password: 'x' });
      expect((await client.print('/ppp/secret'))[0]!.name).toBe('tls-budi');
      expect(router.stats.logins.plain).toBe(1);
    });

    it('refuses the self-signed certificate by default, with a typed error', async () => {
      const router = await sim({ version: '7.18', tls: pem });
      const error = await rejectionOf(clientOf(router, { tls: true }).print('/system/identity'));
      expect(error).toBeInstanceOf(RouterUnreachableError);
      expect(error).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(router.stats.logins.plain).toBe(0);
    });

    it('trusts a pinned certificate with verification on', async () => {
      const router = await sim({ version: '6.42', tls: pem });
      const client = clientOf(router, { tls: { ca: pem!.cert } });
      expect(await client.print('/system/identity')).toEqual([{ name: 'MikroTik' }]);
      expect(client.loginMethod()).toBe('challenge');
    });
  },
);
