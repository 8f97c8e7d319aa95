// The data-access layer and sign-in logic, run once per provider (see auth.sqlite/postgres.test.ts).
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { useFreshDatabase } from "./use-database";

export function authSuite(provider: DbProvider) {
  describe(`accounts and sign-in on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const users = await import("@/lib/server/dal/users");
    const { createUser } = users;
    const { AppError } = await import("@/lib/server/errors");
    const { authOptions, SignInRefused } = await import("@/lib/server/auth");
    const rateLimit = await import("@/lib/server/rate-limit");
    const { seed } = await import("@/prisma/seed");
    const { DEMO_ACCOUNTS } = await import("@/lib/demo/accounts");

    const credentials = authOptions.providers[0] as unknown as {
      options: {
        authorize: (
          c: Record<string, string>,
          req: { headers: Record<string, string> },
        ) => Promise<{ id: string; role: string; sessionVersion: number } | null>;
      };
    };
    const authorize = (email: string, password: string, ip = "203.0.113.7") =>
      credentials.options.authorize({ email, password }, { headers: { "x-forwarded-for": ip } });

    it("stores an argon2id hash, never the password", async () => {
      const user = await createUser({
        email: "ada@example.com",
        name: "Ada",
        password: "correct horse",
        role: "STUDENT",
      });
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

    it("limits guesses per account and source; the owner elsewhere is not locked out", async () => {
      await createUser({ email: "lock@example.com", name: "Lock", password: "right-password", role: "STUDENT" });
      for (let i = 0; i < rateLimit.MAX_FAILURES_PER_ACCOUNT_AND_SOURCE; i++) {
        await expect(authorize("lock@example.com", "wrong-password", "198.51.100.1")).rejects.toThrow(
          "Wrong email or password.",
        );
      }
      const refused = await authorize("lock@example.com", "right-password", "198.51.100.1").catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SignInRefused);
      expect((refused as InstanceType<typeof SignInRefused>).refusal).toMatchObject({ code: "RATE_LIMITED" });
      // Once the account-wide delay (1 s after five failures) has passed, the owner signs in from elsewhere...
      const later = new Date(Date.now() + 2000);
      expect((await rateLimit.checkLoginLimit("lock@example.com", "198.51.100.200", later)).blocked).toBe(false);
      // ...while the guessing address stays refused for the rest of the window.
      const stillLocked = await rateLimit.checkLoginLimit("lock@example.com", "198.51.100.1", later);
      expect(stillLocked.blocked).toBe(true);
      expect(stillLocked.retryAfterSeconds).toBeGreaterThan(60);
    });

    it("a spray from many addresses slows one account down progressively, to at most a minute, never a lock", async () => {
      const t0 = Date.now();
      const n = 40;
      for (let i = 0; i < n; i++)
        await rateLimit.recordLoginFailure("sprayed@example.com", `203.0.113.${i}`, new Date(t0 + i * 1000));
      const last = t0 + (n - 1) * 1000;
      const soon = await rateLimit.checkLoginLimit("sprayed@example.com", "192.0.2.77", new Date(last + 1000));
      expect(soon.blocked).toBe(true);
      expect(soon.retryAfterSeconds).toBe(rateLimit.MAX_ACCOUNT_DELAY_MS / 1000 - 1);
      expect(
        (
          await rateLimit.checkLoginLimit(
            "sprayed@example.com",
            "192.0.2.77",
            new Date(last + rateLimit.MAX_ACCOUNT_DELAY_MS),
          )
        ).blocked,
      ).toBe(false);
      // The delay doubles from the threshold on: 1 s, 2 s, 4 s, …
      expect([5, 6, 7, 8].map(rateLimit.accountDelayMs)).toEqual([1000, 2000, 4000, 8000]);
      expect(rateLimit.accountDelayMs(rateLimit.ACCOUNT_FAILURES_BEFORE_DELAY - 1)).toBe(0);
    });

    it("limits one address across many accounts", async () => {
      const ip = "192.0.2.99";
      for (let i = 0; i < rateLimit.MAX_FAILURES_PER_SOURCE; i++)
        await rateLimit.recordLoginFailure(`probe${i}@example.com`, ip);
      const limit = await rateLimit.checkLoginLimit("someone-new@example.com", ip);
      expect(limit.blocked).toBe(true);
      expect(limit.retryAfterSeconds).toBeGreaterThan(0);
      expect((await rateLimit.checkLoginLimit("someone-new@example.com", "192.0.2.100")).blocked).toBe(false);
    });

    it("forgets failures older than the window", async () => {
      const later = new Date(Date.now() + rateLimit.LOGIN_WINDOW_MS + 1000);
      for (let i = 0; i < rateLimit.MAX_FAILURES_PER_ACCOUNT_AND_SOURCE; i++)
        await rateLimit.recordLoginFailure("old@example.com", "192.0.2.1");
      expect((await rateLimit.checkLoginLimit("old@example.com", "192.0.2.1")).blocked).toBe(true);
      expect((await rateLimit.checkLoginLimit("old@example.com", "192.0.2.1", later)).blocked).toBe(false);
    });

    it("sign-up answers an existing email exactly like a new one and changes nothing", async () => {
      const first = await users.signUp({ email: "taken@example.com", name: "First", password: "first-password" });
      const second = await users.signUp({ email: "taken@example.com", name: "Second", password: "second-password" });
      expect(second).toEqual(first);
      const row = await db.user.findUniqueOrThrow({ where: { email: "taken@example.com" } });
      expect(row.name).toBe("First");
      expect(await authorize("taken@example.com", "first-password", "192.0.2.60")).toMatchObject({ role: "STUDENT" });
    });

    it("instructor rights come from a single-use invitation or an admin's approval, never from sign-up alone", async () => {
      const teacher = await createUser({
        email: "teacher@example.com",
        name: "T",
        password: "teacher-password",
        role: "INSTRUCTOR",
      });
      const student = await createUser({
        email: "plain@example.com",
        name: "S",
        password: "student-password",
        role: "STUDENT",
      });
      await expect(users.createInstructorInvite(student)).rejects.toMatchObject({ code: "FORBIDDEN" });
      const { code } = await users.createInstructorInvite(teacher);
      await users.signUp({ email: "invited@example.com", name: "I", password: "invited-password", inviteCode: code });
      expect((await db.user.findUniqueOrThrow({ where: { email: "invited@example.com" } })).role).toBe("INSTRUCTOR");
      await expect(
        users.signUp({ email: "second@example.com", name: "2", password: "second-password", inviteCode: code }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
      expect(await db.user.count({ where: { email: "second@example.com" } })).toBe(0);
      const expired = await users.createInstructorInvite(
        teacher,
        new Date(Date.now() - users.INVITE_LIFETIME_MS - 1000),
      );
      await expect(
        users.signUp({ email: "late@example.com", name: "L", password: "late-password", inviteCode: expired.code }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });

      await users.signUp({
        email: "asker@example.com",
        name: "A",
        password: "asker-password",
        requestInstructor: true,
        requestMessage: "I teach OS",
      });
      const asker = await db.user.findUniqueOrThrow({ where: { email: "asker@example.com" } });
      expect(asker.role).toBe("STUDENT");
      const admin = await createUser({
        email: "boss@example.com",
        name: "B",
        password: "admin-password",
        role: "ADMIN",
      });
      await expect(users.listInstructorRequests(teacher)).rejects.toMatchObject({ code: "FORBIDDEN" });
      const open = await users.listInstructorRequests(admin);
      expect(open.map((r) => r.email)).toEqual(["asker@example.com"]);
      await expect(users.decideInstructorRequest(teacher, open[0]!.id, true)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await users.decideInstructorRequest(admin, open[0]!.id, true);
      expect((await db.user.findUniqueOrThrow({ where: { id: asker.id } })).role).toBe("INSTRUCTOR");
      expect(await users.listInstructorRequests(admin)).toEqual([]);
      await expect(users.decideInstructorRequest(admin, open[0]!.id, false)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });

    it("sign-out and a password change move the session version on", async () => {
      const u = await createUser({ email: "sv@example.com", name: "SV", password: "old-password", role: "STUDENT" });
      const version = async () => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion;
      const signedIn = await authorize("sv@example.com", "old-password", "192.0.2.61");
      expect(signedIn).toMatchObject({ sessionVersion: 0 });
      await users.endAllSessions(u);
      expect(await version()).toBe(1);
      await expect(
        users.changePassword(u, { currentPassword: "wrong", newPassword: "new-password" }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await users.changePassword(u, { currentPassword: "old-password", newPassword: "new-password" });
      expect(await version()).toBe(2);
      expect(await authorize("sv@example.com", "new-password", "192.0.2.61")).toMatchObject({ sessionVersion: 2 });
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
