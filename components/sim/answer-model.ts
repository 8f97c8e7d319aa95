// The answer form's state as plain data. Number parts are kept as the text the student typed (so "4 ms"
// survives a re-render) and only converted to numbers on submit; everything else is already an
// AnswerValue. Also routes server validation errors ("parts.q1[3]") to the part they concern.
import type { Answer, AnswerPartSpec, AnswerValue, ValidationIssue, VariantView } from "@/lib/engine/questions";
import { parseQuantity } from "@/lib/units";
import { decodeTree, type TreeNode } from "@/lib/engine/questions";
import { normaliseOrder } from "./order-normalise";
import { normaliseTimeline, timelineRows } from "./timeline-model";

export type DraftValue =
  | { kind: "timeline"; value: (string | null)[] }
  | { kind: "number"; text: string }
  | { kind: "order"; value: string[] }
  | { kind: "choice"; value: string[] }
  /** Processes in drawing order, the first process first; label "" until the student picks one. */
  | { kind: "tree"; value: TreeNode[] };

export type Draft = Record<string, DraftValue>;

function stringsOf(saved: AnswerValue | undefined): string[] | undefined {
  if (!Array.isArray(saved)) return undefined;
  return (saved as readonly (string | null)[]).filter((x): x is string => typeof x === "string");
}

function emptyDraftFor(part: AnswerPartSpec, saved: AnswerValue | undefined): DraftValue {
  switch (part.kind) {
    case "timeline":
      return {
        kind: "timeline",
        value: normaliseTimeline(Array.isArray(saved) ? saved : undefined, part.slots, timelineRows(part)),
      };
    case "number":
      return { kind: "number", text: typeof saved === "number" && Number.isFinite(saved) ? String(saved) : "" };
    case "order":
      return { kind: "order", value: normaliseOrder(stringsOf(saved), part.items) };
    case "choice": {
      const known = new Set(part.options.map((o) => o.id));
      const picked = typeof saved === "string" ? [saved] : (stringsOf(saved) ?? []);
      const valid = picked.filter((id) => known.has(id));
      return { kind: "choice", value: part.multiple ? valid : valid.slice(0, 1) };
    }
    case "tree": {
      // A saved tree comes back only if it still fits this part; otherwise the first process alone.
      const known = new Set([...part.labels.map((l) => l.id), ...(part.rootLabel ? [part.rootLabel.id] : [])]);
      const nodes = decodeTree(saved);
      if (nodes && nodes.length <= part.maxNodes && nodes.every((n) => known.has(n.label)))
        return { kind: "tree", value: nodes };
      return { kind: "tree", value: [{ parent: -1, label: part.rootLabel?.id ?? "" }] };
    }
  }
}

/** The starting draft: blank, or restored from a previously saved answer. */
export function initialDraft(view: Pick<VariantView, "parts">, saved?: Answer): Draft {
  const draft: Draft = {};
  for (const part of view.parts) draft[part.id] = emptyDraftFor(part, saved?.parts[part.id]);
  return draft;
}

/**
 * Converts the draft to an Answer. Number parts that do not parse become per-part errors (the form shows
 * them and does not submit); an empty single choice or number is left out for the server to report.
 */
export function draftToAnswer(
  view: Pick<VariantView, "parts">,
  draft: Draft,
): { answer: Answer; errors: ValidationIssue[] } {
  const parts: Record<string, AnswerValue> = {};
  const errors: ValidationIssue[] = [];
  for (const part of view.parts) {
    const d = draft[part.id] ?? emptyDraftFor(part, undefined);
    if (part.kind === "number" && d.kind === "number") {
      if (d.text.trim() === "") {
        errors.push({ path: `parts.${part.id}`, message: `Enter an answer for "${part.label}"` });
        continue;
      }
      const parsed = parseQuantity(d.text, part.unit);
      if (parsed.ok) parts[part.id] = parsed.value;
      else errors.push({ path: `parts.${part.id}`, message: parsed.message });
    } else if (part.kind === "choice" && d.kind === "choice") {
      if (part.multiple) parts[part.id] = d.value;
      else if (d.value.length === 1) parts[part.id] = d.value[0];
      else errors.push({ path: `parts.${part.id}`, message: `Choose one option for "${part.label}"` });
    } else if (part.kind === "tree" && d.kind === "tree") {
      const unlabelled = d.value.findIndex((n) => n.label === "");
      if (unlabelled >= 0)
        errors.push({ path: `parts.${part.id}`, message: `Process ${unlabelled + 1} has no label yet: choose one` });
      else parts[part.id] = d.value.map((n) => `${n.parent}:${n.label}`);
    } else if ((part.kind === "timeline" && d.kind === "timeline") || (part.kind === "order" && d.kind === "order")) {
      parts[part.id] = d.value;
    }
  }
  return { answer: { parts }, errors };
}

/** Which part an error path refers to: "parts.q1", "parts.q1[3]", "parts.q1.x", "answer.parts.q1" or just "q1". */
export function partOfPath(path: string, partIds: readonly string[]): string | null {
  for (const id of partIds) {
    for (const prefix of [`answer.parts.${id}`, `parts.${id}`, id]) {
      if (path === prefix || path.startsWith(`${prefix}[`) || path.startsWith(`${prefix}.`)) return id;
    }
  }
  return null;
}

/** Groups errors by part; errors that name no part are returned under `form`. */
export function errorsByPart(
  errors: readonly ValidationIssue[],
  partIds: readonly string[],
): { byPart: Record<string, string[]>; form: string[] } {
  const byPart: Record<string, string[]> = {};
  const form: string[] = [];
  // Longest ids first, so part "q10" is not claimed by the prefix check of part "q1".
  const ids = [...partIds].sort((a, b) => b.length - a.length);
  for (const e of errors) {
    const id = partOfPath(e.path, ids);
    if (id === null) form.push(e.message);
    else (byPart[id] ??= []).push(e.message);
  }
  return { byPart, form };
}
