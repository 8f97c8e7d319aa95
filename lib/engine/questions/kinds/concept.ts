// Concept questions: single/multiple choice and short numeric answers written by the author. Options
// may be shuffled per seed; option ids are handed out after shuffling so they reveal nothing. Instead of
// one fixed set of parts, a template may give a pool of alternative items (issue #23: reviews must not
// show the same text twice in a row); the seed picks one, seed mod pool size, so consecutive seeds
// always differ.
import { createPythonRandom } from "../../random";
import { Issues, isObj, joinPath, read, type Obj } from "../issues";
import { drawParams, fillPlaceholders, validateParams, type ParamSpecs, type ParamValue } from "../params";
import type { AnswerPartSpec, Checked, NumberUnit } from "../types";
import { defineKind, type BuiltVariant, type KindGrade } from "./kind";
import { ANSWER_MODELS, type ModelArgs } from "../../models/index";
import { compileExpr, evalNumber, ExprError, type CompiledExpr } from "../expr";

const UNITS: readonly NumberUnit[] = ["ms", "us", "ns", "s", "percent", "count", "MiB", "KiB", "GiB", "req/s"];
const PART_ID = /^[a-z][a-z0-9-]{0,39}$/;

type ConceptPart =
  | {
      kind: "choice";
      id: string;
      label: string;
      options: { label: string; correct: boolean }[];
      multiple: boolean;
      shuffle: boolean;
    }
  | {
      kind: "number";
      id: string;
      label: string;
      answer: number | string | ModelAnswer | ComputedAnswer;
      unit: NumberUnit;
      hint?: string;
    };

/** A numeric answer computed from the parameters by an expression ("{{rate}} * {{holdMs}} / 1000"; see ../expr.ts). */
export interface ComputedAnswer {
  expr: CompiledExpr;
}

/** A numeric answer computed by one of the engine's models (lib/engine/models) from the variant's parameters. */
export interface ModelAnswer {
  model: string;
  /** Each argument is a literal or a "{{param}}" placeholder. */
  args: Record<string, number | string>;
}

const PLACEHOLDER = /^\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}$/;

function validateModelAnswer(issues: Issues, o: Obj, path: string): ModelAnswer | undefined {
  read.onlyKeys(issues, o, ["model", "args"], path);
  const name = read.string(issues, o["model"], joinPath(path, "model"), { max: 60 });
  const model = name === undefined ? undefined : ANSWER_MODELS[name];
  if (name !== undefined && !model)
    issues.add(
      joinPath(path, "model"),
      `unknown model ${JSON.stringify(name)}; known: ${Object.keys(ANSWER_MODELS).join(", ")}`,
    );
  const args = read.object(issues, o["args"], joinPath(path, "args"));
  if (!model || !args || !name) return undefined;
  const out: Record<string, number | string> = {};
  for (const [arg, type] of Object.entries(model.args)) {
    const v = args[arg];
    const ap = joinPath(joinPath(path, "args"), arg);
    if (v === undefined) issues.add(ap, `model ${name} needs argument ${arg}`);
    else if (typeof v === "string" && PLACEHOLDER.test(v)) out[arg] = v;
    else if (type === "number" && typeof v === "number" && Number.isFinite(v)) out[arg] = v;
    else if (type === "string" && typeof v === "string") out[arg] = v;
    else issues.add(ap, `must be a ${type} or a parameter placeholder such as "{{n}}"`);
  }
  for (const extra of Object.keys(args))
    if (!(extra in model.args))
      issues.add(joinPath(joinPath(path, "args"), extra), `model ${name} takes no argument ${extra}`);
  return { model: name, args: out };
}

function computeModelAnswer(
  a: ModelAnswer,
  params: Record<string, string | number>,
): { ok: true; value: number } | { ok: false; message: string } {
  const model = ANSWER_MODELS[a.model]!;
  const args: ModelArgs = {};
  for (const [arg, raw] of Object.entries(a.args)) {
    const m = typeof raw === "string" ? PLACEHOLDER.exec(raw) : null;
    const v = m ? params[m[1]!] : raw;
    if (v === undefined) return { ok: false, message: `argument ${arg}: no parameter ${m![1]}` };
    if (model.args[arg] === "number" && typeof v !== "number")
      return { ok: false, message: `argument ${arg} must be numeric, got ${JSON.stringify(v)}` };
    args[arg] = v;
  }
  const r = model.compute(args);
  return r.ok ? r : { ok: false, message: r.errors.map((e) => `${e.path}: ${e.message}`).join("; ") };
}

/**
 * One alternative of a pool: its own parts, and values ("vars") for the placeholders of the prompt, the
 * explanation and the parts (numbers may feed answer expressions and models, like parameters).
 */
