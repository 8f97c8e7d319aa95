// Teach before testing: every concept an exercise needs is defined in a lesson section, and that lesson
// comes no later than the exercise's own lesson in the course order.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { LESSON_SLUGS } from "./registry";
import {
  CONCEPTS,
  conceptsOf,
  findTeachingSection,
  lessonSections,
  PREREQUISITE_EXCEPTIONS,
  TAG_CONCEPTS,
  teachingLessons,
  TOPIC_WORD_TAGS,
  type ConceptId,
} from "./prerequisites";

const lessons = new Map(
  LESSON_SLUGS.map(
    (slug) => [slug, readFileSync(path.join(import.meta.dirname, "content", `${slug}.md`), "utf8")] as const,
  ),
);
const order = new Map<string, number>(
  [...lessons].map(([slug, text]) => [slug, Number(/^order:\s*(\d+)/m.exec(text)?.[1])] as const),
);

describe("the prerequisite map", () => {
  test.each(Object.entries(CONCEPTS))("concept %s is taught by the section it names", (_id, concept) => {
    const found = findTeachingSection(concept, lessons);
    expect("problem" in found ? found.problem : "taught").toBe("taught");
  });

  test("every tag in the bank is either a concept or a descriptive word", () => {
    const unknown = new Set<string>();
    for (const t of BUILT_IN_TEMPLATES)
      for (const tag of t.tags ?? [])
        if (!(tag in TAG_CONCEPTS) && !TOPIC_WORD_TAGS.has(tag)) unknown.add(`${tag} (${t.slug})`);
    expect([...unknown]).toEqual([]);
  });

  test("no tag is both a concept and a descriptive word", () => {
    expect([...TOPIC_WORD_TAGS].filter((tag) => tag in TAG_CONCEPTS)).toEqual([]);
  });

  test("every template needs at least one concept, and each one is taught no later than the template's lesson", () => {
    const gaps: string[] = [];
    for (const t of BUILT_IN_TEMPLATES) {
      const needs = conceptsOf(t);
      if (needs.length === 0) gaps.push(`${t.slug}: needs no concept the map knows`);
      for (const { concept, because } of needs) {
        const c: (typeof CONCEPTS)[ConceptId] = CONCEPTS[concept];
        const places = teachingLessons(c, lessons);
        if (places.length === 0) gaps.push(`${t.slug} needs ${c.label} (${because}), which no lesson teaches`);
        else if (Math.min(...places.map((l) => order.get(l) ?? Infinity)) > (order.get(t.topic) ?? -Infinity))
          gaps.push(
            `${t.slug} (lesson '${t.topic}') needs ${c.label} (${because}), taught only later in '${places.join("', '")}'`,
          );
      }
    }
    expect(gaps).toEqual([]);
  });

  test("the map would catch a missing definition (the waiting-time line removed)", () => {
    const withoutWaiting = new Map(lessons);
    withoutWaiting.set(
      "scheduling-basics",
      lessons.get("scheduling-basics")!.replace(/waiting time\*?\*? = /gi, "wait = "),
    );
    expect(findTeachingSection(CONCEPTS.waiting, withoutWaiting)).toHaveProperty("problem");
    const fifo = BUILT_IN_TEMPLATES.find((t) =>
      conceptsOf(t).some((n) => n.concept === ("waiting" satisfies ConceptId)),
    );
    expect(fifo, "some template asks for waiting time").toBeDefined();
  });

  test("every exception names a template of the bank and concepts that template would otherwise need", () => {
    for (const [slug, { drop }] of Object.entries(PREREQUISITE_EXCEPTIONS)) {
      const t = BUILT_IN_TEMPLATES.find((x) => x.slug === slug);
      expect(t, slug).toBeDefined();
      const full = conceptsOf({ ...t!, slug: `${slug}-without-exception` }).map((n) => n.concept);
      for (const c of drop) expect(full, `${slug} would need ${c}`).toContain(c);
    }
  });

  test("sections are split at level-2 headings only; the text before the first is the intro", () => {
    const s = lessonSections("intro\n## A\nx\n### sub\ny\n## B\nz");
    expect([...s.keys()]).toEqual(["", "A", "B"]);
    expect(s.get("")).toBe("intro");
    expect(s.get("A")).toContain("### sub");
  });
});
