// Lecturer-defined topics (issue #24) through the data-access layer against a real database, once per
// provider: who may create, rename and delete them, that questions follow a rename and survive a delete,
// and who sees them in practice. Every decision is the DAL's own; the routes are covered over HTTP by
// the authorization matrix (e2e/authz.spec.ts) and e2e/topics.spec.ts.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbProvider } from "@/lib/db/provider";
import { EXAMPLE_TEMPLATES, type QuestionTemplate, referenceAnswer } from "@/lib/engine";
import { TOPICS } from "@/lib/topics";
import { useFreshDatabase } from "./use-database";

const example = (type: QuestionTemplate["type"]): QuestionTemplate =>
  structuredClone(EXAMPLE_TEMPLATES.find((t) => t.type === type)!);

export function topicsSuite(provider: DbProvider) {
  describe(`lecturer topics on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const { parseJsonBody } = await import("@/lib/server/http");
    const schemas = await import("@/lib/validation/topics");
    const topics = await import("@/lib/server/dal/topics");
    const authoring = await import("@/lib/server/dal/authoring");
    const exchange = await import("@/lib/server/dal/authoring-exchange");
    const classes = await import("@/lib/server/dal/classes");
    const questions = await import("@/lib/server/dal/questions");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    const progress = await import("@/lib/server/dal/progress");
    const analytics = await import("@/lib/server/dal/analytics");
    let classId = "";
    await seed(db, { demoAccounts: false });

    const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") =>
      createUser({ email: `${name}-${provider}@example.com`, name, password: `password-${name}`, role });
    const ines = await mk("ines", "INSTRUCTOR");
    const otto = await mk("otto", "INSTRUCTOR");
    const ada = { ...(await mk("ada", "INSTRUCTOR")), role: "ADMIN" as const };
    await db.user.update({ where: { id: ada.id }, data: { role: "ADMIN" } });
    const sam = await mk("sam", "STUDENT");
    const stranger = await mk("stranger", "STUDENT");

    /** A JSON body through the routes' own parser and schema, as a request would be. */
    const body = <T>(schema: z.ZodType<T>, value: unknown) =>
      parseJsonBody(new Request("http://test.local/", { method: "POST", body: JSON.stringify(value) }), schema);

    const week5 = await body(schemas.createTopicSchema, {
      slug: "week-5-scheduling",
      name: "Week 5: CPU scheduling",
      description: "The lab's questions",
    });

    it("refuses bad bodies with a 400 naming the field, and the built-in slugs", async () => {
      await expect(body(schemas.createTopicSchema, { slug: "Week 5", name: "x" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { slug: [expect.stringMatching(/kebab-case/)] },
      });
      await expect(body(schemas.createTopicSchema, { slug: "real-time", name: "x" })).rejects.toMatchObject({
        fieldErrors: { slug: [expect.stringMatching(/built-in/)] },
      });
      await expect(body(schemas.createTopicSchema, { slug: "ok-slug", name: "" })).rejects.toMatchObject({
        fieldErrors: { name: [expect.any(String)] },
      });
      await expect(body(schemas.deleteTopicSchema, {})).rejects.toMatchObject({
        fieldErrors: { moveTo: [expect.any(String)] },
      });
    });

    it("lets instructors create topics and refuses students; a slug is unique across lecturers", async () => {
      await expect(topics.createTopic(sam, { slug: "sams", name: "Sam's", description: "" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      const made = await topics.createTopic(ines, week5);
      expect(made).toEqual({ slug: week5.slug, name: week5.name, description: week5.description, builtIn: false });
      await expect(topics.createTopic(otto, { ...week5, name: "Otto's" })).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await topics.listOwnTopics(ines)).map((t) => t.slug)).toEqual([week5.slug]);
      expect(await topics.listOwnTopics(otto)).toEqual([]);
    });

    it("files a question under the author's own topic only, on create and on import", async () => {
      const q = await authoring.createQuestion(ines, { ...example("schedule"), slug: "ines-week5", topic: week5.slug });
      expect(q.topic).toBe(week5.slug);
      await expect(
        authoring.createQuestion(otto, { ...example("schedule"), slug: "otto-steals", topic: week5.slug }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "template.topic": [expect.any(String)] } });
      await expect(
        authoring.createQuestion(ines, { ...example("schedule"), slug: "ines-none", topic: "no-such-topic" }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "template.topic": [expect.any(String)] } });
      await expect(
        exchange.importBank(otto, [{ ...example("concept"), slug: "otto-import", topic: week5.slug }]),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "templates[0].topic": [expect.any(String)] } });
      // An admin may use anyone's topic.
      const byAdmin = await authoring.createQuestion(ada, {
        ...example("concept"),
        slug: "ada-week5",
        topic: week5.slug,
      });
      expect(byAdmin.topic).toBe(week5.slug);
      await authoring.setQuestionStatus(ines, q.id, "PUBLISHED");
    });

    it("shows a lecturer's topic in practice to their students only, with its published questions", async () => {
      const klass = await classes.createClass(ines, { name: "OS 2026" });
      classId = klass.id;
      await classes.joinClass(sam, klass.joinCode);
      const builtIn = TOPICS.map((t) => t.slug);
      expect((await topics.practiceTopics(sam)).map((t) => t.slug)).toEqual([...builtIn, week5.slug]);
      expect((await topics.practiceTopics(stranger)).map((t) => t.slug)).toEqual(builtIn);
      expect((await topics.practiceTopics(otto)).map((t) => t.slug)).toEqual(builtIn);
      expect(await topics.practiceTopic(stranger, week5.slug)).toBeNull();
      expect((await topics.practiceTopic(sam, week5.slug))?.name).toBe(week5.name);
      // Published only: the admin's draft in the same topic is not listed.
      expect((await questions.listPracticeQuestions(sam, week5.slug)).map((q) => q.slug)).toEqual(["ines-week5"]);
      expect((await questions.countPublishedByTopic())[week5.slug]).toBe(1);
    });

    it("shows progress in a lecturer's topic once the student has practised it", async () => {
      expect((await progress.getDashboard(sam)).topics.map((t) => t.slug)).not.toContain(week5.slug);
      const row = await variants.createVariant(sam, "ines-week5");
      const loaded = await variants.loadVariant(row);
      await attempts.submitAttempt(sam, row.id, {
        submissionId: `topics-${provider}-1`,
        answer: referenceAnswer(loaded.built),
      });
      const dash = await progress.getDashboard(sam);
      expect(dash.topics.map((t) => t.slug)).toEqual([...TOPICS.map((t) => t.slug), week5.slug]);
      expect(dash.topics.at(-1)).toMatchObject({ title: week5.name, attempts: 1 });
      expect(dash.topics.at(-1)!.percent).toBeGreaterThan(0);
      // The lecturer's class table has a column for it, with the student's best score there.
      const table = await analytics.getClassProgress(ines, classId);
      expect(table.topics.at(-1)).toEqual({ slug: week5.slug, short: week5.name });
      expect(table.topics.slice(0, TOPICS.length).map((t) => t.slug)).toEqual(TOPICS.map((t) => t.slug));
      expect(table.students.find((x) => x.id === sam.id)!.topics[week5.slug]).toBe(1);
    });

    it("counts a practised lecturer topic in interview readiness, after the eight", async () => {
      const readiness = await import("@/lib/server/dal/readiness");
      const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const view = await readiness.setInterviewDate(sam, { interviewDate: inTwoWeeks });
      const slugs = view.readiness!.topics.map((t) => t.slug);
      expect(slugs).toEqual([...TOPICS.map((t) => t.slug), week5.slug]);
      expect(view.readiness!.topics.at(-1)).toMatchObject({ label: week5.name });
      // A student who never practised it does not see it.
      const other = await readiness.setInterviewDate(stranger, { interviewDate: inTwoWeeks });
      expect(other.readiness!.topics.map((t) => t.slug)).not.toContain(week5.slug);
    });

    it("keeps a lecturer topic's published questions out of the mock interview", async () => {
      const mock = await import("@/lib/server/dal/mock");
      const published = await db.questionTemplate.findUnique({ where: { slug: "ines-week5" } });
      expect(published).toMatchObject({ status: "PUBLISHED", topic: week5.slug });
      const pool = await mock.mockCandidates();
      expect(pool.length).toBeGreaterThan(0);
      expect(pool.map((c) => c.slug)).not.toContain("ines-week5");
    });

    it("renames for the owner and admins only; questions keep the topic", async () => {
      await expect(topics.updateTopic(otto, week5.slug, { name: "Hijacked" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(topics.updateTopic(sam, week5.slug, { name: "Hijacked" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(topics.updateTopic(ines, "real-time", { name: "Mine now" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect((await topics.updateTopic(ines, week5.slug, { name: "Week 5 (revised)" })).name).toBe("Week 5 (revised)");
      expect((await topics.updateTopic(ada, week5.slug, { description: "By the admin" })).description).toBe(
        "By the admin",
      );
      const [own] = await topics.listOwnTopics(ines);
      expect(own).toMatchObject({ name: "Week 5 (revised)", description: "By the admin", questions: 2 });
    });

    it("deletes only after moving every question of the topic, losing none", async () => {
      const before = await db.questionTemplate.findMany({ where: { topic: week5.slug }, select: { id: true } });
      expect(before).toHaveLength(2);
      const total = await db.questionTemplate.count();
      await expect(topics.deleteTopic(otto, week5.slug, { moveTo: "scheduling-basics" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(topics.deleteTopic(ines, week5.slug, { moveTo: week5.slug })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      await topics.createTopic(otto, { slug: "ottos-topic", name: "Otto's", description: "" });
      await expect(topics.deleteTopic(ines, week5.slug, { moveTo: "ottos-topic" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { moveTo: [expect.any(String)] },
      });
      // Refused deletes changed nothing.
      expect(await db.topic.count({ where: { slug: week5.slug } })).toBe(1);
      expect(await topics.deleteTopic(ines, week5.slug, { moveTo: "scheduling-basics" })).toEqual({ moved: 2 });
      expect(await db.topic.count({ where: { slug: week5.slug } })).toBe(0);
      expect(await db.questionTemplate.count()).toBe(total);
      const after = await db.questionTemplate.findMany({
        where: { id: { in: before.map((b) => b.id) } },
        select: { topic: true },
      });
      expect(after.map((a) => a.topic)).toEqual(["scheduling-basics", "scheduling-basics"]);
      // No version is lost, and each stored spec now names the topic its question is in.
      const versions = await db.questionVersion.findMany({
        where: { templateId: { in: before.map((b) => b.id) } },
        select: { spec: true },
      });
      expect(versions).toHaveLength(2);
      for (const v of versions) expect((v.spec as { topic: string }).topic).toBe("scheduling-basics");
      expect(await topics.practiceTopic(sam, week5.slug)).toBeNull();
    });
  });
}
