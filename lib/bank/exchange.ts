// Moving question templates in and out of Timeslice: a JSON bank that round-trips exactly, and the
// questions as Moodle XML and GIFT for other quiz systems, as far as each can carry them. Pure: no database, no I/O.
import {
  type AnswerPartSpec,
  type AnswerValue,
  buildVariant,
  type QuestionTemplate,
  type Variant,
  type VariantExhibit,
} from "@/lib/engine";

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
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

// ---- GIFT and Moodle XML ----
//
// Neither format knows seeded variants, simulators or Timeslice's partial-credit rules, so each
// question is drawn once (seed 0) and each answer part is written as the nearest question type that
// grades it the same way; what a format cannot carry is left out and said, per question, both in the
// export plan the instructor sees before downloading and in the file's comments.

export type QuizFormat = "gift" | "moodle";

/** How much of a question a format keeps: all of it, some of it (see the notes), or nothing. */
export type Carried = "full" | "partial" | "none";

export interface PartPlan {
  id: string;
  label: string;
  kind: AnswerPartSpec["kind"];
  /** The question type the part becomes, in words; null when it is left out. */
  as: string | null;
  /** Why the part is left out, or how its grading differs. */
  note?: string;
}

export interface FormatPlan {
  carried: Carried;
  parts: PartPlan[];
  /** What is lost for the whole question (beyond the parts' own notes). */
  notes: string[];
}

export interface ExportPlan {
  slug: string;
  title: string;
  type: string;
  gift: FormatPlan;
  moodle: FormatPlan;
}

/** GIFT and Moodle XML have no seeded variants: every export draws its parameters with this seed. */
export const EXPORT_SEED = 0;

/** Moodle limits a question's ID number to 100 characters. */
const MAX_IDNUMBER = 100;

interface Prepared {
  template: QuestionTemplate;
  variant: Variant;
  plan: ExportPlan;
}

function hasAlternatives(v: Variant, partId: string): boolean {
  const accepted = v.key.accepted?.[partId];
  return accepted !== undefined && accepted.length > 1;
}

function planPart(t: QuestionTemplate, v: Variant, part: AnswerPartSpec, format: QuizFormat): PartPlan {
  const base = { id: part.id, label: part.label, kind: part.kind };
  const alternatives = hasAlternatives(v, part.id);
  switch (part.kind) {
    case "choice":
      if (alternatives)
        return {
          ...base,
          as: null,
          note: "several answers are right for this variant, and a multiple-choice question keeps one key",
        };
      if (
        part.multiple &&
        Array.isArray(v.key.expected[part.id]) &&
        (v.key.expected[part.id] as unknown[]).length === 0
      )
        return {
          ...base,
          as: null,
          note: "the right answer is to tick none, which a multiple-answer question cannot express",
        };
      return { ...base, as: part.multiple ? "multiple choice, several answers" : "multiple choice, one answer" };
    case "number":
      if (alternatives) return { ...base, as: null, note: "several values are right for this variant" };
      return { ...base, as: "numerical, same tolerance" };
    case "order":
      if (format === "gift") return { ...base, as: null, note: "GIFT has no ordering question" };
      if (alternatives)
        return {
          ...base,
          as: null,
          note: "several orders are right for this variant (e.g. processes racing), and an ordering question accepts exactly one",
        };
      if (new Set(part.items.map((i) => i.label)).size < part.items.length)
        return { ...base, as: null, note: "two items read the same, which an ordering question cannot tell apart" };
      // Moodle's ordering type is built in from Moodle 4.4 (a plugin before); docs/instructors.md says so.
      return { ...base, as: "ordering (all or nothing)" };
    case "timeline": {
      if (format === "gift")
        return {
          ...base,
          as: null,
          note: "GIFT has no question with several blanks, so a timeline cannot be written; use Moodle XML",
        };
      if (alternatives) return { ...base, as: null, note: "several timelines are right for this variant" };
      const scoring = t.grading.scheduleScoring;
      const note =
        scoring && scoring !== "per-slot"
          ? `Moodle scores it slot by slot; Timeslice scores this question by ${scoring === "segment-lcs" ? "matching segments" : "the longest correct prefix"}, so grades can differ`
          : undefined;
      return { ...base, as: "embedded answers (cloze): one drop-down per slot", ...(note ? { note } : {}) };
    }
    case "tree":
      return { ...base, as: null, note: "neither format has a question where the student builds a tree" };
  }
}

