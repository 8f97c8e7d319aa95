// Editing a built-in template adds a version on the next seed and leaves the old one for attempts that
// used it; re-seeding unchanged templates adds nothing.
import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "@/lib/bank";
import { seedBank } from "@/lib/db/seed-bank";
import { useFreshDatabase } from "./support/use-database";

describe("built-in template versions on sqlite", async () => {
  const { db } = await useFreshDatabase("sqlite");
  const current = BUILT_IN_TEMPLATES.find((t) => t.slug === "fifo-convoy-effect")!;
  // The template as it was before the review: no invariant, and the "about 6 ms" sentence.
  const { invariants: _dropped, ...oldGenerator } = current.generator;
  void _dropped;
  const before = {
    ...current,
    generator: oldGenerator,
    explanation: current.explanation.replace("**6.67 ms**", "about 6 ms"),
  };

  it("creates version 1, then adds version 2 when the template changes, and nothing when it does not", async () => {
    expect(await seedBank(db, [before])).toEqual({ created: 1, updated: 0 });
    expect(await seedBank(db, [current])).toEqual({ created: 0, updated: 1 });
    const row = await db.questionTemplate.findUniqueOrThrow({
      where: { slug: current.slug },
      include: { versions: { orderBy: { version: "asc" } } },
    });
    expect(row.currentVersion).toBe(2);
    expect(row.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.stringify(row.versions[0]!.spec)).toContain("about 6 ms");
    expect((row.versions[1]!.spec as { generator: { invariants?: unknown } }).generator.invariants).toEqual([
      { check: "convoy", ratio: 3 },
    ]);
    expect(await seedBank(db, [current])).toEqual({ created: 0, updated: 0 });
  });

  it("a stored version from before graduated hints (hintAfterAttempts 1) is superseded on the next seed", async () => {
    const concept = BUILT_IN_TEMPLATES.find((t) => t.slug === "what-threads-share")!;
    expect(concept.grading.hintAfterAttempts).toBe(0);
    const old = { ...concept, grading: { ...concept.grading, hintAfterAttempts: 1 } };
    expect(await seedBank(db, [old])).toEqual({ created: 1, updated: 0 });
    expect(await seedBank(db, [concept])).toEqual({ created: 0, updated: 1 });
    const row = await db.questionTemplate.findUniqueOrThrow({
      where: { slug: concept.slug },
      include: { versions: { orderBy: { version: "asc" } } },
    });
    expect(row.currentVersion).toBe(2);
    const hintAfter = row.versions.map(
      (v) => (v.spec as { grading: { hintAfterAttempts: number } }).grading.hintAfterAttempts,
    );
    expect(hintAfter).toEqual([1, 0]);
  });
});
