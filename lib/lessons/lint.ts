// The content lint: mechanical rules that keep the lessons honest. Each rule names the line it objects
// to so a writer can fix it without re-reading the whole lesson.
//
// Rules
//  - figure-cited: a sentence (or table row) holding a figure with a unit (ns, µs, ms, %, KB, KiB, MiB,
//    GiB, bytes…) must carry a footnote marker [^id] or "(source: …)". A worked example cites a
//    footnote that says it is a worked example, so the reader can tell invented numbers from measured ones.
//  - footnotes: every [^id] resolves to a `[^id]: …` line in the Sources section, every source is cited,
//    and the Sources section is the last section.
//  - cfs-default: a paragraph calling CFS "the default" must also mention EEVDF or 6.6 (domain
//    correction 1: EEVDF replaced CFS in Linux 6.6).
//  - tlb-flush: a paragraph saying a switch flushes the TLB must mention PCID (domain correction 2).
//  - versioned: a sentence (or table row) using a version-sensitive phrase (VERSION_SENSITIVE: defaults
//    and limits that distributions or releases changed, behaviour that changed between releases) must name
//    a version ("Linux 6.12", "JDK 24", "since 6.6", "glibc 2.24", "JEP 491") or cite a footnote whose
//    source text names one, so a reader can tell which release the claim holds for.
//  - sections: every lesson has an interview checklist (task list), common wrong answers, and sources,
//    plus at least one diagram and one widget.
//  - teaches-first (issue #23): every lesson has at least one :::worked-example and exactly one :::check,
//    and every one of them runs in the engine (a scenario it rejects, or an ask it cannot answer, fails).
import { FOOTNOTE_DEF } from "./parse";
import type { Lesson, LessonIssue } from "./types";
import { scenarioIssues } from "./worked";

const UNITS = "ns|µs|μs|us|ms|%|KB|KiB|MB|MiB|GB|GiB|TB|TiB|bytes|B";
/** A number (optionally a range, optionally approximate) immediately followed by a unit. */
export const FIGURE = new RegExp(
  String.raw`(?<![\w.])[~≈]?\d[\d,]*(?:\.\d+)?(?:\s?[–-]\s?\d[\d,]*(?:\.\d+)?)?\s?(?:${UNITS})(?![\w])`,
  "u",
);
/**
 * Phrases whose truth depends on the release (kernel, JDK, Node, Go, glibc, systemd, distribution). Each
 * is here because the fact changed at least once: pid_max (kernel 32768, systemd 243 → 4194304), the
 * default stack (glibc 8 MiB, HotSpot 1 MiB, musl 128 KiB), the base slice (0.75 → 0.70 ms in 6.15),
 * pinning (gone for synchronized in JDK 24), nextTick order (CommonJS vs ES modules)…
 */
