// The data-access layer and sign-in logic, run once per provider (see auth.sqlite/postgres.test.ts).
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { useFreshDatabase } from "./use-database";

export function authSuite(provider: DbProvider) {
  describe(`accounts and sign-in on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { createUser } = await import("@/lib/server/dal/users");
    const { AppError } = await import("@/lib/server/errors");
    const { authOptions } = await import("@/lib/server/auth");
    const rateLimit = await import("@/lib/server/rate-limit");
    const { seed } = await import("@/prisma/seed");
    const { DEMO_ACCOUNTS } = await import("@/lib/demo/accounts");

    const credentials = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; role: string } | null> };
    };
    const authorize = (email: string, password: string, ip = "203.0.113.7") =>
      credentials.options.authorize({ email, password }, { headers: { "x-forwarded-for": ip } });

    it("stores an argon2id hash, never the password", async () => {
      const user = await createUser({ email: "ada@example.com", name: "Ada", password: "correct horse", role: "STUDENT" });
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.passwordHash).not.toContain("correct horse");
      expect(user).not.toHaveProperty("passwordHash");
    });

    it("refuses a duplicate email with CONFLICT and writes nothing", async () => {
      await createUser({ email: "dup@example.com", name: "One", password: "password1", role: "STUDENT" });
      const second = createUser({ email: "dup@example.com", name: "Two", password: "password2", role: "INSTRUCTOR" });
      await expect(second).rejects.toBeInstanceOf(AppError);
      await expect(second).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await db.user.count({ where: { email: "dup@example.com" } })).toBe(1);
    });

    it("signs in with the right password and returns the role", async () => {
      await createUser({ email: "ian@example.com", name: "Ian", password: "instructor-pass", role: "INSTRUCTOR" });
      const user = await authorize("IAN@example.com ", "instructor-pass");
      expect(user).toMatchObject({ role: "INSTRUCTOR" });
    });

    it("rejects a wrong password and an unknown account with the same message", async () => {
      await createUser({ email: "eve@example.com", name: "Eve", password: "the-real-one", role: "STUDENT" });
      await expect(authorize("eve@example.com", "a-wrong-one")).rejects.toThrow("Wrong email or password.");
      await expect(authorize("nobody@example.com", "whatever1")).rejects.toThrow("Wrong email or password.");
    });

    it("locks an account after 5 failures, even with the right password, across IPs", async () => {
      await createUser({ email: "lock@example.com", name: "Lock", password: "right-password", role: "STUDENT" });
      for (let i = 0; i < rateLimit.MAX_FAILURES_PER_ACCOUNT; i++) {
        await expect(authorize("lock@example.com", "wrong-password", `198.51.100.${i}`)).rejects.toThrow("Wrong email or password.");
      }
      await expect(authorize("lock@example.com", "right-password", "198.51.100.200")).rejects.toThrow(/Too many failed sign-in attempts/);
    });

    it("limits one IP across many accounts", async () => {
      const ip = "192.0.2.99";
      for (let i = 0; i < rateLimit.MAX_FAILURES_PER_IP; i++) await rateLimit.recordLoginFailure(`probe${i}@example.com`, ip);
      const limit = await rateLimit.checkLoginLimit("someone-new@example.com", ip);
      expect(limit.blocked).toBe(true);
      expect(limit.retryAfterSeconds).toBeGreaterThan(0);
      expect((await rateLimit.checkLoginLimit("someone-new@example.com", "192.0.2.100")).blocked).toBe(false);
    });

    it("forgets failures older than the window", async () => {
      const later = new Date(Date.now() + rateLimit.LOGIN_WINDOW_MS + 1000);
      for (let i = 0; i < rateLimit.MAX_FAILURES_PER_ACCOUNT; i++) await rateLimit.recordLoginFailure("old@example.com", "192.0.2.1");
      expect((await rateLimit.checkLoginLimit("old@example.com", "192.0.2.1")).blocked).toBe(true);
      expect((await rateLimit.checkLoginLimit("old@example.com", "192.0.2.1", later)).blocked).toBe(false);
    });

    it("seeds the demo accounts idempotently", async () => {
      const first = await seed(db);
      const second = await seed(db);
      expect(first.createdUsers).toBe(DEMO_ACCOUNTS.length);
      expect(second.createdUsers).toBe(0);
      for (const account of DEMO_ACCOUNTS) {
        expect(await authorize(account.email, account.password, "192.0.2.50")).toMatchObject({ role: account.role });
      }
    });
  });
}
