// Process questions: fork/exec/wait programs in C (how many processes, how many lines, a valid output
// order — any order the OS can produce is accepted — and which lines survive a crash or _exit), or a
// crash-isolation scenario of processes and threads (which lines always / never appear).
import { createPythonRandom } from "../../random";
import { analyzeForkProgram, explainOutputOrder, simulateCrashScenario } from "../../process/index";
import type { CrashReport, ForkModel } from "../../process/index";
import { Issues, read, type Obj } from "../issues";
import type { AnswerPartSpec, Checked, PartGrade, VariantExhibit } from "../types";
import { defineKind, MAX_REDRAWS, type BuiltVariant, type KindGrade } from "./kind";
import { labelsOf, shuffledOrderItems } from "./order-items";
import { boundedMemo } from "../memo";
import { decodeTree, encodeTree, gradeTree, MAX_TREE_NODES, trueForkTree, type TreeLabelling } from "./fork-tree";
import {
  FORK_MISCONCEPTIONS,
  forkDiscriminating,
  matchForkMisconceptions,
  OUTPUT_LINE_SEPARATOR,
  outputLabel,
  parentFirstOrder,
} from "../misconceptions/process";
import { drawProgram, PROGRAM_KEYS, programPath, validateProgramSpec, type ProgramSpec } from "./program-source";

const FORK_ASKS = ["processes", "lines", "order", "appears", "tree", "outputs"] as const;
/** Options of an "outputs" part: at most this many possible outputs and this many impossible ones. */
const MAX_POSSIBLE_OPTIONS = 3;
const MAX_IMPOSSIBLE_OPTIONS = 2;
const CRASH_ASKS = ["always", "never"] as const;
type ForkAsk = (typeof FORK_ASKS)[number];
type CrashAsk = (typeof CRASH_ASKS)[number];

export type ProcessSpec =
  | { mode: "fork"; program: ProgramSpec; output: "pipe" | "tty"; ask: ForkAsk[]; treeLabels: TreeLabelling }
  | { mode: "crash"; scenarios: unknown[]; ask: CrashAsk[] };

interface ProcessKeyData {
  mode: "fork" | "crash";
  model?: ForkModel;
  labels?: Record<string, string>;
}

const forkMemo = boundedMemo<ReturnType<typeof analyzeForkProgram>>(64);

function asks<T extends string>(issues: Issues, v: unknown, options: readonly T[]): T[] {
  const arr = read.array(issues, v, "generator.ask", { max: options.length }) ?? [];
  const out: T[] = [];
  arr.forEach((a, i) => {
    const c = read.choice(issues, a, `generator.ask[${i}]`, options);
    if (c && !out.includes(c)) out.push(c);
  });
  return out;
}

function optionIds<T>(items: readonly T[], rng: ReturnType<typeof createPythonRandom>): { item: T; id: string }[] {
  return rng.shuffled(items).map((item, i) => ({ item, id: `o${i + 1}` }));
}

