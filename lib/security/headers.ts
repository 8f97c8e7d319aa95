// Header values shared by proxy.ts (pages, per request) and next.config.ts (API answers and static
// files, from the routes manifest without running the proxy).

/** For answers that never run or embed anything: JSON, redirects. */
export const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Two years, the preload list's minimum; sent only on answers that came over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";
