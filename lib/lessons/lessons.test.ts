// Content checks for the eight lessons: they parse, embed only known widgets/diagrams, cite every
// figure, never call CFS the default without the EEVDF correction, and the index lists them in order.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LessonList } from "@/components/lessons/lesson-list";
import { LESSON_DIR, listLessonMetas, loadAllLessons } from "./load";
import {
  footnotesOutsideSources,
  FIGURE,
  lintLesson,
  mentionsVersion,
  proseUnits,
  sentences,
  VERSION_SENSITIVE,
} from "./lint";
import { parseLesson } from "./parse";
import { LESSON_SLUGS, WIDGET_NAMES } from "./registry";
import { footnoteNumbers, renderMarkdown } from "./render";
import type { Lesson } from "./types";

const files = readdirSync(LESSON_DIR).filter((f) => f.endsWith(".md"));

function parseOrThrow(source: string): Lesson {
  const r = parseLesson(source);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const TEMPLATE = (body: string) => `---
title: T
slug: real-time
order: 5
summary: S
minutes: 3
---

${body}

::diagram{name="sched-classes"}
::widget{name="rt-starvation"}

:::worked-example{engine="sched" title="FIFO"}
\`\`\`json
{"policy":{"name":"fifo"},"tasks":[{"id":"A","arrival":0,"bursts":[2]},{"id":"B","arrival":0,"bursts":[1]}]}
\`\`\`
:::

:::check{engine="sched" ask="waiting:B"}
What is B's waiting time?
\`\`\`json
{"policy":{"name":"fifo"},"tasks":[{"id":"A","arrival":0,"bursts":[2]},{"id":"B","arrival":0,"bursts":[1]}]}
\`\`\`
:::

## Interview checklist

- [ ] One point.

## Common wrong answers

- Wrong.

## Sources

[^a]: A source.
`;

describe("lesson files", () => {
  it("has exactly one file per syllabus topic", () => {
    expect(files.map((f) => f.replace(/\.md$/, "")).sort()).toEqual([...LESSON_SLUGS].sort());
  });

  for (const file of files) {
    const slug = file.replace(/\.md$/, "");
    const source = readFileSync(path.join(LESSON_DIR, file), "utf8");

    it(`${slug}: parses with complete front matter matching its file name`, () => {
      const r = parseLesson(source, slug);
      expect(r.ok ? [] : r.errors).toEqual([]);
      if (!r.ok) return;
      expect(r.value.meta.slug).toBe(slug);
      expect(r.value.meta.order).toBe(LESSON_SLUGS.indexOf(r.value.meta.slug) + 1);
      expect(r.value.meta.title.length).toBeGreaterThan(3);
      expect(r.value.meta.summary.length).toBeGreaterThan(20);
    });

    it(`${slug}: passes the content lint`, () => {
      const r = parseLesson(source, slug);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(lintLesson(r.value)).toEqual([]);
      expect(footnotesOutsideSources(source)).toEqual([]);
    });

    it(`${slug}: renders every footnote marker as a link to an existing source entry`, () => {
      const lesson = parseOrThrow(source);
      const numbers = footnoteNumbers(lesson);
      const html = lesson.blocks
        .flatMap((b) => (b.kind === "markdown" ? [renderMarkdown(b.source, numbers)] : []))
        .join("\n");
      expect(html).not.toMatch(/\[\^/);
      const targets = [...html.matchAll(/href="#source-([\w-]+)"/g)].map((m) => m[1]);
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) expect(lesson.sources.map((s) => s.id)).toContain(t);
    });
  }

  it("every widget is used by at least one lesson (no dead widget code)", () => {
    const used = new Set(
      loadAllLessons().flatMap((l) => l.blocks.flatMap((b) => (b.kind === "widget" ? [b.name] : []))),
    );
    expect([...used].sort()).toEqual([...WIDGET_NAMES].sort());
  });
});

describe("lessons index", () => {
  it("loads all eight lessons in syllabus order", () => {
    expect(listLessonMetas().map((m) => m.slug)).toEqual([...LESSON_SLUGS]);
  });

  it("lists all eight in order, each with its lesson link and a practice link", () => {
    const html = renderToStaticMarkup(createElement(LessonList, { lessons: listLessonMetas() }));
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    const expected = LESSON_SLUGS.flatMap((s) => [`/learn/${s}`, `/practice/${s}`]);
    expect(hrefs).toEqual(expected);
    expect(html.match(/Practise this topic/g)?.length).toBe(8);
  });
});

describe("parser rejects broken lessons with a named field", () => {
  it("missing front matter fields", () => {
    const r = parseLesson("---\ntitle: X\nslug: real-time\n---\nbody");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["front-matter.order", "front-matter.summary", "front-matter.minutes"]),
    );
  });

  it("slug not in the syllabus, or not matching the file", () => {
    const bad = parseLesson(TEMPLATE("x").replace("slug: real-time", "slug: paging"));
    expect(!bad.ok && bad.errors[0]!.path).toBe("front-matter.slug");
    const mismatch = parseLesson(TEMPLATE("x"), "context-switch");
    expect(!mismatch.ok && mismatch.errors[0]!.message).toMatch(/does not match/);
  });

  it("unknown and malformed directives", () => {
    const unknown = parseLesson(TEMPLATE('::widget{name="tetris"}'));
    expect(!unknown.ok && unknown.errors[0]!.message).toBe("unknown widget 'tetris'");
    const malformed = parseLesson(TEMPLATE("::widget rr-quantum"));
    expect(!malformed.ok && malformed.errors[0]!.message).toMatch(/malformed directive/);
  });

  it("directive-looking lines inside code fences are left alone", () => {
    const r = parseLesson(TEMPLATE('```\n::widget{name="tetris"}\n```\nText[^a].'));
    expect(r.ok).toBe(true);
  });

  it("splits the body into markdown, diagram, widget, worked-example and check blocks in order", () => {
    const lesson = parseOrThrow(TEMPLATE("Intro[^a]."));
    expect(lesson.blocks.map((b) => b.kind)).toEqual([
      "markdown",
      "diagram",
      "widget",
      "worked-example",
      "check",
      "markdown",
    ]);
    expect(lesson.sources).toEqual([{ id: "a", text: "A source." }]);
  });
});

