import "server-only";
import type { NextAuthOptions } from "next-auth";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import { LruCache } from "@/lib/cache/lru";
import { sameOriginRedirect } from "@/lib/security/redirect";
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

const LOCKED_OUT = "Too many failed sign-in attempts.";

/** What a locked-out sign-in is told; the auth route reads the wait back with lockedOutRetryAfter. */
export function lockedOutMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${LOCKED_OUT} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Seconds to wait, from a lockedOutMessage (whole minutes, rounded up); null for any other message.
 * next-auth passes only authorize()'s message on to the route, so the message is the channel.
 */
export function lockedOutRetryAfter(message: string | null): number | null {
  const minutes = message?.startsWith(LOCKED_OUT) ? /in (\d+) minutes?\.$/.exec(message) : null;
  return minutes ? Number(minutes[1]) * 60 : null;
}

async function checkCredentials(email: string, password: string, ip: string) {
  const limit = await checkLoginLimit(email, ip);
  if (limit.blocked) throw new Error(lockedOutMessage(limit.retryAfterSeconds));
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
    // next-auth's default accepts any URL starting with "/"; resolve it instead, same origin only.
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
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

/**
 * The signed-in user's id from this request's session cookie, or null (deduplicated within one render).
 * Only decodes the cookie, with next-auth's own getToken: getServerSession would also re-encrypt the
 * token and send a fresh cookie on every API call, which is most of its cost on the grading path. The
 * session still slides: every page load refreshes it through /api/auth/session (the header's fetch).
 * Only the cookie is read — the request's headers are not passed — so no Authorization bearer token is
 * accepted in its place.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const cookieStore = await cookies();
  // getToken picks the cookie's name (__Secure- over HTTPS) the same way next-auth set it.
  const token = await getToken({ req: { cookies: cookieStore, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], decode: decodeOnce });
  return typeof token?.sub === "string" ? token.sub : null;
});

/**
 * Session tokens already decrypted by this process, by their exact cookie value. Decoding derives the
 * key (HKDF) and decrypts on every request, ≈ 0.25 ms of CPU; a student sends the same cookie with every
 * answer. Only a byte-identical token hits, and its expiry is checked again on every hit. Bounded, so a
 * flood of distinct tokens costs memory for at most this many.
 */
const DECODED_TOKENS = new LruCache<string, JWT>(5_000);

export async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const raw = params.token;
  if (!raw) return null;
  const hit = DECODED_TOKENS.get(raw);
  if (hit && typeof hit.exp === "number" && hit.exp * 1000 > Date.now()) return hit;
  const token = await decode(params);
  if (token) DECODED_TOKENS.set(raw, token);
  return token;
}
