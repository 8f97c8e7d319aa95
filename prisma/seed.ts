// Idempotent seed: demo accounts (and, as later features land, the built-in content). Safe to run on
// every start: existing rows are left as they are, so a changed demo password is not reset.
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { seedBank } from "@/lib/bank/seed-bank";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";

export async function seed(db: Db, { demoAccounts = true } = {}): Promise<{ createdUsers: number; questionsCreated: number; questionsUpdated: number }> {
  let createdUsers = 0;
  if (demoAccounts) {
    for (const account of DEMO_ACCOUNTS) {
      const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
      if (existing) continue;
      await db.user.create({
        data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) },
      });
      createdUsers++;
    }
  }
  const bank = await seedBank(db);
  return { createdUsers, questionsCreated: bank.created, questionsUpdated: bank.updated };
}
