// Capacity of four server concurrency models under Poisson arrivals. Each model is reduced to the
// same shape — CPU cores that serve the CPU part of a request, and "slots" (threads, pool threads,
// carriers) that a request holds for part of its life — so that Little's law and M/M/c apply.
// Formulas are documented in docs/eventloop-and-capacity.md.
import { CAPACITY_DEFAULTS } from "./defaults";
import { erlangCWait } from "./queueing";
import type {
  CapacityBound,
  CapacityInput,
  CapacityReport,
  CapacityResult,
  CapacityServer,
  CapacityServerReport,
} from "./types";
import { validateCapacityInput } from "./validate";

const KiB = 1024;
const MiB = 1024 * 1024;
const d = (key: keyof typeof CAPACITY_DEFAULTS) => CAPACITY_DEFAULTS[key].value;

interface Stage {
  /** Parallel servers (cores or slots). */
  servers: number;
  /** Seconds one request occupies a server of this stage. */
  holdSeconds: number;
}

function osThreadLimit(ramBytes: number, s: CapacityServer): { limit: number; resource: string }[] {
  const threadsMax = Math.floor(ramBytes / (8 * 16 * KiB));
  return [
    { limit: s.pidMax ?? d("pidMax"), resource: "pid_max" },
    {
      limit: Math.floor((s.maxMapCount ?? d("maxMapCount")) / 2),
      resource: "vm.max_map_count (2 mappings per thread)",
    },
    { limit: s.threadsMax ?? threadsMax, resource: "threads-max" },
  ];
}

