// Switch-cost questions: how much overhead the context switches of a schedule cost, split into thread
// and process switches, and how it changes with a smaller quantum or a larger working set — all from
// the sched engine's switch-cost model.
import { simulate } from "../../sched/index";
import type { SimResult, Workload } from "../../sched/index";
import { formatNumber } from "../grading";
import { Issues, joinPath, read, type Obj } from "../issues";
import type { AnswerPartSpec, Checked, NumberUnit } from "../types";
import { defineKind, type BuiltVariant, type KindGrade } from "./kind";
import { quantumParam } from "./schedule";
import {
  drawSchedWorkload,
  SCHED_GENERATOR_KEYS,
  validateSchedWorkloadSpec,
  workloadExhibit,
  type SchedWorkloadSpec,
} from "./sched-workload";
import { describeArrivalVsExpired, describePolicy, describeTieBreak, usesQuantum } from "./sched-words";

type Ask =
  | { what: "totalOverheadUs" | "switches" | "threadSwitches" | "processSwitches" }
  | { what: "overheadWithQuantumUs" | "switchesWithQuantum"; quantum: number }
  | { what: "overheadWithWorkingSetUs"; workingSetKb: number; refillNsPerKb: number };

export interface SwitchCostSpec {
  workload: SchedWorkloadSpec;
  ask: Ask[];
}

const SIMPLE = ["totalOverheadUs", "switches", "threadSwitches", "processSwitches"] as const;

function validateAsk(issues: Issues, v: unknown): Ask[] {
  const arr = read.array(issues, v, "generator.ask", { max: 20 }) ?? [];
  const out: Ask[] = [];
  arr.forEach((a, i) => {
    const path = `generator.ask[${i}]`;
    if (typeof a === "string") {
      const w = read.choice(issues, a, path, SIMPLE);
      if (w) out.push({ what: w });
      return;
    }
    const o = read.object(issues, a, path);
    if (!o) return;
    const what = read.choice(issues, o["what"], joinPath(path, "what"), [
      "overheadWithQuantumUs",
      "switchesWithQuantum",
      "overheadWithWorkingSetUs",
    ] as const);
    if (what === "overheadWithWorkingSetUs") {
      read.onlyKeys(issues, o, ["what", "workingSetKb", "refillNsPerKb"], path);
      const ws = read.number(issues, o["workingSetKb"], joinPath(path, "workingSetKb"), { min: 0, max: 1e9 });
      const refill =
        o["refillNsPerKb"] === undefined
          ? 100
          : read.number(issues, o["refillNsPerKb"], joinPath(path, "refillNsPerKb"), { min: 0, max: 1e6 });
      if (ws !== undefined && refill !== undefined) out.push({ what, workingSetKb: ws, refillNsPerKb: refill });
    } else if (what) {
      read.onlyKeys(issues, o, ["what", "quantum"], path);
      const q = read.number(issues, o["quantum"], joinPath(path, "quantum"), { min: 0.001, max: 1e6 });
      if (q !== undefined) out.push({ what, quantum: q });
    }
  });
  return out;
}

const partId = (a: Ask): string => a.what;

function label(a: Ask): string {
  switch (a.what) {
    case "totalOverheadUs":
      return "Total context-switch overhead";
    case "switches":
      return "Number of context switches (including switches to and from the idle CPU)";
    case "threadSwitches":
      return "Switches between threads of the same process";
    case "processSwitches":
      return "Switches between different processes";
    case "overheadWithQuantumUs":
      return `Total overhead if the quantum were ${formatNumber(a.quantum)} ms`;
    case "switchesWithQuantum":
      return `Number of context switches if the quantum were ${formatNumber(a.quantum)} ms`;
    case "overheadWithWorkingSetUs":
      return `Total overhead if every task touched ${formatNumber(a.workingSetKb)} KiB per run (refill ${formatNumber(a.refillNsPerKb)} ns per KiB)`;
  }
}

function unit(a: Ask): NumberUnit {
  return a.what.endsWith("Us") ? "us" : "count";
}