function buildFork(spec: Extract<ProcessSpec, { mode: "fork" }>, seed: number): Checked<BuiltVariant> {
  const rng = createPythonRandom(seed);
  let last = "";
  for (
    let attempt = 0;
    attempt < (spec.program.programs.length > 1 || Object.keys(spec.program.params).length > 0 ? MAX_REDRAWS : 1);
    attempt++
  ) {
    const drawn = drawProgram(spec.program, rng);
    const m = forkMemo(`${spec.output}\u0000${drawn.source}`, () =>
      analyzeForkProgram(drawn.source, { mode: spec.output }),
    );
    if (!m.ok)
      return {
        ok: false,
        errors: m.errors.map((e) => ({
          path: programPath(spec.program, drawn.index),
          message: `${e.path}: ${e.message}`,
        })),
      };
    const model = m.value;
    const lines = model.outputs[0] ?? [];
    if (spec.ask.includes("order") && lines.length < 2) {
      last = "the program prints fewer than two lines, so there is no order to ask about";
      continue;
    }
    const tree = spec.ask.includes("tree") ? trueForkTree(model, drawn.source, spec.treeLabels) : undefined;
    if (typeof tree === "string")
      return {
        ok: false,
        errors: [{ path: programPath(spec.program, drawn.index), message: `cannot ask for the process tree: ${tree}` }],
      };
    if (tree && tree.nodes.length > MAX_TREE_NODES)
      return {
        ok: false,
        errors: [
          {
            path: programPath(spec.program, drawn.index),
            message: `the tree has ${tree.nodes.length} processes; at most ${MAX_TREE_NODES} can be drawn`,
          },
        ],
      };
    const parts: AnswerPartSpec[] = [];
    const expected: Record<string, number | string | string[]> = {};
    let labels: Record<string, string> | undefined;
    for (const a of spec.ask) {
      if (a === "tree" && tree) {
        parts.push({
          kind: "tree",
          id: "tree",
          label:
            spec.treeLabels === "prints"
              ? "Draw the process tree: add each process under the process that creates it, and label it with the line it prints"
              : "Draw the process tree: add each process under the process that creates it, and label it with the fork() call that creates it",
          labelling: spec.treeLabels,
          labels: tree.labels,
          ...(tree.rootLabel ? { rootLabel: tree.rootLabel } : {}),
          // Room for twice the true tree, so the size of the canvas does not give the answer away.
          maxNodes: Math.min(MAX_TREE_NODES, Math.max(16, 2 * tree.nodes.length)),
        });
        expected["tree"] = encodeTree(tree.nodes);
        continue;
      }
      if (a === "processes") {
        parts.push({
          kind: "number",
          id: "processes",
          label: "How many processes run in total (including the first one)?",
          unit: "count",
          integer: true,
        });
        expected["processes"] = model.processCount;
      } else if (a === "lines") {
        parts.push({
          kind: "number",
          id: "lines",
          label: "How many lines does the program print?",
          unit: "count",
          integer: true,
        });
        expected["lines"] = model.linesPrinted;
      } else if (a === "order") {
        const items = shuffledOrderItems(
          "order",
          "Arrange the output lines in an order the program can print",
          lines,
          rng,
          (ls) => explainOutputOrder(model, ls).valid,
        );
        parts.push(items.part);
        expected["order"] = items.expected;
        labels = items.labels;
      } else if (a === "outputs") {
        const options = outputOptions(model, drawn.source, rng);
        if (typeof options === "string") {
          last = options;
          parts.length = 0;
          break;
        }
        const opts = optionIds(options.all, rng);
        parts.push({
          kind: "choice",
          id: "outputs",
          label:
            "Which of these outputs can the program print? Select every one that is possible (lines separated by /).",
          options: opts.map((o) => ({ id: o.id, label: outputLabel(o.item) })),
          multiple: true,
        });
        expected["outputs"] = opts.filter((o) => options.possible.includes(o.item)).map((o) => o.id);
      } else {
        const printed = [...new Set(lines)];
        const lost = [
          ...new Set(
            model.processes.flatMap((p) =>
              p.events.flatMap((e) => (e.type === "lost" ? e.text.split("\n").filter((l) => l !== "") : [])),
            ),
          ),
        ].filter((l) => !printed.includes(l));
        const opts = optionIds([...printed, ...lost], rng);
        parts.push({
          kind: "choice",
          id: "appears",
          label: "Which of these lines appear in the output?",
          options: opts.map((o) => ({ id: o.id, label: o.item })),
          multiple: true,
        });
        expected["appears"] = opts.filter((o) => printed.includes(o.item)).map((o) => o.id);
      }
    }
    if (parts.length < spec.ask.length) continue;
    const exhibits: VariantExhibit[] = [{ kind: "code", caption: "Program", language: "c", source: drawn.source }];
    const data: ProcessKeyData = {
      mode: "fork",
      model: { ...model, outputs: model.outputs.slice(0, 1) },
      ...(labels ? { labels } : {}),
    };
    return {
      ok: true,
      value: {
        params: { ...drawn.params },
        exhibits,
        parts,
        conventions: [
          spec.output === "pipe"
            ? "Output goes to a pipe (e.g. ./a.out | cat): stdout is fully buffered, so text sits in the stdio buffer until exit(), fflush() or a full buffer — and a fork() copies that buffer."
            : "Output goes to a terminal: stdout is line buffered, so each printf ending in \\n is written at once.",
          "fork() always succeeds; any process may run at any time unless wait() or waitpid() makes it wait.",
          ...(tree
            ? [
                "In the process tree, each process hangs under the process that called the fork() creating it; the order of siblings does not matter.",
              ]
            : []),
        ],
        key: { expected, data: data as unknown as Record<string, unknown> },
      },
    };
  }
  return { ok: false, errors: [{ path: "generator", message: `no usable program in ${MAX_REDRAWS} draws: ${last}` }] };
}

