import "server-only";
import type { QuestionTemplate as TemplateRow } from "@/prisma/generated/sqlite/client";
import { isAdmin } from "@/lib/roles";
import { AppError } from "../errors";
import { assertTeacher } from "./session";
import type { UserDto } from "./users";

// Who may see and change which question templates. Instructors see the built-in bank and their own
// questions; someone else's question is reported as missing, so its existence does not leak.

/** Students have no business in the authoring area at all. */
export function requireAuthor(user: UserDto): void {
  assertTeacher(user);
}

export function canSee(user: UserDto, row: Pick<TemplateRow, "builtIn" | "authorId">): boolean {
  return isAdmin(user) || row.builtIn || row.authorId === user.id;
}

export function canEdit(user: UserDto, row: Pick<TemplateRow, "builtIn" | "authorId">): boolean {
  return isAdmin(user) || (!row.builtIn && row.authorId === user.id);
}

/** The visibility rule as a Prisma filter, for lists. */
export function visibleWhere(user: UserDto) {
  return isAdmin(user) ? {} : { OR: [{ builtIn: true }, { authorId: user.id }] };
}

export function assertVisible<T extends Pick<TemplateRow, "builtIn" | "authorId">>(user: UserDto, row: T | null): T {
  if (!row || !canSee(user, row)) throw new AppError("NOT_FOUND", "no such question");
  return row;
}

export function assertEditable<T extends Pick<TemplateRow, "builtIn" | "authorId">>(user: UserDto, row: T | null): T {
  const visible = assertVisible(user, row);
  if (!canEdit(user, visible))
    throw new AppError("FORBIDDEN", "built-in questions are edited by admins; duplicate it to make your own copy");
  return visible;
}
