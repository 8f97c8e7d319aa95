// Validates capacity input into errors that name the field, before any arithmetic runs.
import type { CapacityError, CapacityInput, CapacityResult, CapacityServer } from "./types";

const KINDS = ["thread-per-request", "event-loop", "goroutines", "virtual-threads"] as const;

type Spec = { min: number; max: number; integer?: boolean; minExclusive?: boolean };

const SERVER_NUMBERS: Record<string, Spec> = {
  poolSize: { min: 1, max: 10_000_000, integer: true },
  stackMiB: { min: 0, max: 1024, minExclusive: true },
  threadRssKiB: { min: 0, max: 1_048_576, minExclusive: true },
  kernelPerThreadKiB: { min: 0, max: 1_048_576 },
  pidMax: { min: 1, max: 4_194_304, integer: true },
  maxMapCount: { min: 2, max: 2_147_483_647, integer: true },
  threadsMax: { min: 1, max: 10_000_000, integer: true },
  ulimitU: { min: 1, max: 10_000_000, integer: true },
  perConnectionKiB: { min: 0, max: 1_048_576, minExclusive: true },
  gomaxprocs: { min: 1, max: 4096, integer: true },
  goroutineStackKiB: { min: 0, max: 1_048_576, minExclusive: true },
  maxThreads: { min: 1, max: 10_000_000, integer: true },
  carriers: { min: 1, max: 4096, integer: true },
  virtualThreadKiB: { min: 0, max: 1_048_576, minExclusive: true },
  pinnedFraction: { min: 0, max: 1 },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkNumber(errors: CapacityError[], path: string, v: unknown, spec: Spec): void {
  const ok =
    typeof v === "number" &&
    Number.isFinite(v) &&
    (spec.minExclusive ? v > spec.min : v >= spec.min) &&
    v <= spec.max &&
    (!spec.integer || Number.isInteger(v));
  if (!ok) {
    const range = `${spec.minExclusive ? "greater than" : "at least"} ${spec.min} and at most ${spec.max}`;
    errors.push({ path, message: `${path} must be ${spec.integer ? "an integer" : "a number"} ${range}` });
  }
}

export function validateCapacityInput(input: unknown): CapacityResult<CapacityInput> {
  const errors: CapacityError[] = [];
  if (!isRecord(input))
    return {
      ok: false,
      errors: [{ path: "", message: "input must be a JSON object with workload, machine and servers" }],
    };
  const { workload, machine, servers } = input;
  if (!isRecord(workload))
    errors.push({ path: "workload", message: "workload must be an object { arrivalRate, cpuMs, ioMs }" });
  else {
    checkNumber(errors, "workload.arrivalRate", workload.arrivalRate, { min: 0, max: 1e9 });
    checkNumber(errors, "workload.cpuMs", workload.cpuMs, { min: 0, max: 3.6e6, minExclusive: true });
    checkNumber(errors, "workload.ioMs", workload.ioMs, { min: 0, max: 3.6e6 });
  }
  if (!isRecord(machine)) errors.push({ path: "machine", message: "machine must be an object { cores, ramMiB }" });
  else {
    checkNumber(errors, "machine.cores", machine.cores, { min: 1, max: 4096, integer: true });
    checkNumber(errors, "machine.ramMiB", machine.ramMiB, { min: 0, max: 1e9, minExclusive: true });
  }
  if (!Array.isArray(servers) || servers.length === 0 || servers.length > 50) {
    errors.push({ path: "servers", message: "servers must be a list of 1 to 50 server models" });
  } else {
    servers.forEach((s, i) => {
      const at = `servers[${i}]`;
      if (!isRecord(s)) {
        errors.push({ path: at, message: `${at} must be an object with a kind` });
        return;
      }
      if (!KINDS.includes(s.kind as (typeof KINDS)[number])) {
        errors.push({ path: `${at}.kind`, message: `${at}.kind must be one of ${KINDS.join(", ")}` });
      }
      if (s.name !== undefined && typeof s.name !== "string")
        errors.push({ path: `${at}.name`, message: `${at}.name must be a string` });
      if (s.ioOnThreadPool !== undefined && typeof s.ioOnThreadPool !== "boolean") {
        errors.push({ path: `${at}.ioOnThreadPool`, message: `${at}.ioOnThreadPool must be true or false` });
      }
      if (s.ioKind !== undefined && s.ioKind !== "network" && s.ioKind !== "blocking-syscall") {
        errors.push({ path: `${at}.ioKind`, message: `${at}.ioKind must be "network" or "blocking-syscall"` });
      }
      for (const [key, spec] of Object.entries(SERVER_NUMBERS)) {
        if (s[key] !== undefined) checkNumber(errors, `${at}.${key}`, s[key], spec);
      }
      const known = new Set(["kind", "name", "ioOnThreadPool", "ioKind", ...Object.keys(SERVER_NUMBERS)]);
      for (const key of Object.keys(s))
        if (!known.has(key)) errors.push({ path: `${at}.${key}`, message: `unknown field ${at}.${key}` });
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const w = workload as Record<string, number>;
  const m = machine as Record<string, number>;
  return {
    ok: true,
    value: {
      workload: { arrivalRate: w.arrivalRate!, cpuMs: w.cpuMs!, ioMs: w.ioMs! },
      machine: { cores: m.cores!, ramMiB: m.ramMiB! },
      servers: (servers as Record<string, unknown>[]).map((s) => ({ ...s }) as unknown as CapacityServer),
    },
  };
}
