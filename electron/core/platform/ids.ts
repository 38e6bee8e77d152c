import { randomBytes } from 'node:crypto';

let lastMs = 0;
let lastRand: Buffer = Buffer.alloc(10);

/**
 * UUIDv7 (RFC 9562): 48-bit Unix ms timestamp, then random bits. Made on the device, so rows created
 * offline never collide; ids made in the same millisecond by this process still sort in creation order.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = Buffer.alloc(16);
  let ms = nowMs;
  let rand: Buffer;
  if (ms <= lastMs) {
    ms = lastMs;
    rand = incremented(lastRand);
  } else {
    rand = randomBytes(10);
  }
  lastMs = ms;
  lastRand = rand;
  bytes.writeUIntBE(ms, 0, 6);
  rand.copy(bytes, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function incremented(buf: Buffer): Buffer {
  const next = Buffer.from(buf);
  for (let i = next.length - 1; i >= 0; i--) {
    next[i] = (next[i]! + 1) & 0xff;
    if (next[i] !== 0) break;
  }
  return next;
}

/** A random URL-safe token of `bytes` bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short code without look-alike characters (no I, O, 0, 1), e.g. for a device in document numbers. */
export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}
