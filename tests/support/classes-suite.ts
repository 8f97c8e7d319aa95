// Classes, assignments, regrade, analytics and problem reports against a real database, once per
// provider. The data-access functions are called with real users created in the database: every
// authorization decision below (role, ownership) is made by the DAL itself. Reading the session
// cookie and turning errors into statuses is the thin route layer, covered over real HTTP by the
// authorization matrix in e2e/authz.spec.ts.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbProvider } from "@/lib/db/provider";
import { type Answer, type GradeReport, perturbAnswer, type QuestionTemplate, referenceAnswer } from "@/lib/engine";
import { countersFromAttempts } from "@/lib/analytics/item-stats";
import { groupWrongAnswers } from "@/lib/analytics/wrong-answers";
import { AppError, STATUS_OF } from "@/lib/server/errors";
import { useFreshDatabase } from "./use-database";

const submissionId = () => randomBytes(9).toString("base64url");

interface AttemptRow {
  userId: string;
  templateId: string;
  id: string;
  score: number;
  correct: boolean;
  practice: boolean;
  createdAt: Date;
}

/**
 * QuestionBest as a direct computation from attempts: the oracle the maintained rows must equal.
 * Practice attempts (made after the variant's reference was shown) never count.
 */
function bestFromAttempts(attempts: readonly AttemptRow[]) {
  const groups = new Map<string, AttemptRow[]>();
  for (const a of attempts.filter((x) => !x.practice))
    groups.set(`${a.userId} ${a.templateId}`, [...(groups.get(`${a.userId} ${a.templateId}`) ?? []), a]);
  return [...groups.values()]
    .map((rows) => {
      const byTime = [...rows].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1));
      const correct = byTime.filter((r) => r.correct);
      return {
        userId: rows[0]!.userId,
        templateId: rows[0]!.templateId,
        attempts: rows.length,
        scoreSum: rows.reduce((s, r) => s + r.score, 0),
        bestScore: Math.max(...rows.map((r) => r.score)),
        firstScore: byTime[0]!.score,
        firstAt: byTime[0]!.createdAt,
        lastAttemptAt: byTime.at(-1)!.createdAt,
        correctAt: correct[0]?.createdAt ?? null,
      };
    })
    .sort((x, y) => `${x.userId} ${x.templateId}`.localeCompare(`${y.userId} ${y.templateId}`));
}

/** Rows with float sums rounded, so summation order cannot make equal aggregates differ. */
const comparable = <T extends { scoreSum: number }>(rows: T[]) =>
  rows.map((r) => ({ ...r, scoreSum: Math.round(r.scoreSum * 1e9) / 1e9 }));

/** The HTTP status the route layer would answer for this call (2xx as 200). */
async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (error) {
    if (error instanceof AppError) return STATUS_OF[error.code];
    throw error;
  }
}