function planFormat(t: QuestionTemplate, v: Variant, format: QuizFormat): FormatPlan {
  const parts = v.view.parts.map((p) => planPart(t, v, p, format));
  const notes: string[] = [];
  const kept = parts.filter((p) => p.as !== null);
  if (t.grading.conventionCredit > 0 && kept.some((p) => p.kind === "timeline"))
    notes.push(
      `partial credit (${Math.round(t.grading.conventionCredit * 100)}%) for a timeline right under a different convention is not carried`,
    );
  if (kept.some((p) => p.kind === "number") && v.view.parts.some((p) => p.kind === "timeline"))
    notes.push(
      "credit for numbers computed correctly from the student's own timeline is not carried: each number is checked against the reference",
    );
  if (format === "gift" && kept.length && v.view.images?.length)
    notes.push(
      "its images are written into the text as data: URIs (GIFT has no files); where the importing system strips data: URIs, the alt text shows instead",
    );
  if (format === "gift" && kept.length && (t.hints.length || t.explanation))
    notes.push("hints and the explanation are not carried (GIFT has no place for them)");
  // Anything left out or graded differently makes it partial; splitting into one question per part does not.
  const lossless = kept.length === parts.length && !parts.some((p) => p.note) && notes.length === 0;
  if (kept.length > 1) notes.push(`its ${kept.length} parts become ${kept.length} questions sharing the prompt`);
  const carried: Carried = kept.length === 0 ? "none" : lossless ? "full" : "partial";
  return { carried, parts, notes };
}

function prepare(template: QuestionTemplate): Prepared {
  const built = buildVariant(template, EXPORT_SEED);
  if (!built.ok)
    throw new Error(`question '${template.slug}' does not build: ${built.errors[0]?.message ?? "unknown error"}`);
  const v = built.value;
  return {
    template,
    variant: v,
    plan: {
      slug: template.slug,
      title: template.title,
      type: template.type,
      gift: planFormat(template, v, "gift"),
      moodle: planFormat(template, v, "moodle"),
    },
  };
}

const bySlug = (a: QuestionTemplate, b: QuestionTemplate) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** What each format keeps of each question, in the order the files list them. */
export function planExports(templates: readonly QuestionTemplate[]): ExportPlan[] {
  return [...templates].sort(bySlug).map((t) => prepare(t).plan);
}

/** One line per question for a file's comments. */
export function planLine(plan: ExportPlan, format: QuizFormat): string {
  const f = plan[format];
  const left = f.parts.filter((p) => p.as === null).map((p) => `${p.label} (${p.kind}): ${p.note}`);
  const changed = f.parts.filter((p) => p.as !== null && p.note).map((p) => `${p.label}: ${p.note}`);
  const words =
    f.carried === "none" ? "NOT EXPORTED" : f.carried === "partial" ? "exported in part" : "exported in full";
  const details = [...left.map((l) => `left out ${l}`), ...changed, ...f.notes];
  return `${plan.slug} (${plan.type}): ${words}${details.length ? ` — ${details.join("; ")}` : ""}`;
}

function fileHeader(plans: ExportPlan[], format: QuizFormat): string[] {
  const counts = { full: 0, partial: 0, none: 0 };
  for (const p of plans) counts[p[format].carried]++;
  return [
    `Timeslice export (${format === "gift" ? "GIFT" : "Moodle XML"}) of ${plans.length} question${plans.length === 1 ? "" : "s"}: ${counts.full} in full, ${counts.partial} in part, ${counts.none} not at all.`,
    `Parameters are drawn with seed ${EXPORT_SEED}: every student gets this one variant, where Timeslice gives each their own.`,
    ...plans.map((p) => planLine(p, format)),
  ];
}

/** The parts a format keeps, each as one quiz question with an ID number unique in the file. */
interface Emitted {
  name: string;
  idnumber: string;
  text: string;
  part: AnswerPartSpec;
  expected: AnswerValue | undefined;
  /** The prompt's images, which each question of the template carries (Moodle keeps files per question). */
  images: ExportImage[];
}

interface ExportImage {
  name: string;
  alt: string;
  /** The image's bytes in base64, without the data: URL's prefix. */
  base64: string;
  dataUrl: string;
}

function exportImages(v: Variant): ExportImage[] {
  return (v.view.images ?? []).map((i) => ({
    name: i.name,
    alt: i.alt,
    base64: i.src.slice(i.src.indexOf(",") + 1),
    dataUrl: i.src,
  }));
}

/** HTML attribute text: Markdown passes inline HTML through, so the alt text is escaped as HTML. */
const htmlAttr = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * An image as inline HTML in the Markdown question text, where Timeslice shows it: under the prompt.
 * Moodle XML refers to the question's own file through @@PLUGINFILE@@ (the file travels in a
 * <file encoding="base64"> of the question text); GIFT has no files, so the image goes inline as a data: URI.
 */
function imageTag(image: ExportImage, format: QuizFormat): string {
  const src = format === "moodle" ? `@@PLUGINFILE@@/${encodeURIComponent(image.name)}` : image.dataUrl;
  return `<img src="${src}" alt="${htmlAttr(image.alt)}">`;
}

