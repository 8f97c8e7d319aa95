// Turns one lesson's Markdown file into front matter, body blocks and sources. Pure (no file system),
// so the content tests, the page and any future editor preview share one parser.
import { isDiagramName, isLessonSlug, isWidgetName } from "./registry";
import type { Lesson, LessonBlock, LessonIssue, LessonMeta, LessonResult } from "./types";

/** `::widget{name="rr-quantum"}` or `::diagram{name="address-spaces"}` alone on a line. */
const DIRECTIVE = /^::(widget|diagram)\{name="([a-z0-9-]+)"\}\s*$/;
/** A footnote definition `[^id]: citation text` — only allowed in the Sources section. */
export const FOOTNOTE_DEF = /^\[\^([A-Za-z0-9-]+)\]:\s+(\S.*)$/;
const FENCE = /^\s*(```|~~~)/;

const REQUIRED_META = ["title", "slug", "order", "summary", "minutes"] as const;

/** Front matter is a flat `key: value` list; values may be quoted. Nothing else of YAML is needed. */
function parseFrontMatter(lines: string[], errors: LessonIssue[]): { meta: Record<string, string>; bodyStart: number } {
  const meta: Record<string, string> = {};
  if (lines[0]?.trim() !== "---") {
    errors.push({ path: "front-matter", message: "the file must start with a '---' front matter block" });
    return { meta, bodyStart: 0 };
  }
  const end = lines.indexOf("---", 1);
  if (end < 0) {
    errors.push({ path: "front-matter", message: "the front matter block is not closed with '---'" });
    return { meta, bodyStart: lines.length };
  }
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const m = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!m) {
      errors.push({ path: `front-matter line ${i + 1}`, message: `expected 'key: value', got '${line.slice(0, 60)}'` });
      continue;
    }
    let value = m[2]!.trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    meta[m[1]!] = value;
  }
  return { meta, bodyStart: end + 1 };
}

function checkMeta(raw: Record<string, string>, errors: LessonIssue[], expectedSlug?: string): LessonMeta | null {
  const before = errors.length;
  for (const key of REQUIRED_META) {
    if (!raw[key]) errors.push({ path: `front-matter.${key}`, message: `${key} is required` });
  }
  for (const key of Object.keys(raw)) {
    if (!(REQUIRED_META as readonly string[]).includes(key)) {
      errors.push({
        path: `front-matter.${key}`,
        message: `unknown key '${key}' (allowed: ${REQUIRED_META.join(", ")})`,
      });
    }
  }
  const slug = raw["slug"] ?? "";
  if (slug && !isLessonSlug(slug))
    errors.push({ path: "front-matter.slug", message: `'${slug}' is not one of the eight lesson slugs` });
  if (expectedSlug !== undefined && slug && slug !== expectedSlug) {
    errors.push({
      path: "front-matter.slug",
      message: `slug '${slug}' does not match the file name '${expectedSlug}.md'`,
    });
  }
  const order = Number(raw["order"]);
  if (raw["order"] && (!Number.isInteger(order) || order < 1 || order > 99)) {
    errors.push({ path: "front-matter.order", message: `order must be an integer 1–99, got '${raw["order"]}'` });
  }
  const minutes = Number(raw["minutes"]);
  if (raw["minutes"] && (!Number.isInteger(minutes) || minutes < 1 || minutes > 120)) {
    errors.push({ path: "front-matter.minutes", message: `minutes must be an integer 1–120, got '${raw["minutes"]}'` });
  }
  if (errors.length > before || !isLessonSlug(slug)) return null;
  return { slug, title: raw["title"]!, order, summary: raw["summary"]!, minutes };
}

export function parseLesson(source: string, expectedSlug?: string): LessonResult<Lesson> {
  const errors: LessonIssue[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const { meta: rawMeta, bodyStart } = parseFrontMatter(lines, errors);
  const meta = checkMeta(rawMeta, errors, expectedSlug);

  const blocks: LessonBlock[] = [];
  const sources: Lesson["sources"] = [];
  let pending: string[] = [];
  let pendingLine = bodyStart + 1;
  let inFence = false;
  const flush = () => {
    if (pending.some((l) => l.trim() !== ""))
      blocks.push({ kind: "markdown", source: pending.join("\n"), line: pendingLine });
    pending = [];
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && line.startsWith("::")) {
      const m = DIRECTIVE.exec(line);
      if (!m) {
        errors.push({
          path: `line ${lineNo}`,
          message: `malformed directive '${line.slice(0, 60)}' (expected ::widget{name="…"} or ::diagram{name="…"})`,
        });
        continue;
      }
      const kind = m[1];
      const name = m[2]!;
      let block: LessonBlock | null = null;
      if (kind === "widget" && isWidgetName(name)) block = { kind: "widget", name, line: lineNo };
      if (kind === "diagram" && isDiagramName(name)) block = { kind: "diagram", name, line: lineNo };
      if (!block) {
        errors.push({ path: `line ${lineNo}`, message: `unknown ${kind} '${name}'` });
        continue;
      }
      flush();
      blocks.push(block);
      pendingLine = lineNo + 1;
      continue;
    }
    const def = inFence ? null : FOOTNOTE_DEF.exec(line);
    if (def) {
      if (sources.some((s) => s.id === def[1]))
        errors.push({ path: `line ${lineNo}`, message: `footnote [^${def[1]}] is defined twice` });
      else sources.push({ id: def[1]!, text: def[2]! });
      continue;
    }
    if (pending.length === 0) pendingLine = lineNo;
    pending.push(line);
  }
  flush();
  if (inFence) errors.push({ path: "body", message: "a code fence is never closed" });

  if (errors.length > 0 || !meta) return { ok: false, errors };
  return { ok: true, value: { meta, blocks, sources } };
}
