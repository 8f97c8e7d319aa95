import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/validation/auth";
import { hasRole, isAdmin, isTeacher, TEACHING_ROLES } from "./roles";

describe("roles", () => {
  it("teachers are exactly the instructors and admins; students and the signed-out are not", () => {
    expect(ROLES.filter((role) => isTeacher({ role }))).toEqual(["INSTRUCTOR", "ADMIN"]);
    expect(ROLES.filter((role) => isAdmin({ role }))).toEqual(["ADMIN"]);
    expect(isTeacher(null)).toBe(false);
    expect(isTeacher({ role: null })).toBe(false);
  });

  it("hasRole accepts a user whose role is listed, for every pair", () => {
    for (const role of ROLES) for (const listed of ROLES) expect(hasRole({ role }, [listed])).toBe(role === listed);
    expect(hasRole({ role: "STUDENT" }, TEACHING_ROLES)).toBe(false);
  });
});
