// The misconception catalogue for server capacity (issue #21): each entry transforms the question's
// capacity input the way the mistaken belief does (the whole virtual stack resident, the pool gone,
// the CPU time counted as overlapping waiting) and runs the capacity model on it. A wrong number or
// choice is named only when it is what the mistaken model gives (within the part's tolerance) and the
// mistaken model's value is not itself right.
import { CAPACITY_DEFAULTS, modelCapacity } from "../../capacity/index";
import type { CapacityInput, CapacityReport, CapacityServerReport } from "../../capacity/index";
import { formatNumber, withinTolerance, type Tolerance } from "../grading";
import type { MisconceptionMatch } from "../types";

export interface CapacityMisconception {
  id: string;
  name: string;
  /** The mistaken model in words, for "… if <shape>". */
  shape: string;
  source?: string;
  /** The transformed input, or null when the entry changes nothing for these servers. */
  transform(input: CapacityInput): CapacityInput | null;
  /** Why the truth differs, from the variant's own figures (server index i). */
  rule(input: CapacityInput, i: number): string;
}

const dv = (key: keyof typeof CAPACITY_DEFAULTS): number => CAPACITY_DEFAULTS[key].value;
const f = (x: number): string => formatNumber(Math.round(x * 100) / 100);

/** The model refuses a CPU time of 0; this is small enough that no bound but the switches sees it. */
const NO_CPU_MS = 1e-6;

/** Most specific first. */
export const CAPACITY_MISCONCEPTIONS: readonly CapacityMisconception[] = [
  {
    id: "virtual-stack-resident",
    name: "Virtual stack size counted as resident memory",
    shape: "each thread's whole stack were resident",
    source:
      "pthread_create(3) and mmap(2): a thread stack is reserved address space; its pages become resident only when touched",
    transform(input) {
      if (!input.servers.some((s) => s.kind === "thread-per-request")) return null;
      return {
        ...input,
        servers: input.servers.map((s) =>
          s.kind === "thread-per-request" ? { ...s, threadRssKiB: (s.stackMiB ?? dv("threadStackMiB")) * 1024 } : s,
        ),
      };
    },
    rule(input, i) {
      const s = input.servers[i]!;
      if (s.kind !== "thread-per-request") return "";
      return `Each thread reserves ${f(s.stackMiB ?? dv("threadStackMiB"))} MiB of stack address space, but only the pages it touches become resident: ${f(s.threadRssKiB ?? dv("threadRssKiB"))} KiB, plus ${f(s.kernelPerThreadKiB ?? dv("kernelPerThreadKiB"))} KiB in the kernel.`;
    },
  },
  {
    id: "pool-ignored",
    name: "The pool ignored",
    shape: "there were no fixed pool of threads",
    transform(input) {
      if (
        !input.servers.some(
          (s) =>
            (s.kind === "thread-per-request" && s.poolSize !== undefined) ||
            (s.kind === "event-loop" && s.ioOnThreadPool),
        )
      )
        return null;
      return {
        ...input,
        servers: input.servers.map((s) => {
          if (s.kind === "thread-per-request" && s.poolSize !== undefined) {
            const { poolSize, ...rest } = s;
            void poolSize;
            return rest;
          }
          return s.kind === "event-loop" && s.ioOnThreadPool ? { ...s, ioOnThreadPool: false } : s;
        }),
      };
    },
    rule(input, i) {
      const s = input.servers[i]!;
      const hold = input.workload.cpuMs + input.workload.ioMs;
      if (s.kind === "thread-per-request" && s.poolSize !== undefined) {
        return `${s.name ?? "The server"} has only ${s.poolSize} threads and a request holds one for its CPU time and its I/O wait (${f(hold)} ms), so by Little's law it serves at most ${s.poolSize} ÷ ${f(hold / 1000)} s ≈ ${f(s.poolSize / (hold / 1000))} req/s, whatever the cores.`;
      }
      if (s.kind === "event-loop" && s.ioOnThreadPool) {
        const n = s.poolSize ?? dv("uvThreadpoolSize");
        return `${s.name ?? "The server"}'s file-system calls each hold one of the ${n} libuv pool threads for the ${f(input.workload.ioMs)} ms wait, so it serves at most ${n} ÷ ${f(input.workload.ioMs / 1000)} s = ${f(n / (input.workload.ioMs / 1000))} req/s.`;
      }
      return "Every server with a fixed pool can hold only as many requests at once as it has pool threads.";
    },
  },
  {
    id: "cpu-bound-as-io-bound",
    name: "CPU-bound work treated as I/O-bound",
    shape: "the CPU time overlapped like an I/O wait",
    transform(input) {
      return {
        ...input,
        workload: { ...input.workload, cpuMs: NO_CPU_MS, ioMs: input.workload.ioMs + input.workload.cpuMs },
      };
    },
    rule(input, i) {
      const s = input.servers[i]!;
      const cores = s.kind === "event-loop" ? 1 : input.machine.cores;
      return `The ${f(input.workload.cpuMs)} ms of CPU per request occupies a core and does not overlap the way a wait does: ${cores === 1 ? "one JavaScript thread" : `${cores} cores`} ÷ ${f(input.workload.cpuMs)} ms caps ${s.name ?? "the server"} at about ${f((cores * 1000) / input.workload.cpuMs)} req/s (less the switch costs).`;
    },
  },
];

