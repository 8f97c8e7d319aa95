// Issue #21 against a real database: answers that reproduce a catalogued misconception are counted per
// student in the question's class analytics (with an example) and grouped under the misconception's
// name; students outside the class are not counted. The misconceived timeline is painted here from the
// variant's workload run as FIFO, independently of the grader's matcher.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { referenceAnswer, simulate } from "@/lib/engine";
import type { Workload } from "@/lib/engine";
import { slotsFromSim, TIMELINE_IDLE as IDLE } from "@/lib/engine/questions";
import { useFreshDatabase } from "./use-database";

const SLUG = "sjf-vs-stcf-timeline";
const submissionId = () => randomBytes(9).toString("base64url");

export function misconceptionsSuite(provider: DbProvider) {
  describe(`misconception analytics on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const variants = await import("@/lib/server/dal/variants");
    const attempts = await import("@/lib/server/dal/attempts");
    const classes = await import("@/lib/server/dal/classes");
    const analytics = await import("@/lib/server/dal/analytics");
    const myMisconceptions = await import("@/lib/server/dal/my-misconceptions");
    const review = await import("@/lib/server/dal/review");
    const classMisconceptions = await import("@/lib/server/dal/class-misconceptions");
    await seed(db, { demoAccounts: false });

    const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") =>
      createUser({ email: `${name}-mis-${provider}@example.com`, name, password: `password-${name}`, role });

    /** The timeline the variant's tasks get under `policy`, on the variant's grid. */
    function paintedUnder(
      built: Awaited<ReturnType<typeof variants.loadVariant>>["built"],
      policy: Workload["policy"],
    ): { truth: string[]; painted: string[] | null; policy: string } {
      const data = built.key.data as unknown as { workload: Workload; slotMs: number };
      const truth = built.key.expected["timeline"] as string[];
      const s = slotsFromSim(simulate({ ...data.workload, policy }), data.slotMs, truth.length * 4 + 100);
      if (!s.ok) return { truth, painted: null, policy: data.workload.policy.name };
      const painted = s.slots.slice(0, truth.length);
      while (painted.length < truth.length) painted.push(IDLE);
      return { truth, painted, policy: data.workload.policy.name };
    }

    /** Draws variants until FIFO paints a timeline different from the truth, and submits that timeline. */
    async function answerFifo(student: Awaited<ReturnType<typeof mk>>) {
      for (let tries = 0; tries < 20; tries++) {
        const row = await variants.createVariant(student, SLUG);
        const { built } = await variants.loadVariant(row);
        const data = built.key.data as unknown as { workload: Workload; slotMs: number };
        const truth = built.key.expected["timeline"] as string[];
        const painted = slotsFromSim(
          simulate({ ...data.workload, policy: { name: "fifo" } }),
          data.slotMs,
          truth.length * 4 + 100,
        );
        if (!painted.ok) continue;
        const fifo = painted.slots.slice(0, truth.length);
        while (fifo.length < truth.length) fifo.push(IDLE);
        if (fifo.every((x, i) => x === truth[i])) continue;
        const answer = referenceAnswer(built);
        answer.parts["timeline"] = fifo;
        return attempts.submitAttempt(student, row.id, { submissionId: submissionId(), answer });
      }
      throw new Error("no variant where FIFO differs in 20 draws");
    }

    it("counts the students of the class who hold it, once each, with an example and the group's name", async () => {
      const owner = await mk("owner", "INSTRUCTOR");
      const [s1, s2, s3, outsider] = await Promise.all(["s1", "s2", "s3", "outsider"].map((n) => mk(n, "STUDENT")));
      const cls = await classes.createClass(owner, { name: "OS 101" });
      for (const s of [s1!, s2!, s3!]) await classes.joinClass(s, cls.joinCode);

      const first = await answerFifo(s1!);
      await answerFifo(s1!);
      await answerFifo(s2!);
      await answerFifo(outsider!);
      const right = await variants.createVariant(s3!, SLUG);
      await attempts.submitAttempt(s3!, right.id, {
        submissionId: submissionId(),
        answer: referenceAnswer((await variants.loadVariant(right)).built),
      });

      const graded = first.attempt.report.parts.find((p) => p.id === "timeline")!;
      expect(graded.misconceptions?.some((m) => m.id === "fifo-instead" && m.full)).toBe(true);

      const a = await analytics.getQuestionAnalytics(owner, SLUG);
      expect(a.scope).toMatchObject({ kind: "class", id: cls.id });
      const fifo = a.misconceptions.find((m) => m.id === "fifo-instead");
      // s1 twice and s2 once; s3 was right and the outsider is not in the class.
      expect(fifo?.students).toBe(2);
      expect(fifo?.name).toBe("FIFO instead of the question's policy");
      expect(fifo?.example).toContain("FIFO");
      // Every wrong answer here is exactly a misconception, so every group carries a misconception's name
      // (or, where FIFO is also a convention the grader credits, that convention's, which comes first).
      expect(a.wrongAnswers.length).toBeGreaterThan(0);
      const names = new Set(a.misconceptions.map((m) => m.name));
      for (const g of a.wrongAnswers) {
        if (g.key.startsWith("convention:")) continue;
        expect(g.key.startsWith("misconception:")).toBe(true);
        expect(names.has(g.label)).toBe(true);
      }
      expect(a.wrongAnswers.some((g) => g.key.startsWith("misconception:") || g.key.startsWith("convention:"))).toBe(
        true,
      );
    });

    it("lists a student's recurring misconceptions on their dashboard, and not a single slip", async () => {
      const s4 = await mk("s4", "STUDENT");
      const s5 = await mk("s5", "STUDENT");
      await answerFifo(s4);
      await answerFifo(s4);
      await answerFifo(s5);
      const mine = await myMisconceptions.listMyMisconceptions(s4);
      const fifo = mine.find((m) => m.id === "fifo-instead");
      expect(fifo).toMatchObject({ attempts: 2, questions: 1, name: "FIFO instead of the question's policy" });
      expect(fifo?.example).toContain("FIFO");
      expect(await myMisconceptions.listMyMisconceptions(s5)).toEqual([]);
    });

    it("review draws variants where the misconceptions the student holds give a wrong answer", async () => {
      // s6 answers SJF questions with STCF's preemptive schedule twice: "stcf-for-sjf" is then theirs.
      // Only about 60% of this template's variants tell it apart (an STCF variant, or an SJF one where no
      // arrival preempts, cannot), so 12 reviews all doing so by chance would be rare (≈ 0.3%).
      const s6 = await mk("s6", "STUDENT");
      for (let held = 0, tries = 0; held < 2; tries++) {
        if (tries > 40) throw new Error("no SJF variant where STCF differs in 40 draws");
        const row = await variants.createVariant(s6, SLUG);
        const { built } = await variants.loadVariant(row);
        const { truth, painted, policy } = paintedUnder(built, { name: "stcf" });
        if (policy !== "sjf" || !painted || painted.every((x, i) => x === truth[i])) continue;
        const answer = referenceAnswer(built);
        answer.parts["timeline"] = painted;
        const r = await attempts.submitAttempt(s6, row.id, { submissionId: submissionId(), answer });
        expect(r.attempt.report.parts.find((p) => p.id === "timeline")?.misconceptions?.[0]?.id).toBe("stcf-for-sjf");
        held++;
      }
      expect((await myMisconceptions.listMyMisconceptions(s6)).map((m) => m.id)).toContain("stcf-for-sjf");
      for (let i = 0; i < 12; i++) {
        const next = await review.startNextReview(s6, new Date(), SLUG);
        const row = await db.variant.findUniqueOrThrow({ where: { id: next.variantId } });
        const { built } = await variants.loadVariant(row);
        const { truth, painted, policy } = paintedUnder(built, { name: "stcf" });
        expect(policy, `review ${i} (seed ${row.seed})`).toBe("sjf");
        expect(painted?.join(), `review ${i} (seed ${row.seed})`).not.toBe(truth.join());
      }
    });

    it("the class overview counts each misconception's students across all questions, with an example and where", async () => {
      const owner = await mk("owner2", "INSTRUCTOR");
      const other = await mk("other2", "INSTRUCTOR");
      const [s7, s8, s9, outsider] = await Promise.all(["s7", "s8", "s9", "outsider2"].map((n) => mk(n, "STUDENT")));
      const cls = await classes.createClass(owner, { name: "OS 102" });
      for (const s of [s7!, s8!, s9!]) await classes.joinClass(s, cls.joinCode);
      expect(await classMisconceptions.getClassMisconceptions(owner, cls.id)).toEqual([]);
      await answerFifo(s7!);
      await answerFifo(s7!);
      await answerFifo(s8!);
      await answerFifo(outsider!);
      const over = await classMisconceptions.getClassMisconceptions(owner, cls.id);
      const fifo = over.find((m) => m.id === "fifo-instead");
      // s7 twice and s8 once; s9 never answered and the outsider is not in the class.
      expect(fifo).toMatchObject({ students: 2, name: "FIFO instead of the question's policy" });
      expect(fifo?.example).toContain("FIFO");
      const title = (await db.questionTemplate.findUniqueOrThrow({ where: { slug: SLUG } })).title;
      expect(fifo?.questions).toEqual([title]);
      await expect(classMisconceptions.getClassMisconceptions(other, cls.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(classMisconceptions.getClassMisconceptions(s7!, cls.id)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });
  });
}
