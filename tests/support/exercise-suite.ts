// Submitting answers through the data-access layer against a real database, once per provider.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { perturbAnswer, referenceAnswer } from "@/lib/engine";
import { useFreshDatabase } from "./use-database";

const submissionId = () => randomBytes(9).toString("base64url");

export function exerciseSuite(provider: DbProvider) {
  describe(`exercises on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    const history = await import("@/lib/server/dal/history");
    const { AppError } = await import("@/lib/server/errors");
    await seed(db, { demoAccounts: false });

    const alice = await createUser({
      email: `alice-${provider}@example.com`,
      name: "Alice",
      password: "password-alice",
      role: "STUDENT",
    });
    const bob = await createUser({
      email: `bob-${provider}@example.com`,
      name: "Bob",
      password: "password-bob",
      role: "STUDENT",
    });
    const schedule = await db.questionTemplate.findFirstOrThrow({ where: { type: "schedule", status: "PUBLISHED" } });

    it("grades the reference answer 1 and stores the attempt once with its seed and versions", async () => {
      const loaded = await variants.loadVariant(await variants.currentVariant(alice, schedule.slug));
      const answer = referenceAnswer(loaded.built);
      const id = submissionId();
      const first = await attempts.submitAttempt(alice, loaded.row.id, { submissionId: id, answer });
      expect(first.replayed).toBe(false);
      expect(first.attempt.score).toBe(1);
      const again = await attempts.submitAttempt(alice, loaded.row.id, { submissionId: id, answer });
      expect(again.replayed).toBe(true);
      expect(again.attempt.id).toBe(first.attempt.id);
      const rows = await db.attempt.findMany({ where: { variantId: loaded.row.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ seed: loaded.row.seed, versionId: loaded.row.versionId, attemptNumber: 1 });
      expect(rows[0]!.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    });

    it("gives partial credit to a perturbed answer", async () => {
      const loaded = await variants.loadVariant(await variants.createVariant(alice, schedule.slug));
      const { attempt } = await attempts.submitAttempt(alice, loaded.row.id, {
        submissionId: submissionId(),
        answer: perturbAnswer(loaded.built, 7),
      });
      expect(attempt.score).toBeLessThan(1);
      expect(attempt.report.reference).toBeTruthy();
    });

    it("refuses an answer that cannot be graded without using an attempt", async () => {
      const loaded = await variants.loadVariant(await variants.createVariant(alice, schedule.slug));
      const part = loaded.built.view.parts[0]!;
      const empty = { parts: { [part.id]: part.kind === "timeline" ? Array(part.slots).fill(null) : [] } };
      await expect(
        attempts.submitAttempt(alice, loaded.row.id, { submissionId: submissionId(), answer: empty }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
      const unknownTask = { parts: { [part.id]: part.kind === "timeline" ? Array(part.slots).fill("ZZZ") : ["ZZZ"] } };
      await expect(
        attempts.submitAttempt(alice, loaded.row.id, { submissionId: submissionId(), answer: unknownTask }),
      ).rejects.toBeInstanceOf(AppError);
      const row = await db.variant.findUniqueOrThrow({ where: { id: loaded.row.id } });
      expect(row.attemptsUsed).toBe(0);
      expect(await db.attempt.count({ where: { variantId: loaded.row.id } })).toBe(0);
    });

    it("stores one attempt when the same submission arrives twice at once", async () => {
      const loaded = await variants.loadVariant(await variants.createVariant(alice, schedule.slug));
      const id = submissionId();
      const answer = referenceAnswer(loaded.built);
      const results = await Promise.allSettled([
        attempts.submitAttempt(alice, loaded.row.id, { submissionId: id, answer }),
        attempts.submitAttempt(alice, loaded.row.id, { submissionId: id, answer }),
        attempts.submitAttempt(alice, loaded.row.id, { submissionId: id, answer }),
      ]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      expect(fulfilled.length).toBeGreaterThan(0);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
      expect(await db.attempt.count({ where: { variantId: loaded.row.id } })).toBe(1);
      expect((await db.variant.findUniqueOrThrow({ where: { id: loaded.row.id } })).attemptsUsed).toBe(1);
    });

    it("numbers concurrent different submissions without gaps or duplicates", async () => {
      const loaded = await variants.loadVariant(await variants.createVariant(alice, schedule.slug));
      const answer = perturbAnswer(loaded.built, 3);
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map(() => attempts.submitAttempt(alice, loaded.row.id, { submissionId: submissionId(), answer })),
      );
      const stored = await db.attempt.findMany({
        where: { variantId: loaded.row.id },
        orderBy: { attemptNumber: "asc" },
      });
      expect(stored.map((a) => a.attemptNumber)).toEqual(stored.map((_, i) => i + 1));
      expect(stored.length).toBe(results.filter((r) => r.status === "fulfilled").length);
    });

    it("hides another student's variant and attempts (404)", async () => {
      const loaded = await variants.loadVariant(await variants.createVariant(alice, schedule.slug));
      const { attempt } = await attempts.submitAttempt(alice, loaded.row.id, {
        submissionId: submissionId(),
        answer: referenceAnswer(loaded.built),
      });
      await expect(attempts.listVariantAttempts(bob, loaded.row.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(history.getAttemptDetail(bob, attempt.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        attempts.submitAttempt(bob, loaded.row.id, {
          submissionId: submissionId(),
          answer: referenceAnswer(loaded.built),
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.attempt.count({ where: { userId: bob.id } })).toBe(0);
    });

    it("shows a question's history only to whoever may see the question (draft: author and admins)", async () => {
      const authoring = await import("@/lib/server/dal/authoring");
      const staff = async (name: string, role: "INSTRUCTOR" | "ADMIN") =>
        createUser({ email: `${name}-${provider}@example.com`, name, password: `password-${name}`, role });
      const [author, other, admin] = await Promise.all([
        staff("hist-author", "INSTRUCTOR"),
        staff("hist-other", "INSTRUCTOR"),
        staff("hist-admin", "ADMIN"),
      ]);
      const draft = await authoring.duplicateQuestion(author, schedule.id);
      expect(draft.status).not.toBe("PUBLISHED");
      for (const who of [author, admin])
        await expect(attempts.listQuestionHistory(who, draft.slug)).resolves.toEqual([]);
      for (const who of [bob, other])
        await expect(attempts.listQuestionHistory(who, draft.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
      // A published built-in question's history is anyone's own.
      await expect(attempts.listQuestionHistory(bob, schedule.slug)).resolves.toEqual([]);
    });

    it("refuses variants of unpublished questions", async () => {
      const loaded = await variants.loadVariant(await variants.createVariant(alice, schedule.slug));
      await db.questionTemplate.update({ where: { id: schedule.id }, data: { status: "DRAFT" } });
      try {
        await expect(variants.createVariant(alice, schedule.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(
          attempts.submitAttempt(alice, loaded.row.id, {
            submissionId: submissionId(),
            answer: referenceAnswer(loaded.built),
          }),
        ).rejects.toMatchObject({ code: "NOT_FOUND" });
      } finally {
        await db.questionTemplate.update({ where: { id: schedule.id }, data: { status: "PUBLISHED" } });
      }
    });

    it("offers graduated hints before any attempt, one by one, the last worked on the variant's own jobs, and records how many were used", async () => {
      const template = await db.questionTemplate.findFirstOrThrow({ where: { slug: "sjf-vs-stcf-timeline" } });
      const loaded = await variants.loadVariant(await variants.createVariant(bob, template.slug));
      expect(loaded.row.attemptsUsed).toBe(0);
      expect(variants.unlockedHints(loaded)).toEqual({ shown: [], next: "available" });
      const revealed: string[][] = [];
      for (;;) {
        const r = await variants.revealHint(bob, loaded.row.id);
        revealed.push(r.hints);
        if (r.next === "none") break;
        expect(r.next).toBe("available");
      }
      const ladder = revealed.at(-1)!;
      expect(ladder.length).toBeGreaterThanOrEqual(3);
      // One more hint per reveal, each a prefix of the next.
      revealed.forEach((hints, i) => expect(hints).toEqual(ladder.slice(0, i + 1)));
      expect(ladder[0]).toBe(loaded.spec.hints[0]);
      const tasks = (loaded.built.key.data["workload"] as { tasks: { id: string; arrival: number }[] }).tasks;
      for (const t of tasks) expect(ladder.at(-1)).toContain(`${t.id} arrives at ${t.arrival} ms`);
      await expect(variants.revealHint(bob, loaded.row.id)).rejects.toMatchObject({ code: "CONFLICT" });
      await attempts.submitAttempt(bob, loaded.row.id, {
        submissionId: submissionId(),
        answer: perturbAnswer(loaded.built, 1),
      });
      const stored = await db.attempt.findFirstOrThrow({ where: { variantId: loaded.row.id } });
      expect(stored.hintsUsed).toBe(ladder.length);
    });

    it("re-seeding the bank is idempotent", async () => {
      const before = await db.questionVersion.count();
      const again = await seed(db, { demoAccounts: false });
      expect(again.questionsCreated).toBe(0);
      expect(again.questionsUpdated).toBe(0);
      expect(await db.questionVersion.count()).toBe(before);
    });
  });
}
