import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptions, authOptionsFor, refusalMessage, type SignInRefusal } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { assertSameOrigin, errorResponse, readBodyText, RETRY_AFTER_SECONDS } from "@/lib/server/http";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's form posts (sign-in, sign-out) carry an email, a password and a token: a few hundred bytes. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

// next-auth answers every failed authorize() with 401 (or a redirect to its error page). Two failures
// are not about the password, and say so with their own status and a Retry-After: a database outage
// (503; a 401 would read as "wrong password") and a sign-in limit (429). authorize() hands the reason to
// this route as a typed value through the per-request options; the body keeps next-auth's `url`, which
// is what next-auth/react's signIn() reads, and adds `error: { code, message, retryAfterSeconds }`.
async function POST(request: NextRequest, context: Context): Promise<Response> {
  let bounded: NextRequest;
  try {
    // next-auth's own CSRF token does not stop a same-site page that can set this host's cookies.
    assertSameOrigin(request);
    const body = await readBodyText(request, MAX_AUTH_BODY_BYTES);
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    bounded = new NextRequest(request.url, { method: "POST", headers, body });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
  const sink: { refusal?: SignInRefusal } = {};
  const response: Response = await NextAuth(bounded, context, authOptionsFor(sink));
  if (!sink.refusal) return response;
  const refusal = sink.refusal;
  const retryAfter = refusal.code === "UNAVAILABLE" ? RETRY_AFTER_SECONDS : refusal.retryAfterSeconds;
  const url =
    response.headers.get("location") ??
    (
      (await response
        .clone()
        .json()
        .catch(() => null)) as { url?: unknown } | null
    )?.url ??
    null;
  const replaced = NextResponse.json(
    { url, error: { code: refusal.code, message: refusalMessage(refusal), retryAfterSeconds: retryAfter } },
    { status: refusal.code === "UNAVAILABLE" ? 503 : 429, headers: { "Retry-After": String(retryAfter) } },
  );
  for (const cookie of response.headers.getSetCookie()) replaced.headers.append("set-cookie", cookie);
  return replaced;
}

export { handler as GET, POST };
