import { type NextRequest, NextResponse } from "next/server";

// An optimistic shortcut only: anonymous visitors to signed-in areas go straight to the sign-in page.
// The real checks (session and role) happen in the data-access layer on every request.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/dashboard/:path*", "/teach/:path*"] };
