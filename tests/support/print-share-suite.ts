// Printed sheets and shared questions against a real database, once per provider: the sheets' variants and codes,
// who may print, the answer key (computed again here with the engine), a printed code opened by a
// student, and anonymous grading of a shared question (nothing stored, limited per source address).
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { buildVariant, referenceAnswer, type QuestionTemplate } from "@/lib/engine";
import { printRequestSchema } from "@/lib/validation/print";
import { useFreshDatabase } from "./use-database";

export function printShareSuite(provider: DbProvider) {
  describe(`printing and sharing on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const print = await import("@/lib/server/dal/print");
    const shared = await import("@/lib/server/dal/shared");
    const variants = await import("@/lib/server/dal/variants");
    const classes = await import("@/lib/server/dal/classes");
    const authoring = await import("@/lib/server/dal/authoring");
    const { assignmentVariant } = await import("@/lib/server/dal/assessment");
    const { MAX_SHARED_GRADES_PER_SOURCE } = await import("@/lib/server/rate-limit");
    await seed(db, { demoAccounts: false });

    const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") =>
      createUser({ email: `${name}-print@example.com`, name, password: `password-${name}`, role });
    const owner = await mk("owner", "INSTRUCTOR");
    const other = await mk("other", "INSTRUCTOR");
    const student = await mk("student", "STUDENT");
    const timeline = (
      await db.questionTemplate.findFirstOrThrow({
        where: { status: "PUBLISHED", builtIn: true, slug: "sjf-vs-stcf-timeline" },
      })
    ).slug;
    const number = (
      await db.questionTemplate.findFirstOrThrow({
        where: { status: "PUBLISHED", builtIn: true, type: "metrics" },
        orderBy: { slug: "asc" },
      })
    ).slug;
    const request = (fields: Record<string, string>) => printRequestSchema.parse(fields);
    const ORIGIN = "https://timeslice.example";

    async function specOf(versionId: string): Promise<QuestionTemplate> {
      return (await db.questionVersion.findUniqueOrThrow({ where: { id: versionId } }))
        .spec as unknown as QuestionTemplate;
    }

    it("prints copies with their own variants, the same ones again for the same key, and codes that lead to them", async () => {
      const req = request({ slugs: `${timeline}, ${number}`, copies: "2", title: "Midterm", key: "spring" });
      const set = await print.printSet(owner, req, ORIGIN);
      expect(set.title).toBe("Midterm");
      expect(set.copies.map((c) => c.questions.map((q) => q.slug))).toEqual([
        [timeline, number],
        [timeline, number],
      ]);
      // Copies differ (the timeline question has many variants); every code is distinct.
      expect(JSON.stringify(set.copies[0]!.questions[0]!.view)).not.toBe(
        JSON.stringify(set.copies[1]!.questions[0]!.view),
      );
      const codes = set.copies.flatMap((c) => c.questions.map((q) => q.code));
      expect(new Set(codes).size).toBe(4);
      for (const copy of set.copies) {
        for (const q of copy.questions) {
          expect(q.url).toBe(`${ORIGIN}/v/${q.code}`);
          expect(q.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
          // The code resolves to a (version, seed) whose variant, built here by the engine, is the one printed.
          const found = await shared.resolveCode(q.code, ["PRINT"]);
          const built = buildVariant(await specOf(found.versionId), found.seed);
          if (!built.ok) throw new Error("printed seed does not build");
          expect(built.value.view).toEqual(q.view);
        }
      }
      // Deterministic: the same request prints the same sheets; another key other variants.
      const again = await print.printSet(owner, req, ORIGIN);
      expect(again.copies.flatMap((c) => c.questions.map((q) => q.code))).toEqual(codes);
      const otherKey = await print.printSet(owner, request({ slugs: timeline, copies: "2", key: "autumn" }), ORIGIN);
      expect(otherKey.copies.map((c) => c.questions[0]!.code)).not.toEqual([codes[0], codes[2]]);
      // The sheets carry views only.
      expect(JSON.stringify(set)).not.toContain('"expected"');
    });

    it("gives the key of exactly the printed variants, as the engine computes it", async () => {
      const req = request({ slugs: timeline, copies: "3", key: "key-check" });
      const [set, key] = await Promise.all([print.printSet(owner, req, ORIGIN), print.printKey(owner, req)]);
      expect(key.copies.map((c) => c.questions.map((q) => q.code))).toEqual(
        set.copies.map((c) => c.questions.map((q) => q.code)),
      );
      for (const copy of key.copies) {
        const q = copy.questions[0]!;
        const found = await shared.resolveCode(q.code, ["PRINT"]);
        const built = buildVariant(await specOf(found.versionId), found.seed);
        if (!built.ok) throw new Error("printed seed does not build");
        expect(q.expected).toEqual(built.value.key.expected);
        expect(referenceAnswer(built.value).parts).toEqual(q.expected);
      }
    });

    it("lets only instructors print, only what they may see, published, and only their own assignments", async () => {
      const req = request({ slugs: timeline });
      await expect(print.printSet(student, req, ORIGIN)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(print.printKey(student, req)).rejects.toMatchObject({ code: "FORBIDDEN" });
      const builtIn = await db.questionTemplate.findUniqueOrThrow({ where: { slug: timeline } });
      const mine = await authoring.duplicateQuestion(owner, builtIn.id);
      // A duplicate starts as a draft: students could not open its codes.
      await expect(print.printSet(owner, request({ slugs: mine.slug }), ORIGIN)).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      await authoring.setQuestionStatus(owner, mine.id, "PUBLISHED");
      await expect(print.printSet(owner, request({ slugs: mine.slug }), ORIGIN)).resolves.toBeTruthy();
      await expect(print.printSet(other, request({ slugs: mine.slug }), ORIGIN)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(print.printSet(owner, request({ slugs: "no-such-question" }), ORIGIN)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });

      const cls = await classes.createClass(owner, { name: "Printing class" });
      const assignment = await classes.createAssignment(owner, cls.id, {
        title: "Week 3 quiz",
        slugs: [timeline, number],
      });
      const byAssignment = await print.printSet(owner, request({ assignment: assignment.id }), ORIGIN);
      expect(byAssignment.title).toBe("Week 3 quiz");
      expect(byAssignment.copies[0]!.questions.map((q) => q.slug)).toEqual([timeline, number]);
      await expect(print.printSet(other, request({ assignment: assignment.id }), ORIGIN)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(print.printKey(other, request({ assignment: assignment.id }))).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect((await print.printableAssignments(owner)).map((a) => a.id)).toContain(assignment.id);
      expect((await print.printableAssignments(other)).map((a) => a.id)).not.toContain(assignment.id);
    });

    it("opens a printed code as the student's own free-practice variant of that seed, once", async () => {
      const set = await print.printSet(owner, request({ slugs: timeline, key: "open" }), ORIGIN);
      const q = set.copies[0]!.questions[0]!;
      const found = await shared.resolveCode(`${q.code.slice(0, 4).toLowerCase()}-${q.code.slice(4)}`, ["PRINT"]);
      const row = await variants.practiceVariantAt(student, found.versionId, found.seed);
      expect(row).toMatchObject({ userId: student.id, versionId: found.versionId, seed: found.seed });
      expect((await db.variant.findUniqueOrThrow({ where: { id: row.id } })).assignmentId).toBeNull();
      expect((await variants.loadVariant(row)).built.view).toEqual(q.view);
      expect((await variants.practiceVariantAt(student, found.versionId, found.seed)).id).toBe(row.id);
      await expect(shared.resolveCode("ZZZZZZZZ", ["PRINT"])).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(shared.resolveCode("not a code", ["PRINT"])).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("shares a fresh variant publicly: the view only, graded on the server, stored nowhere; printed and graded seeds are not reachable", async () => {
      const { code } = await shared.shareQuestion(student, timeline);
      const loaded = await shared.loadSharedQuestion(code);
      expect(Object.keys(loaded).sort()).toEqual(["code", "slug", "view"]);
      const found = await shared.resolveCode(code, ["SHARE"]);
      const built = buildVariant(await specOf(found.versionId), found.seed);
      if (!built.ok) throw new Error("shared seed does not build");
      expect(loaded.view).toEqual(built.value.view);

      const attemptsBefore = await db.attempt.count();
      const variantsBefore = await db.variant.count();
      const right = await shared.gradeShared(code, referenceAnswer(built.value), "198.51.100.1");
      expect(right.report.correct).toBe(true);
      expect(right.report.score).toBe(1);
      expect(right.explanation.length).toBeGreaterThan(0);
      const wrongAnswer = {
        parts: Object.fromEntries(
          built.value.view.parts.map((p) => [
            p.id,
            p.kind === "timeline" ? Array(p.slots).fill(p.tasks[0]!.id) : referenceAnswer(built.value).parts[p.id]!,
          ]),
        ),
      };
      const wrong = await shared.gradeShared(code, wrongAnswer, "198.51.100.1");
      expect(wrong.report.correct).toBe(false);
      expect(await db.attempt.count()).toBe(attemptsBefore);
      expect(await db.variant.count()).toBe(variantsBefore);

      // A printed code is not a public link, and an assignment's variant never gets a code at all.
      const printed = (await print.printSet(owner, request({ slugs: timeline, key: "not-public" }), ORIGIN)).copies[0]!
        .questions[0]!.code;
      await expect(shared.loadSharedQuestion(printed)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(shared.gradeShared(printed, wrongAnswer, "198.51.100.1")).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const cls = await classes.createClass(owner, { name: "Graded class" });
      await classes.joinClass(student, cls.joinCode);
      const assignment = await classes.createAssignment(owner, cls.id, { title: "Graded", slugs: [timeline] });
      const graded = (await assignmentVariant(student, assignment.id, timeline)).variant;
      expect(await db.sharedVariant.count({ where: { versionId: graded.versionId, seed: graded.seed } })).toBe(0);
      // Drafts cannot be shared.
      const builtIn = await db.questionTemplate.findUniqueOrThrow({ where: { slug: timeline } });
      const draft = await authoring.duplicateQuestion(owner, builtIn.id);
      await expect(shared.shareQuestion(owner, draft.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("limits anonymous grading per source address, counting only answers that reach the grader", async () => {
      const { code } = await shared.shareQuestion(owner, timeline);
      const found = await shared.resolveCode(code, ["SHARE"]);
      const built = buildVariant(await specOf(found.versionId), found.seed);
      if (!built.ok) throw new Error("shared seed does not build");
      const answer = referenceAnswer(built.value);
      const ip = "203.0.113.9";
      // Malformed answers are refused by the checker and cost nothing.
      for (let i = 0; i < 5; i++)
        await expect(shared.gradeShared(code, { parts: {} }, ip)).rejects.toMatchObject({ code: "INVALID_INPUT" });
      for (let i = 0; i < MAX_SHARED_GRADES_PER_SOURCE; i++) await shared.gradeShared(code, answer, ip);
      await expect(shared.gradeShared(code, answer, ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
      // Another address is not affected.
      await expect(shared.gradeShared(code, answer, "203.0.113.10")).resolves.toMatchObject({
        report: { correct: true },
      });
    });
  });
}
