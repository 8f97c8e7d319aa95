import "server-only";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import { clampScore } from "@/lib/progress/mastery";
import { db } from "../db";
import { AppError } from "../errors";
import type { UserDto } from "./users";

// A mock interview withholds feedback until it ends, so while it runs nothing may reveal its answers'
// scores or reports — not history, not a question's attempt list, not the variant's own attempt list.
// Its answers are taken here too (claimMockAnswer), the one place the mock rules are checked.

/** Attempt ids belonging to the student's mock sessions that have not ended yet. */
export async function hiddenMockAttempts(user: Pick<UserDto, "id">, now: Date): Promise<Set<string>> {
  const items = await db.mockItem.findMany({
    where: { attemptId: { not: null }, session: { userId: user.id, endedAt: null, deadline: { gt: now } } },
    select: { attemptId: true },
  });
  return new Set(items.map((i) => i.attemptId!));
}

/** Refuses (409) when the variant is an item of a mock session that is still running. */
export async function assertNotInRunningMock(variantId: string, now: Date): Promise<void> {
  const running = await db.mockItem.findFirst({
    where: { variantId, session: { endedAt: null, deadline: { gt: now } } },
    select: { id: true },
  });
  if (running)
    throw new AppError(
      "CONFLICT",
      "this question belongs to a mock interview that is still running; its feedback appears when the interview ends",
    );
}

export interface MockAnswer {
  variantId: string;
  /** The session the answer was submitted through (answerMock); absent on the practice route. */
  mockSessionId: string | undefined;
  attemptId: string;
  score: number;
  correct: boolean;
  at: Date;
}

/**
 * Called inside submitAttempt's transaction, after the attempt row is created. When the variant is a
 * mock interview's item, claims it for this attempt and returns true: the attempt then reaches mastery,
 * review cards and streaks only when the interview ends (applyMockProgress). Throws CONFLICT (rolling
 * the attempt back) when it comes through the practice route, the interview has ended, or the item
 * was already answered.
 */
export async function claimMockAnswer(tx: Prisma.TransactionClient, input: MockAnswer): Promise<boolean> {
  // Nearly every attempt is free practice: a bare existence check costs a fraction of the full lookup.
  const mock = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "MockItem" WHERE "variantId" = ${input.variantId}`;
  if (mock.length === 0) return false;
  const item = await tx.mockItem.findUnique({ where: { variantId: input.variantId }, include: { session: true } });
  if (!item) return false;
  if (input.mockSessionId !== item.sessionId)
    throw new AppError("CONFLICT", "this question belongs to a mock interview; answer it on the interview page");
  if (item.session.endedAt || item.session.deadline <= input.at)
    throw new AppError("CONFLICT", "this mock interview has ended; answers are no longer accepted");
  if (item.answeredAt) throw new AppError("CONFLICT", "this mock question was already answered");
  const claimed = await tx.mockItem.updateMany({
    where: { id: item.id, answeredAt: null },
    data: { attemptId: input.attemptId, score: clampScore(input.score), correct: input.correct, answeredAt: input.at },
  });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "this mock question was already answered");
  return true;
}
