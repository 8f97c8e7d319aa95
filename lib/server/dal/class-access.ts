import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { isAdmin } from "@/lib/roles";
import { assertTeacher } from "./session";
import type { UserDto } from "./users";

export { assertTeacher };

// Who may manage a class: its instructor and admins. Everyone else's class is reported missing (404),
// so class ids cannot be probed; students are refused by role first (403).

export async function taughtClass(user: UserDto, classId: string) {
  assertTeacher(user);
  const found = await db.class.findUnique({ where: { id: classId } });
  if (!found || (!isAdmin(user) && found.instructorId !== user.id)) throw new AppError("NOT_FOUND", "no such class");
  return found;
}

export async function memberIds(classId: string): Promise<string[]> {
  const rows = await db.classMember.findMany({ where: { classId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}