function analyse(input: CapacityInput, s: CapacityServer): CapacityServerReport {
  const { workload, machine } = input;
  const lambda = workload.arrivalRate;
  const ramBytes = machine.ramMiB * MiB;
  const ioSeconds = workload.ioMs / 1000;
  const notes: string[] = [];
  const bounds: CapacityBound[] = [];
  let cpuSeconds = workload.cpuMs / 1000;
  let cores = machine.cores;
  let slots: Stage | undefined;
  let memoryPerInFlight = 0;
  let fixedMemory = 0;
  let failsWhenSlotsRunOut = false;
  // Does a request still cost memoryPerInFlight while it waits (its goroutine, virtual thread or open
  // connection exists from arrival)? A thread pool's queued request does not hold a thread.
  let waitingCostsMemory = true;

  switch (s.kind) {
    case "thread-per-request": {
      // Two switches per request (block on I/O, wake up) at the measured kernel switch cost.
      cpuSeconds += (2 * d("threadSwitchUs")) / 1e6;
      const perThread =
        (s.threadRssKiB ?? d("threadRssKiB")) * KiB + (s.kernelPerThreadKiB ?? d("kernelPerThreadKiB")) * KiB;
      const limits = [
        ...osThreadLimit(ramBytes, s),
        { limit: Math.floor(ramBytes / perThread), resource: "memory (RSS + kernel per thread)" },
      ];
      if (s.ulimitU !== undefined) limits.push({ limit: s.ulimitU, resource: "ulimit -u" });
      const osLimit = limits.reduce((a, b) => (b.limit < a.limit ? b : a));
      let threads: number;
      waitingCostsMemory = false;
      if (s.poolSize !== undefined) {
        threads = s.poolSize;
        fixedMemory = threads * perThread;
        if (threads > osLimit.limit) {
          notes.push(`a pool of ${threads} threads cannot be created: ${osLimit.resource} allows ${osLimit.limit}`);
          return failedReport(s, lambda, osLimit.resource, notes);
        }
        bounds.push({
          resource: "thread pool",
          maxRps: threads / (cpuSeconds + ioSeconds),
          detail: `${threads} threads, each held for cpu + io`,
        });
      } else {
        threads = osLimit.limit;
        failsWhenSlotsRunOut = true;
        memoryPerInFlight = perThread;
        bounds.push({
          resource: osLimit.resource,
          maxRps: threads / (cpuSeconds + ioSeconds),
          detail: `one thread per request, at most ${threads}`,
        });
      }
      slots = { servers: threads, holdSeconds: cpuSeconds + ioSeconds };
      notes.push(
        `virtual address space reserved for stacks: ${((threads * (s.stackMiB ?? d("threadStackMiB"))) / 1024).toFixed(1)} GiB (not RAM)`,
      );
      break;
    }
    case "event-loop": {
      cpuSeconds += (2 * d("nodeHopUs")) / 1e6;
      cores = 1;
      memoryPerInFlight = (s.perConnectionKiB ?? d("nodePerConnectionKiB")) * KiB;
      if (s.ioOnThreadPool) {
        const pool = s.poolSize ?? d("uvThreadpoolSize");
        slots = { servers: pool, holdSeconds: ioSeconds };
        bounds.push({
          resource: "libuv thread pool",
          maxRps: pool / ioSeconds,
          detail: `${pool} pool threads serve fs/dns.lookup/crypto/zlib`,
        });
      } else {
        notes.push("network I/O waits in epoll on the loop thread, so it holds no thread");
      }
      bounds.push({
        resource: "memory (per connection)",
        maxRps: ramBytes / memoryPerInFlight / (cpuSeconds + ioSeconds),
        detail: "connections that fit in RAM",
      });
      failsWhenSlotsRunOut = false;
      break;
    }
    case "goroutines": {
      cpuSeconds += (2 * d("goroutineSwitchUs")) / 1e6;
      cores = Math.min(machine.cores, s.gomaxprocs ?? machine.cores);
      memoryPerInFlight = (s.goroutineStackKiB ?? d("goroutineStackKiB")) * KiB;
      if (s.ioKind === "blocking-syscall") {
        const maxThreads = s.maxThreads ?? d("goMaxThreads");
        slots = { servers: maxThreads, holdSeconds: ioSeconds };
        failsWhenSlotsRunOut = true;
        bounds.push({
          resource: "Go max OS threads",
          maxRps: maxThreads / ioSeconds,
          detail: "each blocking syscall occupies an OS thread",
        });
      }
      bounds.push({
        resource: "memory (goroutine stacks)",
        maxRps: ramBytes / memoryPerInFlight / (cpuSeconds + ioSeconds),
        detail: "goroutines that fit in RAM",
      });
      break;
    }
    case "virtual-threads": {
      cpuSeconds += (2 * d("goroutineSwitchUs")) / 1e6;
      const carriers = s.carriers ?? machine.cores;
      cores = Math.min(machine.cores, carriers);
      memoryPerInFlight = (s.virtualThreadKiB ?? d("virtualThreadKiB")) * KiB;
      const pinned = s.pinnedFraction ?? 0;
      if (pinned > 0) {
        // A pinned virtual thread keeps its carrier while it blocks (synchronized before JDK 24).
        slots = { servers: carriers, holdSeconds: cpuSeconds + pinned * ioSeconds };
        bounds.push({
          resource: "carrier threads (pinning)",
          maxRps: carriers / (cpuSeconds + pinned * ioSeconds),
          detail: `${Math.round(pinned * 100)}% of I/O waits pin a carrier`,
        });
      }
      bounds.push({
        resource: "memory (virtual thread stacks)",
        maxRps: ramBytes / memoryPerInFlight / (cpuSeconds + ioSeconds),
        detail: "virtual threads that fit in RAM",
      });
      break;
    }
  }

  bounds.unshift({
    resource: "CPU",
    maxRps: cores / cpuSeconds,
    detail: `${cores} core(s) × 1 / cpu time per request`,
  });
  const limiting = bounds.reduce((a, b) => (b.maxRps < a.maxRps ? b : a));
  const saturationRps = limiting.maxRps;
  const saturated = lambda >= saturationRps;
  const throughputRps = Math.min(lambda, saturationRps);
  // New requests fail (rather than queue) when a cap on creating threads is what runs out.
  const failing = failsWhenSlotsRunOut && limiting.resource !== "CPU";

  let latencyMs: number | null = null;
  let cpuUtilisation = Math.min(1, (throughputRps * cpuSeconds) / cores);
  let inFlight: number;
  if (!saturated) {
    // Tandem approximation: queueing for a core (M/M/c) plus queueing for a slot (M/M/c), each independent.
    const waitCpu = erlangCWait(lambda, cores, cpuSeconds);
    const waitSlot = slots ? erlangCWait(lambda, slots.servers, slots.holdSeconds) : 0;
    const responseSeconds = cpuSeconds + ioSeconds + waitCpu + waitSlot;
    latencyMs = responseSeconds * 1000;
    inFlight = lambda * responseSeconds;
  } else {
    // Beyond saturation the backlog grows without bound. Only when new requests fail at the slot cap,
    // or waiting requests hold no memory of their own, is the memory bounded by the slots.
    inFlight = slots && (failing || !waitingCostsMemory) ? slots.servers : Infinity;
    cpuUtilisation = Math.min(1, (saturationRps * cpuSeconds) / cores);
    notes.push(
      failing
        ? `at ${round(saturationRps)} req/s new requests fail: ${limiting.resource} is exhausted`
        : `above ${round(saturationRps)} req/s the queue grows without bound (${limiting.resource} is saturated)`,
    );
  }
  const memoryBytes = fixedMemory + (Number.isFinite(inFlight) ? inFlight * memoryPerInFlight : ramBytes);
  return {
    kind: s.kind,
    name: s.name ?? s.kind,
    ok: true,
    throughputRps: roundDown(throughputRps),
    saturationRps: roundDown(saturationRps),
    saturated,
    failureMode: failing ? "fails" : "queues",
    limitingResource: limiting.resource,
    latencyMs: latencyMs === null ? null : roundUp(latencyMs),
    inFlight: Number.isFinite(inFlight) ? round(inFlight) : null,
    cpuUtilisation: round(cpuUtilisation),
    memoryMiB: round(Math.min(memoryBytes, ramBytes) / MiB),
    bounds: bounds.map((b) => ({ ...b, maxRps: round(b.maxRps) })),
    notes,
  };
}

function failedReport(s: CapacityServer, lambda: number, resource: string, notes: string[]): CapacityServerReport {
  return {
    kind: s.kind,
    name: s.name ?? s.kind,
    ok: false,
    throughputRps: 0,
    saturationRps: 0,
    saturated: lambda > 0,
    failureMode: "fails",
    limitingResource: resource,
    latencyMs: null,
    inFlight: null,
    cpuUtilisation: 0,
    memoryMiB: 0,
    bounds: [],
    notes,
  };
}

// Rates round down and latencies up, so rounding never breaks a bound a reader checks by hand.
function roundDown(x: number): number {
  const r = round(x);
  return r > x ? x : r;
}
function roundUp(x: number): number {
  const r = round(x);
  return r < x ? x : r;
}

/** Rounds to 6 significant digits so that reports are stable across platforms. */
function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

export function modelCapacity(input: unknown): CapacityResult<CapacityReport> {
  const valid = validateCapacityInput(input);
  if (!valid.ok) return valid;
  const value = valid.value;
  return { ok: true, value: { input: value, servers: value.servers.map((s) => analyse(value, s)) } };
}