function valueOf(a: Ask, w: Workload, sim: SimResult): number | undefined {
  const s = sim.switches;
  switch (a.what) {
    case "totalOverheadUs":
      return s.totalOverheadMs * 1000;
    case "switches":
      return s.total;
    case "threadSwitches":
      return s.byKind.thread.count;
    case "processSwitches":
      return s.byKind.process.count;
    case "overheadWithQuantumUs":
    case "switchesWithQuantum": {
      if (!("quantum" in w.policy)) return undefined;
      const alt = simulate({ ...w, policy: { ...w.policy, quantum: a.quantum } as Workload["policy"] });
      return a.what === "switchesWithQuantum" ? alt.switches.total : alt.switches.totalOverheadMs * 1000;
    }
    case "overheadWithWorkingSetUs": {
      const alt = simulate({
        ...w,
        tasks: w.tasks.map((t) => ({ ...t, workingSetKb: a.workingSetKb })),
        switchCost: { ...w.switchCost, refillNsPerKb: a.refillNsPerKb },
      });
      return alt.switches.totalOverheadMs * 1000;
    }
  }
}

export const switchCostKind = defineKind<SwitchCostSpec>({
  type: "switch-cost",
  validate(g: Obj): Checked<SwitchCostSpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, [...SCHED_GENERATOR_KEYS, "ask"], "generator");
    const workload = validateSchedWorkloadSpec(issues, g, { needsSlots: false });
    const ask = validateAsk(issues, g["ask"]);
    return issues.result({ workload: workload!, ask });
  },
  build(spec, seed): Checked<BuiltVariant> {
    let values: Record<string, number> = {};
    let problem: { path: string; message: string } | undefined;
    const d = drawSchedWorkload(spec.workload, seed, {
      needsSlots: false,
      extraCheck: ({ workload, sim }) => {
        const vals: Record<string, number> = {};
        for (const a of spec.ask) {
          const v = valueOf(a, workload, sim);
          if (v === undefined) {
            problem = {
              path: "generator.ask",
              message: `${a.what} needs a policy with a quantum (rr, lottery, stride)`,
            };
            return problem.message;
          }
          vals[partId(a)] = v;
        }
        if (sim.switches.total === 0) return "the schedule has no context switch";
        values = vals;
        return null;
      },
    });
    if (problem && !d.ok) return { ok: false, errors: [problem] };
    if (!d.ok) return d;
    const { workload } = d.value;
    const parts: AnswerPartSpec[] = spec.ask.map((a) => ({
      kind: "number",
      id: partId(a),
      label: label(a),
      unit: unit(a),
      ...(unit(a) === "count" ? { integer: true } : {}),
      ...(unit(a) === "us" ? { hint: "in microseconds, to two decimal places" } : {}),
    }));
    const c = workload.switchCost;
    const minAbsTolerance = Object.fromEntries(
      parts.filter((p) => p.kind === "number" && p.unit === "us").map((p) => [p.id, 0.005]),
    );
    return {
      ok: true,
      value: {
        params: {
          policy: workload.policy.name.toUpperCase(),
          tasks: workload.tasks.length,
          threadUs: c.threadUs,
          processUs: c.processUs,
          idleUs: c.idleUs,
          ...quantumParam(workload),
        },
        exhibits: [workloadExhibit(workload)],
        parts,
        conventions: [
          describePolicy(workload.policy),
          describeTieBreak(workload),
          ...(usesQuantum(workload) ? [describeArrivalVsExpired(workload)] : []),
          `A switch between two threads of the same process costs ${formatNumber(c.threadUs)} µs, between two processes ${formatNumber(c.processUs)} µs, and to or from the idle CPU ${formatNumber(c.idleUs)} µs; the first dispatch is free.`,
          c.chargeTime
            ? "Switch overhead takes CPU time, so it delays the schedule."
            : "Switch overhead is counted but does not shift the schedule.",
          "Tasks with the same Process value are threads of one process; otherwise each task is its own process.",
        ],
        key: { expected: values, data: { minAbsTolerance, switches: d.value.sim.switches, workload } },
      },
    };
  },
  grade(): KindGrade {
    return { parts: {} };
  },
  degenerate(variant) {
    return variant.view.parts.length === 0 ? "the question asks for nothing" : null;
  },
});
