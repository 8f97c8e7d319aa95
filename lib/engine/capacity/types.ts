// Public, JSON-safe types of the server-capacity model.

export interface CapacityWorkload {
  /** Poisson arrival rate, requests per second. */
  arrivalRate: number;
  /** CPU time per request, ms. */
  cpuMs: number;
  /** Blocking I/O wait per request, ms. */
  ioMs: number;
}

export interface CapacityMachine {
  cores: number;
  ramMiB: number;
}

export interface CapacityServer {
  kind: "thread-per-request" | "event-loop" | "goroutines" | "virtual-threads";
  name?: string;
  // thread-per-request
  /** Fixed pool size; omit for one new thread per request. */
  poolSize?: number;
  stackMiB?: number;
  threadRssKiB?: number;
  kernelPerThreadKiB?: number;
  pidMax?: number;
  maxMapCount?: number;
  threadsMax?: number;
  ulimitU?: number;
  // event-loop
  /** True when the blocking work is fs/dns.lookup/crypto/zlib (libuv pool) rather than network sockets. */
  ioOnThreadPool?: boolean;
  perConnectionKiB?: number;
  // goroutines
  gomaxprocs?: number;
  goroutineStackKiB?: number;
  ioKind?: "network" | "blocking-syscall";
  maxThreads?: number;
  // virtual threads
  carriers?: number;
  virtualThreadKiB?: number;
  /** Fraction (0–1) of I/O waits that happen while pinned (inside synchronized before JDK 24). */
  pinnedFraction?: number;
}

export interface CapacityInput {
  workload: CapacityWorkload;
  machine: CapacityMachine;
  servers: CapacityServer[];
}

export interface CapacityBound {
  resource: string;
  maxRps: number;
  detail: string;
}

export interface CapacityServerReport {
  kind: CapacityServer["kind"];
  name: string;
  /** False when the configuration cannot even start (e.g. a pool larger than pid_max). */
  ok: boolean;
  throughputRps: number;
  /** Highest sustainable arrival rate: the smallest bound. */
  saturationRps: number;
  saturated: boolean;
  /** What happens beyond saturation: requests wait in a queue, or new requests fail. */
  failureMode: "queues" | "fails";
  limitingResource: string;
  /** Mean response time; null when saturated (the queue grows without bound). */
  latencyMs: number | null;
  inFlight: number | null;
  cpuUtilisation: number;
  memoryMiB: number;
  bounds: CapacityBound[];
  notes: string[];
}

export interface CapacityReport {
  input: CapacityInput;
  servers: CapacityServerReport[];
}

export interface CapacityError {
  path: string;
  message: string;
}

export type CapacityResult<T> = { ok: true; value: T } | { ok: false; errors: CapacityError[] };
