import { afterEach, describe, expect, it, vi } from "vitest";
import { createPythonRandom } from "../random";
import { ByteSink, decodeUtf8, digitCount, encodeUtf8, piece, putPiece, putUint } from "./bytesink";

afterEach(() => {
  vi.unstubAllGlobals();
});

const SAMPLES = [
  "",
  "plain ASCII\n",
  "naïve café",
  "€ and 日本語",
  "emoji 😀 pair",
  "lone \ud800 high",
  "lone \udc00 low",
  "end \ud83d",
];

describe("ByteSink", () => {
  it("encodes text exactly as TextEncoder does, lone surrogates included", () => {
    for (const s of SAMPLES) {
      const sink = new ByteSink(1);
      sink.text(s);
      sink.text(s);
      expect([...sink.result()]).toEqual([...new TextEncoder().encode(s + s)]);
    }
  });

  it("grows without losing what was written", () => {
    const sink = new ByteSink(1);
    for (let i = 0; i < 1000; i++) sink.text(`line ${i}\n`);
    expect(decodeUtf8(sink.result())).toBe(Array.from({ length: 1000 }, (_, i) => `line ${i}\n`).join(""));
  });

  it("decodes its own bytes without a TextDecoder too", () => {
    const text = SAMPLES.filter((s) => !/[\ud800-\udfff]/.test(s.replace(/\ud83d\ude00/g, "")))
      .join("|")
      .repeat(900);
    const bytes = encodeUtf8(text);
    vi.stubGlobal("TextDecoder", undefined);
    expect(decodeUtf8(bytes)).toBe(text);
  });

  it("writes integers like Python's %{width}d, across the 2^31 and 2^53 edges", () => {
    const rng = createPythonRandom(5n);
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 7, 2 ** 53 - 1];
    for (let i = 0; i < 2000; i++) values.push(rng.randint(0, 10 ** rng.randint(1, 15)));
    const sink = new ByteSink(1);
    let expected = "";
    for (const v of values) {
      for (const width of [0, 3, 6]) {
        sink.ensure(32);
        sink.len = putUint(sink.buf, sink.data, sink.len, v, width);
        sink.byte(0x7c);
        expected += String(v).padStart(width, " ") + "|";
      }
      expect(digitCount(v)).toBe(String(v).length);
    }
    expect(decodeUtf8(sink.result())).toBe(expected);
  });

  it("stores word-sized pieces whose spill is overwritten by what follows", () => {
    const sink = new ByteSink(1);
    const parts = ["  [ time ", " ] Run job ", "x", "", ".00", " secs ( DONE at "];
    sink.ensure(200);
    let pos = 0;
    for (const p of parts) pos = putPiece(sink.data, pos, piece(p));
    sink.len = pos;
    expect(decodeUtf8(sink.result())).toBe(parts.join(""));
  });
});
