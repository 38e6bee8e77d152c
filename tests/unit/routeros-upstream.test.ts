/**
 * The node-routeros 1.6.9 defects the wrapper works around, each shown on the stock classes (so the
 * day an upgrade fixes one, a test here says so) next to the wrapper's behaviour. The same fixes are
 * exercised end to end against the simulator in tests/integration/network/.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Channel, Connector, Receiver, RouterOSAPI, Transmitter } from 'node-routeros';
import { describe, expect, it } from 'vitest';
import {
  encodeSentence,
  encodeText,
  SentenceDecoder,
} from '../../electron/core/network/routeros/routeros-codec';
import { challengeResponse } from '../../electron/core/network/routeros/routeros-connection';

/** A reply stream: two `!re` rows and the `!done` of tag `t`. */
const REPLY: string[][] = [
  ['!re', '.tag=t', '=name=budi', `=comment=${'x'.repeat(200)}`],
  ['!re', '=name=sari', '.tag=t'],
  ['!done', '.tag=t'],
];
const REPLY_BYTES = Buffer.concat(REPLY.map((words) => encodeSentence(words, 'utf8')));
const EXPECTED_PACKETS = REPLY.map((words) => words.filter((w) => !w.startsWith('.tag=')));

/** What the stock Receiver hands to tag `t` when the bytes arrive in these chunks. */
function stockReceiverPackets(chunks: Buffer[]): string[][] {
  const receiver = new Receiver(new EventEmitter() as never);
  const packets: string[][] = [];
  receiver.read('t', (packet) => packets.push([...packet]));
  for (const chunk of chunks) receiver.processRawData(chunk);
  return packets;
}

function ourPackets(chunks: Buffer[]): string[][] {
  const decoder = new SentenceDecoder();
  return chunks.flatMap((chunk) =>
    decoder.push(chunk).map((sentence) => sentence.map(String).filter((w) => !w.startsWith('.tag='))),
  );
}

describe('node-routeros 1.6.9 Receiver: framing by guesswork', () => {
  it('loses the last reply when its closing zero byte arrives in a later TCP chunk (the command never completes)', () => {
    const chunks = [REPLY_BYTES.subarray(0, -1), REPLY_BYTES.subarray(-1)];
    expect(stockReceiverPackets(chunks)).toEqual(EXPECTED_PACKETS.slice(0, 2));
    expect(ourPackets(chunks)).toEqual(EXPECTED_PACKETS);
  });

  it('delivers nothing at all when the reply trickles in a byte at a time', () => {
    const chunks = [...REPLY_BYTES].map((byte) => Buffer.from([byte]));
    expect(stockReceiverPackets(chunks)).toEqual([]);
    expect(ourPackets(chunks)).toEqual(EXPECTED_PACKETS);
  });
});

/** A stock Channel on a stand-in connector, with a way to play reply packets into it. */
function channelWithReplies() {
  let deliver: (packet: string[]) => void = () => undefined;
  const written: string[][] = [];
  const connector = {
    read: (_tag: string, callback: (packet: string[]) => void) => void (deliver = callback),
    write: (words: string[]) => void written.push(words),
    stopRead: () => undefined,
  };
  const channel = new Channel(connector as unknown as Connector);
  return { channel, written, reply: (packet: string[]) => deliver([...packet]) };
}

describe('node-routeros 1.6.9 Channel', () => {
  it('throws UNKNOWNREPLY on the !empty of RouterOS 7.18 — inside the socket data handler, so the process dies', () => {
    const { channel, reply } = channelWithReplies();
    void channel.write(['/ppp/secret/print']);
    expect(() => reply(['!empty'])).toThrow(/unknown reply: !empty/);
  });

  it('rejects a !trap with a bare Error: the category is gone', async () => {
    const { channel, reply } = channelWithReplies();
    const result = channel.write(['/ppp/secret/add', '=profile=nope']);
    reply(['!trap', '=category=1', '=message=input does not match any value of profile']);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(Object.keys(error as object)).toEqual([]);
    expect((error as Error).message).toBe('input does not match any value of profile');
  });
});

describe('node-routeros 1.6.9 Connector/Transmitter', () => {
  it('writes every word of a sentence with its own socket.write() (so Nagle holds all but the first)', () => {
    const writes: unknown[] = [];
    const socket = Object.assign(new EventEmitter(), {
      writable: true,
      write: (data: unknown) => writes.push(data),
    });
    const connector = new Connector({ host: '127.0.0.1', port: 1 });
    (connector as unknown as { transmitter: unknown }).transmitter = new Transmitter(socket as never);
    connector.write(['/ppp/secret/print', '=.proplist=name', '?disabled=false', '.tag=a']);
    expect(writes).toHaveLength(5); // four words and the terminator, each on its own
    // The wrapper's connector encodes the sentence once (see the integration test for the socket).
    expect(
      encodeSentence(['/ppp/secret/print', '=.proplist=name', '?disabled=false', '.tag=a'], 'utf8').length,
    ).toBe(
      Buffer.concat(writes.map((w) => (typeof w === 'string' ? Buffer.from(w, 'latin1') : (w as Buffer))))
        .length,
    );
  });
});

describe('legacy (< 6.43) challenge login', () => {
  const challenge = '7d2c1e6f0b8a4d3c9e5f1a2b3c4d5e6f';
  const independent = (password: Buffer) =>
    `00${createHash('md5')
      .update(Buffer.concat([Buffer.from([0]), password, Buffer.from(challenge, 'hex')]))
      .digest('hex')}`;

  /** The response node-routeros' own login() sends for `password`. */
  async function upstreamResponse(password: string): Promise<string> {
    const api = new RouterOSAPI({ host: '127.0.0.1', user: 'admin', password });
    const sent: string[][] = [];
    (api as unknown as { write: (command: string, params: string[]) => Promise<unknown> }).write = (
      _command,
      params,
    ) => {
      sent.push(params);
      return Promise.resolve(sent.length === 1 ? [{ ret: challenge }] : []);
    };
    (api as unknown as { connector: unknown }).connector = { destroy: () => undefined };
    await (api as unknown as { login(): Promise<unknown> }).login();
    return sent[1]!.find((word) => word.startsWith('=response='))!.slice('=response='.length);
  }

  it('matches node-routeros for an ASCII password', async () => {
    expect(challengeResponse('rahasia', challenge, 'win1252')).toBe(independent(Buffer.from('rahasia')));
    expect(await upstreamResponse('rahasia')).toBe(challengeResponse('rahasia', challenge, 'win1252'));
  });

  it('hashes every byte of a non-ASCII password (node-routeros cuts it short: buffer sized in UTF-16 units)', async () => {
    const password = 'kopi-é€';
    expect(challengeResponse(password, challenge, 'win1252')).toBe(
      independent(encodeText(password, 'win1252')),
    );
    expect(challengeResponse(password, challenge, 'utf8')).toBe(independent(Buffer.from(password, 'utf8')));
    const upstream = await upstreamResponse(password);
    expect(upstream).not.toBe(challengeResponse(password, challenge, 'utf8'));
    expect(upstream).not.toBe(challengeResponse(password, challenge, 'win1252'));
  });
});
