import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { Transmitter } from 'node-routeros';
import { describe, expect, it } from 'vitest';
import {
  decodeLength,
  decodeText,
  encodeLength,
  encodeSentence,
  encodeText,
  parseReply,
  RouterProtocolError,
  SentenceDecoder,
} from '../../electron/core/network/routeros/routeros-codec';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The API manual's table, at both sides of every boundary. */
const DOCUMENTED: ReadonlyArray<[length: number, bytes: string]> = [
  [0x00, '00'],
  [0x7f, '7f'],
  [0x80, '8080'],
  [0x3fff, 'bfff'],
  [0x4000, 'c04000'],
  [0x1fffff, 'dfffff'],
  [0x200000, 'e0200000'],
  [0xfffffff, 'efffffff'],
  [0x10000000, 'f010000000'],
  [0xffffffff, 'f0ffffffff'],
];

describe('word length prefix', () => {
  it.each(DOCUMENTED)('encodes %i as the documented bytes %s', (length, bytes) => {
    expect(hex(encodeLength(length))).toBe(bytes);
  });

  it.each(DOCUMENTED)(
    'decodes %i back from %s, and asks for more when a byte is missing',
    (length, bytes) => {
      const buffer = Buffer.from(bytes, 'hex');
      expect(decodeLength(buffer)).toEqual({ length, size: buffer.length });
      expect(decodeLength(Buffer.concat([Buffer.from([0x61]), buffer]), 1)).toEqual({
        length,
        size: buffer.length,
      });
      for (let cut = 0; cut < buffer.length; cut++) expect(decodeLength(buffer.subarray(0, cut))).toBeNull();
    },
  );

  it('round-trips any length and picks the shortest form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (length) => {
        const bytes = encodeLength(length);
        const size =
          length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : length < 0x10000000 ? 4 : 5;
        expect(bytes.length).toBe(size);
        expect(decodeLength(bytes)).toEqual({ length, size });
      }),
    );
  });

  it('agrees with node-routeros’ own encoder where that one is right (every boundary up to 0x200000)', () => {
    const transmitter = new Transmitter(new EventEmitter() as never) as unknown as {
      encodeString(s: string): Buffer;
    };
    for (const [length] of DOCUMENTED.filter(([n]) => n <= 0x200000)) {
      const upstream = transmitter.encodeString('a'.repeat(length));
      expect(hex(upstream.subarray(0, upstream.length - length))).toBe(hex(encodeLength(length)));
    }
  });

  it('refuses reserved control bytes and impossible lengths', () => {
    expect(() => decodeLength(Buffer.from([0xf8, 0, 0, 0, 0]))).toThrow(RouterProtocolError);
    expect(() => decodeLength(Buffer.from([0xff]))).toThrow(RouterProtocolError);
    expect(() => encodeLength(-1)).toThrow(RangeError);
    expect(() => encodeLength(0x100000000)).toThrow(RangeError);
    expect(() => encodeLength(1.5)).toThrow(RangeError);
  });
});

describe('charsets', () => {
  it('decodes every byte as Windows-1252 exactly as the WHATWG decoder does, and encodes it back', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeText(all, 'win1252');
    expect(text).toBe(new TextDecoder('windows-1252').decode(all));
    expect(hex(encodeText(text, 'win1252'))).toBe(hex(all));
  });

  it('writes characters Windows-1252 lacks as "?", and keeps them in UTF-8', () => {
    expect(encodeText('Śri ☕ €', 'win1252').toString('latin1')).toBe('?ri ? \x80');
    expect(decodeText(encodeText('Śri ☕ €', 'utf8'), 'utf8')).toBe('Śri ☕ €');
  });
});

describe('sentences', () => {
  it('encodes a sentence as one buffer: prefixed words, then the empty word', () => {
    expect(hex(encodeSentence(['/login', '=name=a'], 'utf8'))).toBe(
      `06${Buffer.from('/login').toString('hex')}07${Buffer.from('=name=a').toString('hex')}00`,
    );
    expect(hex(encodeSentence([], 'utf8'))).toBe('00');
  });

  it('splits a reply into reply word, tag wherever it stands, attributes and other words', () => {
    expect(parseReply(['!re', '.tag=7', '=.id=*1A', '=comment=a=b', '=empty=', 'stray'])).toEqual({
      reply: '!re',
      tag: '7',
      attributes: { '.id': '*1A', comment: 'a=b', empty: '' },
      other: ['stray'],
    });
    expect(parseReply(['!done', '=ret=*2', '.tag=x']).tag).toBe('x');
    expect(parseReply(['!fatal', 'session terminated on request']).other).toEqual([
      'session terminated on request',
    ]);
  });

  // Words of every prefix size that matters on the wire (1, 2 and 3 bytes), in any charset.
  const word = fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.string({ minLength: 0x80, maxLength: 400 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x4000, max: 0x4800 }).map((n) => 'x'.repeat(n)) },
  );
  const sentences = fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

  it('reassembles sentences whatever the TCP chunking (fast-check)', () => {
    fc.assert(
      fc.property(sentences, fc.array(fc.nat(), { maxLength: 12 }), (input, cuts) => {
        const bytes = Buffer.concat(input.map((words) => encodeSentence(words, 'utf8')));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const decoder = new SentenceDecoder();
        const out: string[][] = [];
        let from = 0;
        for (const to of [...points, bytes.length]) {
          for (const sentence of decoder.push(bytes.subarray(from, to)))
            out.push(sentence.map((w) => w.toString('utf8')));
          from = to;
        }
        expect(out).toEqual(input);
        expect(decoder.idle).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reassembles a stream fed one byte at a time, including a split 3-byte length prefix', () => {
    const input = [
      ['!re', '.tag=1', `=comment=${'y'.repeat(0x4100)}`],
      ['!done', '.tag=1'],
    ];
    const bytes = Buffer.concat(input.map((w) => encodeSentence(w, 'utf8')));
    const decoder = new SentenceDecoder();
    const out: string[][] = [];
    for (let i = 0; i < bytes.length; i++) {
      for (const sentence of decoder.push(bytes.subarray(i, i + 1)))
        out.push(sentence.map((w) => w.toString('utf8')));
    }
    expect(out).toEqual(input);
  });

  it('keeps an unfinished sentence until its empty word arrives', () => {
    const decoder = new SentenceDecoder();
    const bytes = encodeSentence(['!done', '.tag=9'], 'utf8');
    expect(decoder.push(bytes.subarray(0, bytes.length - 1))).toEqual([]);
    expect(decoder.idle).toBe(false);
    expect(decoder.push(bytes.subarray(bytes.length - 1)).map((s) => s.map(String))).toEqual([
      ['!done', '.tag=9'],
    ]);
  });

  it('refuses a word longer than the limit instead of buffering it', () => {
    const decoder = new SentenceDecoder({ maxWordBytes: 1000 });
    expect(() => decoder.push(Buffer.concat([encodeLength(1001), Buffer.alloc(10)]))).toThrow(
      RouterProtocolError,
    );
  });
});
