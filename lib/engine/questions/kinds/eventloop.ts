// Event-loop questions: the output order of a Node.js snippet. Every order the model allows is
// accepted; a wrong one is explained at its first impossible line with the model's reason.
import { createPythonRandom } from "../../random";
import { checkEventLoopOrder, modelEventLoop } from "../../eventloop/index";
import type { EventLoopModel } from "../../eventloop/index";
import { Issues, read, type Obj } from "../issues";
import type { Checked, PartGrade } from "../types";
import { defineKind, MAX_REDRAWS, type BuiltVariant, type KindGrade } from "./kind";
import { labelsOf, shuffledOrderItems } from "./order-items";
import { boundedMemo } from "../memo";
import { eventLoopCandidates, matchEventLoopMisconceptions } from "../misconceptions/eventloop";
import { drawProgram, PROGRAM_KEYS, programPath, validateProgramSpec, type ProgramSpec } from "./program-source";

export interface EventLoopSpec {
  program: ProgramSpec;
}

const modelMemo = boundedMemo<ReturnType<typeof modelEventLoop>>(64);
const model = (source: string) => modelMemo(source, () => modelEventLoop(source));

interface EventLoopKeyData {
  model: EventLoopModel;
  labels: Record<string, string>;
}

/** Distinct arrangements of a multiset of lines: n! / Π(count!), capped to stay a safe integer. */
function distinctOrders(labels: readonly string[]): number {
  if (labels.length > 12) return Number.MAX_SAFE_INTEGER;
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  let d = fact(labels.length);
  for (const c of counts.values()) d /= fact(c);
  return d;
}

export const eventLoopKind = defineKind<EventLoopSpec>({
  type: "eventloop",
  validate(g: Obj): Checked<EventLoopSpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, PROGRAM_KEYS, "generator");
    const program = validateProgramSpec(issues, g);
    if (!issues.any && Object.keys(program.params).length === 0) {
      program.programs.forEach((src, i) => {
        const m = model(src);
        if (!m.ok)
          for (const e of m.errors)
            issues.add(programPath(program, i), e.line !== undefined ? `line ${e.line}: ${e.message}` : e.message);
      });
    }
    return issues.result({ program });
  },
  build(spec, seed): Checked<BuiltVariant> {
    const rng = createPythonRandom(seed);
    const varies = spec.program.programs.length > 1 || Object.keys(spec.program.params).length > 0;
    let last = "";
    for (let attempt = 0; attempt < (varies ? MAX_REDRAWS : 1); attempt++) {
      const drawn = drawProgram(spec.program, rng);
      const m = model(drawn.source);
      if (!m.ok)
        return {
          ok: false,
          errors: m.errors.map((e) => ({
            path: programPath(spec.program, drawn.index),
            message: e.line !== undefined ? `line ${e.line}: ${e.message}` : e.message,
          })),
        };
      const elModel = m.value;
      const lines = elModel.outputs[0] ?? [];
      if (lines.length < 2) {
        last = "the program prints fewer than two lines";
        continue;
      }
      const items = shuffledOrderItems(
        "order",
        "Arrange the lines in the order Node.js prints them",
        lines,
        rng,
        (ls) => checkEventLoopOrder(elModel, ls).valid,
      );
      const data: EventLoopKeyData = { model: elModel, labels: items.labels };
      const conventions = [
        "Node.js 20 on Linux, run as a CommonJS script (node file.js) on an otherwise idle machine.",
        "The libuv thread pool has 4 threads (UV_THREADPOOL_SIZE unset); file I/O completes in an unknown but short time.",
      ];
      if (!elModel.deterministic)
        conventions.push("If the order can vary between runs, any order Node.js can produce is accepted.");
      return {
        ok: true,
        value: {
          params: { ...drawn.params },
          exhibits: [{ kind: "code", caption: "Program", language: "javascript", source: drawn.source }],
          parts: [items.part],
          conventions,
          key: { expected: { order: items.expected }, data: data as unknown as Record<string, unknown> },
        },
      };
    }
    return {
      ok: false,
      errors: [{ path: "generator", message: `no usable program in ${MAX_REDRAWS} draws: ${last}` }],
    };
  },
  grade(ctx): KindGrade {
    const data = ctx.variant.key.data as unknown as EventLoopKeyData;
    const spec = ctx.variant.view.parts[0]!;
    const got = labelsOf(ctx.answer.parts["order"] as string[], data.labels);
    const check = checkEventLoopOrder(data.model, got);
    const grade: PartGrade = check.valid
      ? {
          id: "order",
          label: spec.label,
          score: 1,
          weight: 1,
          message: data.model.deterministic
            ? "Right: this is the order Node.js prints."
            : "Right: Node.js can print the lines in this order.",
        }
      : {
          id: "order",
          label: spec.label,
          score: 0,
          weight: 1,
          message: check.firstMismatch
            ? `Line ${check.firstMismatch.index + 1} is wrong: you put '${check.firstMismatch.got}' there. ${check.firstMismatch.reason}`
            : "Node.js cannot print the lines in this order.",
        };
    return { parts: { order: grade } };
  },
  discriminates(variant) {
    const code = variant.view.exhibits.find((e) => e.kind === "code");
    if (!code || code.kind !== "code") return [];
    return eventLoopCandidates(code.source, (variant.key.data as unknown as EventLoopKeyData).model).map(
      (c) => c.entry.id,
    );
  },
  misconceptions(ctx, part) {
    if (part.id !== "order") return [];
    const data = ctx.variant.key.data as unknown as EventLoopKeyData;
    const code = ctx.variant.view.exhibits.find((e) => e.kind === "code");
    if (!code || code.kind !== "code") return [];
    return matchEventLoopMisconceptions(
      code.source,
      data.model,
      labelsOf(ctx.answer.parts["order"] as string[], data.labels),
    );
  },
  degenerate(variant) {
    const part = variant.view.parts[0];
    if (!part || part.kind !== "order" || part.items.length < 2) return "fewer than two lines to order";
    if (new Set(part.items.map((i) => i.label)).size < 2) return "every line is the same, so every order is right";
    const model = (variant.key.data as unknown as EventLoopKeyData).model;
    if (model.outputs.length >= distinctOrders(part.items.map((i) => i.label)))
      return "Node.js can print the lines in any order, so every answer is right";
    return null;
  },
});