/**
 * The whole outputs offered by an "outputs" part: the order where the parent always runs first and
 * other possible orders, and as impossible ones what the catalogued mistakes print (wait() ignored,
 * the other buffering, exec returning), then the reverse of a possible order. A reason string when the
 * program cannot be asked this way.
 */
function outputOptions(
  model: ForkModel,
  source: string,
  rng: ReturnType<typeof createPythonRandom>,
): { all: string[][]; possible: string[][] } | string {
  if (!model.outputsComplete) return "the program has too many outputs to offer a choice of them";
  if (model.outputs.some((o) => o.some((l) => l.includes(OUTPUT_LINE_SEPARATOR))))
    return `a printed line contains "${OUTPUT_LINE_SEPARATOR}", which separates the lines of an option`;
  const key = (o: readonly string[]) => o.join("\n");
  const first = parentFirstOrder(model);
  const others = rng.shuffled(model.outputs.filter((o) => !first || key(o) !== key(first)));
  const possible = [...(first ? [first] : []), ...others].slice(0, MAX_POSSIBLE_OPTIONS);
  const impossible: string[][] = [];
  const offer = (o: readonly string[]) => {
    if (impossible.length >= MAX_IMPOSSIBLE_OPTIONS || impossible.some((x) => key(x) === key(o))) return;
    if (o.some((l) => l.includes(OUTPUT_LINE_SEPARATOR)) || explainOutputOrder(model, o).valid) return;
    impossible.push([...o]);
  };
  // Reversed: the catalogue lists the most specific first; exec returning is the likeliest distractor here.
  for (const e of [...FORK_MISCONCEPTIONS].reverse()) {
    const mis = e.answer(source, model);
    const wrong = (mis?.orders ?? mis?.orderModel?.outputs ?? []).find((o) => !explainOutputOrder(model, o).valid);
    if (wrong) offer(wrong);
  }
  for (const o of possible) offer([...o].reverse());
  if (possible.length + impossible.length < 3) return "fewer than three distinct outputs to offer";
  return { all: [...possible, ...impossible], possible };
}

function buildCrash(spec: Extract<ProcessSpec, { mode: "crash" }>, seed: number): Checked<BuiltVariant> {
  const rng = createPythonRandom(seed);
  const index = spec.scenarios.length > 1 ? rng.randint(0, spec.scenarios.length - 1) : 0;
  const path = spec.scenarios.length > 1 ? `generator.scenarios[${index}]` : "generator.scenario";
  const r = simulateCrashScenario(spec.scenarios[index]);
  if (!r.ok)
    return {
      ok: false,
      errors: r.errors.map((e) => ({ path: e.path ? `${path}.${e.path}` : path, message: e.message })),
    };
  const report: CrashReport = r.value;
  const prints = report.steps.filter((s) => s.kind === "print" && s.text !== undefined);
  const opts = optionIds(prints, rng);
  const parts: AnswerPartSpec[] = [];
  const expected: Record<string, string[]> = {};
  for (const a of spec.ask) {
    parts.push({
      kind: "choice",
      id: a,
      label: a === "always" ? "Which lines appear in every run?" : "Which lines can never appear?",
      options: opts.map((o) => ({ id: o.id, label: `${o.item.process}/${o.item.thread}: ${o.item.text}` })),
      multiple: true,
    });
    expected[a] = opts.filter((o) => o.item.appears === a).map((o) => o.id);
  }
  return {
    ok: true,
    value: {
      params: {},
      exhibits: [
        {
          kind: "code",
          caption: "Processes and threads",
          language: "text",
          source: describeScenario(spec.scenarios[index]),
        },
      ],
      parts,
      conventions: [
        "Output goes to a terminal: stdout is line buffered, so each printf ending in \\n is written at once and a line printed before a crash is never lost. (On a pipe, lines still in the stdio buffer would be lost when the process is killed.)",
        "No signal handlers are installed: a fault (SIGSEGV, SIGFPE, …) in any thread kills its whole process; other processes are unaffected unless they share memory.",
        "exit() from any thread ends every thread of its process; threads otherwise run in any interleaving.",
      ],
      key: { expected, data: { mode: "crash" } },
    },
  };
}

