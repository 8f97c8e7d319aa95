// Grading settings and the scoring rules shared by every kind: numeric tolerance, choice sets and the
// weighted total.
import { Issues, read } from "./issues";
import type { GradingSettings, NumberUnit, PartGrade } from "./types";

export const TEMPLATE_DEFAULT_GRADING: GradingSettings = {
  scheduleScoring: "per-slot",
  relativeTolerance: 0,
  absoluteTolerance: 0,
  conventionCredit: 0.5,
  maxAttempts: null,
  // Hints help before the first attempt (issue #23); an instructor may still ask for attempts first.
  hintAfterAttempts: 0,
};

const GRADING_KEYS = Object.keys(TEMPLATE_DEFAULT_GRADING);

export function validateGrading(issues: Issues, v: unknown, path: string): GradingSettings {
  if (v === undefined) return { ...TEMPLATE_DEFAULT_GRADING };
  const o = read.object(issues, v, path);
  if (!o) return { ...TEMPLATE_DEFAULT_GRADING };
  read.onlyKeys(issues, o, GRADING_KEYS, path);
  const d = TEMPLATE_DEFAULT_GRADING;
  const num = (key: keyof GradingSettings, min: number, max: number, integer = false): number =>
    o[key] === undefined
      ? (d[key] as number)
      : (read.number(issues, o[key], `${path}.${key}`, { min, max, integer }) ?? (d[key] as number));
  const maxAttempts =
    o["maxAttempts"] === undefined || o["maxAttempts"] === null
      ? null
      : (read.number(issues, o["maxAttempts"], `${path}.maxAttempts`, { min: 1, max: 1000, integer: true }) ?? null);
  return {
    scheduleScoring: read.choice(
      issues,
      o["scheduleScoring"],
      `${path}.scheduleScoring`,
      ["per-slot", "segment-lcs", "strict-prefix"] as const,
      d.scheduleScoring,
    )!,
    // Above 50% a "tolerance" would accept answers that are plainly wrong.
    relativeTolerance: num("relativeTolerance", 0, 0.5),
    absoluteTolerance: num("absoluteTolerance", 0, 1e9),
    conventionCredit: num("conventionCredit", 0, 1),
    maxAttempts,
    hintAfterAttempts: num("hintAfterAttempts", 0, 1000, true),
  };
}

export interface Tolerance {
  relative: number;
  absolute: number;
}

export function toleranceOf(g: GradingSettings): Tolerance {
  return { relative: g.relativeTolerance, absolute: g.absoluteTolerance };
}

/** Within tolerance when |got − expected| ≤ absolute + relative·|expected| (plus float noise). */
export function withinTolerance(expected: number, got: number, t: Tolerance): boolean {
  const slack = t.absolute + t.relative * Math.abs(expected);
  return Math.abs(got - expected) <= slack + 1e-9 * Math.max(1, Math.abs(expected));
}

/**
 * A score (0..1) as the whole percent every page shows: the summary sentence and the score heading
 * must never disagree ("Result: 29%" beside "Score 28.6%", issue #14).
 */
export function scorePercent(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Math.round(x * 1000) / 1000;
  return String(Object.is(r, -0) ? 0 : r);
}

const UNIT_TEXT: Record<NumberUnit, string> = {
  ms: "ms",
  us: "µs",
  ns: "ns",
  s: "s",
  percent: "%",
  count: "",
  MiB: "MiB",
  KiB: "KiB",
  GiB: "GiB",
  "req/s": "req/s",
};

export function withUnit(x: number, unit: NumberUnit): string {
  const u = UNIT_TEXT[unit];
  return u === "" ? formatNumber(x) : u === "%" ? `${formatNumber(x)}%` : `${formatNumber(x)} ${u}`;
}

/** Integer factors to the smallest unit of each dimension, so conversions stay exact ("4 ms" → 4000 µs). */
const UNIT_FACTORS: Record<string, { dim: string; factor: number }> = {
  ns: { dim: "time", factor: 1 },
  us: { dim: "time", factor: 1e3 },
  µs: { dim: "time", factor: 1e3 },
  ms: { dim: "time", factor: 1e6 },
  s: { dim: "time", factor: 1e9 },
  KiB: { dim: "mem", factor: 1 },
  MiB: { dim: "mem", factor: 1024 },
  GiB: { dim: "mem", factor: 1024 ** 2 },
  "%": { dim: "percent", factor: 1 },
  percent: { dim: "percent", factor: 1 },
  "req/s": { dim: "rate", factor: 1 },
};

/** Parses "4", "4 ms", "2.5µs", "12%" into the part's unit; returns an error sentence otherwise. */
export function parseNumberInput(
  v: unknown,
  unit: NumberUnit,
): { ok: true; value: number } | { ok: false; message: string } {
  if (typeof v === "number") {
    return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, message: `must be a finite number, got ${v}` };
  }
  if (typeof v !== "string" || v.length > 64) return { ok: false, message: "must be a number" };
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([A-Za-zµ%/]*)\s*$/i.exec(v);
  if (!m) return { ok: false, message: `must be a number, got ${JSON.stringify(v)}` };
  const x = Number(m[1]);
  if (!Number.isFinite(x)) return { ok: false, message: `must be a finite number, got ${JSON.stringify(v)}` };
  const typed = m[2] ?? "";
  if (typed === "") return { ok: true, value: x };
  const target = UNIT_FACTORS[unit === "percent" ? "%" : unit];
  const from = UNIT_FACTORS[typed];
  if (!from || !target || from.dim !== target.dim) {
    return {
      ok: false,
      message: `the unit ${JSON.stringify(typed)} cannot be converted to ${UNIT_TEXT[unit] || "a count"}`,
    };
  }
  return { ok: true, value: Number(((x * from.factor) / target.factor).toPrecision(15)) };
}

export function weightedScore(parts: readonly PartGrade[]): number {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total === 0) return 0;
  const raw = parts.reduce((s, p) => s + p.weight * p.score, 0) / total;
  return Math.min(1, Math.max(0, raw));
}