export interface ConceptItem {
  parts: ConceptPart[];
  vars: Record<string, ParamValue>;
}

export interface ConceptSpec {
  /** One item for a fixed question, several for a pool. */
  items: ConceptItem[];
  params: ParamSpecs;
}

const VAR_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_POOL = 30;

const ONE_PLACEHOLDER = /^\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}$/;

/** An answer expression: {{name}} and bare name both mean the parameter; only numeric parameters may appear. */
function validateComputed(issues: Issues, text: string, path: string, params: ParamSpecs): ComputedAnswer | undefined {
  const numeric = Object.keys(params).filter((n) => {
    const sp = params[n]!;
    return (
      typeof sp === "number" ||
      (typeof sp === "object" && ("range" in sp || sp.choice.every((x) => typeof x === "number")))
    );
  });
  const c = compileExpr(text.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, "$1"), numeric);
  if (!c.ok) {
    issues.add(
      path,
      `${JSON.stringify(text)} ${c.message}${numeric.length < Object.keys(params).length ? " (text parameters cannot be computed with)" : ""}`,
    );
    return undefined;
  }
  return { expr: c.value };
}

function validatePart(
  issues: Issues,
  raw: unknown,
  path: string,
  ids: Set<string>,
  params: ParamSpecs,
): ConceptPart | undefined {
  const o = read.object(issues, raw, path);
  if (!o) return undefined;
  const kind = read.choice(issues, o["kind"], joinPath(path, "kind"), ["choice", "number"] as const);
  const id = read.string(issues, o["id"], joinPath(path, "id"), { max: 40 });
  if (id !== undefined && !PART_ID.test(id))
    issues.add(joinPath(path, "id"), "must be lowercase letters, digits and dashes, starting with a letter");
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
    if (arr.length >= 2 && !multiple && nCorrect !== 1)
      issues.add(joinPath(path, "options"), `a single-choice part needs exactly one correct option, got ${nCorrect}`);
    if (arr.length >= 2 && multiple && nCorrect === 0)
      issues.add(joinPath(path, "options"), "a multiple-choice part needs at least one correct option");
    if (new Set(options.map((x) => x.label)).size !== options.length)
      issues.add(joinPath(path, "options"), "option labels must be distinct");
    if (!id || !label) return undefined;
    return { kind, id, label, options, multiple, shuffle };
  }
  if (kind === "number") {
    read.onlyKeys(issues, o, ["kind", "id", "label", "answer", "unit", "hint"], path);
    const a = o["answer"];
    let answer: number | string | ModelAnswer | ComputedAnswer | undefined;
    if (typeof a === "number" && Number.isFinite(a)) answer = a;
    else if (typeof a === "string" && ONE_PLACEHOLDER.test(a)) answer = a;
    else if (typeof a === "string") answer = validateComputed(issues, a, joinPath(path, "answer"), params);
    else if (isObj(a) && "model" in a) answer = validateModelAnswer(issues, a, joinPath(path, "answer"));
    else
      issues.add(
        joinPath(path, "answer"),
        'must be a finite number, a parameter placeholder such as "{{n}}", an expression such as "{{rate}} * {{holdMs}} / 1000" or { "model": …, "args": … }',
      );
    const unit = read.choice(issues, o["unit"], joinPath(path, "unit"), UNITS);
    const hint =
      o["hint"] === undefined ? undefined : read.string(issues, o["hint"], joinPath(path, "hint"), { max: 200 });
    if (!id || !label || answer === undefined || !unit) return undefined;
    return { kind, id, label, answer, unit, ...(hint !== undefined ? { hint } : {}) };
  }
  return undefined;
}

/** The parts of a fixed question or of one pool item, checked against the template's parameters. */
function validateParts(issues: Issues, raw: unknown, path: string, params: ParamSpecs): ConceptPart[] {
  const arr = read.array(issues, raw, path, { max: 20 }) ?? [];
  const ids = new Set<string>();
  const parts = arr
    .map((p, i) => validatePart(issues, p, `${path}[${i}]`, ids, params))
    .filter((p): p is ConceptPart => p !== undefined);
  for (const [i, p] of parts.entries()) {
    if (p.kind === "number" && typeof p.answer === "object" && "model" in p.answer) {
      for (const [arg, v] of Object.entries(p.answer.args)) {
        const m = typeof v === "string" ? PLACEHOLDER.exec(v) : null;
        if (m && params[m[1]!] === undefined)
          issues.add(
            `${path}[${i}].answer.args.${arg}`,
            `names no parameter in generator.params (${JSON.stringify(m[1])})`,
          );
      }
    }
    if (p.kind === "number" && typeof p.answer === "string") {
      const name = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/.exec(p.answer)![1]!;
      const s = params[name];
      if (s === undefined)
        issues.add(`${path}[${i}].answer`, `names no parameter in generator.params (${JSON.stringify(name)})`);
      else if (
        typeof s === "string" ||
        (typeof s === "object" && "choice" in s && s.choice.some((x) => typeof x !== "number"))
      )
        issues.add(`${path}[${i}].answer`, `parameter ${name} must be numeric`);
    }
  }
  return parts;
}

