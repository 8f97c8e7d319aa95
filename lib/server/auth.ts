import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cache } from "react";
import { signInSchema } from "@/lib/validation/auth";
import { db } from "./db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isUnavailable } from "./http";
import { checkLoginLimit, clearAccountFailures, recordLoginFailure } from "./rate-limit";

// Credentials + JWT sessions: next-auth v4 only supports credentials with JWT, and a signed cookie
// keeps every app instance stateless. The DAL still loads the user from the database on each request,
// so a deleted account or a changed role takes effect at once, not when the token expires.

/** Verified against when the account does not exist, so response time does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("no such account: constant-time decoy"));

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "local";
}

/**
 * What authorize() throws when the database cannot be reached. next-auth answers every failed
 * authorize() with 401 and the message; the auth route recognises this one and answers 503 instead,
 * so a student is never told a correct password is wrong.
 */
export const SIGN_IN_UNAVAILABLE = "Timeslice can't reach its database right now, so your password could not be checked. Try again in a moment.";

async function checkCredentials(email: string, password: string, ip: string) {
  const limit = await checkLoginLimit(email, ip);
  if (limit.blocked) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    throw new Error(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) {
    await recordLoginFailure(email, ip);
    throw new Error("Wrong email or password.");
  }
  await clearAccountFailures(email);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your email and password.");
        try {
          return await checkCredentials(parsed.data.email, parsed.data.password, clientIp(req?.headers));
        } catch (error) {
          if (isUnavailable(error)) throw new Error(SIGN_IN_UNAVAILABLE);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: string }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.sub;
        (session.user as { role?: unknown }).role = token.role;
      }
      return session;
    },
  },
};

/** The session for this request (deduplicated within one render). */
export const getSession = cache(() => getServerSession(authOptions));
