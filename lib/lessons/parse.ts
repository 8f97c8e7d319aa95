// Turns one lesson's Markdown file into front matter, body blocks and sources. Pure (no file system),
// so the content tests, the page and any future editor preview share one parser.
import { isDiagramName, isLessonSlug, isWidgetName } from "./registry";
import {
  SCENARIO_ENGINES,
  type CheckBlock,
  type Lesson,
  type LessonBlock,
  type LessonIssue,
  type LessonMeta,
  type LessonResult,
  type ScenarioEngine,
  type WorkedExampleBlock,
} from "./types";

/** `::widget{name="rr-quantum"}` or `::diagram{name="address-spaces"}` alone on a line. */
const DIRECTIVE = /^::(widget|diagram)\{name="([a-z0-9-]+)"\}\s*$/;
/** A footnote definition `[^id]: citation text` — only allowed in the Sources section. */
export const FOOTNOTE_DEF = /^\[\^([A-Za-z0-9-]+)\]:\s+(\S.*)$/;
const FENCE = /^\s*(```|~~~)/;
/** `:::worked-example{engine="sched" title="…"}` or `:::check{engine="…" ask="…"}`, closed by a `:::` line. */
const CONTAINER = /^:::(worked-example|check)\{(.*)\}\s*$/;
const ATTRIBUTE = /\s*([a-z]+)="([^"]*)"/y;

function parseAttributes(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(text);
    if (!m) return text.slice(at).trim() === "" ? out : null;
    out[m[1]!] = m[2]!;
    at = ATTRIBUTE.lastIndex;
  }
  return out;
}

const CONTAINER_KEYS = { "worked-example": ["engine", "title"], check: ["engine", "ask"] } as const;

/**
 * Reads a container block starting at `start` (its opening line). The body is Markdown (the check's
 * question) around exactly one fenced block (the scenario the engine runs). Returns the line after `:::`.
 */
function parseContainer(
  lines: string[],
  start: number,
  errors: LessonIssue[],
): { block: WorkedExampleBlock | CheckBlock | null; next: number } {
  const lineNo = start + 1;
  const m = CONTAINER.exec(lines[start]!)!;
  const kind = m[1] as "worked-example" | "check";
  const at = `line ${lineNo}`;
  let end = -1;
  let inFence = false;
  for (let i = start + 1; i < lines.length; i++) {
    if (FENCE.test(lines[i]!)) inFence = !inFence;
    if (!inFence && lines[i]!.trim() === ":::") {
      end = i;
      break;
    }
  }
  if (end < 0) {
    errors.push({ path: at, message: `the :::${kind} block is never closed with a ':::' line` });
    return { block: null, next: lines.length };
  }
  const attrs = parseAttributes(m[2]!);
  if (!attrs) {
    errors.push({ path: at, message: `malformed attributes in :::${kind}{…} (expected key="value" pairs)` });
    return { block: null, next: end + 1 };
  }
  const allowed: readonly string[] = CONTAINER_KEYS[kind];
  const before = errors.length;
  for (const key of allowed)
    if (!attrs[key]) errors.push({ path: `${at}.${key}`, message: `:::${kind} needs ${key}="…"` });
  for (const key of Object.keys(attrs))
    if (!allowed.includes(key))
      errors.push({ path: `${at}.${key}`, message: `unknown attribute '${key}' (allowed: ${allowed.join(", ")})` });
  const engine = attrs["engine"] ?? "";
  if (engine && !(SCENARIO_ENGINES as readonly string[]).includes(engine))
    errors.push({
      path: `${at}.engine`,
      message: `unknown engine '${engine}' (one of ${SCENARIO_ENGINES.join(", ")})`,
    });

  const body = lines.slice(start + 1, end);
  const open = body.findIndex((l) => FENCE.test(l));
  const close = open < 0 ? -1 : body.findIndex((l, i) => i > open && FENCE.test(l));
  if (open < 0 || close < 0) {
    errors.push({ path: at, message: `:::${kind} needs one fenced block holding its scenario` });
    return { block: null, next: end + 1 };
  }
  const scenario = body.slice(open + 1, close).join("\n");
  const outside = [...body.slice(0, open), ...body.slice(close + 1)];
  if (outside.some((l) => FENCE.test(l)))
    errors.push({ path: at, message: `:::${kind} holds more than one fenced block` });
  const prompt = outside.join("\n").trim();
  if (kind === "worked-example" && prompt !== "")
    errors.push({ path: at, message: "a :::worked-example holds only its scenario (write the prose around it)" });
  if (kind === "check" && prompt === "")
    errors.push({ path: at, message: "a :::check needs its question in words before or after the scenario" });
  if (errors.length > before) return { block: null, next: end + 1 };
  const common = { engine: engine as ScenarioEngine, scenario, line: lineNo };
  const block: WorkedExampleBlock | CheckBlock =
    kind === "worked-example"
      ? { kind, title: attrs["title"]!, ...common }
      : { kind, ask: attrs["ask"]!, prompt, ...common };
  return { block, next: end + 1 };
}

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
    if (!inFence && CONTAINER.test(line)) {
      const { block, next } = parseContainer(lines, i, errors);
      flush();
      if (block) blocks.push(block);
      pendingLine = next + 1;
      i = next - 1;
      continue;
    }
    if (!inFence && line.startsWith("::")) {
      const m = DIRECTIVE.exec(line);
      if (!m) {
        errors.push({
          path: `line ${lineNo}`,
          message: `malformed directive '${line.slice(0, 60)}' (expected ::widget{name="…"}, ::diagram{name="…"}, :::worked-example{…} or :::check{…})`,
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
