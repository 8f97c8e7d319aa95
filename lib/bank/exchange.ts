// Moving question templates in and out of Timeslice: a JSON bank that round-trips exactly, and the
// concept questions as Moodle XML and GIFT for other quiz systems. Pure: no database, no I/O.
import { buildVariant, type QuestionTemplate, type Variant } from "@/lib/engine";

export const BANK_FORMAT = "timeslice-bank";
export const BANK_VERSION = 1;

export interface BankFile {
  format: typeof BANK_FORMAT;
  version: typeof BANK_VERSION;
  templates: QuestionTemplate[];
}

/** Keys sorted at every level, so the same templates always give the same bytes whatever order they were stored in. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The JSON bank of these templates, ordered by slug. */
export function exportBankJson(templates: readonly QuestionTemplate[]): string {
  const sorted = [...templates].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const file: BankFile = { format: BANK_FORMAT, version: BANK_VERSION, templates: sorted };
  return `${JSON.stringify(sortKeys(file), null, 2)}\n`;
}

// ---- GIFT ----

/** GIFT gives `~ = # { } :` a meaning (and `\` escapes them), so each is backslash-escaped in text. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

// ---- Moodle XML ----

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

interface ExportedPart {
  name: string;
  text: string;
  body:
    | { kind: "choice"; options: { label: string; correct: boolean }[]; multiple: boolean }
    | { kind: "number"; answer: number; tolerance: number };
}

/**
 * A concept question as one quiz question per part. Parameters are drawn with seed 0, because GIFT and
 * Moodle XML have no notion of a seeded variant.
 */
function conceptParts(template: QuestionTemplate): ExportedPart[] {
  const built = buildVariant(template, 0);
  if (!built.ok) throw new Error(`question '${template.slug}' does not build: ${built.errors[0]?.message ?? "unknown error"}`);
  const v: Variant = built.value;
  const single = v.view.parts.length === 1;
  return v.view.parts.flatMap((part): ExportedPart[] => {
    const name = single ? template.title : `${template.title} (${part.id})`;
    const text = `${v.view.prompt}\n\n${part.label}`;
    const expected = v.key.expected[part.id];
    if (part.kind === "choice") {
      const right = new Set(Array.isArray(expected) ? expected.map(String) : [String(expected)]);
      return [{ name, text, body: { kind: "choice", multiple: part.multiple, options: part.options.map((o) => ({ label: o.label, correct: right.has(o.id) })) } }];
    }
    if (part.kind === "number" && typeof expected === "number") {
      const g = template.grading;
      const tolerance = g.absoluteTolerance + g.relativeTolerance * Math.abs(expected);
      return [{ name, text: part.unit === "count" ? text : `${text} (in ${part.unit})`, body: { kind: "number", answer: expected, tolerance } }];
    }
    return [];
  });
}

function concepts(templates: readonly QuestionTemplate[]): QuestionTemplate[] {
  return templates.filter((t) => t.type === "concept").sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Moodle's percentage weights for a multiple-answer question: right answers share 100%, wrong ones cost it. */
function fractions(options: { correct: boolean }[]): number[] {
  const right = options.filter((o) => o.correct).length;
  const wrong = options.length - right;
  return options.map((o) => (o.correct ? round5(100 / right) : wrong ? -round5(100 / wrong) : 0));
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export function exportGift(templates: readonly QuestionTemplate[]): string {
  const blocks: string[] = [];
  for (const t of concepts(templates)) {
    for (const part of conceptParts(t)) {
      const head = `// ${t.slug}\n::${escapeGift(part.name)}::[markdown]${escapeGift(part.text)}`;
      if (part.body.kind === "number") {
        blocks.push(`${head} {#${part.body.answer}:${round5(part.body.tolerance)}}`);
      } else if (part.body.multiple) {
        const w = fractions(part.body.options);
        blocks.push(`${head} {\n${part.body.options.map((o, i) => `\t~%${w[i]}%${escapeGift(o.label)}`).join("\n")}\n}`);
      } else {
        blocks.push(`${head} {\n${part.body.options.map((o) => `\t${o.correct ? "=" : "~"}${escapeGift(o.label)}`).join("\n")}\n}`);
      }
    }
  }
  return blocks.length ? `${blocks.join("\n\n")}\n` : "";
}

export function exportMoodleXml(templates: readonly QuestionTemplate[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"];
  for (const t of concepts(templates)) {
    for (const part of conceptParts(t)) {
      const kind = part.body.kind === "number" ? "numerical" : "multichoice";
      out.push(`  <question type="${kind}">`);
      out.push(`    <name><text>${escapeXml(part.name)}</text></name>`);
      out.push(`    <questiontext format="markdown"><text>${escapeXml(part.text)}</text></questiontext>`);
      out.push(`    <idnumber>${escapeXml(t.slug)}</idnumber>`);
      if (part.body.kind === "number") {
        out.push(`    <answer fraction="100"><text>${part.body.answer}</text><tolerance>${round5(part.body.tolerance)}</tolerance></answer>`);
      } else {
        const w = part.body.multiple ? fractions(part.body.options) : part.body.options.map((o) => (o.correct ? 100 : 0));
        out.push(`    <single>${part.body.multiple ? "false" : "true"}</single>`);
        out.push("    <shuffleanswers>true</shuffleanswers>");
        part.body.options.forEach((o, i) => out.push(`    <answer fraction="${w[i]}" format="plain_text"><text>${escapeXml(o.label)}</text></answer>`));
      }
      out.push("  </question>");
    }
  }
  out.push("</quiz>", "");
  return out.join("\n");
}