/** A line of C that raises the fault, so the code and the signal name agree. */
function faultLine(signal: string): string {
  switch (signal) {
    case "SIGSEGV":
      return "*(volatile int *)0 = 0;  /* store through a null pointer: SIGSEGV */";
    case "SIGFPE":
      return "x = x / zero;  /* integer division by zero (zero == 0): SIGFPE */";
    case "SIGBUS":
      return "map[past_eof] = 0;  /* touch an mmap'ed page beyond the end of the file: SIGBUS */";
    case "SIGILL":
      return "__builtin_trap();  /* illegal instruction (ud2 on x86-64): SIGILL */";
    case "SIGABRT":
      return "abort();  /* SIGABRT */";
    default:
      return `raise(${signal});`;
  }
}

/** A readable listing of the scenario (its JSON is the source of truth; this is what students read). */
function describeScenario(s: unknown): string {
  const sc = s as {
    processes: { name: string; threads: { name: string; steps: Record<string, unknown>[] }[] }[];
    memory?: Record<string, { shared?: boolean; initial?: number }>;
  };
  const lines: string[] = [];
  for (const [name, m] of Object.entries(sc.memory ?? {}))
    lines.push(`${m.shared ? "shared" : "private"} int ${name} = ${m.initial ?? 0};`);
  for (const p of sc.processes) {
    lines.push(`process ${p.name}:`);
    for (const t of p.threads) {
      lines.push(`  thread ${t.name}:`);
      for (const step of t.steps) {
        const [k, v] = Object.entries(step)[0]!;
        const text =
          k === "print"
            ? `printf("${String(v)}\\n");`
            : k === "store"
              ? `${(v as { var: string }).var} = ${(v as { value: number }).value};`
              : k === "load"
                ? `print ${String(v)};`
                : k === "fault"
                  ? faultLine(String(v))
                  : k === "exit"
                    ? `exit(${String(v)});`
                    : k === "join"
                      ? `pthread_join(${String(v)});`
                      : "pthread_exit(NULL);";
        lines.push(`    ${text}`);
      }
    }
  }
  return lines.join("\n");
}

