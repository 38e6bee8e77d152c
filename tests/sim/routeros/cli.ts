/**
 * `npm run sim:routeros -- [--port 8728] [--version 7.18] [--user admin --password x]
 *  [--latency-ms 2] [--tls-key key.pem --tls-cert cert.pem] [--exit-after 600] [--quiet]`
 *
 * Runs the RouterOS API simulator on 127.0.0.1 until Ctrl-C (or `--exit-after` seconds), printing
 * each command's path. Point Gerai (or any RouterOS API client) at it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isSimVersion, SIM_VERSIONS } from './sim-profiles';
import { startRouterOsSim } from './routeros-sim';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8728' },
      version: { type: 'string', default: '7.18' },
      user: { type: 'string', default: 'admin' },
      password: { type: 'string', default: '' },
      'latency-ms': { type: 'string', default: '0' },
      'monitor-interval-ms': { type: 'string', default: '1000' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      identity: { type: 'string', default: 'MikroTik' },
      'exit-after': { type: 'string', default: '0' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(
      'npm run sim:routeros -- [--port 8728] [--version 6.42|6.49|7.10|7.18] [--user admin --password x]\n' +
        '  [--latency-ms 2] [--monitor-interval-ms 1000] [--tls-key k.pem --tls-cert c.pem]\n' +
        '  [--identity MikroTik] [--exit-after seconds] [--quiet]\n',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0..65535, not ${values.port}`);
  if (!isSimVersion(values.version)) fail(`--version must be one of ${SIM_VERSIONS.join(', ')}`);
  const latencyMs = Number(values['latency-ms']);
  const exitAfter = Number(values['exit-after']);
  if (!(latencyMs >= 0) || !(exitAfter >= 0)) fail('--latency-ms and --exit-after must be numbers ≥ 0');
  if (Boolean(values['tls-key']) !== Boolean(values['tls-cert']))
    fail('--tls-key and --tls-cert go together');
  const tls =
    values['tls-key'] && values['tls-cert']
      ? { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) }
      : null;

  const sim = await startRouterOsSim({
    port,
    version: values.version,
    users: { [values.user]: values.password },
    latencyMs,
    tls,
    identity: values.identity,
    monitorIntervalMs: Number(values['monitor-interval-ms']),
    lifetimeMs: exitAfter * 1000,
    onCommand: values.quiet
      ? undefined
      : ({ connection, path, tag }) =>
          process.stderr.write(`#${connection} ${path}${tag ? ` .tag=${tag}` : ''}\n`),
  });
  process.stderr.write(
    `RouterOS ${values.version} API simulator on ${sim.host}:${sim.port}${tls ? ' (API-SSL)' : ''}, ` +
      `user ${JSON.stringify(values.user)}${exitAfter > 0 ? `, stopping after ${exitAfter} s` : ', Ctrl-C to stop'}\n`,
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (exitAfter > 0) setTimeout(stop, exitAfter * 1000);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
