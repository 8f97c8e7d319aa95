import { type NextRequest, NextResponse } from "next/server";
import { HSTS, LOCKED_DOWN_CSP } from "@/lib/security/headers";
import { PRERENDERED } from "@/lib/security/prerendered";

// Two jobs, both before any page renders:
// 1. An optimistic shortcut: anonymous visitors to signed-in areas go straight to the sign-in page.
//    The real checks (session and role) happen in the data-access layer on every request.
// 2. Security headers that depend on the request: a per-request CSP nonce and HSTS only over HTTPS.
//    Request-independent headers (nosniff, Referrer-Policy, X-Frame-Options) are in next.config.ts so
//    they also cover static assets, which skip the proxy. API routes skip it too (see the matcher): their
//    headers need no nonce and come from next.config.ts as well.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = /^\/(dashboard|teach|practice|review|mock|history|classes|admin|v)(\/|$)/;

// app/theme-script.tsx runs before the nonce-aware renderer gets involved; its hash is pinned here and
// re-derived from its source by tests/headers.test.ts, so editing the script cannot silently break it.
export const THEME_SCRIPT_HASH = "'sha256-muxQUAhoo0P29jjMCX26lLpwow1+LmkfEHqcSx79jGI='";

export function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (forwarded) return forwarded === "https";
  return request.nextUrl.protocol === "https:" || (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
}

/**
 * The embeddable practice question (app/embed): the one page other sites may frame, so a course page can
 * show it in an <iframe>. It shows a shared question and nothing of a signed-in user, so framing it
 * cannot trick anyone into acting on their account; every other page keeps frame-ancestors 'none'.
 */
export const EMBEDDABLE = /^\/embed\/[^/]+$/;

export function contentSecurityPolicy(options: { nonce: string | null; https: boolean; embeddable?: boolean }): string {
  const dev = process.env.NODE_ENV === "development";
  const scripts = options.nonce
    ? `'self' 'nonce-${options.nonce}' 'strict-dynamic' ${THEME_SCRIPT_HASH}`
    : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    // React style={{…}} attributes (Gantt bars, progress widths) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    options.embeddable ? "frame-ancestors *" : "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Development-only pages (/dev/…, the component preview): served by `next dev`, or where
 * TIMESLICE_DEV_PREVIEW=1 asks for them (the end-to-end server tests the components against the
 * production build). Decided here, per request, so the page itself can stay prerendered.
 */
export function devPagesServed(): boolean {
  return process.env.NODE_ENV === "development" || process.env.TIMESLICE_DEV_PREVIEW === "1";
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttps(request);
  // A path no page answers: Next renders the not-found page with a 404.
  if (pathname.startsWith("/dev/") && !devPagesServed()) {
    const response = NextResponse.rewrite(new URL("/_dev-pages-are-not-served-here", request.url));
    // The prerendered not-found page's policy (its bootstrap scripts carry no nonce).
    response.headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce: null, https }));
    return response;
  }

  let response: NextResponse;
  let policy: string;
  if (SIGNED_IN_AREAS.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
    policy = LOCKED_DOWN_CSP;
  } else if (PRERENDERED.test(pathname)) {
    policy = contentSecurityPolicy({ nonce: null, https });
    response = NextResponse.next();
  } else {
    const nonce = btoa(crypto.randomUUID());
    policy = contentSecurityPolicy({ nonce, https, embeddable: EMBEDDABLE.test(pathname) });
    // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    // Everything but API routes, build assets and the static files of public/; prefetches are matched too so their redirects
    // still apply. API routes check the session themselves and take their fixed headers from
    // next.config.ts: running the proxy for them cost every grading request a second request object.
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest|robots.txt).*)",
  ],
};
