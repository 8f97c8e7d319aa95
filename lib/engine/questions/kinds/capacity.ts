// Capacity questions: which server model saturates first (choice), at what load (req/s) and with how
// much memory (MiB) — graded against the capacity model, with the workload drawn from ranges.
import { createPythonRandom } from "../../random";
import { CAPACITY_DEFAULTS, modelCapacity } from "../../capacity/index";
import type { CapacityInput, CapacityReport, CapacityServer } from "../../capacity/index";
import { formatNumber, TEMPLATE_DEFAULT_GRADING } from "../grading";
import { Issues, isObj, joinPath, read, type Obj } from "../issues";
import { drawParams, validateParams, type ParamSpecs } from "../params";
import type { AnswerPartSpec, Checked, GradingSettings, VariantExhibit } from "../types";
import { defineKind, MAX_REDRAWS, type BuiltVariant, type KindGrade } from "./kind";
import { capacityDiscriminating, matchCapacityMisconceptions } from "../misconceptions/capacity";

const DRAWN = { workload: ["arrivalRate", "cpuMs", "ioMs"], machine: ["cores", "ramMiB"] } as const;
type Ask = { what: "saturatesFirst" } | { what: "saturationRps" | "memoryMiB"; server: number };

export interface CapacitySpec {
  values: ParamSpecs;
  servers: unknown[];
  ask: Ask[];
}

/** Two servers closer than this (relative) make "which saturates first" a coin toss: redraw. */
const TIE_MARGIN = 0.02;

function inputFrom(values: Record<string, string | number>, servers: unknown[]): CapacityInput {
  return {
    workload: {
      arrivalRate: Number(values["arrivalRate"]),
      cpuMs: Number(values["cpuMs"]),
      ioMs: Number(values["ioMs"]),
    },
    machine: { cores: Number(values["cores"]), ramMiB: Number(values["ramMiB"]) },
    servers: servers as CapacityInput["servers"],
  };
}

function validateAsk(issues: Issues, v: unknown, servers: number): Ask[] {
  const arr = read.array(issues, v, "generator.ask", { max: 20 }) ?? [];
  const out: Ask[] = [];
  arr.forEach((a, i) => {
    const path = `generator.ask[${i}]`;
    if (a === "saturatesFirst") {
      if (servers < 2) issues.add(path, "saturatesFirst needs at least two servers");
      out.push({ what: "saturatesFirst" });
      return;
    }
    const o = read.object(issues, a, path);
    if (!o) return;
    read.onlyKeys(issues, o, ["what", "server"], path);
    const what = read.choice(issues, o["what"], joinPath(path, "what"), ["saturationRps", "memoryMiB"] as const);
    const server = read.number(issues, o["server"], joinPath(path, "server"), {
      min: 0,
      max: Math.max(0, servers - 1),
      integer: true,
    });
    if (what && server !== undefined) out.push({ what, server });
  });
  return out;
}

function serverName(report: CapacityReport, i: number): string {
  return report.servers[i]!.name;
}

const dv = (key: keyof typeof CAPACITY_DEFAULTS): number => CAPACITY_DEFAULTS[key].value;
const f = (x: number): string => formatNumber(x);