describe("content lint catches what it promises to", () => {
  const lint = (body: string) => lintLesson(parseOrThrow(TEMPLATE(body))).map((i) => i.message);

  it("accepts a clean lesson", () => {
    expect(lint("A switch costs 4 µs[^a].")).toEqual([]);
  });

  it.each([
    ["A switch costs 4 µs."],
    ["Stacks start at 2 KB and grow."],
    ["The split is 75.3% / 24.7% on a real kernel."],
    ["It uses ~82 MiB of RAM."],
    ["Slices of 1–10 ms are typical."],
    ["| Switch | 3.5–4.5 µs |"],
  ])("flags an uncited figure: %s", (body) => {
    expect(lint(body).some((m) => m.startsWith("figure"))).toBe(true);
  });

  it("requires the citation in the same sentence, not a neighbouring one", () => {
    expect(lint("A switch costs 4 µs. Source follows[^a].").some((m) => m.startsWith("figure"))).toBe(true);
    expect(lint("A switch costs 4 µs (source: our measurements). Fine.").filter((m) => m.startsWith("figure"))).toEqual(
      [],
    );
  });

  it("does not treat versions, counts or code as figures", () => {
    expect(
      lint("Linux 2.6.23 to 6.5 had CFS in 2007; Go 1.19 changed it; 10,000 threads. Code: `x = 5ms`[^a]."),
    ).toEqual([]);
  });

  it("flags unresolved and unused footnotes", () => {
    expect(lint("A claim[^b].")).toEqual(
      expect.arrayContaining(["footnote [^b] has no entry in Sources", "source [^a] is never cited"]),
    );
  });

  it("flags CFS called the default without EEVDF/6.6 in the paragraph", () => {
    expect(lint("CFS is Linux's default scheduler[^a].")).toContain(
      "calls CFS the default without saying EEVDF replaced it in Linux 6.6 (same paragraph)",
    );
    expect(lint("CFS was the default until 6.5; since 6.6 it is EEVDF[^a].")).toEqual([]);
  });

  it("flags a TLB flush claim without PCID", () => {
    expect(lint("A process switch flushes the TLB[^a].").some((m) => m.includes("PCID"))).toBe(true);
    expect(lint("Without PCID a process switch flushes the TLB[^a].")).toEqual([]);
  });

  const versionIssues = (body: string) => lint(body).filter((m) => m.startsWith("version-sensitive"));

  it.each([
    ["The default scheduler is EEVDF[^a]."],
    ["The default stack is 8 MiB per thread (source: glibc manual)."],
    ["Every thread uses a PID, and `pid_max` is 32768[^a]."],
    ["A service is limited by `TasksMax` first[^a]."],
    ["`vm.max_map_count` allows about 32,000 threads[^a]."],
    ["The base slice is 0.70 ms[^a]."],
    ["Blocking inside `synchronized` pins a virtual thread[^a]."],
    ["`process.nextTick` callbacks run before promise callbacks[^a]."],
    ["The fair server reserves 50 ms per second[^a]."],
    ["`PREEMPT_RT` is in mainline[^a]."],
    ["A free-threaded build has no GIL[^a]."],
    ["The knobs are in debugfs[^a]."],
  ])("flags a version-sensitive claim with no version and an unversioned source: %s", (body) => {
    expect(versionIssues(body)).toHaveLength(1);
  });

  it.each([
    ["Since Linux 6.6 the default scheduler is EEVDF[^a]."],
    ["glibc 2.x takes the default stack from `ulimit -s`[^a]."],
    ["systemd 243+ sets `pid_max` to 4194304 at boot[^a]."],
    ["The base slice is 0.70 ms since 6.15[^a]."],
    ["In JDK 21–23 blocking inside `synchronized` pins a virtual thread[^a]."],
    ["In CommonJS, `process.nextTick` callbacks run before promise callbacks[^a]."],
    ["`PREEMPT_RT` was merged in 6.12[^a]."],
  ])("accepts the same claim when the sentence names the release: %s", (body) => {
    expect(versionIssues(body)).toEqual([]);
  });

  it("accepts a version-sensitive sentence whose cited source names the release, and only that source", () => {
    const withVersionedSource = (text: string) =>
      lintLesson(
        parseOrThrow(TEMPLATE("The base slice is 0.70 ms[^a].").replace("[^a]: A source.", `[^a]: ${text}`)),
      ).filter((i) => i.message.startsWith("version-sensitive"));
    expect(withVersionedSource("Linux `kernel/sched/fair.c`, 0.70 ms since 6.15.")).toEqual([]);
    expect(withVersionedSource("Linux `kernel/sched/fair.c`.")).toHaveLength(1);
  });

  it("requires the version in the same sentence, and ignores headings and figures that only look like versions", () => {
    expect(versionIssues("The base slice is 0.70 ms[^a]. Linux 6.15 changed it.")).toHaveLength(1);
    expect(versionIssues("## What is the default scheduler?\n\nText[^a].")).toEqual([]);
    expect(mentionsVersion("a slice of 0.75 ms")).toBe(false);
    expect(mentionsVersion("3.5–4.5 µs per switch")).toBe(false);
    expect(mentionsVersion("since 6.12")).toBe(true);
    expect(mentionsVersion("JDK 24 (JEP 491)")).toBe(true);
  });

  it("finds phrases inside inline code, where option names usually are", () => {
    expect(VERSION_SENSITIVE.some((p) => p.pattern.test("`kernel.pid_max`"))).toBe(true);
    expect(versionIssues("Raise `kernel.pid_max` if needed[^a].")).toHaveLength(1);
  });

  it("requires the checklist, wrong answers and sources sections", () => {
    const lesson = parseOrThrow(
      TEMPLATE("Hi[^a].").replace("## Common wrong answers", "## Misc").replace("- [ ] One point.", "- One point."),
    );
    const messages = lintLesson(lesson).map((i) => i.message);
    expect(messages).toContain("missing section '## Common wrong answers'");
    expect(messages).toContain("the interview checklist must be a task list ('- [ ] …')");
  });
});

describe("lint helpers", () => {
  it("splits sentences without breaking on decimals or e.g.", () => {
    expect(sentences("It is 0.75 ms, e.g. on 6.6. Next one.")).toEqual(["It is 0.75 ms, e.g. on 6.6.", "Next one."]);
  });

  it("treats list items and table rows as separate units and drops code", () => {
    const units = proseUnits("para one\ncontinues\n\n- item a\n- item b\n| r1 |\n```\n5 ms\n```");
    expect(units.map((u) => u.text)).toEqual(["para one continues", "- item a", "- item b", "| r1 |"]);
  });

  it("the figure pattern matches units and not bare numbers", () => {
    expect(FIGURE.test("costs 282 ns")).toBe(true);
    expect(FIGURE.test("45%")).toBe(true);
    expect(FIGURE.test("nice 5 and 1024")).toBe(false);
    expect(FIGURE.test("x86-64 and 4.14")).toBe(false);
  });
});
