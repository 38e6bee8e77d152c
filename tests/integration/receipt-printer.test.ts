import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parsePrinterTarget,
  saveReceiptFile,
  sendToPrinter,
} from '../../electron/core/pos/receipt/network-printer';

/** A stand-in for a network receipt printer on 127.0.0.1, on a port the OS picks. */
type FakePrinter = { server: Server; port: number; sockets: Socket[]; received: Promise<Buffer> };

const servers: FakePrinter[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  for (const printer of servers.splice(0)) {
    for (const socket of printer.sockets) socket.destroy();
    await new Promise<void>((resolve) => printer.server.close(() => resolve()));
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * `reads`: collects every byte and closes once the sender is done, as a printer does.
 * `stalls`: accepts, then never reads and never closes (paper out, cover open, a hung printer).
 */
async function fakePrinter(mode: 'reads' | 'stalls'): Promise<FakePrinter> {
  const sockets: Socket[] = [];
  let deliver: (bytes: Buffer) => void = () => undefined;
  const received = new Promise<Buffer>((resolve) => (deliver = resolve));
  const server = createServer({ pauseOnConnect: mode === 'stalls' }, (socket) => {
    sockets.push(socket);
    if (mode === 'stalls') return;
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => deliver(Buffer.concat(chunks)));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const printer = { server, port: (server.address() as AddressInfo).port, sockets, received };
  servers.push(printer);
  return printer;
}

/** A port that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('sendToPrinter', () => {
  it('delivers exactly the bytes and resolves once the printer has them', async () => {
    const printer = await fakePrinter('reads');
    // Bigger than socket buffers, so the write really has to drain.
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024));
    await sendToPrinter(`127.0.0.1:${printer.port}`, bytes, { timeoutMs: 10_000 });
    const received = await printer.received;
    expect(received.length).toBe(bytes.length);
    expect(received.equals(Buffer.from(bytes))).toBe(true);
  });

  it('rejects a closed port with a clear message, and the process carries on', async () => {
    const port = await closedPort();
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      await expect(sendToPrinter(`127.0.0.1:${port}`, new Uint8Array([0x1b, 0x40]))).rejects.toThrow(
        `printer 127.0.0.1:${port}: connection refused`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
    // Still able to print afterwards.
    const printer = await fakePrinter('reads');
    await sendToPrinter(`127.0.0.1:${printer.port}`, new Uint8Array([0x1b, 0x40]));
    expect([...(await printer.received)]).toEqual([0x1b, 0x40]);
  });

  it('times out on a printer that accepts but never reads or closes', async () => {
    const printer = await fakePrinter('stalls');
    const started = Date.now();
    await expect(
      sendToPrinter(`127.0.0.1:${printer.port}`, new Uint8Array(2048), { timeoutMs: 300 }),
    ).rejects.toThrow(
      `printer 127.0.0.1:${printer.port} accepted the connection but did not take the receipt in 0.3 s`,
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('times out while writing when the printer stops reading mid-job, even without waiting for its close', async () => {
    const printer = await fakePrinter('stalls');
    // Far more than loopback socket buffers hold, so the write can never drain.
    const bytes = new Uint8Array(64 * 1024 * 1024);
    await expect(
      sendToPrinter(`127.0.0.1:${printer.port}`, bytes, { timeoutMs: 500, waitForClose: false }),
    ).rejects.toThrow(/did not take the receipt in 0\.5 s/);
  });

  it('rejects an address it cannot parse before touching the network', async () => {
    await expect(sendToPrinter('printer:99999', new Uint8Array(1))).rejects.toThrow('invalid port');
    expect(parsePrinterTarget('10.0.0.5')).toEqual({ host: '10.0.0.5', port: 9100 });
    expect(parsePrinterTarget('tcp://kasir-1.lan:9101')).toEqual({ host: 'kasir-1.lan', port: 9101 });
    expect(parsePrinterTarget('[fe80::1]:9100')).toEqual({ host: 'fe80::1', port: 9100 });
  });
});

describe('saveReceiptFile', () => {
  it('writes the bytes under the sale number with "/" turned into "-"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gerai-receipt-'));
    tempDirs.push(dir);
    const bytes = new Uint8Array([0x1b, 0x40, 0x41, 0x1d, 0x56, 0x01]);
    const path = saveReceiptFile(join(dir, 'struk'), 'PJ/T1/2505/0001', bytes);
    expect(path).toBe(join(dir, 'struk', 'PJ-T1-2505-0001.bin'));
    expect([...readFileSync(path)]).toEqual([...bytes]);
    expect(() => saveReceiptFile(dir, '..', bytes)).toThrow();
  });
});