export const VERSION_SENSITIVE: { name: string; pattern: RegExp }[] = [
  { name: "default scheduler", pattern: /\bdefault (?:fair )?scheduler\b/i },
  {
    name: "default stack",
    pattern: /\bdefault (?:thread |pthread |starting )?stacks?\b|\bstacks? (?:size )?defaults?\b/i,
  },
  { name: "pid_max", pattern: /\bpid_max\b/ },
  { name: "TasksMax", pattern: /\b(?:Default)?TasksMax\b/ },
  { name: "max_map_count", pattern: /\bmax_map_count\b/ },
  { name: "base slice", pattern: /\bbase[ _]slice\b/i },
  {
    name: "virtual threads pin",
    pattern:
      /\bpin(?:s|ned|ning)?\b[^.]*\b(?:carrier|virtual thread|synchronized)|\b(?:virtual threads?|synchronized)\b[^.]*\bpin(?:s|ned|ning)?\b/i,
  },
  {
    name: "nextTick order",
    pattern: /\bnextTick\b[^.]*\b(?:before|after)\b[^.]*\bpromise|\bpromise[^.]*\b(?:before|after)\b[^.]*\bnextTick\b/i,
  },
  { name: "UV_THREADPOOL_SIZE", pattern: /\bUV_THREADPOOL_SIZE\b/ },
  { name: "GOMAXPROCS default", pattern: /\bGOMAXPROCS\b[^.]*\bdefault|\bdefault[^.]*\bGOMAXPROCS\b/i },
  { name: "sleeper bonus", pattern: /\bsleeper bonus\b/i },
  { name: "lag on wakeup", pattern: /\bwoken task\b[^.]*\blag\b/i },
  { name: "fair server", pattern: /\bfair server\b/i },
  { name: "PREEMPT_RT", pattern: /\bPREEMPT_RT\b/ },
  { name: "lazy preemption", pattern: /\bPREEMPT_LAZY\b|\blazy preemption\b/i },
  { name: "free-threaded Python", pattern: /\bfree-threaded\b|\bGIL\b/ },
  { name: "scheduler knobs", pattern: /\bsched_(?:latency|min_granularity|wakeup_granularity)_ns\b|\bdebugfs\b/ },
  { name: "Linux uses PCID", pattern: /\b(?:Linux|kernel)\b[^.]*\bPCID\b|\bPCID\b[^.]*\b(?:Linux|kernel)\b/ },
  { name: "KPTI overhead", pattern: /\bKPTI\b[^.]*\b(?:overhead|cost)|\b(?:overhead|cost)\b[^.]*\bKPTI\b/i },
];
/** A release named in prose: "Linux 6.6", "JDK 21", "Go 1.14", "glibc 2.24", "JEP 444", "since 6.12", "6.12.y". */
const VERSION = new RegExp(
  [
    String.raw`\b(?:Linux|kernel|kernels|JDK|Java|JEP|Go|Node(?:\.js)?|glibc|musl|systemd|libuv|Python|CPython|Fedora|Ubuntu|Debian|RHEL|Chrome|POSIX\.1)[ -]?v?\d+`,
    String.raw`\b\d+\.\d+(?:\.\d+|\.y)?(?:\+|\b)`,
    String.raw`\b(?:CommonJS|ES modules?|ESM)\b`,
  ].join("|"),
);
/** Versions found after the figures (numbers with units) are removed: "0.75 ms" is not a release. */
export function mentionsVersion(text: string): boolean {
  return VERSION.test(text.replace(new RegExp(FIGURE.source, "gu"), " "));
}
const CITATION = /\[\^[A-Za-z0-9-]+\]|\(source: [^)]+\)/;
const FOOTNOTE_REF = /\[\^([A-Za-z0-9-]+)\]/g;

interface Unit {
  text: string;
  /** The same unit with inline code kept (backticks dropped): version-sensitive names are often code. */
  raw: string;
  line: number;
}

/**
 * Splits Markdown into the units the rules reason about: paragraphs, single list items, single table
 * rows and headings. Code (fenced and inline) is removed: code shows programs and outputs, not claims.
 */
