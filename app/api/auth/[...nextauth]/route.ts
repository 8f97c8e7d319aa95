import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions, lockedOutRetryAfter, SIGN_IN_UNAVAILABLE } from "@/lib/server/auth";
import { RETRY_AFTER_SECONDS } from "@/lib/server/http";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** The error next-auth put in a failed sign-in's redirect URL (JSON `url` for fetch clients, else Location). */
async function signInError(response: Response): Promise<{ url: string; error: string | null } | null> {
  let url = response.headers.get("location");
  if (!url && response.status === 401 && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
    url = typeof body?.url === "string" ? body.url : null;
  }
  if (!url) return null;
  try {
    return { url, error: new URL(url, "http://localhost").searchParams.get("error") };
  } catch {
    return null;
  }
}

// next-auth answers every failed authorize() with 401 (or a redirect to its error page). Two failures
// are not about the password, and say so with their own status and a Retry-After: a database outage
// (503; a 401 would read as "wrong password") and a locked-out account or address (429). The body keeps
// next-auth's `url` (with the message as `error`), which is what next-auth/react's signIn() reads.
async function POST(request: Request, context: Context): Promise<Response> {
  const response: Response = await handler(request, context);
  if (response.status !== 401 && response.status !== 302) return response;
  const failed = await signInError(response);
  if (!failed?.error) return response;
  const lockedFor = lockedOutRetryAfter(failed.error);
  const answer =
    failed.error === SIGN_IN_UNAVAILABLE
      ? { code: "UNAVAILABLE", status: 503, retryAfter: RETRY_AFTER_SECONDS }
      : lockedFor !== null
        ? { code: "RATE_LIMITED", status: 429, retryAfter: lockedFor }
        : null;
  if (!answer) return response;
  const replaced = NextResponse.json(
    { url: failed.url, error: { code: answer.code, message: failed.error } },
    { status: answer.status, headers: { "Retry-After": String(answer.retryAfter) } },
  );
  for (const cookie of response.headers.getSetCookie()) replaced.headers.append("set-cookie", cookie);
  return replaced;
}

export { handler as GET, POST };