export const conceptKind = defineKind<ConceptSpec>({
  type: "concept",
  validate(g: Obj): Checked<ConceptSpec> {
    const issues = new Issues();
    read.onlyKeys(issues, g, ["parts", "params", "pool"], "generator");
    const params = validateParams(issues, g["params"], "generator.params");
    const items: ConceptItem[] = [];
    if (g["pool"] !== undefined) {
      if (g["parts"] !== undefined) issues.add("generator.parts", "give either parts or a pool of items, not both");
      const pool = read.array(issues, g["pool"], "generator.pool", { min: 2, max: MAX_POOL }) ?? [];
      pool.forEach((raw, k) => {
        const path = `generator.pool[${k}]`;
        const o = read.object(issues, raw, path);
        if (!o) return;
        read.onlyKeys(issues, o, ["parts", "vars"], path);
        const vars: Record<string, ParamValue> = {};
        const rawVars = o["vars"] === undefined ? {} : read.object(issues, o["vars"], joinPath(path, "vars"));
        for (const [name, v] of Object.entries(rawVars ?? {})) {
          const vp = joinPath(joinPath(path, "vars"), name);
          if (!VAR_NAME.test(name)) issues.add(vp, "must be a name of letters, digits and underscores");
          else if (name in params) issues.add(vp, `is also a parameter in generator.params`);
          if (typeof v === "number" && Number.isFinite(v)) vars[name] = v;
          else {
            const text = read.string(issues, v, vp, { max: 4000 });
            if (text !== undefined) vars[name] = text;
          }
        }
        // The item's vars act as fixed parameters for its parts.
        items.push({ parts: validateParts(issues, o["parts"], joinPath(path, "parts"), { ...params, ...vars }), vars });
      });
      // Every item fills the same placeholders, so the prompt and explanation read right whichever is drawn.
      const names = JSON.stringify(Object.keys(items[0]?.vars ?? {}).sort());
      items.forEach((it, k) => {
        if (JSON.stringify(Object.keys(it.vars).sort()) !== names)
          issues.add(`generator.pool[${k}].vars`, `must name the same variables as the first item (${names})`);
      });
    } else {
      items.push({ parts: validateParts(issues, g["parts"], "generator.parts", params), vars: {} });
    }
    return issues.result({ items, params });
  },
  build(spec, seed): Checked<BuiltVariant> {
    const rng = createPythonRandom(seed);
    const drawn = drawParams(spec.params, rng);
    const item = spec.items[seed % spec.items.length]!;
    const params = { ...drawn, ...item.vars };
    const parts: AnswerPartSpec[] = [];
    const expected: Record<string, number | string | string[]> = {};
    for (const p of item.parts) {
      if (p.kind === "choice") {
        const order = p.shuffle ? rng.shuffled(p.options) : p.options;
        const opts = order.map((o, i) => ({
          id: `o${i + 1}`,
          label: fillPlaceholders(o.label, params),
          correct: o.correct,
        }));
        parts.push({
          kind: "choice",
          id: p.id,
          label: fillPlaceholders(p.label, params),
          options: opts.map(({ id, label }) => ({ id, label })),
          multiple: p.multiple,
        });
        const right = opts.filter((o) => o.correct).map((o) => o.id);
        expected[p.id] = p.multiple ? right : right[0]!;
      } else {
        let answer: number;
        if (typeof p.answer === "number") answer = p.answer;
        else if (typeof p.answer === "string") answer = Number(fillPlaceholders(p.answer, params));
        else if ("expr" in p.answer) {
          try {
            answer = evalNumber(p.answer.expr, params as Record<string, number>);
          } catch (error) {
            if (!(error instanceof ExprError)) throw error;
            return {
              ok: false,
              errors: [
                {
                  path: `generator.parts.${p.id}.answer`,
                  message: `${JSON.stringify(p.answer.expr.source)} ${error.message}`,
                },
              ],
            };
          }
        } else {
          const computed = computeModelAnswer(p.answer, params);
          if (!computed.ok)
            return {
              ok: false,
              errors: [
                { path: `generator.parts.${p.id}.answer`, message: `model ${p.answer.model}: ${computed.message}` },
              ],
            };
          answer = computed.value;
        }
        parts.push({
          kind: "number",
          id: p.id,
          label: fillPlaceholders(p.label, params),
          unit: p.unit,
          ...(p.hint !== undefined ? { hint: p.hint } : {}),
        });
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