/** What the capacity model says for a part of the question. */
export type CapacityPart = { what: "saturatesFirst" } | { what: "saturationRps" | "memoryMiB"; server: number };

export function capacityValue(report: CapacityReport, part: CapacityPart): number | string {
  if (part.what === "saturatesFirst") {
    const rates = report.servers.map((s) => s.saturationRps);
    return `s${rates.indexOf(Math.min(...rates)) + 1}`;
  }
  const s = report.servers[part.server]!;
  return part.what === "saturationRps" ? s.saturationRps : s.memoryMiB;
}

/** The part a capacity part id asks ("saturates-first", "saturation-s2", "memory-s1"). */
export function capacityPartOf(id: string): CapacityPart | null {
  if (id === "saturates-first") return { what: "saturatesFirst" };
  const m = /^(saturation|memory)-s(\d+)$/.exec(id);
  return m ? { what: m[1] === "saturation" ? "saturationRps" : "memoryMiB", server: Number(m[2]) - 1 } : null;
}

/** The entry's run of the model, or null when it does not apply or the mistaken input is refused. */
export function misconceivedReport(entry: CapacityMisconception, input: CapacityInput): CapacityReport | null {
  const t = entry.transform(input);
  if (!t) return null;
  const r = modelCapacity(t);
  return r.ok ? r.value : null;
}

function same(a: number | string, b: number | string, tol: Tolerance): boolean {
  return typeof a === "number" && typeof b === "number" ? withinTolerance(a, b, tol) : a === b;
}

/** Would a student holding the entry's belief get this part wrong? */
export function capacityDiscriminates(
  truth: CapacityReport,
  mis: CapacityReport,
  part: CapacityPart,
  tol: Tolerance,
): boolean {
  const m = capacityValue(mis, part);
  const t = capacityValue(truth, part);
  // A mistaken server past saturation has no steady memory to compare.
  if (part.what === "memoryMiB" && mis.servers[part.server]!.saturated) return false;
  // A number must sit clear of the accepted band (twice the tolerance), or a near miss would be blamed on a belief.
  const clear = { relative: 2 * tol.relative, absolute: 2 * tol.absolute };
  return typeof m === "string" ? m !== t : Number.isFinite(m) && !same(t, m, clear);
}

function truthLine(s: CapacityServerReport, part: CapacityPart, rate: number): string {
  if (part.what === "memoryMiB") {
    return `At ${f(rate)} req/s the right model gives ${f(s.memoryMiB)} MiB for ${s.name}.`;
  }
  const b = s.bounds.find((x) => x.resource === s.limitingResource);
  return `The right model has ${s.name} saturate at ${f(s.saturationRps)} req/s, limited by ${s.limitingResource}${b ? ` (${b.detail})` : ""}.`;
}

/** The entries some part of the question tells apart from the truth (for the self-test's report). */
export function capacityDiscriminating(truth: CapacityReport, partIds: readonly string[], tol: Tolerance): string[] {
  return CAPACITY_MISCONCEPTIONS.filter((e) => {
    const mis = misconceivedReport(e, truth.input);
    return (
      !!mis &&
      partIds.some((id) => {
        const part = capacityPartOf(id);
        return !!part && capacityDiscriminates(truth, mis, part, tol);
      })
    );
  }).map((e) => e.id);
}

/** The capacity misconceptions a wrong part reproduces, most specific first. */
export function matchCapacityMisconceptions(
  truth: CapacityReport,
  partId: string,
  got: number | string,
  tol: Tolerance,
): MisconceptionMatch[] {
  const part = capacityPartOf(partId);
  if (!part) return [];
  const out: MisconceptionMatch[] = [];
  for (const e of CAPACITY_MISCONCEPTIONS) {
    const mis = misconceivedReport(e, truth.input);
    if (!mis || !capacityDiscriminates(truth, mis, part, tol)) continue;
    const v = capacityValue(mis, part);
    if (!same(v, got, tol)) continue;
    const server =
      part.what === "saturatesFirst" ? Number(String(capacityValue(truth, part)).slice(1)) - 1 : part.server;
    const misServer = part.what === "saturatesFirst" ? Number(String(v).slice(1)) - 1 : server;
    const lead =
      part.what === "saturatesFirst"
        ? `${mis.servers[misServer]!.name} would saturate first if ${e.shape}.`
        : `${f(v as number)} ${part.what === "memoryMiB" ? "MiB" : "req/s"} is what ${truth.servers[server]!.name} would ${part.what === "memoryMiB" ? "use" : "sustain"} if ${e.shape}.`;
    // The rule of the server the truth is about (for "which first", the one that really saturates first).
    const rule = e.rule(truth.input, server) || e.rule(truth.input, misServer);
    out.push({
      id: e.id,
      name: e.name,
      full: true,
      summary: lead,
      explanation: `${lead} ${rule} ${truthLine(truth.servers[server]!, part, truth.input.workload.arrivalRate)}`
        .replace(/\s+/g, " ")
        .trim(),
      ...(e.source ? { source: e.source } : {}),
    });
  }
  return out;
}