function modelWords(s: CapacityServer): [string, string, string] {
  switch (s.kind) {
    case "thread-per-request":
      return s.poolSize !== undefined
        ? ["Thread pool", `${s.poolSize} OS threads; a request holds one from start to end`, "blocks its thread"]
        : ["One new OS thread per request", "one OS thread per request in the system", "blocks its thread"];
    case "event-loop":
      return s.ioOnThreadPool
        ? [
            "Node.js event loop",
            "one JavaScript thread (one core)",
            `file-system calls: each wait holds one of the ${s.poolSize ?? dv("uvThreadpoolSize")} libuv pool threads`,
          ]
        : [
            "Node.js event loop",
            "one JavaScript thread (one core)",
            "network sockets: waits in epoll, holds no thread",
          ];
    case "goroutines":
      return s.ioKind === "blocking-syscall"
        ? [
            "One goroutine per request (Go)",
            `GOMAXPROCS = ${s.gomaxprocs ?? "number of cores"}`,
            `blocking system calls: each wait holds an OS thread (at most ${s.maxThreads ?? dv("goMaxThreads")})`,
          ]
        : [
            "One goroutine per request (Go)",
            `GOMAXPROCS = ${s.gomaxprocs ?? "number of cores"}`,
            "network: parked in the netpoller, holds no OS thread",
          ];
    case "virtual-threads": {
      const pinned = s.pinnedFraction ?? 0;
      return [
        "One virtual thread per request (Java 21)",
        `${s.carriers ?? "as many carrier threads as cores"}${s.carriers !== undefined ? " carrier threads" : ""}`,
        pinned > 0
          ? `${f(pinned * 100)}% of each wait is pinned (inside synchronized): the carrier is held for it`
          : "unmounts: holds no carrier",
      ];
    }
  }
}

/** The server models as a table a student can read (never the raw generator fields). */
function serverTable(servers: readonly CapacityServer[]): VariantExhibit {
  return {
    kind: "table",
    caption: "Server models",
    columns: ["Server", "Concurrency model", "Threads", "While waiting for I/O"],
    rows: servers.map((s) => [s.name ?? s.kind, ...modelWords(s)]),
  };
}

/**
 * Every figure the capacity model uses for the servers of this variant, so the answer can be computed
 * from the page alone (a server's own figure wins over the default).
 */
export function capacityConventions(servers: readonly CapacityServer[]): string[] {
  const has = (k: CapacityServer["kind"]) => servers.some((s) => s.kind === k);
  const out = [
    "Requests arrive at random (Poisson) at the given average rate; each needs the given CPU time and then waits for I/O.",
    "A server saturates at the lowest of its limits: CPU (cores ÷ CPU time per request), threads or carriers held (their number ÷ how long a request holds one), memory (RAM ÷ memory per request ÷ time a request stays) and the kernel's thread limits.",
    "Memory in use = requests in the system (Little's law: arrival rate × time in the system) × memory per request, plus the threads of a fixed pool.",
  ];
  const switches: string[] = [];
  if (has("thread-per-request")) switches.push(`${f(dv("threadSwitchUs"))} µs per switch for OS threads`);
  if (has("goroutines") || has("virtual-threads"))
    switches.push(`${f(dv("goroutineSwitchUs"))} µs for goroutines and virtual threads`);
  if (has("event-loop")) switches.push(`${f(dv("nodeHopUs"))} µs per event-loop hop`);
  out.push(
    `Each request's CPU time also includes two switches (when it blocks for I/O and when it wakes): ${switches.join(", ")}.`,
  );
  for (const s of servers) {
    const name = s.name ?? s.kind;
    if (s.kind === "thread-per-request") {
      const rss = s.threadRssKiB ?? dv("threadRssKiB");
      const kern = s.kernelPerThreadKiB ?? dv("kernelPerThreadKiB");
      const limits = [
        `pid_max ${s.pidMax ?? dv("pidMax")}${s.pidMax === undefined ? " (the kernel's built-in default; systemd 243 and later raise it to 4194304)" : ""}`,
        `vm.max_map_count ${s.maxMapCount ?? dv("maxMapCount")}${s.maxMapCount === undefined ? " (the kernel default)" : ""}, with 2 mappings per thread (stack + guard page)`,
        s.threadsMax !== undefined
          ? `threads-max ${s.threadsMax}`
          : "threads-max = RAM ÷ 128 KiB (the kernel's boot-time default)",
        ...(s.ulimitU !== undefined ? [`ulimit -u ${s.ulimitU}`] : []),
      ];
      out.push(
        `${name}: each OS thread uses ${f(rss)} KiB of resident stack (its ${f(s.stackMiB ?? dv("threadStackMiB"))} MiB glibc stack is virtual) plus ${f(kern)} KiB in the kernel (kernel stack and task_struct), ${f(rss + kern)} KiB of RAM in all. Thread limits: ${limits.join("; ")}.${s.poolSize === undefined ? " A new request fails when a limit is reached." : ""}`,
      );
    } else if (s.kind === "event-loop") {
      out.push(
        `${name}: each request in the system uses ${f(s.perConnectionKiB ?? dv("nodePerConnectionKiB"))} KiB (socket and request objects)${s.ioOnThreadPool ? `; the libuv pool has ${s.poolSize ?? dv("uvThreadpoolSize")} threads (UV_THREADPOOL_SIZE unset)` : ""}.`,
      );
    } else if (s.kind === "goroutines") {
      out.push(
        `${name}: each goroutine uses a ${f(s.goroutineStackKiB ?? dv("goroutineStackKiB"))} KiB stack${s.ioKind === "blocking-syscall" ? `; at most ${s.maxThreads ?? dv("goMaxThreads")} OS threads (debug.SetMaxThreads)` : ""}.`,
      );
    } else {
      out.push(
        `${name}: each virtual thread uses about ${f(s.virtualThreadKiB ?? dv("virtualThreadKiB"))} KiB (its stack lives on the heap).`,
      );
    }
  }
  return out;
}

