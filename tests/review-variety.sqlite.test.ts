// Issue #23, item 3: the FSRS review never shows the same text of a question twice in a row. Drives the
// real review selection (lib/server/dal/review.ts startNextReview, which draws the new variant) against
// a real SQLite database, answering each review as a student would, for concept questions with pools.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { perturbAnswer, referenceAnswer } from "@/lib/engine";
import { useFreshDatabase } from "./support/use-database";

const REVIEWS = 15;

describe("review variety on sqlite", async () => {
  const { db } = await useFreshDatabase("sqlite");
  const { seed } = await import("@/prisma/seed");
  const { createUser } = await import("@/lib/server/dal/users");
  const variants = await import("@/lib/server/dal/variants");
  const attempts = await import("@/lib/server/dal/attempts");
  const review = await import("@/lib/server/dal/review");
  const { variantText } = await import("@/lib/progress/review-variety");
  await seed(db, { demoAccounts: false });

  const student = await createUser({
    email: "reviewer@example.com",
    name: "reviewer",
    password: "password-reviewer",
    role: "STUDENT",
  });
  const textOf = async (variantId: string) => {
    const loaded = await variants.loadVariant(await db.variant.findUniqueOrThrow({ where: { id: variantId } }));
    return { loaded, text: variantText(loaded.built.view) };
  };
  const answerIt = async (variantId: string, right: boolean) => {
    const { loaded } = await textOf(variantId);
    const answer = right ? referenceAnswer(loaded.built) : perturbAnswer(loaded.built, 3);
    await attempts.submitAttempt(student, variantId, { submissionId: randomBytes(9).toString("base64url"), answer });
  };

  it.each(["what-threads-share", "deadlock-lock-order", "race-lost-update-final-values"])(
    `%s: ${REVIEWS} reviews in a row, no text twice back to back`,
    async (slug) => {
      const template = await db.questionTemplate.findUniqueOrThrow({ where: { slug } });
      expect(template.status).toBe("PUBLISHED");
      // First practice: a wrong answer puts the question in the review queue.
      const first = await variants.currentVariant(student, slug);
      await answerIt(first.id, false);
      let previous = (await textOf(first.id)).text;
      const seen = new Set([previous]);
      for (let n = 0; n < REVIEWS; n++) {
        // The card falls due (as time passing would make it); the review then draws a variant.
        await db.reviewCard.update({
          where: { userId_templateId: { userId: student.id, templateId: template.id } },
          data: { due: new Date(Date.now() - 60_000) },
        });
        const started = await review.startNextReview(student, new Date(), slug);
        expect(started.slug).toBe(slug);
        const { text } = await textOf(started.variantId);
        expect(text, `review ${n + 1} repeats the text shown just before`).not.toBe(previous);
        seen.add(text);
        previous = text;
        await answerIt(started.variantId, n % 3 !== 0);
      }
      // The reviews moved through the pool rather than alternating between two items.
      expect(seen.size).toBeGreaterThanOrEqual(3);
    },
  );
});
