/**
 * The simulator's wire behaviour seen through a bare socket (no client library in between), so the
 * client tests rest on a simulator that really says what RouterOS says.
 */
import { createHash } from 'node:crypto';
import { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSentence, SentenceDecoder } from '../../../electron/core/network/routeros/routeros-codec';
import type { SimVersion } from '../../sim/routeros/sim-profiles';
import { PASSWORD, sim } from './routeros-support';

type Raw = { send(...words: string[]): void; next(count?: number): Promise<string[][]>; close(): void };

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

async function raw(port: number): Promise<Raw> {
  const socket = new Socket();
  sockets.push(socket);
  const decoder = new SentenceDecoder();
  const inbox: string[][] = [];
  let wake: () => void = () => undefined;
  socket.on('data', (chunk: Buffer) => {
    for (const sentence of decoder.push(chunk)) inbox.push(sentence.map((w) => w.toString('utf8')));
    wake();
  });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
  return {
    send: (...words) => void socket.write(encodeSentence(words, 'utf8')),
    async next(count = 1) {
      const deadline = Date.now() + 3_000;
      while (inbox.length < count) {
        if (Date.now() > deadline)
          throw new Error(`waited for ${count} sentences, have ${JSON.stringify(inbox)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return inbox.splice(0, count);
    },
    close: () => socket.destroy(),
  };
}

async function loggedIn(version: SimVersion): Promise<Raw> {
  const router = await sim({ version });
  const connection = await raw(router.port);
  connection.send('/login', '=name=admin', `=password=${PASSWORD}`);
  expect(await connection.next()).toEqual([['!done']]);
  return connection;
}

describe('simulator on the wire', () => {
  it('answers an empty print with !empty then !done on 7.18, and with !done alone before', async () => {
    const v718 = await loggedIn('7.18');
    v718.send('/ppp/secret/print', '.tag=p');
    expect(await v718.next(2)).toEqual([
      ['!empty', '.tag=p'],
      ['!done', '.tag=p'],
    ]);
    const v710 = await loggedIn('7.10');
    v710.send('/ppp/secret/print', '.tag=p');
    expect(await v710.next()).toEqual([['!done', '.tag=p']]);
  });

  it('runs the pre-6.43 challenge login on 6.42', async () => {
    const router = await sim({ version: '6.42' });
    const connection = await raw(router.port);
    connection.send('/login');
    const [[done, ret]] = (await connection.next()) as [[string, string]];
    expect(done).toBe('!done');
    expect(ret).toMatch(/^=ret=[0-9a-f]{32}$/);
    const challenge = Buffer.from(ret.slice(5), 'hex');
    const digest = createHash('md5')
      .update(Buffer.concat([Buffer.from([0]), Buffer.from(PASSWORD), challenge]))
      .digest('hex');
    connection.send('/login', '=name=admin', `=response=00${digest}`);
    expect(await connection.next()).toEqual([['!done']]);
    connection.send('/login');
    const [[, second]] = (await connection.next()) as [[string, string]];
    connection.send('/login', '=name=admin', `=response=00${'0'.repeat(32)}`);
    expect(second).not.toBe(ret);
    expect(await connection.next(2)).toEqual([['!trap', '=message=cannot log in'], ['!done']]);
  });

  it('refuses commands before login, and unknown commands with category 0', async () => {
    const router = await sim({ version: '6.49' });
    const connection = await raw(router.port);
    connection.send('/ppp/secret/print', '.tag=1');
    expect(await connection.next(2)).toEqual([
      ['!trap', '=category=5', '=message=not logged in', '.tag=1'],
      ['!done', '.tag=1'],
    ]);
    connection.send('/login', '=name=admin', `=password=${PASSWORD}`);
    await connection.next();
    connection.send('/ppp/nothing/print', '.tag=2');
    expect((await connection.next(2))[0]).toEqual([
      '!trap',
      '=category=0',
      '=message=no such command prefix',
      '.tag=2',
    ]);
    connection.send('/ppp/secret/frobnicate', '.tag=3');
    expect((await connection.next(2))[0]).toEqual([
      '!trap',
      '=category=0',
      '=message=no such command',
      '.tag=3',
    ]);
  });

  it('streams until /cancel, then sends interrupted (category 2) and !done for the stream before the cancel’s !done', async () => {
    const connection = await loggedIn('7.18');
    connection.send(
      '/interface/monitor-traffic',
      '=interface=ether2',
      '=.proplist=name,rx-bits-per-second',
      '.tag=m',
    );
    const [first] = (await connection.next()) as [string[]];
    expect(first[0]).toBe('!re');
    expect(first).toContain('=name=ether2');
    expect(first.at(-1)).toBe('.tag=m');
    expect(first).toHaveLength(4);
    connection.send('/cancel', '=tag=m', '.tag=c');
    let sentences = await connection.next();
    while (sentences[0]![0] === '!re') sentences = await connection.next();
    expect([...sentences, ...(await connection.next(2))]).toEqual([
      ['!trap', '=category=2', '=message=interrupted', '.tag=m'],
      ['!done', '.tag=m'],
      ['!done', '.tag=c'],
    ]);
  });

  it('answers /quit with !fatal and the reason, untagged, then closes', async () => {
    const connection = await loggedIn('7.10');
    connection.send('/quit', '.tag=q');
    expect(await connection.next()).toEqual([['!fatal', 'session terminated on request']]);
  });

  it('returns the new .id of an add in !done =ret=', async () => {
    const connection = await loggedIn('6.49');
    connection.send('/ppp/secret/add', '=name=budi', '=password=x', '.tag=a');
    expect(await connection.next()).toEqual([['!done', '=ret=*1', '.tag=a']]);
  });
});