export const capacityKind = defineKind<CapacitySpec>({
  type: "capacity",
  validate(g: Obj): Checked<CapacitySpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, ["workload", "machine", "servers", "ask"], "generator");
    const values: ParamSpecs = {};
    for (const group of ["workload", "machine"] as const) {
      const o = read.object(issues, g[group], `generator.${group}`);
      if (!o) continue;
      read.onlyKeys(issues, o, DRAWN[group], `generator.${group}`);
      Object.assign(values, validateParams(issues, o, `generator.${group}`));
      for (const k of DRAWN[group])
        if (o[k] === undefined)
          issues.add(`generator.${group}.${k}`, "is required (a number, { range: [min, max] } or { choice: [...] })");
    }
    const servers = read.array(issues, g["servers"], "generator.servers", { max: 10 }) ?? [];
    servers.forEach((s, i) => {
      if (isObj(s) && s["name"] === undefined)
        issues.add(`generator.servers[${i}].name`, "is required: students choose servers by name");
    });
    const names = servers.map((s) => (isObj(s) ? s["name"] : undefined));
    if (new Set(names).size !== names.length) issues.add("generator.servers", "server names must be distinct");
    const ask = validateAsk(issues, g["ask"], servers.length);
    if (!issues.any) {
      // Check the servers and the lowest values of every range with the capacity model's own validator.
      const low: Record<string, string | number> = {};
      for (const [k, s] of Object.entries(values))
        low[k] = typeof s === "object" ? ("range" in s ? s.range[0] : s.choice[0]!) : s;
      const m = modelCapacity(inputFrom(low, servers));
      if (!m.ok)
        for (const e of m.errors)
          issues.add(e.path.startsWith("servers") ? `generator.${e.path}` : `generator.${e.path}`, e.message);
    }
    return issues.result({ values, servers, ask });
  },
  build(spec, seed): Checked<BuiltVariant> {
    const rng = createPythonRandom(seed);
    let last = "";
    const varies = Object.values(spec.values).some((v) => typeof v === "object");
    for (let attempt = 0; attempt < (varies ? MAX_REDRAWS : 1); attempt++) {
      const values = drawParams(spec.values, rng);
      const m = modelCapacity(inputFrom(values, spec.servers));
      if (!m.ok)
        return { ok: false, errors: m.errors.map((e) => ({ path: `generator.${e.path}`, message: e.message })) };
      const report = m.value;
      const rates = report.servers.map((s) => s.saturationRps);
      const min = Math.min(...rates);
      const first = rates.indexOf(min);
      if (
        spec.ask.some((a) => a.what === "saturatesFirst") &&
        rates.filter((r) => r <= min * (1 + TIE_MARGIN)).length > 1
      ) {
        last = "two servers saturate at almost the same load";
        continue;
      }
      // Beyond saturation the backlog grows without bound: "memory at this load" has no steady value.
      const overloaded = spec.ask.find((a) => a.what === "memoryMiB" && report.servers[a.server]!.saturated);
      if (overloaded && "server" in overloaded) {
        last = `${serverName(report, overloaded.server)} is past saturation, so its memory at this load is not defined`;
        continue;
      }
      const parts: AnswerPartSpec[] = [];
      const expected: Record<string, number | string> = {};
      for (const a of spec.ask) {
        if (a.what === "saturatesFirst") {
          parts.push({
            kind: "choice",
            id: "saturates-first",
            label: "Which server model saturates first as the load grows?",
            options: report.servers.map((s, i) => ({ id: `s${i + 1}`, label: s.name })),
            multiple: false,
          });
          expected["saturates-first"] = `s${first + 1}`;
        } else if (a.what === "saturationRps") {
          const id = `saturation-s${a.server + 1}`;
          parts.push({
            kind: "number",
            id,
            label: `At what request rate does ${serverName(report, a.server)} saturate?`,
            unit: "req/s",
          });
          expected[id] = report.servers[a.server]!.saturationRps;
        } else {
          const id = `memory-s${a.server + 1}`;
          parts.push({
            kind: "number",
            id,
            label: `How much memory does ${serverName(report, a.server)} use at this load?`,
            unit: "MiB",
          });
          expected[id] = report.servers[a.server]!.memoryMiB;
        }
      }
      const input = report.input;
      const exhibits: VariantExhibit[] = [
        {
          kind: "table",
          caption: "Workload and machine",
          columns: ["Arrival rate (req/s)", "CPU per request (ms)", "I/O wait per request (ms)", "Cores", "RAM (MiB)"],
          rows: [
            [
              input.workload.arrivalRate,
              input.workload.cpuMs,
              input.workload.ioMs,
              input.machine.cores,
              input.machine.ramMiB,
            ],
          ],
        },
        serverTable(input.servers),
      ];
      return {
        ok: true,
        value: {
          params: Object.fromEntries(
            Object.entries(values).map(([k, v]) => [k, typeof v === "number" ? formatNumber(v) : v]),
          ),
          exhibits,
          parts,
          conventions: capacityConventions(input.servers),
          key: { expected, data: { report } },
        },
      };
    }
    return {
      ok: false,
      errors: [{ path: "generator", message: `no usable draw in ${MAX_REDRAWS} attempts: ${last}` }],
    };
  },
  grade(): KindGrade {
    return { parts: {} };
  },
  discriminates(variant) {
    const report = (variant.key.data as { report?: CapacityReport }).report;
    const g = (variant.key.data["grading"] as GradingSettings | undefined) ?? TEMPLATE_DEFAULT_GRADING;
    return report
      ? capacityDiscriminating(
          report,
          variant.view.parts.map((p) => p.id),
          { relative: g.relativeTolerance, absolute: g.absoluteTolerance },
        )
      : [];
  },
  misconceptions(ctx, part) {
    const report = (ctx.variant.key.data as { report?: CapacityReport }).report;
    const got = ctx.answer.parts[part.id];
    if (!report || (typeof got !== "number" && typeof got !== "string")) return [];
    return matchCapacityMisconceptions(report, part.id, got, {
      relative: ctx.grading.relativeTolerance,
      absolute: ctx.grading.absoluteTolerance,
    });
  },
  degenerate(variant) {
    return variant.view.parts.length === 0 ? "the question asks for nothing" : null;
  },
});
