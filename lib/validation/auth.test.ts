import { describe, expect, it } from "vitest";
import { signUpSchema } from "./auth";

describe("sign-up validation", () => {
  const valid = { email: "A@Example.com ", name: " Ada ", password: "long enough" };

  it("normalises email and name", () => {
    expect(signUpSchema.parse(valid)).toEqual({ email: "a@example.com", name: "Ada", password: "long enough" });
  });

  it("accepts STUDENT as the only role a visitor may name", () => {
    expect(signUpSchema.parse({ ...valid, role: "STUDENT" }).role).toBe("STUDENT");
    expect(signUpSchema.safeParse({ ...valid, role: "INSTRUCTOR" }).error?.issues[0]?.message).toMatch(
      /invitation code/,
    );
  });

  it.each([
    [{ ...valid, email: "not-an-email" }, "email"],
    [{ ...valid, password: "short" }, "password"],
    [{ ...valid, name: "" }, "name"],
    [{ ...valid, role: "ADMIN" }, "role"],
    [{ ...valid, role: "ROOT" }, "role"],
    [{ ...valid, role: "INSTRUCTOR" }, "role"],
    [{ ...valid, inviteCode: 42 }, "inviteCode"],
    [{ ...valid, requestInstructor: "yes" }, "requestInstructor"],
    [{ ...valid, password: 12345678 }, "password"],
    [{ ...valid, extra: true }, ""],
  ])("rejects %o naming the field '%s'", (input, field) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join(".")).toBe(field);
  });
});
