/**
 * The RouterOS API wire format (MikroTik "API" manual, "Protocol"): a sentence is a sequence of
 * length-prefixed words ended by a zero-length word. Shared by the client's connector and the test
 * simulator; pure apart from `Buffer`.
 *
 * Length prefix (most significant byte first):
 *   len < 0x80        1 byte   len
 *   len < 0x4000      2 bytes  len | 0x8000
 *   len < 0x200000    3 bytes  len | 0xC00000
 *   len < 0x10000000  4 bytes  len | 0xE0000000
 *   otherwise         5 bytes  0xF0, then len as four bytes
 * First bytes 0xF8–0xFF are reserved control bytes; 0xF1–0xF7 are never produced.
 */

/** How words are turned into bytes. RouterOS stores bytes; Winbox shows them as Windows-1252. */
export type RouterCharset = 'win1252' | 'utf8';

/** Largest length the 5-byte form can carry. */
export const MAX_LENGTH = 0xffffffff;

/** Words longer than this are refused when decoding: a garbage prefix must not allocate gigabytes. */
export const DEFAULT_MAX_WORD_BYTES = 64 * 1024 * 1024;

/** The length prefix for a word of `length` bytes. */
export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > MAX_LENGTH) {
    throw new RangeError(`word length out of range: ${length}`);
  }
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) return Buffer.from([(length >>> 8) | 0x80, length & 0xff]);
  if (length < 0x200000) return Buffer.from([(length >>> 16) | 0xc0, (length >>> 8) & 0xff, length & 0xff]);
  if (length < 0x10000000) {
    return Buffer.from([
      (length >>> 24) | 0xe0,
      (length >>> 16) & 0xff,
      (length >>> 8) & 0xff,
      length & 0xff,
    ]);
  }
  const out = Buffer.alloc(5);
  out[0] = 0xf0;
  out.writeUInt32BE(length, 1);
  return out;
}

/** How many bytes the prefix starting with `first` occupies (1–5). Throws on a control byte. */
export function prefixSize(first: number): number {
  if (first < 0x80) return 1;
  if (first < 0xc0) return 2;
  if (first < 0xe0) return 3;
  if (first < 0xf0) return 4;
  if (first === 0xf0) return 5;
  throw new RouterProtocolError(
    `unexpected control byte 0x${first.toString(16)} where a word length was expected`,
  );
}

/**
 * Decodes the length prefix at `offset`: `{ length, size }`, or null when `bytes` ends inside the
 * prefix (more data needed).
 */
export function decodeLength(bytes: Uint8Array, offset = 0): { length: number; size: number } | null {
  if (offset >= bytes.length) return null;
  const first = bytes[offset]!;
  const size = prefixSize(first);
  if (offset + size > bytes.length) return null;
  const b = (i: number) => bytes[offset + i]!;
  switch (size) {
    case 1:
      return { length: first, size };
    case 2:
      return { length: ((first & 0x3f) << 8) | b(1), size };
    case 3:
      return { length: ((first & 0x1f) << 16) | (b(1) << 8) | b(2), size };
    case 4:
      return { length: (first & 0x0f) * 0x1000000 + ((b(1) << 16) | (b(2) << 8) | b(3)), size };
    default:
      return { length: b(1) * 0x1000000 + ((b(2) << 16) | (b(3) << 8) | b(4)), size };
  }
}

/** A malformed byte stream: the connection it came from cannot be trusted any more. */
export class RouterProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RouterProtocolError';
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; the five unassigned bytes map to themselves
// (as WHATWG's decoder does), so every byte round-trips.
const WIN1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
] as const;
const WIN1252_DECODE: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? WIN1252_HIGH[byte - 0x80]! : byte),
);
const WIN1252_ENCODE = new Map<number, number>(WIN1252_HIGH.map((code, i) => [code, 0x80 + i]));
const UNMAPPABLE = 0x3f; // '?', as iconv-lite (node-routeros' encoder) writes it

/** The bytes of `text` in `charset`. Characters Windows-1252 cannot hold become '?'. */
export function encodeText(text: string, charset: RouterCharset): Buffer {
  if (charset === 'utf8') return Buffer.from(text, 'utf8');
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out[n++] =
      code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (WIN1252_ENCODE.get(code) ?? UNMAPPABLE);
  }
  return n === out.length ? out : out.subarray(0, n);
}