function emitted(prepared: Prepared, format: QuizFormat, ids: Set<string>): Emitted[] {
  const { template: t, variant: v, plan } = prepared;
  const kept = plan[format].parts.filter((p) => p.as !== null).map((p) => p.id);
  const single = kept.length === 1;
  const images = exportImages(v);
  const shared = [
    v.view.prompt,
    ...images.map((i) => imageTag(i, format)),
    ...v.view.exhibits.map(exhibitMarkdown),
  ].join("\n\n");
  return v.view.parts
    .filter((part) => kept.includes(part.id))
    .map((part) => {
      const unit = part.kind === "number" && part.unit !== "count" ? ` (in ${part.unit})` : "";
      return {
        name: single ? t.title : `${t.title} (${part.id})`,
        idnumber: uniqueId(single ? t.slug : `${t.slug}:${part.id}`, ids),
        text: `${shared}\n\n${part.label}${unit}`,
        part,
        expected: v.key.expected[part.id],
        images,
      };
    });
}

/** `wanted`, or the shortest `wanted-N` not yet used, within Moodle's length limit. */
function uniqueId(wanted: string, ids: Set<string>): string {
  let id = wanted.slice(0, MAX_IDNUMBER);
  for (let n = 2; ids.has(id); n++) id = `${wanted.slice(0, MAX_IDNUMBER - String(n).length - 1)}-${n}`;
  ids.add(id);
  return id;
}

