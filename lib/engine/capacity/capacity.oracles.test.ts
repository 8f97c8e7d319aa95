// Oracles for goroutine and Java virtual-thread servers, worked out by hand from the figures in
// docs/eventloop-and-capacity.md (from shared/notes/domain.md): goroutine stack 2 KiB, goroutine
// switch 0.2 µs (two per request: park on I/O, wake up), virtual threads priced the same.
//
// CPU times are chosen so that CPU + 2 switches is a round number: 1.9996 ms + 2 × 0.0002 ms = 2 ms.
// M/M/4 at offered load a = 2 (ρ = 0.5), used twice below, by the Erlang B recurrence:
//   B1 = 2/3, B2 = (4/3)/(2 + 4/3) = 2/5, B3 = (4/5)/(3 + 4/5) = 4/19, B4 = (8/19)/(4 + 8/19) = 2/21;
//   Erlang C = B4 / (1 − ρ(1 − B4)) = (2/21) / (1 − 19/42) = 4/23; Wq = C · S / (c − a) = (4/23) · S / 2.
import { describe, expect, test } from "vitest";
import { modelCapacity } from "./model";
import type { CapacityInput, CapacityServer, CapacityServerReport } from "./types";

const MiB = 1024 * 1024;
const machine = { cores: 8, ramMiB: 4096 };

function one(workload: CapacityInput["workload"], server: CapacityServer): CapacityServerReport {
  const r = modelCapacity({ workload, machine, servers: [server] });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.servers[0]!;
}

const bound = (s: CapacityServerReport, resource: string) => s.bounds.find((b) => b.resource === resource)?.maxRps;

describe("goroutines (2 KiB stacks, GOMAXPROCS)", () => {
  const workload = { arrivalRate: 1000, cpuMs: 1.9996, ioMs: 100 };

  test("GOMAXPROCS=4 on 8 cores: the ceiling is 4 / 2 ms = 2000 req/s, CPU-limited", () => {
    const s = one(workload, { kind: "goroutines", gomaxprocs: 4, ioKind: "network" });
    // CPU: min(8, 4) = 4 Ps / 0.002 s = 2000 req/s.
    // Memory: 4096 MiB / 2 KiB = 2,097,152 goroutines, each alive 0.102 s → 20,560,314 req/s.
    expect(s.saturationRps).toBeCloseTo(2000, 3);
    expect(bound(s, "memory (goroutine stacks)")).toBeCloseTo(2_097_152 / 0.102, -2);
    expect(s.limitingResource).toBe("CPU");
    expect(s.saturated).toBe(false);
    expect(s.throughputRps).toBe(1000);
    // CPU utilisation = 1000 × 0.002 / 4 = 0.5.
    expect(s.cpuUtilisation).toBeCloseTo(0.5, 6);
    // Network I/O parks the goroutine in the netpoller: only the 4 Ps queue. a = 1000 × 0.002 = 2:
    // Wq = (4/23) × 2 ms / 2 = 0.173913 ms; R = 2 + 100 + 0.173913 = 102.173913 ms.
    expect(s.latencyMs!).toBeCloseTo(102.173913, 3);
    // Little: 1000/s × 0.102173913 s = 102.173913 goroutines × 2 KiB = 204.3478 KiB = 0.199558 MiB.
    expect(s.inFlight!).toBeCloseTo(102.173913, 3);
    expect(s.memoryMiB).toBeCloseTo((102.173913 * 2048) / MiB, 5);
  });

  test("GOMAXPROCS above the core count buys nothing: 8 cores / 2 ms = 4000 req/s", () => {
    const s = one(workload, { kind: "goroutines", gomaxprocs: 16 });
    expect(s.saturationRps).toBeCloseTo(4000, 3);
    expect(s.limitingResource).toBe("CPU");
  });

  test("beyond the CPU ceiling (3000 > 2000 req/s) the run queue grows without bound", () => {
    const s = one({ ...workload, arrivalRate: 3000 }, { kind: "goroutines", gomaxprocs: 4 });
    expect(s.saturated).toBe(true);
    expect(s.throughputRps).toBeCloseTo(2000, 3);
    expect([s.failureMode, s.latencyMs, s.inFlight, s.cpuUtilisation]).toEqual(["queues", null, null, 1]);
    // Every waiting request is a goroutine with its stack: memory grows until RAM runs out.
    expect(s.memoryMiB).toBe(4096);
  });

  test("blocking syscalls hold an OS thread each: 10,000 threads / 1 s of I/O = 10,000 req/s, then requests fail", () => {
    // CPU: 0.0996 ms + 0.0004 ms = 0.1 ms → 8 / 0.0001 s = 80,000 req/s. Threads: Go's default cap of
    // 10,000 threads, each held for the 1 s syscall → 10,000 req/s. Exceeding the cap kills the
    // program ("fails"). At the cap, 10,000 goroutines × 2 KiB = 19.53125 MiB of stacks.
    const s = one(
      { arrivalRate: 12_000, cpuMs: 0.0996, ioMs: 1000 },
      { kind: "goroutines", ioKind: "blocking-syscall" },
    );
    expect(bound(s, "CPU")).toBeCloseTo(80_000, 0);
    expect(s.saturationRps).toBeCloseTo(10_000, 6);
    expect([s.limitingResource, s.failureMode, s.inFlight]).toEqual(["Go max OS threads", "fails", 10_000]);
    expect(s.memoryMiB).toBeCloseTo((10_000 * 2048) / MiB, 3);
  });
});