export const processKind = defineKind<ProcessSpec>({
  type: "process",
  validate(g: Obj): Checked<ProcessSpec> {
    const issues = new Issues();
    if (g["scenario"] !== undefined || g["scenarios"] !== undefined) {
      read.onlyKeys(issues, g, ["scenario", "scenarios", "ask"], "generator");
      const scenarios =
        g["scenarios"] !== undefined
          ? (read.array(issues, g["scenarios"], "generator.scenarios", { max: 50 }) ?? [])
          : [g["scenario"]];
      scenarios.forEach((sc, i) => {
        const r = simulateCrashScenario(sc);
        const path = g["scenarios"] !== undefined ? `generator.scenarios[${i}]` : "generator.scenario";
        if (!r.ok) for (const e of r.errors) issues.add(e.path ? `${path}.${e.path}` : path, e.message);
      });
      const ask = asks(issues, g["ask"], CRASH_ASKS);
      return issues.result({ mode: "crash", scenarios, ask });
    }
    read.onlyKeys(issues, g, [...PROGRAM_KEYS, "output", "ask", "treeLabels"], "generator");
    const program = validateProgramSpec(issues, g);
    const output = read.choice(issues, g["output"], "generator.output", ["pipe", "tty"] as const, "pipe")!;
    const ask = asks(issues, g["ask"], FORK_ASKS);
    const treeLabels = read.choice(
      issues,
      g["treeLabels"],
      "generator.treeLabels",
      ["prints", "fork"] as const,
      "fork",
    )!;
    return issues.result({ mode: "fork", program, output, ask, treeLabels });
  },
  build(spec, seed): Checked<BuiltVariant> {
    return spec.mode === "fork" ? buildFork(spec, seed) : buildCrash(spec, seed);
  },
  grade(ctx): KindGrade {
    const data = ctx.variant.key.data as unknown as ProcessKeyData;
    const parts: Record<string, PartGrade> = {};
    for (const spec of ctx.variant.view.parts) {
      if (spec.kind !== "tree") continue;
      const want = decodeTree(ctx.variant.key.expected[spec.id]);
      const got = decodeTree(ctx.answer.parts[spec.id]);
      if (!want || !got) continue;
      const g = gradeTree(spec, want, got);
      parts[spec.id] = { id: spec.id, label: spec.label, score: g.score, weight: 1, message: g.message };
    }
    const spec = ctx.variant.view.parts.find((p) => p.id === "order");
    if (data.mode !== "fork" || !spec || !data.model || !data.labels) return { parts };
    const got = labelsOf(ctx.answer.parts["order"] as string[], data.labels);
    const verdict = explainOutputOrder(data.model, got);
    parts["order"] = verdict.valid
      ? {
          id: "order",
          label: spec.label,
          score: 1,
          weight: 1,
          message: "Valid: the OS can print the lines in this order.",
        }
      : {
          id: "order",
          label: spec.label,
          score: 0,
          weight: 1,
          message: `This order is impossible: ${verdict.reason ?? "no interleaving produces it"}`,
        };
    return { parts };
  },
  discriminates(variant) {
    const data = variant.key.data as unknown as ProcessKeyData;
    const code = variant.view.exhibits.find((e) => e.kind === "code");
    if (data.mode !== "fork" || !data.model || !code || code.kind !== "code") return [];
    return forkDiscriminating(variant.view.parts, code.source, data.model);
  },
  misconceptions(ctx, part) {
    const data = ctx.variant.key.data as unknown as ProcessKeyData;
    const code = ctx.variant.view.exhibits.find((e) => e.kind === "code");
    if (data.mode !== "fork" || !data.model || !code || code.kind !== "code") return [];
    const got = ctx.answer.parts[part.id];
    if (part.id === "processes" || part.id === "lines")
      return typeof got === "number" ? matchForkMisconceptions(part.id, code.source, data.model, got) : [];
    if (part.id === "order" && data.labels)
      return matchForkMisconceptions("order", code.source, data.model, labelsOf(got as string[], data.labels));
    const spec = ctx.variant.view.parts.find((p) => p.id === part.id);
    if ((part.id !== "appears" && part.id !== "outputs") || !spec || spec.kind !== "choice") return [];
    const ids = new Set(Array.isArray(got) ? got : [got]);
    const chosen = spec.options.filter((o) => ids.has(o.id)).map((o) => o.label);
    return matchForkMisconceptions(
      part.id,
      code.source,
      data.model,
      chosen,
      spec.options.map((o) => o.label),
    );
  },
  degenerate(variant) {
    const data = variant.key.data as unknown as ProcessKeyData;
    if (variant.view.parts.length === 0) return "the question asks for nothing";
    const order = variant.view.parts.find((p) => p.id === "order");
    if (order && order.kind === "order" && new Set(order.items.map((i) => i.label)).size < 2)
      return "every output line is the same, so every order is right";
    const tree = decodeTree(variant.key.expected["tree"]);
    if (tree && tree.length < 3) return "the process tree has fewer than three processes";
    if (data.mode === "crash") {
      for (const p of variant.view.parts) {
        if (p.kind === "choice" && p.options.length < 2) return "fewer than two lines to choose from";
      }
    }
    return null;
  },
});
