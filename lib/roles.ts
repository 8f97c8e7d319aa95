// The roles and who teaches, in one place: the DAL's checks (lib/server/dal/session.ts), the pages and
// the header's navigation all ask these, so a new teaching role is one edit.
import type { RoleName } from "@/lib/validation/auth";

/** Roles that teach: manage classes, author questions, read analytics and reports. */
export const TEACHING_ROLES = ["INSTRUCTOR", "ADMIN"] as const satisfies readonly RoleName[];

export function hasRole(user: { role: RoleName | null } | null | undefined, roles: readonly RoleName[]): boolean {
  return !!user?.role && roles.includes(user.role);
}

export function isTeacher(user: { role: RoleName | null } | null | undefined): boolean {
  return hasRole(user, TEACHING_ROLES);
}

export function isAdmin(user: { role: RoleName | null } | null | undefined): boolean {
  return hasRole(user, ["ADMIN"]);
}