describe("Java virtual threads (carrier pool, pinning)", () => {
  const workload = { arrivalRate: 40, cpuMs: 1.9996, ioMs: 48 };

  test("fully pinned I/O holds a carrier for CPU + I/O: 4 carriers / 50 ms = 80 req/s", () => {
    const s = one(workload, { kind: "virtual-threads", carriers: 4, pinnedFraction: 1 });
    // Carrier bound: 4 / (0.002 + 1 × 0.048) s = 80 req/s; CPU: min(8, 4) / 0.002 = 2000 req/s.
    expect(bound(s, "carrier threads (pinning)")).toBeCloseTo(80, 6);
    expect(bound(s, "CPU")).toBeCloseTo(2000, 3);
    expect(s.limitingResource).toBe("carrier threads (pinning)");
    // At 40 req/s the carriers are an M/M/4 with a = 40 × 0.05 = 2: Wq = (4/23) × 50 ms / 2 =
    // 4.347826 ms. The CPU station (a = 0.08) adds under a microsecond. R = 2 + 48 + 4.347826 ms.
    expect(s.latencyMs!).toBeCloseTo(54.347826, 4);
    // Little: 40 × 0.054347826 = 2.173913 virtual threads × 2 KiB = 0.00424592 MiB.
    expect(s.inFlight!).toBeCloseTo(2.173913, 5);
    expect(s.memoryMiB).toBeCloseTo((2.173913 * 2048) / MiB, 7);
  });

  test("half the I/O pinned: 4 / (2 + 0.5 × 48) ms = 153.846 req/s", () => {
    const s = one(workload, { kind: "virtual-threads", carriers: 4, pinnedFraction: 0.5 });
    expect(s.saturationRps).toBeCloseTo(4 / 0.026, 3);
  });

  test("without pinning a blocking call unmounts: only the CPU bounds, 4 carriers / 2 ms = 2000 req/s", () => {
    const s = one(workload, { kind: "virtual-threads", carriers: 4 });
    expect(s.bounds.map((b) => b.resource)).toEqual(["CPU", "memory (virtual thread stacks)"]);
    expect(s.saturationRps).toBeCloseTo(2000, 3);
    // 4096 MiB / 2 KiB = 2,097,152 virtual threads, each alive 0.05 s.
    expect(bound(s, "memory (virtual thread stacks)")).toBeCloseTo(2_097_152 / 0.05, -2);
  });

  test("pinned and overloaded (100 > 80 req/s): the carriers saturate and requests queue", () => {
    const s = one({ ...workload, arrivalRate: 100 }, { kind: "virtual-threads", carriers: 4, pinnedFraction: 1 });
    expect(s.saturated).toBe(true);
    expect(s.throughputRps).toBeCloseTo(80, 6);
    expect(s.failureMode).toBe("queues");
    // The carriers' CPU share: 80 × 0.002 / 4 = 0.04.
    expect(s.cpuUtilisation).toBeCloseTo(0.04, 6);
  });
});

describe("regression: a saturated server whose waiting requests hold memory reported only the requests in service", () => {
  // Waiting virtual threads, goroutines and open connections exist from arrival, so an unbounded
  // backlog grows their memory until RAM runs out — as the model already said for CPU saturation.
  // It used to report 4 carriers × 2 KiB = 0.0078 MiB for pinned virtual threads and 4 × 16 KiB for
  // an event loop whose libuv pool is saturated.
  test.each([
    [
      "pinned virtual threads",
      { arrivalRate: 100, cpuMs: 1.9996, ioMs: 48 },
      { kind: "virtual-threads", carriers: 4, pinnedFraction: 1 },
    ],
    [
      "an event loop with a saturated libuv pool",
      { arrivalRate: 100, cpuMs: 1, ioMs: 50 },
      { kind: "event-loop", ioOnThreadPool: true },
    ],
    [
      "CPU-bound goroutines that also make blocking syscalls",
      { arrivalRate: 5000, cpuMs: 1.9996, ioMs: 10 },
      { kind: "goroutines", gomaxprocs: 4, ioKind: "blocking-syscall" },
    ],
  ] as const)("%s", (_name, workload, server) => {
    const s = one(workload, server);
    expect(s.saturated).toBe(true);
    expect(s.failureMode).toBe("queues");
    expect(s.inFlight).toBeNull();
    expect(s.memoryMiB).toBe(machine.ramMiB);
  });

  test("a thread pool's queue still costs nothing: memory stays at the pool's threads", () => {
    // 4 threads × (8.4 KiB RSS + 26 KiB kernel) = 137.6 KiB = 0.134375 MiB, saturated or not.
    const s = one({ arrivalRate: 100, cpuMs: 1, ioMs: 50 }, { kind: "thread-per-request", poolSize: 4 });
    expect(s.saturated).toBe(true);
    expect(s.inFlight).toBe(4);
    expect(s.memoryMiB).toBeCloseTo((4 * 34.4) / 1024, 6);
  });
});
