import "server-only";
import type { NextAuthOptions } from "next-auth";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import { LRUCache } from "lru-cache";
import { sameOriginRedirect } from "@/lib/security/redirect";
import { signInSchema } from "@/lib/validation/auth";
import { db } from "./db";
import { SIGN_IN_UNAVAILABLE } from "@/lib/auth/messages";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export { SIGN_IN_UNAVAILABLE };
import { isUnavailable } from "./http";
import { CLIENT_IP_HEADER, CLIENT_IP_STAMPED, parseTrustedProxies, resolveClientIp } from "./client-ip";
import { endAllSessions } from "./dal/users";
import { checkLoginLimit, clearAccountFailures, recordLoginFailure } from "./rate-limit";

// Credentials + JWT sessions: next-auth v4 only supports credentials with JWT, and a signed cookie
// keeps every app instance stateless. The DAL still loads the user from the database on each request,
// so a deleted account or a changed role takes effect at once, not when the token expires.

/** Verified against when the account does not exist, so response time does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("no such account: constant-time decoy"));

const trustedProxies = parseTrustedProxies(process.env.TIMESLICE_TRUSTED_PROXIES);

/** The address the sign-in limits count against (see lib/server/client-ip.ts). */
export function clientIp(headers: Record<string, unknown> | undefined): string {
  const stamped = headers?.[CLIENT_IP_HEADER];
  // Believed only when the server itself stamped every request (instrumentation.ts), replacing whatever
  // a client sent under that name.
  if (typeof stamped === "string" && (globalThis as unknown as Record<symbol, boolean>)[CLIENT_IP_STAMPED])
    return stamped;
  const forwarded = headers?.["x-forwarded-for"];
  return resolveClientIp(undefined, typeof forwarded === "string" ? forwarded : undefined, trustedProxies);
}

/**
 * Why a sign-in was refused without checking the password. It reaches the auth route as a value (the
 * per-request sink of authOptionsFor), never as text to parse back out of next-auth's redirect URL.
 */
export type SignInRefusal = { code: "RATE_LIMITED"; retryAfterSeconds: number } | { code: "UNAVAILABLE" };

export class SignInRefused extends Error {
  constructor(readonly refusal: SignInRefusal) {
    super(refusal.code);
    this.name = "SignInRefused";
  }
}

/** What the sign-in form and the API tell a refused sign-in. */
export function refusalMessage(refusal: SignInRefusal): string {
  if (refusal.code === "UNAVAILABLE") return SIGN_IN_UNAVAILABLE;
  const seconds = refusal.retryAfterSeconds;
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-in attempts. Try again in ${wait}.`;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
}

/** Checks an email and password under the sign-in limits; throws SignInRefused or a wrong-password Error. */
export async function authorizeCredentials(
  credentials: unknown,
  headers: Record<string, unknown> | undefined,
): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new Error("Enter your email and password.");
  const { email, password } = parsed.data;
  const ip = clientIp(headers);
  try {
    const limit = await checkLoginLimit(email, ip);
    if (limit.blocked) throw new SignInRefused({ code: "RATE_LIMITED", retryAfterSeconds: limit.retryAfterSeconds });
    const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
    const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
    if (!user || !ok) {
      await recordLoginFailure(email, ip);
      throw new Error("Wrong email or password.");
    }
    await clearAccountFailures(email, ip);
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  } catch (error) {
    if (isUnavailable(error)) throw new SignInRefused({ code: "UNAVAILABLE" });
    throw error;
  }
}

/**
 * next-auth's options. `sink` receives the typed reason of a refused sign-in for the auth route of this
 * one request; next-auth itself only ever sees the refusal's code as the error.
 */
export function authOptionsFor(sink?: { refusal?: SignInRefusal }): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await authorizeCredentials(credentials, req?.headers);
          } catch (error) {
            if (error instanceof SignInRefused && sink) sink.refusal = error.refusal;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // next-auth's default accepts any URL starting with "/"; resolve it instead, same origin only.
      redirect({ url, baseUrl }) {
        return sameOriginRedirect(url, baseUrl);
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as Partial<SignedInUser>).role;
          token.sv = (user as Partial<SignedInUser>).sessionVersion ?? 0;
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
    events: {
      // Signing out ends the session on the server too: every cookie issued before stops working.
      async signOut({ token }) {
        if (typeof token?.sub === "string") await endAllSessions({ id: token.sub });
      },
    },
  };
}

export const authOptions: NextAuthOptions = authOptionsFor();

/**
 * The signed-in user's id and session version from this request's session cookie, or null
 * (deduplicated within one render). Only decodes the cookie, with next-auth's own getToken:
 * getServerSession would also re-encrypt the token and send a fresh cookie on every API call, which is
 * most of its cost on the grading path. The session still slides: every page load refreshes it through
 * /api/auth/session (the header's fetch). Only the cookie is read — the request's headers are not
 * passed — so no Authorization bearer token is accepted in its place. The DAL compares the version with
 * the user's row (lib/server/dal/session.ts).
 */
export const getSessionToken = cache(async (): Promise<{ userId: string; version: number } | null> => {
  const cookieStore = await cookies();
  // getToken picks the cookie's name (__Secure- over HTTPS) the same way next-auth set it.
  const token = await getToken({
    req: { cookies: cookieStore, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    decode: decodeOnce,
  });
  if (typeof token?.sub !== "string") return null;
  // Tokens issued before session versions existed carry none: they match the column's default, 0.
  return { userId: token.sub, version: typeof token.sv === "number" ? token.sv : 0 };
});

/**
 * Session tokens already decrypted by this process, by their exact cookie value. Decoding derives the
 * key (HKDF) and decrypts on every request, ≈ 0.25 ms of CPU; a student sends the same cookie with every
 * answer. Only a byte-identical token hits, and its expiry is checked again on every hit. Bounded, so a
 * flood of distinct tokens costs memory for at most this many.
 */
const DECODED_TOKENS = new LRUCache<string, JWT>({ max: 5_000 });

export async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const raw = params.token;
  if (!raw) return null;
  const hit = DECODED_TOKENS.get(raw);
  if (hit && typeof hit.exp === "number" && hit.exp * 1000 > Date.now()) return hit;
  const token = await decode(params);
  if (token) DECODED_TOKENS.set(raw, token);
  return token;
}
