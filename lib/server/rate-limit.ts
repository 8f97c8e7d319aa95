import "server-only";
import { db } from "./db";

// Failed sign-ins are rows in the database, not counters in memory, so the limit holds across every
// app instance sharing it and survives restarts.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export interface LoginLimit {
  blocked: boolean;
  retryAfterSeconds: number;
}

export async function checkLoginLimit(email: string, ip: string, now = new Date()): Promise<LoginLimit> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([
    db.loginFailure.findMany({ where: { key: `email:${email}`, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.loginFailure.findMany({ where: { key: `ip:${ip}`, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const over = (rows: { createdAt: Date }[], max: number) =>
    rows.length >= max ? rows[rows.length - max]!.createdAt.getTime() + LOGIN_WINDOW_MS - now.getTime() : 0;
  const waitMs = Math.max(over(byAccount, MAX_FAILURES_PER_ACCOUNT), over(byIp, MAX_FAILURES_PER_IP));
  return { blocked: waitMs > 0, retryAfterSeconds: Math.ceil(waitMs / 1000) };
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await db.loginFailure.createMany({ data: [{ key: `email:${email}` }, { key: `ip:${ip}` }] });
}

/** A successful sign-in forgives the account's earlier failures (not the IP's). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { key: `email:${email}` } });
}