/** `bytes` read as `charset`. */
export function decodeText(bytes: Uint8Array, charset: RouterCharset): string {
  if (charset === 'utf8')
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let out = '';
  for (const byte of bytes) out += WIN1252_DECODE[byte]!;
  return out;
}

/** One sentence (words, then the empty word) as a single buffer, so it leaves in one `write()`. */
export function encodeSentence(words: readonly string[], charset: RouterCharset): Buffer {
  return encodeSentenceBytes(words.map((word) => encodeText(word, charset)));
}

/** `encodeSentence` for words that are already bytes. */
export function encodeSentenceBytes(words: readonly Uint8Array[]): Buffer {
  const prefixes = words.map((word) => encodeLength(word.length));
  let total = 1;
  for (let i = 0; i < words.length; i++) total += prefixes[i]!.length + words[i]!.length;
  const out = Buffer.alloc(total);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    offset += prefixes[i]!.copy(out, offset);
    out.set(words[i]!, offset);
    offset += words[i]!.length;
  }
  out[offset] = 0;
  return out;
}

/**
 * Turns a TCP byte stream into sentences, whatever the chunking: a chunk may end inside a length
 * prefix, inside a word or between sentences. `push` returns the sentences completed by the chunk.
 */
export class SentenceDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes needed before another word can be completed (1 until a prefix is seen). */
  private needed = 1;
  private words: Buffer[] = [];
  private readonly maxWordBytes: number;

  constructor(options: { maxWordBytes?: number } = {}) {
    this.maxWordBytes = options.maxWordBytes ?? DEFAULT_MAX_WORD_BYTES;
  }

  /** Bytes received but not yet part of a completed word. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** True between sentences: nothing buffered and no word of an unfinished sentence held. */
  get idle(): boolean {
    return this.buffered === 0 && this.words.length === 0;
  }

  push(chunk: Uint8Array): Buffer[][] {
    if (chunk.length === 0) return [];
    this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.buffered += chunk.length;
    // A long word arriving in many chunks is joined once, not once per chunk.
    if (this.buffered < this.needed) return [];
    const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    const sentences: Buffer[][] = [];
    let offset = 0;
    for (;;) {
      const prefix = decodeLength(bytes, offset);
      if (!prefix) {
        this.needed = offset < bytes.length ? prefixSize(bytes[offset]!) : 1;
        break;
      }
      if (prefix.length > this.maxWordBytes) {
        throw new RouterProtocolError(
          `word of ${prefix.length} bytes exceeds the ${this.maxWordBytes}-byte limit`,
        );
      }
      const end = offset + prefix.size + prefix.length;
      if (end > bytes.length) {
        this.needed = prefix.size + prefix.length;
        break;
      }
      if (prefix.length === 0) {
        sentences.push(this.words);
        this.words = [];
      } else {
        // Copied, so a retained word does not pin the whole socket chunk in memory.
        this.words.push(Buffer.from(bytes.subarray(offset + prefix.size, end)));
      }
      offset = end;
    }
    const rest = bytes.subarray(offset);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    if (rest.length === 0) this.needed = 1;
    return sentences;
  }
}

/** The reply words RouterOS sends (API manual "Reply word"; `!empty` since 7.18). */
export type RouterReplyWord = '!re' | '!done' | '!trap' | '!fatal' | '!empty';

const REPLY_WORDS: ReadonlySet<string> = new Set(['!re', '!done', '!trap', '!fatal', '!empty']);

export function isReplyWord(word: string): word is RouterReplyWord {
  return REPLY_WORDS.has(word);
}

/** One decoded reply sentence: its reply word, its `.tag` (if any) and its `=name=value` attributes. */
export type RouterReplySentence = {
  reply: string;
  tag: string | null;
  attributes: Record<string, string>;
  /** Words that are neither attributes nor the tag (e.g. the reason after `!fatal`). */
  other: string[];
};

/** Splits a decoded sentence into reply word, tag, attributes and other words. */
export function parseReply(words: readonly string[]): RouterReplySentence {
  const [reply = '', ...rest] = words;
  let tag: string | null = null;
  const attributes: Record<string, string> = {};
  const other: string[] = [];
  for (const word of rest) {
    if (word.startsWith('.tag=')) {
      tag = word.slice(5);
    } else if (word.startsWith('=')) {
      const eq = word.indexOf('=', 1);
      if (eq === -1) attributes[word.slice(1)] = '';
      else attributes[word.slice(1, eq)] = word.slice(eq + 1);
    } else {
      other.push(word);
    }
  }
  return { reply, tag, attributes, other };
}
