// Idempotent seed: demo accounts (and, as later features land, the built-in content). Safe to run on
// every start: existing rows are left as they are, so a changed demo password is not reset.
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { seedBank } from "@/lib/db/seed-bank";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";

export async function seed(
  db: Db,
  { demoAccounts = true } = {},
): Promise<{ createdUsers: number; questionsCreated: number; questionsUpdated: number }> {
  let createdUsers = 0;
  if (demoAccounts) {
    for (const account of DEMO_ACCOUNTS) {
      const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
      if (existing) continue;
      await db.user.create({
        data: {
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash: await hashPassword(account.password),
        },
      });
      createdUsers++;
    }
  }
  await ensureAdmin(db);
  const bank = await seedBank(db);
  return { createdUsers, questionsCreated: bank.created, questionsUpdated: bank.updated };
}

/**
 * The first administrator comes from the environment (TIMESLICE_ADMIN_EMAIL + TIMESLICE_ADMIN_PASSWORD):
 * nobody can sign up as an admin, so this is how a deployment gets one. An existing account with that
 * email is promoted; its password is left alone.
 */
async function ensureAdmin(db: Db): Promise<void> {
  const email = process.env.TIMESLICE_ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.TIMESLICE_ADMIN_PASSWORD;
  if (!email || !password) return;
  if (password.length < 12) throw new Error("TIMESLICE_ADMIN_PASSWORD must be at least 12 characters");
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (existing) {
    if (existing.role !== "ADMIN") await db.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } });
    return;
  }
  await db.user.create({
    data: { email, name: "Administrator", role: "ADMIN", passwordHash: await hashPassword(password) },
  });
}