/** An exhibit in Markdown (Moodle's Markdown has tables and fenced code), so the question is complete without Timeslice. */
function exhibitMarkdown(exhibit: VariantExhibit): string {
  if (exhibit.kind === "code") return `**${exhibit.caption}**\n\n\`\`\`${exhibit.language}\n${exhibit.source}\n\`\`\``;
  const cell = (c: string | number) => String(c).replace(/\|/g, "\\|");
  const row = (cells: (string | number)[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [
    `**${exhibit.caption}**`,
    "",
    row(exhibit.columns),
    row(exhibit.columns.map(() => "---")),
    ...exhibit.rows.map(row),
  ].join("\n");
}

function choiceOptions(
  part: Extract<AnswerPartSpec, { kind: "choice" }>,
  expected: AnswerValue | undefined,
): { label: string; correct: boolean }[] {
  const right = new Set(Array.isArray(expected) ? expected.map(String) : [String(expected)]);
  return part.options.map((o) => ({ label: o.label, correct: right.has(o.id) }));
}

function numberTolerance(t: QuestionTemplate, answer: number): number {
  return round5(t.grading.absoluteTolerance + t.grading.relativeTolerance * Math.abs(answer));
}

/**
 * Moodle's percentage weights for a multiple-answer question, as Timeslice grades one: each right pick
 * earns its share of 100%, each wrong pick takes one share back (Moodle, too, never goes below 0).
 */
function fractions(options: { correct: boolean }[]): number[] {
  const share = round5(100 / options.filter((o) => o.correct).length);
  return options.map((o) => (o.correct ? share : -share));
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** A timeline slot's value in the words of the answer form. */
function slotLabel(part: Extract<AnswerPartSpec, { kind: "timeline" }>, value: string): string {
  if (value === "idle") return "idle";
  if (value === "cs") return "context switch";
  return part.tasks.find((t) => t.id === value)?.label ?? value;
}

export function exportGift(templates: readonly QuestionTemplate[]): string {
  const prepared = [...templates].sort(bySlug).map(prepare);
  const blocks = [
    fileHeader(
      prepared.map((p) => p.plan),
      "gift",
    )
      .map((l) => `// ${l.replace(/\r?\n/g, " ")}`)
      .join("\n"),
  ];
  const ids = new Set<string>();
  for (const p of prepared) {
    for (const q of emitted(p, "gift", ids)) {
      const head = `// ${q.idnumber}\n::${escapeGift(q.name)}::[markdown]${escapeGift(q.text)}`;
      if (q.part.kind === "number" && typeof q.expected === "number") {
        blocks.push(`${head} {#${q.expected}:${numberTolerance(p.template, q.expected)}}`);
      } else if (q.part.kind === "choice") {
        const options = choiceOptions(q.part, q.expected);
        if (q.part.multiple) {
          const w = fractions(options);
          blocks.push(`${head} {\n${options.map((o, i) => `\t~%${w[i]}%${escapeGift(o.label)}`).join("\n")}\n}`);
        } else {
          blocks.push(
            `${head} {\n${options.map((o) => `\t${o.correct ? "=" : "~"}${escapeGift(o.label)}`).join("\n")}\n}`,
          );
        }
      }
    }
  }
  return `${blocks.join("\n\n")}\n`;
}

/** XML comments may not contain "--". */
const xmlComment = (text: string) => `<!-- ${text.replace(/-(?=-)/g, "- ").replace(/-$/, "- ")} -->`;

/** Moodle's embedded-answer (cloze) syntax gives `} # ~ / " \` a meaning inside a field; each is backslash-escaped. */
export function escapeCloze(text: string): string {
  return text.replace(/[}#~/"\\]/g, (c) => `\\${c}`);
}

function clozeTimeline(part: Extract<AnswerPartSpec, { kind: "timeline" }>, expected: AnswerValue | undefined): string {
  const slots = Array.isArray(expected) ? expected : [];
  const choices = [
    ...part.tasks.map((t) => t.id),
    ...(part.allowIdle ? ["idle"] : []),
    ...(part.allowSwitch ? ["cs"] : []),
  ];
  // One drop-down worth one mark per slot; "=" marks the right option, "~" separates them.
  const lines = slots.map((value, i) => {
    const field = choices
      .map((c) => `${c === (value ?? "idle") ? "=" : ""}${escapeCloze(slotLabel(part, c))}`)
      .join("~");
    return `| ${i * part.slotMs}–${(i + 1) * part.slotMs} ms | {1:MULTICHOICE:${field}} |`;
  });
  return ["| Slot | Runs |", "| --- | --- |", ...lines].join("\n");
}

export function exportMoodleXml(templates: readonly QuestionTemplate[]): string {
  const prepared = [...templates].sort(bySlug).map(prepare);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<quiz>",
    ...fileHeader(
      prepared.map((p) => p.plan),
      "moodle",
    ).map((l) => `  ${xmlComment(l)}`),
  ];
  const ids = new Set<string>();
  for (const p of prepared) {
    const t = p.template;
    const feedback = t.explanation
      ? [`    <generalfeedback format="markdown"><text>${escapeXml(t.explanation)}</text></generalfeedback>`]
      : [];
    const hints = t.hints.map((h) => `    <hint format="markdown"><text>${escapeXml(h)}</text></hint>`);
    for (const q of emitted(p, "moodle", ids)) {
      const part = q.part;
      const kind =
        part.kind === "number"
          ? "numerical"
          : part.kind === "choice"
            ? "multichoice"
            : part.kind === "order"
              ? "ordering"
              : "cloze";
      const text = part.kind === "timeline" ? `${q.text}\n\n${clozeTimeline(part, q.expected)}` : q.text;
      out.push(`  <question type="${kind}">`);
      out.push(`    <name><text>${escapeXml(q.name)}</text></name>`);
      // Moodle's XML format stores a text's files inside its element, base64-encoded, at path "/".
      const files = q.images.map(
        (i) => `<file name="${escapeXml(i.name)}" path="/" encoding="base64">${i.base64}</file>`,
      );
      out.push(`    <questiontext format="markdown"><text>${escapeXml(text)}</text>${files.join("")}</questiontext>`);
      out.push(...feedback);
      out.push(`    <idnumber>${escapeXml(q.idnumber)}</idnumber>`);
      if (part.kind === "number" && typeof q.expected === "number") {
        out.push(
          `    <answer fraction="100"><text>${q.expected}</text><tolerance>${numberTolerance(t, q.expected)}</tolerance></answer>`,
        );
      } else if (part.kind === "choice") {
        const options = choiceOptions(part, q.expected);
        const w = part.multiple ? fractions(options) : options.map((o) => (o.correct ? 100 : 0));
        out.push(`    <single>${part.multiple ? "false" : "true"}</single>`);
        out.push("    <shuffleanswers>true</shuffleanswers>");
        options.forEach((o, i) =>
          out.push(`    <answer fraction="${w[i]}" format="plain_text"><text>${escapeXml(o.label)}</text></answer>`),
        );
      } else if (part.kind === "order") {
        const order = Array.isArray(q.expected) ? q.expected.map(String) : [];
        out.push(
          "    <layouttype>VERTICAL</layouttype>",
          "    <selecttype>ALL</selecttype>",
          "    <selectcount>0</selectcount>",
        );
        out.push(
          "    <gradingtype>ALL_OR_NOTHING</gradingtype>",
          "    <showgrading>SHOW</showgrading>",
          "    <numberingstyle>none</numberingstyle>",
        );
        // An ordering question's answers are its items in the right order; fraction numbers the position.
        order.forEach((id, i) =>
          out.push(
            `    <answer fraction="${i + 1}" format="plain_text"><text>${escapeXml(part.items.find((it) => it.id === id)?.label ?? id)}</text></answer>`,
          ),
        );
      }
      out.push(...hints);
      out.push("  </question>");
    }
  }
  out.push("</quiz>", "");
  return out.join("\n");
}
