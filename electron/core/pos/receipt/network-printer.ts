import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { connect, isIP } from 'node:net';
import { join } from 'node:path';

/** The raw-printing port of network receipt printers (JetDirect/AppSocket). */
export const DEFAULT_PRINTER_PORT = 9100;
const DEFAULT_TIMEOUT_MS = 5000;

export type SendOptions = {
  /** Each of the two waits (connecting; taking the receipt) may last this long. Default 5000. */
  timeoutMs?: number;
  /**
   * Wait for the printer to close its side after we close ours, as CUPS's socket backend does by
   * default (`waiteof`): only then has it read the whole receipt. Turn off for a printer that
   * never closes. Default true.
   */
  waitForClose?: boolean;
};

/** "host", "host:port", "[v6]:port" or "tcp://host:port" → host and port (9100 when absent). */
export function parsePrinterTarget(target: string): { host: string; port: number } {
  const text = target.trim().replace(/^tcp:\/\//i, '');
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  let host: string;
  let portText: string | undefined;
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
  } else if (isIP(text) === 6) {
    host = text;
  } else {
    const colon = text.lastIndexOf(':');
    host = colon === -1 ? text : text.slice(0, colon);
    portText = colon === -1 ? undefined : text.slice(colon + 1);
  }
  const port = portText === undefined ? DEFAULT_PRINTER_PORT : Number(portText);
  if (host === '' || /[\s/]/.test(host))
    throw new Error(`printer address "${target}" is not host or host:port`);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`printer address "${target}" has an invalid port`);
  return { host, port };
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** A socket error in words a cashier or support can act on. */
function describeError(err: NodeJS.ErrnoException, label: string): Error {
  const reason =
    {
      ECONNREFUSED: 'connection refused (is it switched on, and is the port right?)',
      ECONNRESET: 'connection reset while sending',
      EPIPE: 'connection closed while sending',
      EHOSTUNREACH: 'host unreachable (check the network and the address)',
      ENETUNREACH: 'network unreachable',
      ENOTFOUND: 'unknown host name',
      EAI_AGAIN: 'host name could not be looked up',
    }[err.code ?? ''] ?? err.message;
  return new Error(`printer ${label}: ${reason}`, { cause: err });
}

/**
 * Sends raw printer bytes to a network printer over TCP and resolves once the printer has taken
 * them. Never throws or emits outside the promise: a dead printer must not crash the process.
 */
export function sendToPrinter(target: string, bytes: Uint8Array, options: SendOptions = {}): Promise<void> {
  let host: string;
  let port: number;
  try {
    ({ host, port } = parsePrinterTarget(target));
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const waitForClose = options.waitForClose ?? true;
  const label = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let connected = false;
    let flushed = false;
    const socket = connect({ host, port });

    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        socket.destroy();
        reject(err);
      } else {
        resolve();
      }
    };
    const onTimeout = () =>
      finish(
        new Error(
          connected
            ? `printer ${label} accepted the connection but did not take the receipt in ${seconds(timeoutMs)} (paper out, cover open or busy?)`
            : `printer ${label} did not answer in ${seconds(timeoutMs)}`,
        ),
      );
    let timer = setTimeout(onTimeout, timeoutMs);

    // Attached before anything can fail, so an error is always a rejection, never an 'uncaughtException'.
    socket.on('error', (err: NodeJS.ErrnoException) => finish(describeError(err, label)));
    socket.on('connect', () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(onTimeout, timeoutMs);
      socket.setNoDelay(true);
      // end(): write, and once the write has drained, half-close so the printer sees the job end.
      socket.end(bytes, () => {
        flushed = true;
        if (!waitForClose) {
          // Everything is with the kernel; close our side for good without resetting the data in flight.
          socket.destroySoon();
          finish();
        }
      });
    });
    // Some printers send status bytes back; read and drop them, or their close never shows.
    socket.on('data', () => undefined);
    socket.on('close', (hadError) => {
      if (hadError) return; // 'error' has settled it
      if (flushed) finish();
      else finish(new Error(`printer ${label} closed the connection before taking the receipt`));
    });
  });
}

/**
 * Keeps the receipt's bytes as `<dir>/<sale number with "/" → "-">.bin` (for printing later, or a
 * printer shared through the OS). Returns the path written.
 */
export function saveReceiptFile(dir: string, saleNumber: string, bytes: Uint8Array): string {
  const name = saleNumber
    .trim()
    .replace(/[/\\]/g, '-')
    .replace(/[^A-Za-z0-9._-]/g, '_');
  if (name === '' || /^\.+$/.test(name)) throw new Error(`sale number "${saleNumber}" cannot be a file name`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.bin`);
  // Written aside and renamed, so a crash never leaves half a receipt under the real name.
  const partial = `${path}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
  return path;
}
