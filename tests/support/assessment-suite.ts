// Integrity and assessment mode (issues 14.5 and 24.3/24.4) against a real database, once per provider:
// practice attempts after a reveal, assignment credit from the assignment's own attempts only, the
// reveal rules on every path that returns a report, attempt limits, late policies, and class-scoped
// analytics with first-attempt discrimination from a minimum number of students. Expectations are
// computed here from the stored rows, not taken from the code under test.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { type Answer, perturbAnswer, referenceAnswer } from "@/lib/engine";
import { useFreshDatabase } from "./use-database";

const submissionId = () => randomBytes(9).toString("base64url");
const MINUTE = 60_000;

/** Kelley's upper-lower index, written out independently of lib/analytics/discrimination.ts. */
function expectedD(rows: { item: number; total: number }[]): number {
  const n = Math.round(rows.length * 0.27);
  const sorted = [...rows].sort((a, b) => b.total - a.total || a.item - b.item);
  const top = sorted.slice(0, n);
  const bottom = sorted.slice(rows.length - n);
  return top.reduce((s, r) => s + r.item, 0) / n - bottom.reduce((s, r) => s + r.item, 0) / n;
}

export function assessmentSuite(provider: DbProvider) {
  describe(`assessment mode on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    const classes = await import("@/lib/server/dal/classes");
    const analytics = await import("@/lib/server/dal/analytics");
    const assessment = await import("@/lib/server/dal/assessment");
    const history = await import("@/lib/server/dal/history");
    const { rebuildQuestionBest } = await import("@/lib/server/dal/question-best");
    await seed(db, { demoAccounts: false });

    const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") =>
      createUser({ email: `${name}-${provider}@example.com`, name, password: `password-${name}`, role });
    const owner = await mk("owner", "INSTRUCTOR");
    const [alice, bob, carol, dave] = await Promise.all(["alice", "bob", "carol", "dave"].map((n) => mk(n, "STUDENT")));
    const schedule = await db.questionTemplate.findFirstOrThrow({
      where: { type: "schedule", status: "PUBLISHED" },
      orderBy: { slug: "asc" },
    });
    const second = await db.questionTemplate.findFirstOrThrow({
      where: { status: "PUBLISHED", id: { not: schedule.id } },
      orderBy: { slug: "asc" },
    });
    const cls = await classes.createClass(owner, { name: "OS 201" });
    for (const s of [alice, bob, carol, dave]) await classes.joinClass(s, cls.joinCode);

    type Student = typeof alice;
    const built = async (variantId: string) =>
      variants.loadVariant(await db.variant.findUniqueOrThrow({ where: { id: variantId } }));
    const submit = (student: Student, variantId: string, answer: Answer) =>
      attempts.submitAttempt(student, variantId, { submissionId: submissionId(), answer });
    const wrongFor = async (variantId: string) => perturbAnswer((await built(variantId)).built, 5);
    const rightFor = async (variantId: string) => referenceAnswer((await built(variantId)).built);
    const myAssignment = async (student: Student, id: string) =>
      (await classes.listMyAssignments(student)).assignments.find((a) => a.id === id)!;

    it("reveal after the due date: no reference, explanation or feedback detail on any path until then", async () => {
      const due = new Date(Date.now() + 60 * MINUTE);
      const a = await classes.createAssignment(owner, cls.id, {
        title: "Reveal later",
        slugs: [schedule.slug],
        dueAt: due.toISOString(),
        reveal: "after-due",
        latePenalty: 0.5,
      });
      const { variant } = await assessment.assignmentVariant(alice, a.id, schedule.slug);
      expect(variant.id).toBe(
        (await db.variant.findFirstOrThrow({ where: { userId: alice.id, assignmentId: a.id } })).id,
      );
      const reference = await rightFor(variant.id);
      const wrong = await wrongFor(variant.id);

      const r1 = await submit(alice, variant.id, wrong);
      expect(r1.reveal).toEqual({ visible: false, at: due.toISOString() });
      expect(r1.explanation).toBe("");
      expect(r1.attempt.report.reference).toEqual({});
      expect(r1.attempt.report.firstDivergence).toBeUndefined();
      expect(r1.attempt.report.replay).toBeUndefined();
      // The reference's own values appear nowhere in what is sent (checked for parts answered differently).
      const sent = JSON.stringify(r1);
      const differing = Object.keys(reference.parts).filter(
        (p) =>
          JSON.stringify(reference.parts[p]) !== JSON.stringify(wrong.parts[p]) && Array.isArray(reference.parts[p]),
      );
      for (const p of differing) expect(sent).not.toContain(JSON.stringify(reference.parts[p]));
      // The database keeps the whole report: only what is sent is cut.
      const stored = await db.attempt.findUniqueOrThrow({ where: { id: r1.attempt.id } });
      expect((stored.report as { reference: unknown }).reference).toEqual(reference.parts);

      expect((await attempts.listVariantAttempts(alice, variant.id))[0]!.report.reference).toEqual({});
      const detail = await history.getAttemptDetail(alice, r1.attempt.id);
      expect(detail).toMatchObject({ revealed: false, explanation: "", report: { reference: {} } });

      // Nothing was revealed, so a retry on the same variant is a real attempt.
      const r2 = await submit(alice, variant.id, reference);
      expect(r2.attempt).toMatchObject({ attemptNumber: 2, practice: false, score: 1 });
      expect(r2.attempt.report.reference).toEqual({});

      // The due date passes: the references are out, on every path, and the variant is done.
      // (The assignment and alice's two attempts are dated back before it: they were made on time.)
      await db.attempt.updateMany({
        where: { variantId: variant.id },
        data: { createdAt: new Date(Date.now() - 10 * MINUTE) },
      });
      await db.assignment.update({
        where: { id: a.id },
        data: { createdAt: new Date(Date.now() - 20 * MINUTE), dueAt: new Date(Date.now() - 5 * MINUTE) },
      });
      expect((await attempts.listVariantAttempts(alice, variant.id))[0]!.report.reference).toEqual(reference.parts);
      expect(await history.getAttemptDetail(alice, r1.attempt.id)).toMatchObject({
        revealed: true,
        report: { reference: reference.parts },
      });
      await expect(submit(alice, variant.id, reference)).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/new variant/),
      });
      const next = await assessment.assignmentVariant(alice, a.id, schedule.slug);
      expect(next.variant.id).not.toBe(variant.id);

      // Late attempts are accepted at half credit: dave, who starts late, gets 50% for a right answer.
      const { variant: late } = await assessment.assignmentVariant(dave, a.id, schedule.slug);
      const lateResult = await submit(dave, late.id, await rightFor(late.id));
      expect(lateResult.attempt.score).toBe(1);
      expect(lateResult.reveal.visible).toBe(true);
      expect(await myAssignment(dave, a.id)).toMatchObject({
        grade: 0.5,
        questions: [{ bestScore: 0.5, attempts: 1 }],
      });
      expect(await myAssignment(alice, a.id)).toMatchObject({ grade: 1, questions: [{ bestScore: 1, attempts: 2 }] });

      // The class table and its CSV show the same assignment grades.
      const progress = await analytics.getClassProgress(owner, cls.id);
      expect(progress.students.find((s) => s.id === dave.id)!.grades[a.id]).toBe(0.5);
      const csv = analytics.classProgressCsv(progress).split("\r\n");
      const column = csv[0]!.split(",").indexOf("Reveal later grade %");
      expect(column).toBeGreaterThan(0);
      expect(csv.find((line) => line.startsWith("dave,"))!.split(",")[column]).toBe("50");
    });

    it("a copied retry cannot raise a grade, a best score or mastery; a retry after a reveal gets a new variant", async () => {
      const a = await classes.createAssignment(owner, cls.id, {
        title: "Reveal now",
        slugs: [schedule.slug],
        reveal: "after-attempt",
        maxAttempts: 3,
      });
      const { variant: v1 } = await assessment.assignmentVariant(bob, a.id, schedule.slug);
      const r1 = await submit(bob, v1.id, await wrongFor(v1.id));
      expect(r1.reveal.visible).toBe(true);
      expect(r1.attempt.report.reference).toEqual((await rightFor(v1.id)).parts);
      expect(r1.attempt.score).toBeLessThan(1);

      // Copying the reference onto the variant it belongs to is refused: the reference was shown.
      const copied: Answer = { parts: r1.attempt.report.reference };
      await expect(submit(bob, v1.id, copied)).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await db.attempt.count({ where: { variantId: v1.id } })).toBe(1);
      expect(await myAssignment(bob, a.id)).toMatchObject({
        grade: r1.attempt.score,
        questions: [{ bestScore: r1.attempt.score, attempts: 1 }],
      });

      // In free practice the copy is accepted as practice: it scores 100% and changes nothing.
      const free = await variants.createVariant(bob, schedule.slug);
      const f1 = await submit(bob, free.id, await wrongFor(free.id));
      const bestBefore = await db.questionBest.findUniqueOrThrow({
        where: { userId_templateId: { userId: bob.id, templateId: schedule.id } },
      });
      const masteryBefore = await db.mastery.findMany({
        where: { userId: bob.id },
        orderBy: [{ kind: "asc" }, { key: "asc" }],
      });
      const cardBefore = await db.reviewCard.findUnique({
        where: { userId_templateId: { userId: bob.id, templateId: schedule.id } },
      });
      const f2 = await submit(bob, free.id, { parts: f1.attempt.report.reference });
      expect(f2.attempt).toMatchObject({ score: 1, practice: true });
      expect(
        await db.questionBest.findUniqueOrThrow({
          where: { userId_templateId: { userId: bob.id, templateId: schedule.id } },
        }),
      ).toEqual(bestBefore);
      expect(bestBefore).toMatchObject({ bestScore: Math.max(r1.attempt.score, f1.attempt.score), correctAt: null });
      expect(
        await db.mastery.findMany({ where: { userId: bob.id }, orderBy: [{ kind: "asc" }, { key: "asc" }] }),
      ).toEqual(masteryBefore);
      expect(
        await db.reviewCard.findUnique({ where: { userId_templateId: { userId: bob.id, templateId: schedule.id } } }),
      ).toEqual(cardBefore);
      expect((await myAssignment(bob, a.id)).grade).toBe(r1.attempt.score);
      // Class statistics agree: bob has not solved the question.
      expect((await analytics.getClassProgress(owner, cls.id)).students.find((s) => s.id === bob.id)).toMatchObject({
        solved: 0,
      });
      // A rebuild (what a regrade runs) keeps the practice attempt out.
      await rebuildQuestionBest(db, schedule.id, [bob.id]);
      expect(
        await db.questionBest.findUniqueOrThrow({
          where: { userId_templateId: { userId: bob.id, templateId: schedule.id } },
        }),
      ).toEqual(bestBefore);

      // The assignment draws a new variant after the reveal; the limit of 3 attempts holds across variants.
      const { variant: v2 } = await assessment.assignmentVariant(bob, a.id, schedule.slug);
      expect(v2.id).not.toBe(v1.id);
      await submit(bob, v2.id, await wrongFor(v2.id));
      const { variant: v3 } = await assessment.assignmentVariant(bob, a.id, schedule.slug, true);
      await submit(bob, v3.id, await wrongFor(v3.id));
      await expect(assessment.assignmentVariant(bob, a.id, schedule.slug, true)).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/attempts/),
      });
      // Without asking for a new one, the last variant stays for reading.
      expect((await assessment.assignmentVariant(bob, a.id, schedule.slug)).variant.id).toBe(v3.id);
      const scores = (await db.attempt.findMany({ where: { userId: bob.id, variant: { assignmentId: a.id } } })).map(
        (x) => x.score,
      );
      expect(scores).toHaveLength(3);
      expect((await myAssignment(bob, a.id)).grade).toBeCloseTo(Math.max(...scores), 12);
    });

    it("an assignment counts only its own attempts made on or after it was set", async () => {
      // Carol answers the question perfectly in free practice before it is assigned.
      const free = await variants.createVariant(carol, second.slug);
      expect((await submit(carol, free.id, await rightFor(free.id))).attempt.score).toBe(1);
      const a = await classes.createAssignment(owner, cls.id, {
        title: "Set later",
        slugs: [second.slug, schedule.slug],
      });
      expect(await myAssignment(carol, a.id)).toMatchObject({
        grade: null,
        questions: [
          { bestScore: null, attempts: 0 },
          { bestScore: null, attempts: 0 },
        ],
      });

      const { variant } = await assessment.assignmentVariant(carol, a.id, second.slug);
      const r = await submit(carol, variant.id, await wrongFor(variant.id));
      // Two questions, one tried: the grade is the mean with the untried one at 0.
      expect(await myAssignment(carol, a.id)).toMatchObject({
        grade: r.attempt.score / 2,
        questions: [{ bestScore: r.attempt.score, attempts: 1 }, { bestScore: null }],
      });
      // An attempt dated before the assignment was set (as imported data could be) does not count.
      const set = (await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).createdAt;
      await db.attempt.update({ where: { id: r.attempt.id }, data: { createdAt: new Date(set.getTime() - MINUTE) } });
      expect(await myAssignment(carol, a.id)).toMatchObject({
        grade: null,
        questions: [{ bestScore: null, attempts: 0 }, { bestScore: null }],
      });
    });

    it("a closed assignment refuses attempts after its due date; bad settings are refused naming the field", async () => {
      const a = await classes.createAssignment(owner, cls.id, {
        title: "Closed",
        slugs: [schedule.slug],
        dueAt: new Date(Date.now() + MINUTE).toISOString(),
        latePolicy: "close",
      });
      const { variant } = await assessment.assignmentVariant(alice, a.id, schedule.slug);
      await db.assignment.update({ where: { id: a.id }, data: { dueAt: new Date(Date.now() - MINUTE) } });
      await expect(submit(alice, variant.id, await wrongFor(variant.id))).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/closed/),
      });
      await expect(assessment.assignmentVariant(bob, a.id, schedule.slug)).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/closed/),
      });
      // Not a member, or not a question of the assignment: missing.
      const stranger = await mk("stranger", "STUDENT");
      await expect(assessment.assignmentVariant(stranger, a.id, schedule.slug)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(assessment.assignmentVariant(alice, a.id, second.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });

      const { createAssignmentSchema } = await import("@/lib/validation/classes");
      const issue = (v: unknown) => createAssignmentSchema.safeParse(v).error?.issues[0];
      expect(issue({ title: "x", slugs: [schedule.slug], reveal: "after-due" })).toMatchObject({ path: ["dueAt"] });
      expect(issue({ title: "x", slugs: [schedule.slug], maxAttempts: 0 })).toMatchObject({ path: ["maxAttempts"] });
      expect(issue({ title: "x", slugs: [schedule.slug], latePenalty: 2 })).toMatchObject({ path: ["latePenalty"] });
      expect(issue({ title: "x", slugs: [schedule.slug], reveal: "sometimes" })).toMatchObject({ path: ["reveal"] });
    });

    it("a hint penalty lowers the grade of the student who opened hints, capped, in the grade, class table and CSV", async () => {
      const cls2 = await classes.createClass(owner, { name: "Hints cost" });
      const [erin, fred, gina] = await Promise.all(["erin", "fred", "gina"].map((n) => mk(n, "STUDENT")));
      for (const s of [erin, fred, gina]) await classes.joinClass(s, cls2.joinCode);
      const perHint = 0.2;
      const cap = 0.3;
      const a = await classes.createAssignment(owner, cls2.id, {
        title: "Hinted",
        slugs: [schedule.slug],
        hintPenalty: perHint,
        hintPenaltyMax: cap,
      });
      expect(a.rules).toMatchObject({ hintPenalty: perHint, hintPenaltyMax: cap });
      const stored = await db.assignment.findUniqueOrThrow({ where: { id: a.id } });
      expect([stored.hintPenalty, stored.hintPenaltyMax]).toEqual([perHint, cap]);

      // erin opens one hint, gina two (the cap stops the second from costing the full 20%), fred none;
      // all three then answer right.
      const opened = new Map([
        [erin.id, 1],
        [gina.id, 2],
        [fred.id, 0],
      ]);
      for (const s of [erin, fred, gina]) {
        const { variant } = await assessment.assignmentVariant(s, a.id, schedule.slug);
        for (let i = 0; i < opened.get(s.id)!; i++) await variants.revealHint(s, variant.id);
        const r = await submit(s, variant.id, await rightFor(variant.id));
        expect(r.attempt.score).toBe(1);
        expect((await db.attempt.findUniqueOrThrow({ where: { id: r.attempt.id } })).hintsUsed).toBe(opened.get(s.id));
      }
      const expected = (hints: number) => 1 - Math.min(cap, hints * perHint);
      for (const s of [erin, fred, gina]) {
        const mine = await myAssignment(s, a.id);
        expect(mine.grade).toBeCloseTo(expected(opened.get(s.id)!), 12);
      }
      expect((await myAssignment(erin, a.id)).grade!).toBeLessThan((await myAssignment(fred, a.id)).grade!);

      const progress = await analytics.getClassProgress(owner, cls2.id);
      for (const s of [erin, fred, gina])
        expect(progress.students.find((x) => x.id === s.id)!.grades[a.id]).toBeCloseTo(expected(opened.get(s.id)!), 12);
      const csv = analytics.classProgressCsv(progress).split("\r\n");
      const column = csv[0]!.split(",").indexOf("Hinted grade %");
      expect(column).toBeGreaterThan(0);
      expect(Number(csv.find((line) => line.startsWith("erin,"))!.split(",")[column])).toBeCloseTo(
        100 * expected(1),
        6,
      );
      expect(Number(csv.find((line) => line.startsWith("gina,"))!.split(",")[column])).toBeCloseTo(
        100 * expected(2),
        6,
      );

      const { createAssignmentSchema } = await import("@/lib/validation/classes");
      const issue = (v: unknown) => createAssignmentSchema.safeParse(v).error?.issues[0];
      expect(issue({ title: "x", slugs: [schedule.slug], hintPenalty: 1.5 })).toMatchObject({ path: ["hintPenalty"] });
      expect(issue({ title: "x", slugs: [schedule.slug], hintPenaltyMax: -1 })).toMatchObject({
        path: ["hintPenaltyMax"],
      });
    });

    it("question analytics cover one class or assignment, never strangers; discrimination uses first attempts from 30 students up", async () => {
      const lecturer = await mk("lecturer", "INSTRUCTOR");
      const c2 = await classes.createClass(lecturer, { name: "Big class" });
      const a = await classes.createAssignment(lecturer, c2.id, { title: "Quiz", slugs: [schedule.slug, second.slug] });
      const versions = new Map(
        await Promise.all(
          [schedule, second].map(
            async (t) =>
              [
                t.id,
                (await db.questionVersion.findFirstOrThrow({ where: { templateId: t.id, version: t.currentVersion } }))
                  .id,
              ] as const,
          ),
        ),
      );
      const start = Date.now();
      let n = 0;
      // Stored attempts (the grading path is covered above): a variant per attempt, in time order.
      async function store(userId: string, templateId: string, score: number, assignmentId: string | null) {
        n += 1;
        const variant = await db.variant.create({
          data: {
            userId,
            templateId,
            versionId: versions.get(templateId)!,
            seed: n,
            engineVersion: "test",
            assignmentId,
            attemptsUsed: 1,
          },
        });
        await db.attempt.create({
          data: {
            userId,
            variantId: variant.id,
            templateId,
            versionId: variant.versionId,
            seed: n,
            engineVersion: "test",
            attemptNumber: 1,
            submissionId: `s${n}`,
            answer: { parts: { x: n } },
            score,
            correct: score === 1,
            report: { score, correct: score === 1, parts: [], summary: "", reference: {} },
            createdAt: new Date(start + n * 1000),
          },
        });
      }
      const first = (i: number) => [((i * 7) % 11) / 10, ((i * 3) % 7) / 6] as const;
      const rows: { item: number; total: number }[] = [];
      const addStudent = async (i: number) => {
        const s = await db.user.create({
          data: { email: `big${i}-${provider}@example.com`, name: `Big ${i}`, passwordHash: "x" },
        });
        await classes.joinClass({ id: s.id, email: s.email, name: s.name, role: "STUDENT" }, c2.joinCode);
        const [f1, f2] = first(i);
        await store(s.id, schedule.id, f1, a.id);
        await store(s.id, second.id, f2, a.id);
        // Later attempts at 100%: best scores carry no signal, first attempts do.
        await store(s.id, schedule.id, 1, a.id);
        rows.push({ item: f1, total: (f1 + f2) / 2 });
      };
      for (let i = 0; i < 29; i++) await addStudent(i);
      // A stranger's attempts (no member of the class) must not appear anywhere.
      const outsider = await db.user.create({
        data: { email: `outsider-${provider}@example.com`, name: "Outsider", passwordHash: "x" },
      });
      for (let k = 0; k < 5; k++) await store(outsider.id, schedule.id, 0, null);
      await rebuildQuestionBest(db, schedule.id);
      await rebuildQuestionBest(db, second.id);

      const below = await analytics.getQuestionAnalytics(lecturer, schedule.slug, `assignment:${a.id}`);
      expect(below).toMatchObject({ students: 29, discrimination: null, pointBiserial: null, minDiscriminationN: 30 });
      expect((await analytics.getClassProgress(lecturer, c2.id)).questions[0]).toMatchObject({
        students: 29,
        discrimination: null,
      });

      await addStudent(29);
      await rebuildQuestionBest(db, schedule.id);
      await rebuildQuestionBest(db, second.id);
      const d = expectedD(rows);
      expect(Math.abs(d)).toBeGreaterThan(0.05);
      const scoped = await analytics.getQuestionAnalytics(lecturer, schedule.slug, `assignment:${a.id}`);
      expect(scoped.students).toBe(30);
      expect(scoped.discrimination).toBeCloseTo(d, 12);
      expect(scoped.stats.attempts).toBe(60);
      expect(scoped.stats.firstAttemptMean).toBeCloseTo(rows.reduce((s, r) => s + r.item, 0) / 30 / 2 + 0.5, 12);
      const row = (await analytics.getClassProgress(lecturer, c2.id)).questions.find((q) => q.slug === schedule.slug)!;
      expect(row).toMatchObject({ students: 30, meanBest: 1 });
      expect(row.discrimination).toBeCloseTo(d, 12);
      expect(row.firstMean).toBeCloseTo(rows.reduce((s, r) => s + r.item, 0) / 30, 12);

      // The class scope (the lecturer's default) holds the 30 members' 60 attempts, not the outsider's 5.
      const byClass = await analytics.getQuestionAnalytics(lecturer, schedule.slug);
      expect(byClass.scope).toMatchObject({ kind: "class", id: c2.id });
      expect(byClass).toMatchObject({ students: 30, stats: { attempts: 60 } });
      // Every wrong answer here is distinct, so the top ten groups hold one each.
      expect(byClass.wrongAnswers.map((g) => g.count)).toEqual(
        Array(Math.min(10, rows.filter((r) => r.item < 1).length)).fill(1),
      );
      expect(await db.attempt.count({ where: { templateId: schedule.id, userId: outsider.id } })).toBe(5);
      // Another lecturer's class or assignment cannot be picked.
      await expect(analytics.getQuestionAnalytics(owner, schedule.slug, `class:${c2.id}`)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(analytics.getQuestionAnalytics(owner, schedule.slug, `assignment:${a.id}`)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(analytics.getQuestionAnalytics(owner, schedule.slug, "everyone")).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(/^scope:/),
      });
    });
  });
}
