// Progress (mastery, review cards, streak days, mock interviews, history) against a real database,
// once per provider.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { type Answer, perturbAnswer, referenceAnswer, type Variant } from "@/lib/engine";
import { mockPromptById } from "@/lib/progress/mock-prompts";
import { useFreshDatabase } from "./use-database";

const submissionId = () => randomBytes(9).toString("base64url");

/** An answer far from the reference in every part, so it scores well under 0.5. */
function wrongAnswer(variant: Variant): Answer {
  const ref = referenceAnswer(variant);
  const parts: Answer["parts"] = {};
  for (const part of variant.view.parts) {
    const value = ref.parts[part.id];
    if (part.kind === "number") parts[part.id] = typeof value === "number" ? value * 5 + 1000 : 1000;
    else if (part.kind === "choice") {
      const right = new Set(Array.isArray(value) ? value : []);
      const wrong = part.options.map((o) => o.id).filter((id) => !right.has(id));
      parts[part.id] = part.multiple ? wrong : wrong.slice(0, 1);
    } else if (part.kind === "order") parts[part.id] = Array.isArray(value) ? [...value].reverse() : [];
    else if (part.kind === "tree") parts[part.id] = [`-1:${part.rootLabel?.id ?? part.labels[0]!.id}`];
    else
      parts[part.id] = (Array.isArray(value) ? value : []).map(
        (slot) => part.tasks.find((t) => t.id !== slot)?.id ?? null,
      );
  }
  return { parts };
}

