// Collects validation issues with the path of the field they concern, so template authors and the
// answer form can point at the exact input that is wrong instead of failing on the first problem.
import type { Checked, ValidationIssue } from "./types";

const MAX_ISSUES = 50;

export type Obj = Record<string, unknown>;

export class Issues {
  readonly list: ValidationIssue[] = [];

  add(path: string, message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ path, message });
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** Copies another validator's errors, prefixing their paths with `prefix`. */
  absorb(prefix: string, errors: readonly { path: string; message: string }[]): void {
    for (const e of errors) this.add(e.path ? joinPath(prefix, e.path) : prefix, e.message);
  }

  result<T>(value: T): Checked<T> {
    return this.any ? { ok: false, errors: this.list } : { ok: true, value };
  }
}

export function joinPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (key.startsWith("[")) return `${path}${key}`;
  return path ? `${path}.${key}` : key;
}

export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v === "number") return String(v);
  return typeof v;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function fail(path: string, message: string): { ok: false; errors: ValidationIssue[] } {
  return { ok: false, errors: [{ path, message }] };
}

/** Small typed readers that record an issue and return undefined on a wrong value. */
export const read = {
  object(issues: Issues, v: unknown, path: string): Obj | undefined {
    if (isObj(v)) return v;
    issues.add(path, `must be an object, got ${describeValue(v)}`);
    return undefined;
  },
  onlyKeys(issues: Issues, o: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) issues.add(joinPath(path, k), `unknown field (allowed: ${allowed.join(", ")})`);
  },
  string(issues: Issues, v: unknown, path: string, opts: { max?: number; min?: number } = {}): string | undefined {
    const max = opts.max ?? 10_000;
    const min = opts.min ?? 1;
    if (typeof v === "string" && v.length >= min && v.length <= max) return v;
    issues.add(path, `must be a string of ${min}…${max} characters, got ${describeValue(v)}`);
    return undefined;
  },
  number(
    issues: Issues,
    v: unknown,
    path: string,
    opts: { min: number; max: number; integer?: boolean },
  ): number | undefined {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.add(path, `must be a finite number, got ${describeValue(v)}`);
      return undefined;
    }
    if (opts.integer && !Number.isInteger(v)) {
      issues.add(path, `must be an integer, got ${v}`);
      return undefined;
    }
    if (v < opts.min || v > opts.max) {
      issues.add(path, `must be within ${opts.min}…${opts.max}, got ${v}`);
      return undefined;
    }
    return v;
  },
  bool(issues: Issues, v: unknown, path: string, fallback: boolean): boolean {
    if (v === undefined) return fallback;
    if (typeof v === "boolean") return v;
    issues.add(path, `must be true or false, got ${describeValue(v)}`);
    return fallback;
  },
  choice<T extends string>(
    issues: Issues,
    v: unknown,
    path: string,
    options: readonly T[],
    fallback?: T,
  ): T | undefined {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === "string" && (options as readonly string[]).includes(v)) return v as T;
    issues.add(path, `must be one of ${options.map((x) => JSON.stringify(x)).join(", ")}, got ${describeValue(v)}`);
    return fallback;
  },
  array(issues: Issues, v: unknown, path: string, opts: { min?: number; max: number }): unknown[] | undefined {
    const min = opts.min ?? 1;
    if (!Array.isArray(v)) {
      issues.add(path, `must be an array, got ${describeValue(v)}`);
      return undefined;
    }
    if (v.length < min || v.length > opts.max) {
      issues.add(path, `must have ${min}…${opts.max} entries, got ${v.length}`);
      return undefined;
    }
    return v;
  },
};
