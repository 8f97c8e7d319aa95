import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { modelCapacity } from "./model";
import { erlangCWait } from "./queueing";
import type { CapacityInput, CapacityServer } from "./types";

function report(input: CapacityInput) {
  const r = modelCapacity(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.servers;
}

describe("queueing oracles", () => {
  test("M/M/1 waiting time is ρ/(μ−λ)", () => {
    // λ = 5/s, service 0.1 s → μ = 10, ρ = 0.5: Wq = 0.5 / (10 − 5) = 0.1 s.
    expect(erlangCWait(5, 1, 0.1)).toBeCloseTo(0.1, 12);
  });

  test("M/M/2 matches the textbook Erlang C value", () => {
    // λ = 1, μ = 1, c = 2: a = 1, ρ = 0.5, Erlang C = 1/3, Wq = C / (cμ − λ) = 1/3.
    expect(erlangCWait(1, 2, 1)).toBeCloseTo(1 / 3, 12);
  });

  test("an overloaded station waits forever", () => {
    expect(erlangCWait(10, 1, 0.1)).toBe(Infinity);
  });
});

describe("server models", () => {
  const base = { workload: { arrivalRate: 100, cpuMs: 1, ioMs: 50 }, machine: { cores: 4, ramMiB: 8192 } };

  test("the libuv pool of 4 caps fs-bound event-loop servers at 4 / io time", () => {
    const [s] = report({ ...base, servers: [{ kind: "event-loop", ioOnThreadPool: true }] });
    expect(s!.saturationRps).toBeCloseTo(4 / 0.05, 6);
    expect(s!.limitingResource).toBe("libuv thread pool");
    expect(s!.saturated).toBe(true);
  });

  test("a thread pool larger than pid_max cannot start", () => {
    const [s] = report({ ...base, servers: [{ kind: "thread-per-request", poolSize: 40_000 }] });
    expect(s!.ok).toBe(false);
    expect(s!.limitingResource).toMatch(/max_map_count|pid_max/);
  });

  test("one thread per request fails (not queues) at the kernel limit", () => {
    const [s] = report({
      workload: { arrivalRate: 1e6, cpuMs: 0.001, ioMs: 1000 },
      machine: { cores: 64, ramMiB: 65536 },
      servers: [{ kind: "thread-per-request" }],
    });
    expect(s!.failureMode).toBe("fails");
    expect(s!.saturationRps).toBeCloseTo(32765 / (1 + 8e-9 + 1e-6), 0);
  });

  test("invalid input names the field", () => {
    const r = modelCapacity({
      workload: { arrivalRate: -1, cpuMs: 1, ioMs: 0 },
      machine: { cores: 1, ramMiB: 1 },
      servers: [{ kind: "x" }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(["workload.arrivalRate", "servers[0].kind"]);
  });
});

const serverArb: fc.Arbitrary<CapacityServer> = fc.oneof(
  fc.record({
    kind: fc.constant("thread-per-request" as const),
    poolSize: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("event-loop" as const),
    ioOnThreadPool: fc.boolean(),
    poolSize: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    kind: fc.constant("goroutines" as const),
    ioKind: fc.constantFrom("network" as const, "blocking-syscall" as const),
  }),
  fc.record({
    kind: fc.constant("virtual-threads" as const),
    pinnedFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);
const inputArb = fc.record({
  workload: fc.record({
    arrivalRate: fc.double({ min: 0, max: 1e5, noNaN: true }),
    cpuMs: fc.double({ min: 0.01, max: 100, noNaN: true }),
    ioMs: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  }),
  machine: fc.record({ cores: fc.integer({ min: 1, max: 64 }), ramMiB: fc.integer({ min: 64, max: 65536 }) }),
  servers: fc.array(serverArb, { minLength: 1, maxLength: 1 }),
});

describe("properties", () => {
  test("throughput never exceeds the arrival rate or the CPU bound", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const s of report(input)) {
          expect(s.throughputRps).toBeLessThanOrEqual(input.workload.arrivalRate * (1 + 1e-6));
          expect(s.throughputRps).toBeLessThanOrEqual(
            ((input.machine.cores * 1000) / input.workload.cpuMs) * (1 + 1e-6),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  test("more RAM or a bigger pool never lowers the saturation point", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 8 }), (input, factor) => {
        const before = report(input)[0]!;
        const moreRam = report({ ...input, machine: { ...input.machine, ramMiB: input.machine.ramMiB * factor } })[0]!;
        expect(moreRam.saturationRps).toBeGreaterThanOrEqual(before.saturationRps);
        const s = input.servers[0]!;
        if (s.poolSize !== undefined) {
          const bigger = report({ ...input, servers: [{ ...s, poolSize: s.poolSize * factor }] })[0]!;
          // A pool the kernel refuses to create is a failure, not a lower saturation point of a running server.
          if (bigger.ok) expect(bigger.saturationRps).toBeGreaterThanOrEqual(before.saturationRps);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("latency is at least the service time when stable", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const s of report(input)) {
          if (s.latencyMs !== null)
            expect(s.latencyMs).toBeGreaterThanOrEqual((input.workload.cpuMs + input.workload.ioMs) * (1 - 1e-6));
        }
      }),
      { numRuns: 200 },
    );
  });
});
