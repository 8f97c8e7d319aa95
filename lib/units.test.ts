import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expectedUnitPhrase, formatQuantity, parseQuantity } from "./units";

// Expected values are hand-computed from the SI / IEC definitions (1 ms = 1000 µs, 1 GiB = 1024 MiB).
function value(text: string, unit: Parameters<typeof parseQuantity>[1]): number {
  const r = parseQuantity(text, unit);
  if (!r.ok) throw new Error(`expected '${text}' to parse, got: ${r.message}`);
  return r.value;
}

function message(text: string, unit: Parameters<typeof parseQuantity>[1]): string {
  const r = parseQuantity(text, unit);
  if (r.ok) throw new Error(`expected '${text}' to be refused, got ${r.value}`);
  return r.message;
}

describe("plain numbers are taken in the part's unit", () => {
  it.each([
    ["4", 4],
    ["4.5", 4.5],
    [" 4.5 ", 4.5],
    [".5", 0.5],
    ["5.", 5],
    ["-3", -3],
    ["+3", 3],
    ["1e3", 1000],
    ["2.5E-1", 0.25],
    ["1,000", 1000],
    ["12,345,678.25", 12345678.25],
  ])("%s → %d", (text, expected) => {
    expect(value(text, "ms")).toBe(expected);
  });

  it("refuses a comma that is not a thousands separator", () => {
    expect(message("4,5", "ms")).toMatch(/use a dot for decimals \(e\.g\. 4\.5\)/);
    expect(message("1,00", "count")).toMatch(/comma/);
    expect(message("1000,000", "count")).toMatch(/comma/);
  });

  it("refuses text that is not a number, with an example", () => {
    expect(message("", "ms")).toBe("Enter a number in ms");
    expect(message("abc", "ms")).toBe("'abc' is not a number; try 4 ms");
    expect(message("NaN", "count")).toMatch(/not a number/);
    expect(message("Infinity", "s")).toMatch(/not a number/);
    expect(message("1e999", "s")).toMatch(/too large/);
  });
});

describe("time units convert", () => {
  it.each([
    ["4 ms", "ms", 4],
    ["4ms", "ms", 4],
    ["4000us", "ms", 4],
    ["4000 µs", "ms", 4],
    ["4000 μs", "ms", 4], // Greek mu, which phones often produce instead of the micro sign
    ["4 ms", "us", 4000],
    ["1.5 s", "ms", 1500],
    ["4.1 s", "ms", 4100],
    ["250 ns", "us", 0.25],
    ["3 msec", "ms", 3],
    ["2 seconds", "ms", 2000],
    ["1 min", "s", 60],
    ["1234 us", "ms", 1.234],
    ["0.1 ms", "ns", 100000],
  ] as const)("%s in %s → %d", (text, unit, expected) => {
    expect(value(text, unit)).toBe(expected);
  });

  it("names the wrong kind of quantity", () => {
    expect(message("4 apples", "ms")).toBe("'4 apples' is not a time; try 4 ms");
    expect(message("4 MiB", "ms")).toBe("'4 MiB' is a size, not a time; try 4 ms");
    expect(message("75%", "us")).toBe("'75%' is a percentage, not a time; try 4 µs");
  });

  it("does not treat a metric prefix as a time multiplier", () => {
    expect(parseQuantity("1.5k ms", "ms").ok).toBe(false);
  });
});

describe("percentages, counts, sizes and rates", () => {
  it.each([
    ["75%", "percent", 75],
    ["75 %", "percent", 75],
    ["12.5 percent", "percent", 12.5],
    ["75", "percent", 75],
    ["7", "count", 7],
    ["1.5k", "count", 1500],
    ["2M", "count", 2_000_000],
    ["3 times", "count", 3],
    ["2 GiB", "MiB", 2048],
    ["512 KiB", "MiB", 0.5],
    ["1 mib", "KiB", 1024],
    ["1048576 bytes", "MiB", 1],
    ["1.5k req/s", "req/s", 1500],
    ["1500 rps", "req/s", 1500],
    ["1500/s", "req/s", 1500],
    ["2 req/ms", "req/s", 2000],
    ["600 requests per minute", "req/s", 10],
    ["3.5K", "req/s", 3500],
  ] as const)("%s in %s → %d", (text, unit, expected) => {
    expect(value(text, unit)).toBe(expected);
  });

  it("refuses decimal-or-binary ambiguous sizes and says what to write", () => {
    expect(message("2 GB", "MiB")).toBe("'2 GB' is ambiguous (1000s or 1024s?); write 2 GiB");
    expect(message("2 mb", "MiB")).toMatch(/write 2 MiB/);
  });

  it("refuses a size where a rate is expected", () => {
    expect(message("2 GiB", "req/s")).toMatch(/is a size, not a rate/);
  });
});

describe("bounded and total", () => {
  it("refuses very long input by its length, before parsing it", () => {
    const long = "9".repeat(100_000);
    // Parsed, this would be a (huge) valid count: only the length check can refuse it.
    expect(message(long, "count")).toMatch(/too long/);
  });

  it("never throws and only returns finite numbers", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom("ms", "us", "ns", "s", "percent", "count", "MiB", "KiB", "GiB", "req/s" as const),
        (text, unit) => {
          const r = parseQuantity(text, unit);
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          else expect(r.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("round-trips formatted values", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.constantFrom("ms", "us", "percent", "count", "MiB", "req/s" as const),
        (n, unit) => {
          const x = n / 100;
          expect(value(formatQuantity(x, unit), unit)).toBe(x);
        },
      ),
    );
  });

  it("describes the expected unit", () => {
    expect(expectedUnitPhrase("ms")).toBe("in ms");
    expect(expectedUnitPhrase("us")).toBe("in µs");
    expect(formatQuantity(75, "percent")).toBe("75%");
    expect(formatQuantity(4.5, "ms")).toBe("4.5 ms");
  });
});
