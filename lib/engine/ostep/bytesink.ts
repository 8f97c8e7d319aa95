// A growable UTF-8 output buffer. The ported scripts print megabytes (the RR bench prints 23.7 MB);
// writing bytes straight into one Uint8Array avoids building millions of strings and lets the CLI hand
// the result to the OS in one write. The engine may not use Buffer or node:*, so encoding is done here.
//
// Hot loops write whole 32-bit words through a DataView: constant pieces of a line are stored four
// bytes at a time, and the few bytes a word spills past a piece's end are overwritten by whatever is
// written next. The buffer therefore always keeps SLACK spare bytes past what was ensured.

const SPACE = 0x20;
const ZERO = 0x30;
const SLACK = 8;

export class ByteSink {
  buf: Uint8Array;
  /** The same memory as `buf`, for word-sized stores. */
  data: DataView;
  /** Bytes held so far; `buf[0 .. len)` is the output not yet flushed. */
  len = 0;
  /**
   * While true (and a flush target was given), a full buffer is handed to the target and reused instead
   * of grown: big outputs then stream through a buffer that stays in cache, and never touch fresh
   * memory, whose first use costs more than formatting on a virtual machine.
   */
  streaming = false;

  constructor(
    capacity = 1 << 16,
    private readonly flushTo?: (chunk: Uint8Array) => void,
  ) {
    this.buf = new Uint8Array(Math.max(64, capacity + SLACK));
    this.data = new DataView(this.buf.buffer);
  }

  /** Makes room for `n` more bytes, so hot loops can write into `buf` directly up to `len + n`. */
  ensure(n: number): void {
    const need = this.len + n + SLACK;
    if (need <= this.buf.length) return;
    if (this.streaming && this.flushTo && n + SLACK <= this.buf.length) {
      this.flushTo(this.result());
      this.len = 0;
      return;
    }
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
    this.data = new DataView(grown.buffer);
  }

  /** Room for about `total` more bytes up front when they will be kept (one allocation, no regrowth). */
  reserve(total: number): void {
    if (!(this.streaming && this.flushTo)) this.ensure(total);
  }

  /** The last position at which `n` bytes still fit in `buf` (`ensure(n)` makes `len` at most this). */
  limit(n: number): number {
    return this.buf.length - n - SLACK;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  /** Appends `s` as UTF-8 (a lone surrogate becomes U+FFFD, as Node's and the browser's encoders do). */
  text(s: string): void {
    const n = s.length;
    // Three bytes per UTF-16 unit is the worst case (a surrogate pair is 4 bytes for 2 units).
    this.ensure(n * 3);
    const buf = this.buf;
    let pos = this.len;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[pos++] = c;
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            i++;
            buf[pos++] = 0xf0 | (cp >> 18);
            buf[pos++] = 0x80 | ((cp >> 12) & 0x3f);
            buf[pos++] = 0x80 | ((cp >> 6) & 0x3f);
            buf[pos++] = 0x80 | (cp & 0x3f);
            continue;
          }
          c = 0xfffd;
        }
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    this.len = pos;
  }

  /** The output held (a view of the buffer, not a copy). */
  result(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

/** UTF-8 bytes of a string (a copy sized to fit). */
export function encodeUtf8(s: string): Uint8Array {
  const sink = new ByteSink(s.length * 3);
  sink.text(s);
  return sink.result().slice();
}

/** A constant piece of output as little-endian 32-bit words, for `putPiece`. */
export interface Piece {
  words: Int32Array;
  length: number;
}

export function piece(s: string): Piece {
  const bytes = encodeUtf8(s);
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const data = new DataView(padded.buffer);
  const words = new Int32Array(padded.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = data.getInt32(i * 4, true);
  return { words, length: bytes.length };
}

/** Stores `p` at `pos` (up to 3 bytes past its end are scratch); returns the position after it. */
export function putPiece(data: DataView, pos: number, p: Piece): number {
  const words = p.words;
  for (let i = 0; i < words.length; i++) data.setInt32(pos + 4 * i, words[i]!, true);
  return pos + p.length;
}

/** "00" … "99" as little-endian 16-bit words. */
const PAIRS = new Uint16Array(100);
for (let i = 0; i < 100; i++) PAIRS[i] = (ZERO + Math.floor(i / 10)) | ((ZERO + (i % 10)) << 8);

/** Decimal digits of a non-negative safe integer. */
export function digitCount(n: number): number {
  let d = 1;
  // Powers of ten are exact doubles up to 1e22, far beyond 2^53.
  for (let p = 10; n >= p; p *= 10) d++;
  return d;
}

/**
 * Writes a non-negative safe integer right-aligned in `width` columns (Python's `%{width}d`) at `pos`;
 * returns the position after it. The caller has ensured room for max(width, 16) bytes.
 */
export function putUint(buf: Uint8Array, data: DataView, pos: number, n: number, width: number): number {
  const digits = digitCount(n);
  for (let pad = width - digits; pad > 0; pad--) buf[pos++] = SPACE;
  const after = pos + digits;
  let end = after;
  if (n < 0x80000000) {
    let v = n | 0;
    while (v >= 100) {
      const q = (v / 100) | 0;
      end -= 2;
      data.setUint16(end, PAIRS[v - q * 100]!, true);
      v = q;
    }
    if (v >= 10) data.setUint16(end - 2, PAIRS[v]!, true);
    else buf[end - 1] = ZERO + v;
  } else {
    let v = n;
    while (v >= 10) {
      const q = Math.floor(v / 10);
      buf[--end] = ZERO + (v - q * 10);
      v = q;
    }
    buf[end - 1] = ZERO + v;
  }
  return after;
}

type Decoder = { decode(bytes: Uint8Array): string };
type DecoderClass = new (label: string) => Decoder;

/** Bytes a ByteSink wrote, back to a string: TextDecoder where the runtime has one (Node, browsers), else by hand. */
export function decodeUtf8(bytes: Uint8Array): string {
  const Ctor = (globalThis as { TextDecoder?: DecoderClass }).TextDecoder;
  if (Ctor) return new Ctor("utf-8").decode(bytes);
  let out = "";
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      cp = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      i += 4;
    }
    if (cp >= 0x10000) chunk.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else chunk.push(cp);
    if (chunk.length >= 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}
