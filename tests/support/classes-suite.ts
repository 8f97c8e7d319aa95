// Classes, assignments, regrade, analytics and problem reports against a real database, once per
// provider. Route handlers are called directly with a stubbed session, so the access-control matrix
// exercises the same code path as HTTP requests (route → requireRole → DAL).
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { type Answer, type GradeReport, perturbAnswer, type QuestionTemplate, referenceAnswer } from "@/lib/engine";
import { countersFromAttempts } from "@/lib/analytics/item-stats";
import { groupWrongAnswers } from "@/lib/analytics/wrong-answers";
import { useFreshDatabase } from "./use-database";

const submissionId = () => randomBytes(9).toString("base64url");

// `never` accepts every route handler whatever its params type; calls pass the params they need.
type Handler = (request: Request, context: never) => Promise<Response>;

export function classesSuite(provider: DbProvider) {
  describe(`classes on ${provider}`, async () => {
    const session: { userId: string | null } = { userId: null };
    vi.doMock("@/lib/server/auth", () => ({ getSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));

    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    const regrade = await import("@/lib/server/dal/regrade");
    const classesRoute = await import("@/app/api/teach/classes/route");
    const classRoute = await import("@/app/api/teach/classes/[classId]/route");
    const assignmentsRoute = await import("@/app/api/teach/classes/[classId]/assignments/route");
    const progressRoute = await import("@/app/api/teach/classes/[classId]/progress/route");
    const regradeRoute = await import("@/app/api/teach/regrade/route");
    const jobRoute = await import("@/app/api/teach/regrade/[jobId]/route");
    const analyticsRoute = await import("@/app/api/teach/analytics/[slug]/route");
    const myClassesRoute = await import("@/app/api/classes/route");
    const joinRoute = await import("@/app/api/classes/join/route");
    const reportsRoute = await import("@/app/api/reports/route");
    const reportRoute = await import("@/app/api/reports/[reportId]/route");
    await seed(db, { demoAccounts: false });

    const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") => createUser({ email: `${name}-${provider}@example.com`, name, password: `password-${name}`, role });
    const owner = await mk("owner", "INSTRUCTOR");
    const other = await mk("other", "INSTRUCTOR");
    const admin = await mk("admin", "INSTRUCTOR");
    await db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    const adminDto = { ...admin, role: "ADMIN" as const };
    const alice = await mk("alice", "STUDENT");
    const bob = await mk("bob", "STUDENT");
    const carol = await mk("carol", "STUDENT");
    const schedule = await db.questionTemplate.findFirstOrThrow({ where: { type: "schedule", status: "PUBLISHED" }, orderBy: { slug: "asc" } });
    const secondQuestion = await db.questionTemplate.findFirstOrThrow({ where: { status: "PUBLISHED", id: { not: schedule.id } }, orderBy: { slug: "asc" } });
    const draft = await db.questionTemplate.create({
      data: { slug: `owners-draft-${provider}`, title: "Owner's draft", type: "schedule", topic: schedule.topic, difficulty: 1, status: "DRAFT", authorId: owner.id },
    });

    async function call(as: { id: string } | null, handler: Handler, url: string, init: RequestInit = {}, params: Record<string, string> = {}) {
      session.userId = as?.id ?? null;
      const request = new Request(`http://test.local${url}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });
      const response = await handler(request, { params: Promise.resolve(params) } as never);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // CSV and other non-JSON bodies stay text.
      }
      // Bodies are what the assertions check, so they are read loosely rather than trusted as DTOs.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return { status: response.status, body: body as Record<string, any>, text };
    }
    const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

    async function answer(student: typeof alice, slug: string, kind: "right" | "wrong", fresh = true) {
      const row = fresh ? await variants.createVariant(student, slug) : await variants.currentVariant(student, slug);
      const loaded = await variants.loadVariant(row);
      const value: Answer = kind === "right" ? referenceAnswer(loaded.built) : perturbAnswer(loaded.built, 5);
      return attempts.submitAttempt(student, row.id, { submissionId: submissionId(), answer: value });
    }

    // Shared state built up by the tests below, in order.
    let classId = "";
    let joinCode = "";

    it("an instructor creates a class; a student joins with its code, case-insensitively", async () => {
      const created = await call(owner, classesRoute.POST, "/api/teach/classes", post({ name: "OS 101, spring" }));
      expect(created.status).toBe(201);
      classId = created.body.class.id;
      joinCode = created.body.class.joinCode;
      expect(joinCode).toMatch(/^[A-Z2-9]{8}$/);

      const joined = await call(alice, joinRoute.POST, "/api/classes/join", post({ code: ` ${joinCode.toLowerCase()} ` }));
      expect(joined.status).toBe(200);
      expect(joined.body.class).toMatchObject({ id: classId, name: "OS 101, spring", instructorName: "owner" });
      expect((await call(bob, joinRoute.POST, "/api/classes/join", post({ code: joinCode }))).status).toBe(200);
      // Joining again is harmless.
      expect((await call(bob, joinRoute.POST, "/api/classes/join", post({ code: joinCode }))).status).toBe(200);
      expect(await db.classMember.count({ where: { classId } })).toBe(2);

      const wrong = await call(carol, joinRoute.POST, "/api/classes/join", post({ code: "ZZZZ2222" }));
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.message).toMatch(/join code/);
      const bad = await call(carol, joinRoute.POST, "/api/classes/join", post({ code: "!" }));
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^code:/);
      expect((await call(carol, classesRoute.POST, "/api/teach/classes", post({ name: "mine" }))).status).toBe(403);
      expect((await call(owner, classesRoute.POST, "/api/teach/classes", post({ name: "" }))).body.error.message).toMatch(/^name:/);
    });

    it("assigns only published questions, and only members see the assignment", async () => {
      const refused = await call(owner, assignmentsRoute.POST, "", post({ title: "Week 1", slugs: [schedule.slug, draft.slug] }), { classId });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields.slugs[0]).toContain(draft.slug);
      const badDate = await call(owner, assignmentsRoute.POST, "", post({ title: "Week 1", slugs: [schedule.slug], dueAt: "next friday" }), { classId });
      expect(badDate.status).toBe(400);
      expect(badDate.body.error.message).toMatch(/^dueAt:/);

      const ok = await call(owner, assignmentsRoute.POST, "", post({ title: "Week 1", slugs: [schedule.slug, secondQuestion.slug], dueAt: "2030-01-01T12:00:00Z" }), { classId });
      expect(ok.status).toBe(201);
      expect(ok.body.assignment.questions.map((q: { slug: string }) => q.slug)).toEqual([schedule.slug, secondQuestion.slug]);

      const mine = await call(alice, myClassesRoute.GET, "/api/classes");
      expect(mine.status).toBe(200);
      expect(mine.body.assignments).toHaveLength(1);
      expect(mine.body.assignments[0]).toMatchObject({ title: "Week 1", className: "OS 101, spring", dueAt: "2030-01-01T12:00:00.000Z" });
      expect(mine.body.assignments[0].questions[0]).toMatchObject({ slug: schedule.slug, bestScore: null, attempts: 0 });
      const notMember = await call(carol, myClassesRoute.GET, "/api/classes");
      expect(notMember.body).toEqual({ classes: [], assignments: [] });
      expect((await call(null, myClassesRoute.GET, "/api/classes")).status).toBe(401);
    });

    it("keeps question statistics equal to a direct computation as attempts arrive", async () => {
      await answer(alice, schedule.slug, "wrong");
      await answer(alice, schedule.slug, "right", false);
      await answer(alice, schedule.slug, "right", false);
      await answer(bob, schedule.slug, "wrong");
      await answer(bob, schedule.slug, "wrong", false);
      await answer(carol, schedule.slug, "wrong");
      await answer(carol, schedule.slug, "right");
      await answer(alice, secondQuestion.slug, "right");

      const rows = await db.attempt.findMany({ where: { templateId: schedule.id } });
      expect(rows).toHaveLength(7);
      const stat = await db.questionStat.findUniqueOrThrow({ where: { templateId: schedule.id } });
      const direct = countersFromAttempts(rows);
      expect(stat).toMatchObject({ ...direct, scoreSum: expect.closeTo(direct.scoreSum, 9), firstScoreSum: expect.closeTo(direct.firstScoreSum, 9) });
      expect(stat.solvedVariants).toBe(2);

      const groups = await db.wrongAnswerGroup.findMany({ where: { templateId: schedule.id } });
      const expected = groupWrongAnswers(rows.map((r) => ({ answer: r.answer as unknown as Answer, report: r.report as unknown as GradeReport })));
      expect(groups.map((g) => [g.key, g.count]).sort()).toEqual(expected.map((g) => [g.key, g.count]).sort());
      expect(groups.reduce((s, g) => s + g.count, 0)).toBe(rows.filter((r) => !r.correct).length);

      const analytics = await call(owner, analyticsRoute.GET, "", {}, { slug: schedule.slug });
      expect(analytics.status).toBe(200);
      expect(analytics.body.analytics.stats.attempts).toBe(7);
      expect(analytics.body.analytics.wrongAnswers.length).toBeGreaterThan(0);
      expect(analytics.body.analytics.wrongAnswers[0].label).toMatch(/^(at t=|ran |answered )/);

      const progress = await call(owner, progressRoute.GET, `/api/teach/classes/${classId}/progress`, {}, { classId });
      expect(progress.body.progress.students.map((s: { name: string }) => s.name)).toEqual(["alice", "bob"]);
      const csv = await call(owner, progressRoute.GET, `/api/teach/classes/${classId}/progress?format=csv`, {}, { classId });
      expect(csv.text.split("\r\n")[0]).toMatch(/^student,email,attempts,mean score %/);
      expect(csv.text).toContain(`alice,alice-${provider}@example.com,`);
    });

    it("a regrade dry run changes nothing; applying changes exactly the listed attempts", async () => {
      const old = await db.questionVersion.findUniqueOrThrow({ where: { templateId_version: { templateId: schedule.id, version: schedule.currentVersion } } });
      const spec = old.spec as unknown as QuestionTemplate;
      const changed: QuestionTemplate = { ...spec, grading: { ...spec.grading, scheduleScoring: spec.grading.scheduleScoring === "strict-prefix" ? "per-slot" : "strict-prefix" } };
      const next = await db.questionVersion.create({ data: { templateId: schedule.id, version: schedule.currentVersion + 1, spec: changed as object } });
      await db.questionTemplate.update({ where: { id: schedule.id }, data: { currentVersion: next.version } });
      const before = await db.attempt.findMany({ where: { templateId: schedule.id }, orderBy: { id: "asc" } });

      const dry = await call(owner, regradeRoute.POST, "", post({ classId, slug: schedule.slug, dryRun: true }));
      expect(dry.status).toBe(200);
      const rows = dry.body.dryRun.rows as { attemptId: string; oldScore: number; newScore: number }[];
      const memberAttempts = before.filter((a) => a.userId === alice.id || a.userId === bob.id);
      expect(rows.map((r) => r.attemptId).sort()).toEqual(memberAttempts.map((a) => a.id).sort());
      expect(rows.some((r) => r.newScore !== r.oldScore)).toBe(true);
      expect(dry.body.dryRun.students.map((s: { name: string }) => s.name)).toEqual(["alice", "bob"]);
      expect(await db.attempt.findMany({ where: { templateId: schedule.id }, orderBy: { id: "asc" } })).toEqual(before);
      expect(await db.regradeJob.count()).toBe(0);

      const started = await call(owner, regradeRoute.POST, "", post({ classId, slug: schedule.slug, dryRun: false }));
      expect(started.status).toBe(202);
      let job = started.body.job;
      expect(job).toMatchObject({ status: "running", total: rows.length, done: 0 });
      for (let i = 0; i < 5 && job.status === "running"; i++) job = (await call(owner, jobRoute.GET, "", {}, { jobId: job.id })).body.job;
      expect(job).toMatchObject({ status: "done", done: rows.length, changed: rows.filter((r) => r.newScore !== r.oldScore).length });

      const after = await db.attempt.findMany({ where: { templateId: schedule.id }, orderBy: { id: "asc" } });
      const listed = new Map(rows.map((r) => [r.attemptId, r]));
      for (const [i, a] of after.entries()) {
        const r = listed.get(a.id);
        if (r) {
          expect(a.versionId).toBe(next.id);
          expect(a.score).toBeCloseTo(r.newScore, 12);
        } else {
          // Carol is not in the class: her attempts are untouched.
          expect(a).toEqual(before[i]);
        }
      }
      const stat = await db.questionStat.findUniqueOrThrow({ where: { templateId: schedule.id } });
      expect(stat.scoreSum).toBeCloseTo(after.reduce((s, a) => s + a.score, 0), 9);
      // A second dry run finds nothing left on an old version.
      expect((await call(owner, regradeRoute.POST, "", post({ classId, slug: schedule.slug, dryRun: true }))).body.dryRun.total).toBe(0);
    });

    it("routes reports to the author (or everyone for built-ins) and lets them resolve", async () => {
      const row = await variants.currentVariant(alice, schedule.slug);
      const created = await call(alice, reportsRoute.POST, "/api/reports", post({ variantId: row.id, message: "The prompt says 3 ms but the table says 4" }));
      expect(created.status).toBe(201);
      expect((await call(bob, reportsRoute.POST, "/api/reports", post({ variantId: row.id, message: "not mine" }))).status).toBe(404);
      expect((await call(alice, reportsRoute.POST, "/api/reports", post({ variantId: row.id, message: "" }))).body.error.message).toMatch(/^message:/);
      const inbox = await call(other, reportsRoute.GET, "/api/reports");
      expect(inbox.body.reports.map((r: { id: string }) => r.id)).toContain(created.body.report.id);
      expect(inbox.body.reports[0]).toMatchObject({ slug: schedule.slug, seed: row.seed });
      expect((await call(alice, reportsRoute.GET, "/api/reports")).status).toBe(403);
      const resolved = await call(other, reportRoute.PATCH, "", { method: "PATCH", body: JSON.stringify({ resolved: true }) }, { reportId: created.body.report.id });
      expect(resolved.status).toBe(200);
      expect((await db.problemReport.findUniqueOrThrow({ where: { id: created.body.report.id } })).resolved).toBe(true);
    });

    it("access matrix: anonymous 401, student 403, other instructor 404, owner 200, admin 200", async () => {
      const job = await regrade.startRegrade(owner, classId, schedule.slug);
      // A report on the owner's own (non-built-in) question reaches only the owner and admins.
      const draftVariant = await db.variant.create({ data: { userId: alice.id, templateId: draft.id, versionId: (await db.questionVersion.findFirstOrThrow({ where: { templateId: schedule.id } })).id, seed: 1, engineVersion: "0.0.0" } });
      const report = await db.problemReport.create({ data: { userId: alice.id, templateId: draft.id, variantId: draftVariant.id, seed: 1, message: "draft issue" } });
      const cases: [string, Handler, string, RequestInit, Record<string, string>][] = [
        ["class detail", classRoute.GET, "", {}, { classId }],
        ["create assignment", assignmentsRoute.POST, "", post({ title: "Extra", slugs: [schedule.slug] }), { classId }],
        ["progress", progressRoute.GET, "/x", {}, { classId }],
        ["regrade dry run", regradeRoute.POST, "", post({ classId, slug: schedule.slug, dryRun: true }), {}],
        ["regrade job", jobRoute.GET, "", {}, { jobId: job.id }],
        ["draft analytics", analyticsRoute.GET, "", {}, { slug: draft.slug }],
        ["resolve report", reportRoute.PATCH, "", { method: "PATCH", body: JSON.stringify({ resolved: true }) }, { reportId: report.id }],
      ];
      for (const [name, handler, url, init, params] of cases) {
        const statuses = [];
        for (const who of [null, alice, other, owner, adminDto]) statuses.push((await call(who, handler, url || "/", init, params)).status);
        expect({ name, statuses }).toEqual({ name, statuses: [401, 403, 404, expect.any(Number), expect.any(Number)] });
        expect(statuses.slice(3).every((s) => s >= 200 && s < 300), `${name}: ${statuses.join(",")}`).toBe(true);
      }
      // Lists are scoped, not refused: the other instructor sees no classes of the owner; admin sees all.
      expect((await call(other, classesRoute.GET, "/")).body.classes).toEqual([]);
      expect((await call(adminDto, classesRoute.GET, "/")).body.classes.map((c: { id: string }) => c.id)).toContain(classId);
      expect((await call(null, classesRoute.GET, "/")).status).toBe(401);
      expect((await call(bob, classesRoute.GET, "/")).status).toBe(403);
      // The other instructor's inbox does not hold the report on the owner's question.
      expect((await call(other, reportsRoute.GET, "/api/reports")).body.reports.map((r: { id: string }) => r.id)).not.toContain(report.id);
    });
  });
}
