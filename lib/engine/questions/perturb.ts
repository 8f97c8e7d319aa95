// perturbAnswer: a valid but wrong answer, for property tests and the instructors' self-test. Each
// candidate changes one part and is kept only if it grades below 1, so it is wrong by the grader's
// own rules (not merely different from the key).
import { createPythonRandom, type PythonRandom } from "../random";
import { TEMPLATE_DEFAULT_GRADING } from "./grading";
import { gradeWith } from "./grade";
import { decodeTree, encodeTree } from "./kinds/fork-tree";
import { IDLE, SWITCH } from "./timeline";
import { referenceAnswer } from "./variant";
import type { Answer, AnswerPartSpec, AnswerValue, GradingSettings, Variant } from "./types";

const MAX_CANDIDATES = 40;

function perturbPart(spec: AnswerPartSpec, value: AnswerValue, rng: PythonRandom, g: GradingSettings): AnswerValue {
  switch (spec.kind) {
    case "timeline": {
      const slots = [...(value as (string | null)[])];
      const options = [
        ...spec.tasks.map((t) => t.id),
        ...(spec.allowIdle ? [IDLE] : []),
        ...(spec.allowSwitch ? [SWITCH] : []),
      ];
      const i = rng.randint(0, slots.length - 1);
      const others = options.filter((o) => o !== slots[i]);
      if (others.length > 0) slots[i] = rng.choice(others);
      return slots;
    }
    case "number": {
      const e = value as number;
      const slack = g.absoluteTolerance + g.relativeTolerance * Math.abs(e);
      const step = Math.max(1, Math.ceil(2 * slack + 0.1 * Math.abs(e)));
      return rng.random() < 0.5 && e - step >= 0 ? e - step : e + step;
    }
    case "order": {
      const order = [...(value as string[])];
      if (order.length < 2) return order;
      const i = rng.randint(0, order.length - 2);
      const j = rng.random() < 0.5 ? i + 1 : rng.randint(i + 1, order.length - 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
      return order;
    }
    case "choice": {
      const ids = spec.options.map((o) => o.id);
      if (!spec.multiple) {
        const others = ids.filter((x) => x !== value);
        return others.length ? rng.choice(others) : value;
      }
      const set = new Set(value as string[]);
      const flip = rng.choice(ids);
      if (set.has(flip)) set.delete(flip);
      else set.add(flip);
      return ids.filter((x) => set.has(x));
    }
    case "tree": {
      const nodes = decodeTree(value);
      if (!nodes) return value;
      // Drop a leaf, or relabel a process (the first one only when its label is free).
      if (nodes.length > 1 && rng.random() < 0.5) {
        const leaves = nodes.map((_, i) => i).filter((i) => i > 0 && !nodes.some((n) => n.parent === i));
        const drop = rng.choice(leaves);
        return encodeTree(
          nodes.filter((_, i) => i !== drop).map((n) => ({ ...n, parent: n.parent > drop ? n.parent - 1 : n.parent })),
        );
      }
      const from = spec.rootLabel ? 1 : 0;
      if (nodes.length <= from) return encodeTree([...nodes, { parent: 0, label: spec.labels[0]!.id }]);
      const i = rng.randint(from, nodes.length - 1);
      const others = spec.labels.filter((l) => l.id !== nodes[i]!.label);
      if (others.length > 0) nodes[i] = { ...nodes[i]!, label: rng.choice(others).id };
      return encodeTree(nodes);
    }
  }
}

export function perturbAnswer(variant: Variant, seed: number): Answer {
  const rng = createPythonRandom(Math.abs(Math.trunc(seed)) || 0);
  const grading = (variant.key.data["grading"] as GradingSettings | undefined) ?? TEMPLATE_DEFAULT_GRADING;
  const ref = referenceAnswer(variant);
  const parts = variant.view.parts;
  let last: Answer = ref;
  for (let c = 0; c < MAX_CANDIDATES && parts.length > 0; c++) {
    const spec =
      parts[
        c < parts.length ? (c + rng.randint(0, parts.length - 1)) % parts.length : rng.randint(0, parts.length - 1)
      ]!;
    const candidate: Answer = {
      parts: { ...ref.parts, [spec.id]: perturbPart(spec, ref.parts[spec.id]!, rng, grading) },
    };
    last = candidate;
    if (gradeWith(variant, candidate, grading, undefined, { nameMisconceptions: false }).score < 1) return candidate;
  }
  return last;
}
