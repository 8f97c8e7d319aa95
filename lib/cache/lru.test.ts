import { describe, expect, it } from "vitest";
import { LruCache } from "./lru";

describe("LruCache", () => {
  it("evicts the least recently used entry once full, counting reads as uses", () => {
    const lru = new LruCache<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });

  it("computes a missing value once and serves it from the cache afterwards", () => {
    const lru = new LruCache<number, { n: number }>(10);
    let calls = 0;
    const first = lru.getOrCreate(1, () => ({ n: ++calls }));
    const second = lru.getOrCreate(1, () => ({ n: ++calls }));
    expect(second).toBe(first);
    expect(calls).toBe(1);
  });

  it("never grows past its capacity", () => {
    const lru = new LruCache<number, number>(100);
    for (let i = 0; i < 10_000; i++) lru.set(i, i);
    expect(lru.size).toBe(100);
    expect(lru.get(9_999)).toBe(9_999);
    expect(lru.get(9_899)).toBeUndefined();
  });

  it("refuses a capacity that cannot bound anything", () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
