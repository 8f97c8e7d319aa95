// checkAnswer: shape and validity only, never correctness. The server rejects an invalid answer
// without using an attempt, so every message names the part and says what is expected.
import { parseNumberInput } from "./grading";
import { describeValue, Issues, isObj } from "./issues";
import { treeProblem } from "./kinds/fork-tree";
import { IDLE, SWITCH } from "./timeline";
import type { Answer, AnswerPartSpec, AnswerValue, Checked, VariantView } from "./types";

function checkPart(issues: Issues, spec: AnswerPartSpec, v: unknown): AnswerValue | undefined {
  const path = `parts.${spec.id}`;
  switch (spec.kind) {
    case "timeline": {
      if (!Array.isArray(v)) {
        issues.add(path, `must be a list of ${spec.slots} slots, got ${describeValue(v)}`);
        return undefined;
      }
      if (v.length !== spec.slots) {
        issues.add(path, `must have exactly ${spec.slots} slots (one per ${spec.slotMs} ms), got ${v.length}`);
        return undefined;
      }
      const allowed = new Set(spec.tasks.map((t) => t.id));
      if (spec.allowIdle) allowed.add(IDLE);
      if (spec.allowSwitch) allowed.add(SWITCH);
      const words = [...allowed].map((x) => JSON.stringify(x)).join(", ");
      let painted = 0;
      for (let i = 0; i < v.length; i++) {
        const s: unknown = v[i];
        if (s === null) continue;
        if (typeof s !== "string" || !allowed.has(s)) {
          issues.add(`${path}[${i}]`, `slot ${i} must be one of ${words} (or left empty), got ${describeValue(s)}`);
          return undefined;
        }
        painted++;
      }
      if (painted === 0) {
        issues.add(path, "is empty: paint at least one slot");
        return undefined;
      }
      return v as (string | null)[];
    }
    case "number": {
      const n = parseNumberInput(v, spec.unit);
      if (!n.ok) {
        issues.add(path, `${spec.label}: ${n.message}`);
        return undefined;
      }
      return n.value;
    }
    case "order": {
      const ids = spec.items.map((i) => i.id);
      // Length first, so a hostile list of millions of entries is rejected without walking it.
      if (Array.isArray(v) && v.length > ids.length) {
        issues.add(path, `must list the ${ids.length} item ids once each, got ${v.length} entries`);
        return undefined;
      }
      if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
        issues.add(path, `must list the ${ids.length} item ids in order, got ${describeValue(v)}`);
        return undefined;
      }
      const known = new Set(ids);
      const seen = new Set<string>();
      for (const x of v as string[]) {
        if (!known.has(x)) {
          issues.add(path, `contains unknown item ${describeValue(x)} (items: ${ids.join(", ")})`);
          return undefined;
        }
        if (seen.has(x)) {
          issues.add(path, `lists item ${JSON.stringify(x)} twice: each item goes in exactly once`);
          return undefined;
        }
        seen.add(x);
      }
      if (seen.size !== ids.length) {
        issues.add(
          path,
          `must place all ${ids.length} items, got ${seen.size} (missing: ${ids.filter((i) => !seen.has(i)).join(", ")})`,
        );
        return undefined;
      }
      return [...(v as string[])];
    }
    case "choice": {
      const known = new Set(spec.options.map((o) => o.id));
      const list = spec.options.map((o) => o.id).join(", ");
      if (!spec.multiple) {
        const one = Array.isArray(v) && v.length === 1 ? v[0] : v;
        if (typeof one !== "string" || !known.has(one)) {
          issues.add(path, `must be exactly one of the options ${list}, got ${describeValue(v)}`);
          return undefined;
        }
        return one;
      }
      if (
        !Array.isArray(v) ||
        v.length > spec.options.length ||
        !v.every((x) => typeof x === "string" && known.has(x))
      ) {
        issues.add(path, `must be a list of option ids from ${list}, got ${describeValue(v)}`);
        return undefined;
      }
      if (new Set(v).size !== v.length) {
        issues.add(path, "lists an option twice");
        return undefined;
      }
      return [...(v as string[])];
    }
    case "tree": {
      // Length first, as for orders: a huge list is refused without reading it.
      const problem =
        Array.isArray(v) && v.length > spec.maxNodes
          ? `has ${v.length} processes; at most ${spec.maxNodes} can be drawn`
          : treeProblem(spec, v);
      if (problem) {
        issues.add(path, problem);
        return undefined;
      }
      return [...(v as string[])];
    }
  }
}

export function checkAnswer(view: VariantView, answer: unknown): Checked<Answer> {
  const issues = new Issues();
  if (!isObj(answer) || !isObj(answer["parts"])) {
    issues.add("parts", `the answer must be an object { parts: { <part id>: value } }, got ${describeValue(answer)}`);
    return { ok: false, errors: issues.list };
  }
  const given = answer["parts"];
  const known = new Set(view.parts.map((p) => p.id));
  for (const id of Object.keys(given))
    if (!known.has(id)) issues.add(`parts.${id}`, `is not a part of this question (parts: ${[...known].join(", ")})`);
  const parts: Answer["parts"] = {};
  for (const spec of view.parts) {
    if (!(spec.id in given) || given[spec.id] === undefined) {
      issues.add(`parts.${spec.id}`, `is missing: ${spec.label}`);
      continue;
    }
    const v = checkPart(issues, spec, given[spec.id]);
    if (v !== undefined) parts[spec.id] = v;
  }
  return issues.result({ parts });
}