export function proseUnits(markdown: string, firstLine = 1): Unit[] {
  const units: Unit[] = [];
  let current: Unit | null = null;
  let inFence = false;
  const lines = markdown.split("\n");
  const end = () => {
    if (current && current.text.trim()) units.push(current);
    current = null;
  };
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      end();
      return;
    }
    if (inFence) return;
    const text = raw.replace(/`[^`]*`/g, "`code`");
    const kept = raw.replace(/`([^`]*)`/g, "$1");
    const startsOwnUnit = /^\s*([-*+]\s|\d+\.\s|\||#{1,6}\s|>)/.test(text);
    if (text.trim() === "") return end();
    if (startsOwnUnit || !current) {
      end();
      current = { text, raw: kept, line };
      // Table rows and headings never continue onto the next line.
      if (/^\s*(\||#)/.test(text)) end();
      return;
    }
    (current as Unit).text += " " + text.trim();
    (current as Unit).raw += " " + kept.trim();
  });
  end();
  return units;
}

/** Sentence split that survives "e.g. the", "2.6.23" and "0.75 ms": a break needs a capital or marker after it. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z*_(“"[])/u);
}

export function lintLesson(lesson: Lesson): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const markdownBlocks = lesson.blocks.filter((b) => b.kind === "markdown");
  const units = markdownBlocks.flatMap((b) => proseUnits(b.source, b.line));
  const at = (line: number) => `${lesson.meta.slug}.md line ${line}`;
  const sourceText = new Map(lesson.sources.map((s) => [s.id, s.text]));

  for (const unit of units) {
    if (/^\s*\|[\s:|-]+\|\s*$/.test(unit.text)) continue; // table separator row
    const isTableRow = /^\s*\|/.test(unit.text);
    const pieces = isTableRow ? [unit.text] : sentences(unit.text);
    for (const s of pieces) {
      const figure = FIGURE.exec(s);
      if (figure && !CITATION.test(s)) {
        issues.push({
          path: at(unit.line),
          message: `figure '${figure[0].trim()}' has no source: add [^id] or (source: …) in: "${s.trim().slice(0, 120)}"`,
        });
      }
    }
    const rawPieces = isTableRow ? [unit.raw] : sentences(unit.raw);
    for (const s of /^\s*#/.test(unit.raw) ? [] : rawPieces) {
      const phrase = VERSION_SENSITIVE.find((p) => p.pattern.test(s));
      if (!phrase || mentionsVersion(s)) continue;
      const cites = [...s.matchAll(FOOTNOTE_REF)].map((m) => m[1]!);
      if (cites.some((id) => mentionsVersion(sourceText.get(id) ?? ""))) continue;
      issues.push({
        path: at(unit.line),
        message: `version-sensitive '${phrase.name}' names no version: say which release it holds for ("since Linux 6.6", "JDK 21–23") or cite a source that does, in: "${s.trim().slice(0, 120)}"`,
      });
    }
    if (/\bCFS\b[^.]*\bdefault\b|\bdefault\b[^.]*\bCFS\b/i.test(unit.text) && !/EEVDF|6\.6\b/.test(unit.text)) {
      issues.push({
        path: at(unit.line),
        message: "calls CFS the default without saying EEVDF replaced it in Linux 6.6 (same paragraph)",
      });
    }
    if (/\bTLB\b/.test(unit.text) && /\bflush/i.test(unit.text) && !/\bPCID\b/.test(unit.text)) {
      issues.push({
        path: at(unit.line),
        message: "mentions a TLB flush without PCID (a recently-run process keeps its TLB entries with PCID)",
      });
    }
  }

  // Footnotes: references resolve, definitions are used.
  const defined = new Set(lesson.sources.map((s) => s.id));
  const cited = new Set<string>();
  for (const b of markdownBlocks) {
    b.source.split("\n").forEach((line, i) => {
      for (const m of line.matchAll(FOOTNOTE_REF)) {
        cited.add(m[1]!);
        if (!defined.has(m[1]!))
          issues.push({ path: at(b.line + i), message: `footnote [^${m[1]}] has no entry in Sources` });
      }
    });
  }
  for (const id of defined)
    if (!cited.has(id)) issues.push({ path: lesson.meta.slug, message: `source [^${id}] is never cited` });

  const headings = units.filter((u) => /^#{2}\s/.test(u.text)).map((u) => u.text.replace(/^#+\s*/, "").trim());
  for (const required of ["Interview checklist", "Common wrong answers", "Sources"]) {
    if (!headings.includes(required))
      issues.push({ path: lesson.meta.slug, message: `missing section '## ${required}'` });
  }
  if (headings[headings.length - 1] !== "Sources")
    issues.push({ path: lesson.meta.slug, message: "'## Sources' must be the last section" });
  const checklist = sectionText(markdownBlocks.map((b) => b.source).join("\n"), "Interview checklist");
  if (!/^\s*- \[ \] \S/m.test(checklist))
    issues.push({ path: lesson.meta.slug, message: "the interview checklist must be a task list ('- [ ] …')" });
  if (!lesson.blocks.some((b) => b.kind === "widget"))
    issues.push({ path: lesson.meta.slug, message: "a lesson needs at least one ::widget" });
  if (!lesson.blocks.some((b) => b.kind === "diagram"))
    issues.push({ path: lesson.meta.slug, message: "a lesson needs at least one ::diagram" });
  if (!lesson.blocks.some((b) => b.kind === "worked-example"))
    issues.push({
      path: lesson.meta.slug,
      message: "a lesson needs at least one :::worked-example (teach before testing)",
    });
  const checks = lesson.blocks.filter((b) => b.kind === "check").length;
  if (checks !== 1)
    issues.push({ path: lesson.meta.slug, message: `a lesson needs exactly one :::check question, found ${checks}` });
  issues.push(...scenarioIssues(lesson.blocks, lesson.meta.slug));
  return issues;
}

/** The text under `## heading` up to the next h2. */
function sectionText(markdown: string, heading: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return "";
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^##\s/.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join("\n");
}

/** Footnote definitions are only meaningful at the end; this finds ones written elsewhere in raw source. */
export function footnotesOutsideSources(source: string): number[] {
  const lines = source.split("\n");
  const sourcesAt = lines.findIndex((l) => l.trim() === "## Sources");
  return lines.flatMap((l, i) => (FOOTNOTE_DEF.test(l) && (sourcesAt < 0 || i < sourcesAt) ? [i + 1] : []));
}
