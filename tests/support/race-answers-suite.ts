// Issue #18's race answers through the data-access layer against a real database: the payload POST
// /api/variants sends ({ variantId, view }) carries none of the key (the possible values, the breaking
// interrupts, a reference interleaving), and submitting grades by running the answer.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { perturbAnswer, referenceAnswer } from "@/lib/engine";
import { RACES_ANSWERS_TEMPLATES } from "@/lib/bank/templates/races-answers";
import { useFreshDatabase } from "./use-database";

const submissionId = () => randomBytes(9).toString("base64url");

export function raceAnswersSuite(provider: DbProvider) {
  describe(`race answers on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    await seed(db, { demoAccounts: false });
    const student = await createUser({
      email: `race-${provider}@example.com`,
      name: "Rae",
      password: "password-rae",
      role: "STUDENT",
    });

    it.each(RACES_ANSWERS_TEMPLATES.map((t) => [t.slug] as const))(
      "%s: the variant payload holds no part of the key, and the key grades",
      async (slug) => {
        const loaded = await variants.loadVariant(await variants.createVariant(student, slug));
        // Exactly what the route serialises.
        const payload = JSON.stringify({ variantId: loaded.row.id, view: loaded.built.view });
        const key = loaded.built.key;
        for (const field of ["expected", "accepted", "witnesses", "breaking", "possible", "correct", "goal"])
          expect(payload, field).not.toContain(`"${field}"`);
        for (const part of loaded.built.view.parts) {
          const want = key.expected[part.id];
          if (part.kind === "order") {
            // The shuffled list is not the reference interleaving.
            expect(part.items.map((i) => i.id)).not.toEqual(want);
            expect(payload).not.toContain(JSON.stringify(want));
          }
          if (part.kind === "choice") {
            // Options are numbered in display order (values sorted, instructions in program order).
            expect(part.options.map((o) => o.id)).toEqual(part.options.map((_, i) => `o${i + 1}`));
            if (Array.isArray(want) && want.length >= 2) expect(payload).not.toContain(JSON.stringify(want));
          }
        }
        const right = await attempts.submitAttempt(student, loaded.row.id, {
          submissionId: submissionId(),
          answer: referenceAnswer(loaded.built),
        });
        expect(right.attempt.score).toBe(1);
        const wrong = await attempts.submitAttempt(student, loaded.row.id, {
          submissionId: submissionId(),
          answer: perturbAnswer(loaded.built, 5),
        });
        expect(wrong.attempt.score).toBeLessThan(1);
        const failed = wrong.attempt.report.parts.find((p) => p.score < 1)!;
        expect(failed.message.length).toBeGreaterThan(20);
      },
    );
  });
}
