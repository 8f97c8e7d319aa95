import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { UserDto } from "./users";

// A mock interview withholds feedback until it ends, so while it runs nothing may reveal its answers'
// scores or reports — not history, not a question's attempt list, not the variant's own attempt list.

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
