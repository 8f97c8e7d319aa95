import { describe, expect, it } from "vitest";
import { signUpSchema } from "./auth";

describe("sign-up validation", () => {
  const valid = { email: "A@Example.com ", name: " Ada ", password: "long enough" };

  it("normalises email and name and defaults the role to STUDENT", () => {
    expect(signUpSchema.parse(valid)).toEqual({ email: "a@example.com", name: "Ada", password: "long enough", role: "STUDENT" });
  });

  it.each([
    [{ ...valid, email: "not-an-email" }, "email"],
    [{ ...valid, password: "short" }, "password"],
    [{ ...valid, name: "" }, "name"],
    [{ ...valid, role: "ADMIN" }, "role"],
    [{ ...valid, role: "ROOT" }, "role"],
    [{ ...valid, password: 12345678 }, "password"],
    [{ ...valid, extra: true }, ""],
  ])("rejects %o naming the field '%s'", (input, field) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join(".")).toBe(field);
  });
});
