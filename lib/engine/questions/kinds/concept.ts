// Concept questions: single/multiple choice and short numeric answers written by the author. Options
// may be shuffled per seed; option ids are handed out after shuffling so they reveal nothing.
import { createPythonRandom } from "../../random";
import { Issues, joinPath, read, type Obj } from "../issues";
import { drawParams, fillPlaceholders, validateParams, type ParamSpecs } from "../params";
import type { AnswerPartSpec, Checked, NumberUnit } from "../types";
import { defineKind, type BuiltVariant, type KindGrade } from "./kind";

const UNITS: readonly NumberUnit[] = ["ms", "us", "ns", "s", "percent", "count", "MiB", "KiB", "GiB", "req/s"];
const PART_ID = /^[a-z][a-z0-9-]{0,39}$/;

type ConceptPart =
  | { kind: "choice"; id: string; label: string; options: { label: string; correct: boolean }[]; multiple: boolean; shuffle: boolean }
  | { kind: "number"; id: string; label: string; answer: number | string; unit: NumberUnit; hint?: string };

export interface ConceptSpec {
  parts: ConceptPart[];
  params: ParamSpecs;
}

function validatePart(issues: Issues, raw: unknown, path: string, ids: Set<string>): ConceptPart | undefined {
  const o = read.object(issues, raw, path);
  if (!o) return undefined;
  const kind = read.choice(issues, o["kind"], joinPath(path, "kind"), ["choice", "number"] as const);
  const id = read.string(issues, o["id"], joinPath(path, "id"), { max: 40 });
  if (id !== undefined && !PART_ID.test(id)) issues.add(joinPath(path, "id"), "must be lowercase letters, digits and dashes, starting with a letter");
  if (id !== undefined && ids.has(id)) issues.add(joinPath(path, "id"), `duplicate part id ${JSON.stringify(id)}`);
  if (id !== undefined) ids.add(id);
  const label = read.string(issues, o["label"], joinPath(path, "label"), { max: 2000 });
  if (kind === "choice") {
    read.onlyKeys(issues, o, ["kind", "id", "label", "options", "multiple", "shuffle"], path);
    const multiple = read.bool(issues, o["multiple"], joinPath(path, "multiple"), false);
    const shuffle = read.bool(issues, o["shuffle"], joinPath(path, "shuffle"), true);
    const arr = read.array(issues, o["options"], joinPath(path, "options"), { min: 2, max: 12 }) ?? [];
    const options: { label: string; correct: boolean }[] = [];
    arr.forEach((opt, i) => {
      const p = joinPath(joinPath(path, "options"), i);
      const oo = read.object(issues, opt, p);
      if (!oo) return;
      read.onlyKeys(issues, oo, ["label", "correct"], p);
      const l = read.string(issues, oo["label"], joinPath(p, "label"), { max: 2000 });
      const correct = read.bool(issues, oo["correct"], joinPath(p, "correct"), false);
      if (l !== undefined) options.push({ label: l, correct });
    });
    const nCorrect = options.filter((x) => x.correct).length;
    if (arr.length >= 2 && !multiple && nCorrect !== 1) issues.add(joinPath(path, "options"), `a single-choice part needs exactly one correct option, got ${nCorrect}`);
    if (arr.length >= 2 && multiple && nCorrect === 0) issues.add(joinPath(path, "options"), "a multiple-choice part needs at least one correct option");
    if (new Set(options.map((x) => x.label)).size !== options.length) issues.add(joinPath(path, "options"), "option labels must be distinct");
    if (!id || !label) return undefined;
    return { kind, id, label, options, multiple, shuffle };
  }
  if (kind === "number") {
    read.onlyKeys(issues, o, ["kind", "id", "label", "answer", "unit", "hint"], path);
    const a = o["answer"];
    let answer: number | string | undefined;
    if (typeof a === "number" && Number.isFinite(a)) answer = a;
    else if (typeof a === "string" && /^\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}$/.test(a)) answer = a;
    else issues.add(joinPath(path, "answer"), 'must be a finite number or a parameter placeholder such as "{{n}}"');
    const unit = read.choice(issues, o["unit"], joinPath(path, "unit"), UNITS);
    const hint = o["hint"] === undefined ? undefined : read.string(issues, o["hint"], joinPath(path, "hint"), { max: 200 });
    if (!id || !label || answer === undefined || !unit) return undefined;
    return { kind, id, label, answer, unit, ...(hint !== undefined ? { hint } : {}) };
  }
  return undefined;
}

export const conceptKind = defineKind<ConceptSpec>({
  type: "concept",
  validate(g: Obj): Checked<ConceptSpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, ["parts", "params"], "generator");
    const params = validateParams(issues, g["params"], "generator.params");
    const arr = read.array(issues, g["parts"], "generator.parts", { max: 20 }) ?? [];
    const ids = new Set<string>();
    const parts = arr.map((p, i) => validatePart(issues, p, `generator.parts[${i}]`, ids)).filter((p): p is ConceptPart => p !== undefined);
    for (const [i, p] of parts.entries()) {
      if (p.kind === "number" && typeof p.answer === "string") {
        const name = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/.exec(p.answer)![1]!;
        const s = params[name];
        if (s === undefined) issues.add(`generator.parts[${i}].answer`, `names no parameter in generator.params (${JSON.stringify(name)})`);
        else if (typeof s === "string" || (typeof s === "object" && "choice" in s && s.choice.some((x) => typeof x !== "number"))) issues.add(`generator.parts[${i}].answer`, `parameter ${name} must be numeric`);
      }
    }
    return issues.result({ parts, params });
  },
  build(spec, seed): Checked<BuiltVariant> {
    const rng = createPythonRandom(seed);
    const params = drawParams(spec.params, rng);
    const parts: AnswerPartSpec[] = [];
    const expected: Record<string, number | string | string[]> = {};
    for (const p of spec.parts) {
      if (p.kind === "choice") {
        const order = p.shuffle ? rng.shuffled(p.options) : p.options;
        const opts = order.map((o, i) => ({ id: `o${i + 1}`, label: fillPlaceholders(o.label, params), correct: o.correct }));
        parts.push({ kind: "choice", id: p.id, label: fillPlaceholders(p.label, params), options: opts.map(({ id, label }) => ({ id, label })), multiple: p.multiple });
        const right = opts.filter((o) => o.correct).map((o) => o.id);
        expected[p.id] = p.multiple ? right : right[0]!;
      } else {
        const answer = typeof p.answer === "number" ? p.answer : Number(fillPlaceholders(p.answer, params));
        parts.push({ kind: "number", id: p.id, label: fillPlaceholders(p.label, params), unit: p.unit, ...(p.hint !== undefined ? { hint: p.hint } : {}) });
        expected[p.id] = answer;
      }
    }
    return { ok: true, value: { params, exhibits: [], parts, conventions: [], key: { expected, data: {} } } };
  },
  grade(): KindGrade {
    return { parts: {} };
  },
  degenerate(variant) {
    return variant.view.parts.length === 0 ? "the question asks for nothing" : null;
  },
});
