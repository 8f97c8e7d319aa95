import "server-only";
import type { GradeReport } from "@/lib/engine";
import { recurringMisconceptions, type MyMisconceptionDto } from "@/lib/progress/misconceptions";
import { db } from "../db";
import { hiddenMockAttempts } from "./mock-secrecy";
import type { UserDto } from "./users";

export type { MyMisconceptionDto };

/** How far back the dashboard looks: its cost stays bounded however many attempts a student makes. */
export const MY_MISCONCEPTIONS_WINDOW = 200;

/**
 * The student's recurring misconceptions (issue #21) over their latest wrong attempts. Attempts whose
 * feedback the student may not see yet are left out: those of a mock interview still running and those
 * of an assignment that withholds references (its feedback names no misconception either).
 */
export async function listMyMisconceptions(user: UserDto, now = new Date()): Promise<MyMisconceptionDto[]> {
  const hidden = await hiddenMockAttempts(user, now);
  const rows = await db.attempt.findMany({
    where: {
      userId: user.id,
      correct: false,
      ...(hidden.size ? { id: { notIn: [...hidden] } } : {}),
      variant: { OR: [{ assignmentId: null }, { assignment: { reveal: "after-attempt" } }] },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MY_MISCONCEPTIONS_WINDOW,
    select: { templateId: true, createdAt: true, report: true },
  });
  return recurringMisconceptions(
    rows.map((r) => ({ templateId: r.templateId, createdAt: r.createdAt, report: r.report as unknown as GradeReport })),
  );
}