export function classesSuite(provider: DbProvider) {
  describe(`classes on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const { parseJsonBody, parseParams } = await import("@/lib/server/http");
    const schemas = await import("@/lib/validation/classes");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    const classes = await import("@/lib/server/dal/classes");
    const analytics = await import("@/lib/server/dal/analytics");
    const regrade = await import("@/lib/server/dal/regrade");
    const jobs = await import("@/lib/server/jobs");
    const runner = await import("@/lib/server/job-runner");
    const reports = await import("@/lib/server/dal/reports");
    const { rebuildQuestionBest } = await import("@/lib/server/dal/question-best");
    await seed(db, { demoAccounts: false });

    const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") =>
      createUser({ email: `${name}-${provider}@example.com`, name, password: `password-${name}`, role });
    const owner = await mk("owner", "INSTRUCTOR");
    const other = await mk("other", "INSTRUCTOR");
    const adminRow = await mk("admin", "INSTRUCTOR");
    // Admins are never self-registered: promote one in the database, then load it back as the DAL would.
    await db.user.update({ where: { id: adminRow.id }, data: { role: "ADMIN" } });
    const admin = await db.user.findUniqueOrThrow({
      where: { id: adminRow.id },
      select: { id: true, email: true, name: true, role: true },
    });
    const alice = await mk("alice", "STUDENT");
    const bob = await mk("bob", "STUDENT");
    const carol = await mk("carol", "STUDENT");
    const schedule = await db.questionTemplate.findFirstOrThrow({
      where: { type: "schedule", status: "PUBLISHED" },
      orderBy: { slug: "asc" },
    });
    const secondQuestion = await db.questionTemplate.findFirstOrThrow({
      where: { status: "PUBLISHED", id: { not: schedule.id } },
      orderBy: { slug: "asc" },
    });
    const draft = await db.questionTemplate.create({
      data: {
        slug: `owners-draft-${provider}`,
        title: "Owner's draft",
        type: "schedule",
        topic: schedule.topic,
        difficulty: 1,
        status: "DRAFT",
        authorId: owner.id,
      },
    });

    /** A JSON body through the routes' own parser and schema, as a request would be. */
    const body = <T>(schema: z.ZodType<T>, value: unknown) =>
      parseJsonBody(new Request("http://test.local/", { method: "POST", body: JSON.stringify(value) }), schema);

    async function answer(student: typeof alice, slug: string, kind: "right" | "wrong", fresh = true) {
      const row = fresh ? await variants.createVariant(student, slug) : await variants.currentVariant(student, slug);
      const loaded = await variants.loadVariant(row);
      const value: Answer = kind === "right" ? referenceAnswer(loaded.built) : perturbAnswer(loaded.built, 5);
      return attempts.submitAttempt(student, row.id, { submissionId: submissionId(), answer: value });
    }

    const storedBests = async () =>
      db.questionBest.findMany({
        select: {
          userId: true,
          templateId: true,
          attempts: true,
          scoreSum: true,
          bestScore: true,
          firstScore: true,
          firstAt: true,
          lastAttemptAt: true,
          correctAt: true,
        },
        orderBy: [{ userId: "asc" }, { templateId: "asc" }],
      });
    const sortedBests = async () =>
      (await storedBests()).sort((x, y) => `${x.userId} ${x.templateId}`.localeCompare(`${y.userId} ${y.templateId}`));
    const recomputedBests = async () =>
      bestFromAttempts(
        await db.attempt.findMany({
          select: {
            id: true,
            userId: true,
            templateId: true,
            score: true,
            correct: true,
            practice: true,
            createdAt: true,
          },
        }),
      );

    // Shared state built up by the tests below, in order.
    let classId = "";
    let joinCode = "";

    it("an instructor creates a class; a student joins with its code, case-insensitively", async () => {
      const created = await classes.createClass(
        owner,
        await body(schemas.createClassSchema, { name: "OS 101, spring" }),
      );
      classId = created.id;
      joinCode = created.joinCode;
      expect(joinCode).toMatch(/^[A-Z2-9]{8}$/);
      expect(created).toMatchObject({ name: "OS 101, spring", students: 0, archived: false });

      const { code } = await body(schemas.joinClassSchema, { code: ` ${joinCode.toLowerCase()} ` });
      expect(await classes.joinClass(alice, code)).toMatchObject({
        id: classId,
        name: "OS 101, spring",
        instructorName: "owner",
      });
      await classes.joinClass(bob, joinCode);
      // Joining again is harmless.
      await classes.joinClass(bob, joinCode);
      expect(await db.classMember.count({ where: { classId } })).toBe(2);

      await expect(classes.joinClass(carol, "ZZZZ2222")).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringMatching(/join code/),
      });
      await expect(classes.joinClass(owner, joinCode)).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(body(schemas.joinClassSchema, { code: "!" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(/^code:/),
      });
      await expect(classes.createClass(carol, { name: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(body(schemas.createClassSchema, { name: "" })).rejects.toMatchObject({
        message: expect.stringMatching(/^name:/),
      });
    });

    it("assigns only published questions, and only members see the assignment", async () => {
      await expect(
        classes.createAssignment(owner, classId, { title: "Week 1", slugs: [schedule.slug, draft.slug] }),
      ).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { slugs: [expect.stringContaining(draft.slug)] },
      });
      await expect(
        body(schemas.createAssignmentSchema, { title: "Week 1", slugs: [schedule.slug], dueAt: "next friday" }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/^dueAt:/) });

      const input = await body(schemas.createAssignmentSchema, {
        title: "Week 1",
        slugs: [schedule.slug, secondQuestion.slug],
        dueAt: "2030-01-01T12:00:00Z",
      });
      const created = await classes.createAssignment(owner, classId, input);
      expect(created.questions.map((q) => q.slug)).toEqual([schedule.slug, secondQuestion.slug]);

      const mine = await classes.listMyAssignments(alice);
      expect(mine.assignments).toHaveLength(1);
      expect(mine.assignments[0]).toMatchObject({
        title: "Week 1",
        className: "OS 101, spring",
        dueAt: "2030-01-01T12:00:00.000Z",
      });
      expect(mine.assignments[0]!.questions[0]).toMatchObject({ slug: schedule.slug, bestScore: null, attempts: 0 });
      expect(await classes.listMyAssignments(carol)).toEqual({ classes: [], assignments: [] });
    });

    it("keeps question statistics and each student's best scores equal to a direct computation as attempts arrive", async () => {
      await answer(alice, schedule.slug, "wrong");
      await answer(alice, schedule.slug, "right", false);
      await answer(alice, schedule.slug, "right", false);
      await answer(bob, schedule.slug, "wrong");
      await answer(bob, schedule.slug, "wrong", false);
      await answer(carol, schedule.slug, "wrong");
      await answer(carol, schedule.slug, "right");
      await answer(alice, secondQuestion.slug, "right");

      const all = await db.attempt.findMany({ where: { templateId: schedule.id } });
      expect(all).toHaveLength(7);
      // Every retry on the same free-practice variant came after its reference was shown: practice.
      expect(
        all
          .filter((r) => r.practice)
          .map((r) => r.attemptNumber)
          .sort(),
      ).toEqual([2, 2, 3]);
      const rows = all.filter((r) => !r.practice);
      const stat = await db.questionStat.findUniqueOrThrow({ where: { templateId: schedule.id } });
      const direct = countersFromAttempts(rows);
      expect(stat).toMatchObject({
        ...direct,
        scoreSum: expect.closeTo(direct.scoreSum, 9),
        firstScoreSum: expect.closeTo(direct.firstScoreSum, 9),
      });
      // Alice's two correct answers were copied from the reference: only carol's fresh variant is solved.
      expect(stat.solvedVariants).toBe(1);

      const groups = await db.wrongAnswerGroup.findMany({ where: { templateId: schedule.id } });
      const expected = groupWrongAnswers(
        rows.map((r) => ({ answer: r.answer as unknown as Answer, report: r.report as unknown as GradeReport })),
      );
      expect(groups.map((g) => [g.key, g.count]).sort()).toEqual(expected.map((g) => [g.key, g.count]).sort());
      expect(groups.reduce((s, g) => s + g.count, 0)).toBe(rows.filter((r) => !r.correct).length);

      // One QuestionBest row per (student, question), equal to recomputing from the attempts.
      const bests = await sortedBests();
      expect(bests).toHaveLength(4);
      expect(comparable(bests)).toEqual(comparable(await recomputedBests()));
      // Alice's copied retries raised nothing: her best is her first (wrong) attempt, never solved.
      const aliceBest = bests.find((b) => b.userId === alice.id && b.templateId === schedule.id)!;
      const aliceFirst = rows.find((r) => r.userId === alice.id)!.score;
      expect(aliceBest).toMatchObject({ attempts: 1, bestScore: aliceFirst, correctAt: null });
      expect(aliceBest.firstScore).toBeLessThan(1);
      expect(bests.find((b) => b.userId === bob.id)!.correctAt).toBeNull();

      // The question's analysis covers the owner's class only: carol (no member) is left out.
      const stats = await analytics.getQuestionAnalytics(owner, schedule.slug);
      expect(stats.scope).toMatchObject({ kind: "class", id: classId });
      expect(stats.stats.attempts).toBe(rows.filter((r) => r.userId !== carol.id).length);
      expect(stats.wrongAnswers.length).toBeGreaterThan(0);
      // Labelled by where it went wrong, or by the misconception it reproduces exactly (issue #21).
      const named = new Set(stats.misconceptions.map((m) => m.name));
      expect(
        named.has(stats.wrongAnswers[0]!.label) || /^(at t=|ran |answered )/.test(stats.wrongAnswers[0]!.label),
      ).toBe(true);

      // Free-practice attempts earn no assignment credit: only the assignment's own variants do.
      const [assignment] = (await classes.listMyAssignments(bob)).assignments;
      expect(assignment!.questions[0]).toEqual({
        slug: schedule.slug,
        title: schedule.title,
        bestScore: null,
        attempts: 0,
      });
      expect(assignment!.grade).toBeNull();

      // Class progress: members only (carol is not in the class), by student and topic.
      const progress = await analytics.getClassProgress(owner, classId);
      expect(progress.students.map((s) => s.name)).toEqual(["alice", "bob"]);
      const a = progress.students[0]!;
      const secondScore = (
        await db.attempt.findFirstOrThrow({ where: { userId: alice.id, templateId: secondQuestion.id } })
      ).score;
      expect(a).toMatchObject({ attempts: 2, tried: 2, solved: 1 });
      expect(a.meanBest).toBeCloseTo((aliceFirst + secondScore) / 2, 12);
      const bobFirst = rows.find((r) => r.userId === bob.id)!.score;
      const b = progress.students[1]!;
      expect(b).toMatchObject({ attempts: 1, tried: 1, solved: 0 });
      expect(b.topics[schedule.topic]).toBeCloseTo(bobFirst, 12);
      expect(progress.questions.map((q) => [q.slug, q.students])).toEqual([
        [schedule.slug, 0],
        [secondQuestion.slug, 0],
      ]);

      const csv = analytics.classProgressCsv(progress).split("\r\n");
      expect(csv[0]).toMatch(/^student,email,attempts,questions tried,questions solved,mean best %,/);
      expect(csv[0]).toContain(`Week 1 grade %`);
      expect(csv[0]).toContain(`Week 1: ${schedule.slug} %`);
      expect(csv[1]).toMatch(new RegExp(`^alice,alice-${provider}@example.com,2,2,1,`));
      expect(csv[2]!.split(",").at(-1)).toBe("");
    });

    it("a regrade dry run changes nothing; applying changes exactly the listed attempts and keeps best scores equal to a recomputation", async () => {
      const old = await db.questionVersion.findUniqueOrThrow({
        where: { templateId_version: { templateId: schedule.id, version: schedule.currentVersion } },
      });
      const spec = old.spec as unknown as QuestionTemplate;
      const changed: QuestionTemplate = {
        ...spec,
        grading: {
          ...spec.grading,
          scheduleScoring: spec.grading.scheduleScoring === "strict-prefix" ? "per-slot" : "strict-prefix",
        },
      };
      const next = await db.questionVersion.create({
        data: { templateId: schedule.id, version: schedule.currentVersion + 1, spec: changed as object },
      });
      await db.questionTemplate.update({ where: { id: schedule.id }, data: { currentVersion: next.version } });
      const before = await db.attempt.findMany({ where: { templateId: schedule.id }, orderBy: { id: "asc" } });
      const bestsBefore = await sortedBests();

      const dry = await regrade.dryRunRegrade(owner, classId, schedule.slug);
      const rows = dry.rows;
      const memberAttempts = before.filter((a) => a.userId === alice.id || a.userId === bob.id);
      expect(rows.map((r) => r.attemptId).sort()).toEqual(memberAttempts.map((a) => a.id).sort());
      expect(rows.some((r) => r.newScore !== r.oldScore)).toBe(true);
      expect(dry.students.map((s) => s.name)).toEqual(["alice", "bob"]);
      expect(await db.attempt.findMany({ where: { templateId: schedule.id }, orderBy: { id: "asc" } })).toEqual(before);
      expect(await sortedBests()).toEqual(bestsBefore);
      expect(await db.regradeJob.count()).toBe(0);

      let job = await regrade.startRegrade(owner, classId, schedule.slug);
      expect(job).toMatchObject({ status: "running", total: rows.length, done: 0 });
      // Nobody polls: reading the progress changes nothing, and the server's job worker applies it.
      expect(await regrade.getRegradeJob(owner, job.id)).toMatchObject({ status: "running", done: 0 });
      expect(await db.job.count({ where: { kind: regrade.REGRADE_JOB, status: "queued" } })).toBe(1);
      // A process that claimed it and died (never ran a step) holds it only until its lease expires.
      expect(await jobs.claimJob({ worker: "crashed" })).not.toBeNull();
      expect(await jobs.drainJobs(runner.JOB_HANDLERS, { worker: "restarted" })).toBe(0);
      const later = new Date(Date.now() + jobs.JOB_LEASE_MS + 1000);
      expect(await jobs.drainJobs(runner.JOB_HANDLERS, { worker: "restarted", now: () => later })).toBe(1);
      expect(await db.job.findFirstOrThrow({ where: { kind: regrade.REGRADE_JOB } })).toMatchObject({
        status: "done",
        attempts: 2,
        leasedBy: null,
      });
      job = await regrade.getRegradeJob(owner, job.id);
      expect(job).toMatchObject({
        status: "done",
        done: rows.length,
        changed: rows.filter((r) => r.newScore !== r.oldScore).length,
      });

      const after = await db.attempt.findMany({ where: { templateId: schedule.id }, orderBy: { id: "asc" } });
      const listed = new Map(rows.map((r) => [r.attemptId, r]));
      for (const [i, a] of after.entries()) {
        const r = listed.get(a.id);
        if (r) {
          expect(a.versionId).toBe(next.id);
          expect(a.score).toBeCloseTo(r.newScore!, 12);
        } else {
          // Carol is not in the class: her attempts are untouched.
          expect(a).toEqual(before[i]);
        }
      }
      const stat = await db.questionStat.findUniqueOrThrow({ where: { templateId: schedule.id } });
      expect(stat.scoreSum).toBeCloseTo(
        after.filter((a) => !a.practice).reduce((s, a) => s + a.score, 0),
        9,
      );

      // The best-score rows follow the new scores: equal to recomputing from the attempts, different
      // from before for someone whose scores moved, untouched for carol, and equal to the SQL rebuild.
      const bestsAfter = await sortedBests();
      expect(comparable(bestsAfter)).toEqual(comparable(await recomputedBests()));
      const moved = bestsAfter.filter(
        (b) =>
          b.templateId === schedule.id &&
          b.scoreSum !== bestsBefore.find((x) => x.userId === b.userId && x.templateId === b.templateId)!.scoreSum,
      );
      expect(moved.map((b) => b.userId).sort()).toEqual(
        [...new Set(rows.filter((r) => r.newScore !== r.oldScore).map((r) => r.studentId))].sort(),
      );
      expect(bestsAfter.filter((b) => b.userId === carol.id)).toEqual(bestsBefore.filter((b) => b.userId === carol.id));
      await rebuildQuestionBest(db, schedule.id);
      expect(await sortedBests()).toEqual(bestsAfter);
      // The regrade keeps practice attempts out of the rebuilt rows.
      const progress = await analytics.getClassProgress(owner, classId);
      const bobBest = Math.max(...after.filter((a) => a.userId === bob.id && !a.practice).map((a) => a.score));
      expect(progress.students.find((s) => s.id === bob.id)!.topics[schedule.topic]).toBe(bobBest);

      // A second dry run finds nothing left on an old version.
      expect((await regrade.dryRunRegrade(owner, classId, schedule.slug)).total).toBe(0);
    });

    it("job queue: concurrent claims give a job to exactly one worker; a throwing step is retried later, then given up", async () => {
      const id = await jobs.enqueueJob(db, "test-queue", { n: 1 });
      const workers = ["a", "b", "c", "d"];
      const claims = await Promise.all(workers.map((worker) => jobs.claimJob({ worker })));
      expect(claims.filter((c) => c !== null).map((c) => c.id)).toEqual([id]);
      const winner = claims.findIndex((c) => c !== null);
      expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({
        leasedBy: workers[winner],
        attempts: 1,
      });
      let calls = 0;
      const failing = {
        "test-queue": async (): Promise<"done"> => {
          calls++;
          throw new Error("step broke");
        },
      };
      await jobs.runJob(claims[winner]!, failing, { worker: workers[winner] });
      // Released with a delay: not due now, so a drain right away runs nothing.
      expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "queued",
        leasedBy: null,
        lastError: "step broke",
        attempts: 1,
      });
      expect(await jobs.drainJobs(failing, { worker: "e" })).toBe(0);
      // Each later drain (the clock moved past the back-off) claims it once more, until MAX_JOB_ATTEMPTS.
      for (let hour = 1; hour < jobs.MAX_JOB_ATTEMPTS; hour++) {
        const later = new Date(Date.now() + hour * 3_600_000);
        expect(await jobs.drainJobs(failing, { worker: "e", now: () => later })).toBe(1);
      }
      expect(calls).toBe(jobs.MAX_JOB_ATTEMPTS);
      expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "failed",
        attempts: jobs.MAX_JOB_ATTEMPTS,
        lastError: "step broke",
      });
      expect(await jobs.drainJobs(failing, { worker: "e", now: () => new Date(Date.now() + 100 * 3_600_000) })).toBe(0);
    });

    it("routes reports to the author, the reporter's instructors and admins only, and lets them resolve", async () => {
      const row = await variants.currentVariant(alice, schedule.slug);
      const input = await body(schemas.reportProblemSchema, {
        variantId: row.id,
        message: "The prompt says 3 ms but the table says 4",
      });
      const created = await reports.reportProblem(alice, input);
      await expect(reports.reportProblem(bob, { variantId: row.id, message: "not mine" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(body(schemas.reportProblemSchema, { variantId: row.id, message: "" })).rejects.toMatchObject({
        message: expect.stringMatching(/^message:/),
      });
      // alice is in owner's class; the built-in question has no author. Another instructor sees nothing.
      expect((await reports.listReportInbox(other)).map((r) => r.id)).not.toContain(created.id);
      await expect(reports.setReportResolved(other, created.id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await reports.listReportInbox(admin)).map((r) => r.id)).toContain(created.id);
      const inbox = await reports.listReportInbox(owner);
      expect(inbox.map((r) => r.id)).toContain(created.id);
      expect(inbox[0]).toMatchObject({ slug: schedule.slug, seed: row.seed });
      await expect(reports.listReportInbox(alice)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await reports.setReportResolved(owner, created.id, true);
      expect((await db.problemReport.findUniqueOrThrow({ where: { id: created.id } })).resolved).toBe(true);
    });

    it("instructors delete assignments, remove students, regenerate the code and archive; students leave", async () => {
      const extra = await classes.createAssignment(owner, classId, { title: "Extra", slugs: [secondQuestion.slug] });
      expect((await classes.listMyAssignments(alice)).assignments.map((a) => a.title)).toContain("Extra");
      await classes.deleteAssignment(owner, classId, extra.id);
      expect((await classes.listMyAssignments(alice)).assignments.map((a) => a.title)).toEqual(["Week 1"]);
      await expect(classes.deleteAssignment(owner, classId, extra.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "no such assignment in this class",
      });

      // Removing bob: he no longer sees the class, it no longer lists him, and his attempts stay.
      const bobAttempts = await db.attempt.count({ where: { userId: bob.id } });
      await classes.removeMember(owner, classId, bob.id);
      expect(await classes.listMyAssignments(bob)).toEqual({ classes: [], assignments: [] });
      expect((await analytics.getClassProgress(owner, classId)).students.map((s) => s.name)).toEqual(["alice"]);
      expect(await db.attempt.count({ where: { userId: bob.id } })).toBe(bobAttempts);
      await expect(classes.removeMember(owner, classId, bob.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "this student is not in the class",
      });

      // A new code: the old one stops working, the new one joins.
      const renewed = await classes.regenerateJoinCode(owner, classId);
      expect(renewed.joinCode).toMatch(/^[A-Z2-9]{8}$/);
      expect(renewed.joinCode).not.toBe(joinCode);
      await expect(classes.joinClass(bob, joinCode)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await classes.joinClass(bob, renewed.joinCode);
      joinCode = renewed.joinCode;

      // A student leaves; leaving twice is a 404 naming the problem.
      await classes.leaveClass(bob, classId);
      expect((await classes.listMyAssignments(bob)).classes).toEqual([]);
      await expect(classes.leaveClass(bob, classId)).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "you are not in this class",
      });

      // Archiving hides the class from students and stops the code; the instructor still sees it.
      await expect(body(schemas.updateClassSchema, { archived: "yes" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(/^archived:/),
      });
      expect(
        await classes.updateClass(owner, classId, await body(schemas.updateClassSchema, { archived: true })),
      ).toMatchObject({ archived: true, students: 1 });
      expect(await classes.listMyAssignments(alice)).toEqual({ classes: [], assignments: [] });
      await expect(classes.joinClass(bob, joinCode)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        classes.createAssignment(owner, classId, { title: "Late", slugs: [schedule.slug] }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await classes.listTaughtClasses(owner)).find((c) => c.id === classId)).toMatchObject({ archived: true });
      expect(await db.attempt.count({ where: { userId: alice.id } })).toBeGreaterThan(0);
      await classes.updateClass(owner, classId, { archived: false });
      expect((await classes.listMyAssignments(alice)).assignments.map((a) => a.title)).toEqual(["Week 1"]);

      await expect(
        parseParams(Promise.resolve({ classId: "../etc" }), schemas.classParamsSchema),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", message: "classId: is not an id" });
    });

    it("access matrix: student 403, other instructor 404, owner and admin allowed", async () => {
      const job = await regrade.startRegrade(owner, classId, schedule.slug);
      // A report on the owner's own (non-built-in) question reaches only the owner and admins.
      const draftVariant = await db.variant.create({
        data: {
          userId: alice.id,
          templateId: draft.id,
          versionId: (await db.questionVersion.findFirstOrThrow({ where: { templateId: schedule.id } })).id,
          seed: 1,
          engineVersion: "0.0.0",
        },
      });
      const report = await db.problemReport.create({
        data: { userId: alice.id, templateId: draft.id, variantId: draftVariant.id, seed: 1, message: "draft issue" },
      });
      // Destructive calls get one target per caller who may succeed, so the order of callers does not matter.
      const assignmentFor = {
        owner: await classes.createAssignment(owner, classId, { title: "For owner", slugs: [schedule.slug] }),
        admin: await classes.createAssignment(owner, classId, { title: "For admin", slugs: [schedule.slug] }),
      };
      const dave = await mk("dave", "STUDENT");
      const erin = await mk("erin", "STUDENT");
      await classes.joinClass(dave, joinCode);
      await classes.joinClass(erin, joinCode);
      const memberFor = { owner: dave, admin: erin };

      type Caller = "owner" | "admin";
      const cases: [string, (who: typeof owner, as: Caller) => Promise<unknown>][] = [
        ["class detail", (who) => classes.getTaughtClass(who, classId)],
        [
          "create assignment",
          (who) => classes.createAssignment(who, classId, { title: "Extra", slugs: [schedule.slug] }),
        ],
        ["delete assignment", (who, as) => classes.deleteAssignment(who, classId, assignmentFor[as].id)],
        ["remove student", (who, as) => classes.removeMember(who, classId, memberFor[as].id)],
        ["new join code", (who) => classes.regenerateJoinCode(who, classId)],
        ["archive", (who) => classes.updateClass(who, classId, { archived: false })],
        ["progress", (who) => analytics.getClassProgress(who, classId)],
        ["regrade dry run", (who) => regrade.dryRunRegrade(who, classId, schedule.slug)],
        ["regrade job", (who) => regrade.getRegradeJob(who, job.id)],
        ["draft analytics", (who) => analytics.getQuestionAnalytics(who, draft.slug)],
        ["resolve report", (who) => reports.setReportResolved(who, report.id, true)],
      ];
      for (const [name, call] of cases) {
        const statuses = [];
        // Refused callers aim at the owner's targets: they must be stopped before anything changes.
        for (const [who, as] of [
          [alice, "owner"],
          [other, "owner"],
          [owner, "owner"],
          [admin, "admin"],
        ] as const)
          statuses.push(await statusOf(() => call(who, as)));
        expect({ name, statuses }).toEqual({ name, statuses: [403, 404, 200, 200] });
      }
      expect(
        await db.assignment.count({ where: { id: { in: [assignmentFor.owner.id, assignmentFor.admin.id] } } }),
      ).toBe(0);
      expect(await db.classMember.count({ where: { classId, userId: { in: [dave.id, erin.id] } } })).toBe(0);
      // Lists are scoped, not refused: the other instructor sees no classes of the owner; admin sees all.
      expect(await classes.listTaughtClasses(other)).toEqual([]);
      expect((await classes.listTaughtClasses(admin)).map((c) => c.id)).toContain(classId);
      expect(await statusOf(() => classes.listTaughtClasses(bob))).toBe(403);
      // Leaving is the member's own act: nobody else's membership can be ended through it.
      expect(await statusOf(() => classes.leaveClass(owner, classId))).toBe(404);
      // The other instructor's inbox does not hold the report on the owner's question.
      expect((await reports.listReportInbox(other)).map((r) => r.id)).not.toContain(report.id);
    });
  });
}
