import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hasRole, TEACHING_ROLES } from "@/lib/roles";
import type { RoleName } from "@/lib/validation/auth";
import { getSessionToken } from "../auth";
import { db } from "../db";
import { AppError } from "../errors";
import type { UserDto } from "./users";

// The one place where "who is asking, and may they?" is decided. Pages, route handlers and server
// actions all go through these functions; the proxy's cookie check is only a shortcut for redirects.

/**
 * The signed-in user, freshly loaded from the database, or null. A cookie issued before the account's
 * last sign-out or password change (an older session version) counts as no session at all.
 */
export const currentUser = cache(async (): Promise<UserDto | null> => {
  const session = await getSessionToken();
  if (!session) return null;
  // Raw SQL: this runs on every signed-in request, and the query builder costs several times the statement.
  const [row] = await db.$queryRaw<
    (UserDto & { sessionVersion: number | bigint })[]
  >`SELECT "id", "email", "name", "role", "sessionVersion" FROM "User" WHERE "id" = ${session.userId}`;
  if (!row || Number(row.sessionVersion) !== session.version) return null;
  const { sessionVersion: _version, ...user } = row;
  return user;
});

/** For API routes: throws AppError (401/403) instead of redirecting. */
export async function requireUser(): Promise<UserDto> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "sign in first");
  return user;
}

/** The one role check of the DAL: a wrong role is 403 naming the roles that would do. */
export function assertRole(user: UserDto, ...roles: RoleName[]): void {
  if (!hasRole(user, roles)) throw new AppError("FORBIDDEN", `this needs the ${roles.join(" or ")} role`);
}

/** Instructors and admins (TEACHING_ROLES). */
export function assertTeacher(user: UserDto): void {
  assertRole(user, ...TEACHING_ROLES);
}

export async function requireRole(...roles: RoleName[]): Promise<UserDto> {
  const user = await requireUser();
  assertRole(user, ...roles);
  return user;
}

export function requireTeacher(): Promise<UserDto> {
  return requireRole(...TEACHING_ROLES);
}

/** For pages: sends anonymous visitors to sign in and shows the 403 page to the wrong role. */
export async function requirePageUser(returnTo: string): Promise<UserDto> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requirePageRole(returnTo: string, ...roles: RoleName[]): Promise<UserDto> {
  const user = await requirePageUser(returnTo);
  if (!hasRole(user, roles)) forbidden();
  return user;
}

export function requirePageTeacher(returnTo: string): Promise<UserDto> {
  return requirePageRole(returnTo, ...TEACHING_ROLES);
}
