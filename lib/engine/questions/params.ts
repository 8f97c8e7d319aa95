// Template parameters: each is fixed, an inclusive integer range, or a list of choices, and is drawn
// from the variant's seeded RNG in a fixed (sorted-name) order so a variant is reproducible forever.
import type { PythonRandom } from "../random";
import { Issues, isObj, joinPath, read } from "./issues";

export type ParamValue = string | number;
export type ParamSpec = ParamValue | { range: [number, number] } | { choice: ParamValue[] };
export type ParamSpecs = Record<string, ParamSpec>;

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export function validateParams(issues: Issues, v: unknown, path: string): ParamSpecs {
  if (v === undefined) return {};
  const o = read.object(issues, v, path);
  if (!o) return {};
  const out: ParamSpecs = {};
  const names = Object.keys(o);
  if (names.length > 50) issues.add(path, `must have at most 50 parameters, got ${names.length}`);
  for (const name of names.slice(0, 50)) {
    const p = joinPath(path, name);
    if (!NAME.test(name)) issues.add(p, "parameter names are letters, digits and _ (starting with a letter)");
    const spec = o[name];
    if (typeof spec === "number") {
      if (Number.isFinite(spec)) out[name] = spec;
      else issues.add(p, `must be finite, got ${spec}`);
    } else if (typeof spec === "string") {
      if (spec.length <= 1000) out[name] = spec;
      else issues.add(p, "must be at most 1000 characters");
    } else if (isObj(spec) && "range" in spec) {
      const r = spec["range"];
      if (
        Array.isArray(r) &&
        r.length === 2 &&
        r.every((x) => Number.isSafeInteger(x)) &&
        (r[0] as number) <= (r[1] as number)
      ) {
        out[name] = { range: [r[0] as number, r[1] as number] };
      } else issues.add(joinPath(p, "range"), "must be an integer range [min, max] with min ≤ max");
    } else if (isObj(spec) && "choice" in spec) {
      const c = read.array(issues, spec["choice"], joinPath(p, "choice"), { max: 1000 });
      if (
        c &&
        c.every((x) => (typeof x === "number" && Number.isFinite(x)) || (typeof x === "string" && x.length <= 1000))
      ) {
        out[name] = { choice: c as ParamValue[] };
      } else if (c) issues.add(joinPath(p, "choice"), "must list numbers or strings");
    } else {
      issues.add(p, 'must be a number, a string, { "range": [min, max] } or { "choice": [...] }');
    }
  }
  return out;
}

export function drawParams(specs: ParamSpecs, rng: PythonRandom): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const name of Object.keys(specs).sort()) {
    const s = specs[name]!;
    if (typeof s === "number" || typeof s === "string") out[name] = s;
    else if ("range" in s) out[name] = rng.randint(s.range[0], s.range[1]);
    else out[name] = rng.choice(s.choice);
  }
  return out;
}

/** Names used as {{name}} in a text. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);
}

/** Replaces {{name}}; unknown names are left visible so an authoring mistake shows in the preview. */
export function fillPlaceholders(text: string, values: Record<string, ParamValue>): string {
  return text.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