export function progressSuite(provider: DbProvider) {
  describe(`progress on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    const progress = await import("@/lib/server/dal/progress");
    const review = await import("@/lib/server/dal/review");
    const mock = await import("@/lib/server/dal/mock");
    const history = await import("@/lib/server/dal/history");
    await seed(db, { demoAccounts: false });

    const newStudent = (name: string) =>
      createUser({
        email: `${name}-${provider}-${randomBytes(3).toString("hex")}@example.com`,
        name,
        password: `password-${name}`,
        role: "STUDENT",
      });
    const schedule = await db.questionTemplate.findFirstOrThrow({ where: { type: "schedule", status: "PUBLISHED" } });
    const tags = JSON.parse(schedule.tags) as string[];

    async function answer(user: Awaited<ReturnType<typeof newStudent>>, slug: string, right: boolean) {
      const loaded = await variants.loadVariant(await variants.createVariant(user, slug));
      const built = loaded.built;
      const result = await attempts.submitAttempt(user, loaded.row.id, {
        submissionId: submissionId(),
        answer: right ? referenceAnswer(built) : wrongAnswer(built),
      });
      return { loaded, result };
    }

    it("an attempt updates topic and tag mastery, the card and the streak day", async () => {
      const alice = await newStudent("alice");
      const first = await answer(alice, schedule.slug, true);
      const second = await answer(alice, schedule.slug, false);
      const s1 = first.result.attempt.score;
      const s2 = second.result.attempt.score;
      expect(s1).toBe(1);
      expect(s2).toBeLessThan(1);
      const topic = await db.mastery.findUniqueOrThrow({
        where: { userId_kind_key: { userId: alice.id, kind: "topic", key: schedule.topic } },
      });
      expect(topic.attempts).toBe(2);
      expect(topic.scoreSum).toBeCloseTo(s1 + s2);
      // EMA by hand: seeded by the first score, then 0.3·s2 + 0.7·s1.
      expect(topic.ema).toBeCloseTo(0.3 * s2 + 0.7 * s1);
      for (const tag of tags) {
        const row = await db.mastery.findUniqueOrThrow({
          where: { userId_kind_key: { userId: alice.id, kind: "tag", key: tag } },
        });
        expect(row.attempts).toBe(2);
      }
      const card = await db.reviewCard.findUniqueOrThrow({
        where: { userId_templateId: { userId: alice.id, templateId: schedule.id } },
      });
      expect(card.reps).toBe(2);
      const dash = await progress.getDashboard(alice);
      expect(dash.topics.find((t) => t.slug === schedule.topic)?.percent).toBe(Math.round((0.3 * s2 + 0.7 * s1) * 100));
      expect(dash.topics.filter((t) => t.percent === null)).toHaveLength(7);
      expect(dash.streak).toBeNull();
      const day = await db.streakDay.findFirstOrThrow({ where: { userId: alice.id } });
      expect(day.attempts).toBe(2);
    });

    it("a wrong answer enters the review queue, and the review draws a new variant", async () => {
      const carol = await newStudent("carol");
      const wrong = await answer(carol, schedule.slug, false);
      expect(wrong.result.attempt.score).toBeLessThan(0.5);
      const queue = await review.getReviewQueue(carol);
      expect(queue.dueCount).toBe(1);
      expect(queue.due[0]).toMatchObject({ slug: schedule.slug });
      // A row of the review list starts that card; a card that is not due cannot be started.
      const other = await db.questionTemplate.findFirstOrThrow({
        where: { status: "PUBLISHED", slug: { not: schedule.slug } },
      });
      await expect(review.startNextReview(carol, new Date(), other.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const next = await review.startNextReview(carol, new Date(), schedule.slug);
      expect(next.slug).toBe(schedule.slug);
      expect(next.variantId).not.toBe(wrong.loaded.row.id);
      const latest = await variants.currentVariant(carol, schedule.slug);
      expect(latest.id).toBe(next.variantId);
      // Answered correctly first time (Easy), the card leaves today's queue.
      const loaded = await variants.loadVariant(latest);
      await attempts.submitAttempt(carol, loaded.row.id, {
        submissionId: submissionId(),
        answer: referenceAnswer(loaded.built),
      });
      const done = await review.getReviewQueue(carol);
      expect(done.dueCount).toBe(0);
      // Finished for today: the queue says when the card comes back.
      const card = await db.reviewCard.findFirstOrThrow({ where: { userId: carol.id } });
      expect(done.nextDue).toBe(card.due.toISOString());
      await expect(review.startNextReview(carol)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("counts a due card as one review per day in the streak day, however often it is retried", async () => {
      const kim = await newStudent("kim");
      await answer(kim, schedule.slug, false);
      const tomorrow = new Date(Date.now() + 86_400_000);
      const input = {
        userId: kim.id,
        templateId: schedule.id,
        topic: schedule.topic,
        tags,
        score: 1,
        correct: true,
        attemptNumber: 1,
        hintsUsed: 0,
        at: tomorrow,
      };
      await db.$transaction((tx) => progress.recordAttemptProgress(tx, input));
      await db.$transaction((tx) => progress.recordAttemptProgress(tx, { ...input, attemptNumber: 2 }));
      const days = await db.streakDay.findMany({ where: { userId: kim.id }, orderBy: { day: "asc" } });
      expect(days).toHaveLength(2);
      expect(days[1]).toMatchObject({ day: days[0]!.day + 1, attempts: 2, dueAtStart: 1, reviewsDone: 1 });
    });

    it("counts streak days in the student's time zone across a daylight-saving change", async () => {
      const lou = await newStudent("lou");
      await progress.updateSettings(lou, { streaksEnabled: true, timeZone: "America/New_York" });
      const input = {
        userId: lou.id,
        templateId: schedule.id,
        topic: schedule.topic,
        tags,
        score: 1,
        correct: true,
        attemptNumber: 1,
        hintsUsed: 0,
      };
      // 23:30 EDT on 31 October, then 23:30 EST on 1 November (clocks went back at 06:00Z that night):
      // two consecutive evenings, where a fixed offset of −240 would put the second on 2 November.
      for (const at of ["2026-11-01T03:30:00Z", "2026-11-02T04:30:00Z"])
        await db.$transaction((tx) => progress.recordAttemptProgress(tx, { ...input, at: new Date(at) }));
      const days = await db.streakDay.findMany({ where: { userId: lou.id }, orderBy: { day: "asc" } });
      expect(days.map((d) => d.day)).toEqual([Date.UTC(2026, 9, 31) / 86_400_000, Date.UTC(2026, 10, 1) / 86_400_000]);
    });

    it("rolls mastery and the card back with the attempt when the transaction fails", async () => {
      const dave = await newStudent("dave");
      await answer(dave, schedule.slug, true);
      const before = await db.mastery.findMany({ where: { userId: dave.id }, orderBy: { key: "asc" } });
      const cardBefore = await db.reviewCard.findUniqueOrThrow({
        where: { userId_templateId: { userId: dave.id, templateId: schedule.id } },
      });
      const failing = db.$transaction(async (tx) => {
        await progress.recordAttemptProgress(tx, {
          userId: dave.id,
          templateId: schedule.id,
          topic: schedule.topic,
          tags,
          score: 0,
          correct: false,
          attemptNumber: 1,
          hintsUsed: 0,
          at: new Date(),
        });
        // An attempt insert that violates its foreign keys.
        await tx.attempt.create({
          data: {
            userId: dave.id,
            variantId: "missing",
            templateId: schedule.id,
            versionId: "missing",
            seed: 1,
            engineVersion: "0.0.0",
            attemptNumber: 1,
            submissionId: submissionId(),
            answer: {},
            score: 0,
            correct: false,
            report: {},
          },
        });
      });
      await expect(failing).rejects.toBeTruthy();
      expect(await db.mastery.findMany({ where: { userId: dave.id }, orderBy: { key: "asc" } })).toEqual(before);
      expect(await db.reviewCard.findUniqueOrThrow({ where: { id: cardBefore.id } })).toEqual(cardBefore);
    });

    it("loses no update when 10 attempts on different variants arrive at once", async () => {
      const erin = await newStudent("erin");
      const loadedAll = await Promise.all(
        Array.from({ length: 10 }, async () => variants.loadVariant(await variants.createVariant(erin, schedule.slug))),
      );
      const results = await Promise.all(
        loadedAll.map((l, i) =>
          attempts.submitAttempt(erin, l.row.id, {
            submissionId: submissionId(),
            answer: i % 2 ? referenceAnswer(l.built) : perturbAnswer(l.built, 5),
          }),
        ),
      );
      const topic = await db.mastery.findUniqueOrThrow({
        where: { userId_kind_key: { userId: erin.id, kind: "topic", key: schedule.topic } },
      });
      expect(topic.attempts).toBe(10);
      expect(topic.scoreSum).toBeCloseTo(results.reduce((a, r) => a + r.attempt.score, 0));
      const card = await db.reviewCard.findUniqueOrThrow({
        where: { userId_templateId: { userId: erin.id, templateId: schedule.id } },
      });
      expect(card.reps).toBe(10);
      expect((await db.streakDay.findFirstOrThrow({ where: { userId: erin.id } })).attempts).toBe(10);
    });

    /** Answers and self-assesses the explain prompt that opens every mock, so the graded questions follow. */
    async function passExplain(user: Awaited<ReturnType<typeof newStudent>>, sessionId: string) {
      await mock.answerMockExplain(user, sessionId, "An answer typed by the candidate.");
      await mock.assessMockExplain(user, sessionId, []);
    }

    it("a mock opens with an explain prompt: the text is stored with its time, the key only after it, then the self-assessment", async () => {
      const kim = await newStudent("kim");
      const eve = await newStudent("eve");
      const t0 = new Date();
      const { sessionId } = await mock.startMock(kim, 15, t0);
      const first = await mock.getMockState(kim, sessionId, t0);
      expect(first.question).toBeNull();
      expect(first.explain?.phase).toBe("answer");
      const spec = mockPromptById(first.explain!.prompt.id)!;
      expect(spec).toBeDefined();
      // Before the text is submitted nothing of the key is in what the page receives.
      const before = JSON.stringify(first);
      expect(before).not.toContain(spec.modelAnswer.slice(0, 40));
      for (const k of spec.keyPoints) expect(before).not.toContain(k.text);
      await expect(mock.assessMockExplain(kim, sessionId, [], t0)).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(mock.answerMockExplain(eve, sessionId, "not mine", t0)).rejects.toMatchObject({ code: "NOT_FOUND" });

      const t1 = new Date(t0.getTime() + 95_000);
      const text = "Threads share the mm so switch_mm is skipped; with PCID the TLB survives a process switch.";
      const key = await mock.answerMockExplain(kim, sessionId, text, t1);
      expect(key.modelAnswer).toBe(spec.modelAnswer);
      expect(key.keyPoints.map((k) => k.id)).toEqual(spec.keyPoints.map((k) => k.id));
      await expect(mock.answerMockExplain(kim, sessionId, "again", t1)).rejects.toMatchObject({ code: "CONFLICT" });
      const assessing = await mock.getMockState(kim, sessionId, t1);
      expect(assessing.explain).toMatchObject({ phase: "assess", answer: text, modelAnswer: spec.modelAnswer });

      const [a, , c] = spec.keyPoints;
      await expect(mock.assessMockExplain(kim, sessionId, ["no-such-point"], t1)).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      expect(await mock.assessMockExplain(kim, sessionId, [c!.id, a!.id], t1)).toEqual({ covered: [a!.id, c!.id] });
      await expect(mock.assessMockExplain(kim, sessionId, [], t1)).rejects.toMatchObject({ code: "CONFLICT" });
      const row = await db.mockExplain.findUniqueOrThrow({ where: { sessionId } });
      expect(row.answer).toBe(text);
      expect(JSON.parse(row.covered)).toEqual([a!.id, c!.id]);

      // The graded questions follow; the report combines them with the self-assessment.
      const next = await mock.getMockState(kim, sessionId, t1);
      expect(next.explain).toBeNull();
      expect(next.question).not.toBeNull();
      const report = await mock.endMock(kim, sessionId, t1);
      expect(report.asked).toBe(1);
      expect(report.explain).toMatchObject({
        promptId: spec.id,
        answer: text,
        seconds: 95,
        assessed: true,
        modelAnswer: spec.modelAnswer,
      });
      expect(report.explain!.keyPoints.filter((k) => k.covered).map((k) => k.id)).toEqual([a!.id, c!.id]);
      expect(report.explain!.selfScore).toBeCloseTo(2 / spec.keyPoints.length);
      // After the end, the text can no longer be changed.
      await expect(mock.answerMockExplain(kim, sessionId, "late", t1)).rejects.toMatchObject({ code: "CONFLICT" });
    });

    it("runs a mock interview: feedback withheld, report at the end, late answers refused", async () => {
      const fay = await newStudent("fay");
      const bob = await newStudent("bob");
      const { sessionId } = await mock.startMock(fay, 15);
      await passExplain(fay, sessionId);
      const state = await mock.getMockState(fay, sessionId);
      expect(state.ended).toBe(false);
      expect(state.question).not.toBeNull();
      expect(JSON.stringify(state)).not.toMatch(/"score"|"reference"/);
      await expect(mock.getMockState(bob, sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });

      const item = await db.mockItem.findUniqueOrThrow({ where: { id: state.question!.itemId } });
      const loaded = await variants.loadVariant(await variants.ownVariant(fay, item.variantId));
      // Answered outside the interview page (whose response would carry the score): refused, nothing stored.
      const outside = { submissionId: submissionId(), answer: referenceAnswer(loaded.built) };
      await expect(attempts.submitAttempt(fay, item.variantId, outside)).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await db.attempt.count({ where: { userId: fay.id } })).toBe(0);
      const recorded = await mock.answerMock(fay, sessionId, item.id, {
        submissionId: submissionId(),
        answer: perturbAnswer(loaded.built, 3),
      });
      expect(recorded).toEqual({ recorded: true });
      await expect(mock.getMockReport(fay, sessionId)).rejects.toMatchObject({ code: "CONFLICT" });
      // Running-session attempts stay out of history until the end.
      expect((await history.listHistory(fay)).items).toHaveLength(0);

      const second = await mock.getMockState(fay, sessionId);
      expect(second.answered).toBe(1);
      expect(second.question!.position).toBe(1);

      const report = await mock.endMock(fay, sessionId);
      expect(report.asked).toBe(2);
      expect(report.answered).toBe(1);
      const stored = await db.attempt.findFirstOrThrow({ where: { userId: fay.id } });
      expect(report.byTopic.reduce((a, t) => a + t.meanScore * t.asked, 0)).toBeCloseTo(stored.score);
      // The answered row links to its stored attempt; the open one has none.
      expect(report.perQuestion.map((q) => q.attemptId)).toEqual([stored.id, null]);
      // Everything not fully right is due for review now.
      const due = await review.getReviewQueue(fay);
      expect(due.dueCount).toBe(report.toReview.length);
      expect((await history.listHistory(fay)).items).toHaveLength(1);

      // After the end, answering the open question is refused and nothing is stored.
      const openItem = await db.mockItem.findFirstOrThrow({ where: { sessionId, answeredAt: null } });
      const openLoaded = await variants.loadVariant(await variants.ownVariant(fay, openItem.variantId));
      const late = { submissionId: submissionId(), answer: referenceAnswer(openLoaded.built) };
      await expect(mock.answerMock(fay, sessionId, openItem.id, late)).rejects.toMatchObject({ code: "CONFLICT" });
      // Even through the ordinary exercise route, the transaction refuses it.
      await expect(attempts.submitAttempt(fay, openItem.variantId, late)).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await db.attempt.count({ where: { userId: fay.id } })).toBe(1);
    });

    it("a running mock interview leaks nothing through progress or difficulty; its answers count when it ends", async () => {
      const gil = await newStudent("gil");
      const { sessionId } = await mock.startMock(gil, 15);
      await passExplain(gil, sessionId);
      const difficultyAtStart = (await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } })).difficulty;
      const dashboardBefore = JSON.stringify(await progress.getDashboard(gil));
      // Answer the first two questions, one right and one wrong: either would have moved the difficulty.
      for (const pick of [referenceAnswer, wrongAnswer]) {
        const state = await mock.getMockState(gil, sessionId);
        const item = await db.mockItem.findUniqueOrThrow({ where: { id: state.question!.itemId } });
        const loaded = await variants.loadVariant(await variants.ownVariant(gil, item.variantId));
        await mock.answerMock(gil, sessionId, item.id, { submissionId: submissionId(), answer: pick(loaded.built) });
        expect((await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } })).difficulty).toBe(
          difficultyAtStart,
        );
      }
      // What /api/progress reads is exactly what it was before the answers.
      expect(JSON.stringify(await progress.getDashboard(gil))).toBe(dashboardBefore);
      expect(await db.mastery.count({ where: { userId: gil.id } })).toBe(0);
      expect(await db.reviewCard.count({ where: { userId: gil.id } })).toBe(0);
      expect(await db.streakDay.count({ where: { userId: gil.id } })).toBe(0);

      await mock.endMock(gil, sessionId);
      const answers = await db.attempt.findMany({ where: { userId: gil.id } });
      expect(answers).toHaveLength(2);
      expect(await db.reviewCard.count({ where: { userId: gil.id } })).toBe(2);
      expect((await db.streakDay.findFirstOrThrow({ where: { userId: gil.id } })).attempts).toBe(2);
      expect(JSON.stringify(await progress.getDashboard(gil))).not.toBe(dashboardBefore);
      // Ending again applies nothing twice.
      await mock.endMock(gil, sessionId);
      expect((await db.streakDay.findFirstOrThrow({ where: { userId: gil.id } })).attempts).toBe(2);
    });

    it("refuses a mock answer after the deadline with 409 even before the session is ended", async () => {
      const jon = await newStudent("jon");
      const { sessionId } = await mock.startMock(jon, 15);
      await passExplain(jon, sessionId);
      const state = await mock.getMockState(jon, sessionId);
      const item = await db.mockItem.findUniqueOrThrow({ where: { id: state.question!.itemId } });
      const loaded = await variants.loadVariant(await variants.ownVariant(jon, item.variantId));
      await db.mockSession.update({ where: { id: sessionId }, data: { deadline: new Date(Date.now() - 1000) } });
      const body = { submissionId: submissionId(), answer: referenceAnswer(loaded.built) };
      // Checked once, inside the attempt's transaction: nothing is stored.
      await expect(mock.answerMock(jon, sessionId, item.id, body)).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/has ended/),
      });
      expect(await db.attempt.count({ where: { userId: jon.id } })).toBe(0);
      const after = await mock.getMockState(jon, sessionId);
      expect(after.ended).toBe(true);
      expect(after.report?.answered).toBe(0);
    });

    it("pages history newest first with a cursor and hides other students' attempts", async () => {
      const gus = await newStudent("gus");
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await answer(gus, schedule.slug, i % 2 === 0)).result.attempt.id);
      const first = await history.listHistory(gus, { limit: 2 });
      const second = await history.listHistory(gus, { limit: 2, cursor: first.nextCursor! });
      const third = await history.listHistory(gus, { limit: 2, cursor: second.nextCursor! });
      expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual([...ids].reverse());
      expect(third.nextCursor).toBeNull();
      const other = await newStudent("hal");
      await expect(history.getAttemptDetail(other, ids[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(history.listHistory(other, { cursor: ids[0]! })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      const detail = await history.getAttemptDetail(gus, ids[0]!);
      expect(detail.view.parts.length).toBeGreaterThan(0);
      expect(detail.report.score).toBe(detail.score);
    });

    it("validates the retention setting and turns streaks on", async () => {
      const ivy = await newStudent("ivy");
      await expect(progress.updateSettings(ivy, { retention: 0.5 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await expect(progress.updateSettings(ivy, { timeZone: "Mars/Olympus" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      const s = await progress.updateSettings(ivy, {
        retention: 0.85,
        streaksEnabled: true,
        timeZone: "Europe/Berlin",
      });
      expect(s).toEqual({ retention: 0.85, streaksEnabled: true, timeZone: "Europe/Berlin" });
      for (let i = 0; i < 3; i++) await answer(ivy, schedule.slug, true);
      const dash = await progress.getDashboard(ivy);
      expect(dash.streak).toMatchObject({ current: 1, todayCounts: true });
    });

    it("an interview date gives readiness per topic and brings shaky reviews back before the day", async () => {
      const readiness = await import("@/lib/server/dal/readiness");
      const ivy = await newStudent("ivy");
      expect(await readiness.getReadiness(ivy)).toEqual({ interviewDate: null, readiness: null, dueForInterview: 0 });
      await answer(ivy, schedule.slug, false);
      // The card as FSRS leaves it after a review a day ago that scheduled the next one ten days out.
      const now = Date.now();
      const card = await db.reviewCard.findFirstOrThrow({ where: { userId: ivy.id } });
      await db.reviewCard.update({
        where: { id: card.id },
        data: {
          state: 2,
          stability: 2,
          difficulty: 5,
          reps: 3,
          lastReview: new Date(now - 86_400_000),
          due: new Date(now + 10 * 86_400_000),
        },
      });
      const day = new Date(now + 5 * 86_400_000).toISOString().slice(0, 10);
      const interview = new Date(`${day}T00:00:00Z`);
      const view = await readiness.setInterviewDate(ivy, { interviewDate: day });
      expect(view.interviewDate).toBe(day);
      const topic = view.readiness!.topics.find((t) => t.slug === schedule.topic)!;
      // Five days past a two-day stability, recall on the day is well under the 95% aimed for.
      expect(topic.recall!).toBeLessThan(0.9);
      expect(topic.accuracy).toBeCloseTo(
        (
          await db.mastery.findUniqueOrThrow({
            where: { userId_kind_key: { userId: ivy.id, kind: "topic", key: schedule.topic } },
          })
        ).ema!,
        10,
      );
      expect(topic.readiness).toBeCloseTo((topic.recall! + topic.accuracy!) / 2, 10);
      expect(view.readiness!.topics).toHaveLength(8);
      // Seven topics were never practised: the first of them, in course order, is what to study next.
      expect(view.readiness!.studyNext?.slug).toBe(view.readiness!.topics.find((t) => t.readiness === null)!.slug);
      // The review FSRS put after the interview now comes the day before it.
      const after = await db.reviewCard.findFirstOrThrow({ where: { userId: ivy.id } });
      expect(after.due.toISOString()).toBe(new Date(interview.getTime() - 86_400_000).toISOString());
      await expect(readiness.setInterviewDate(ivy, { interviewDate: "2000-01-01" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { interviewDate: ["is in the past"] },
      });
      expect((await readiness.setInterviewDate(ivy, { interviewDate: null })).readiness).toBeNull();
    });
  });
}
