// Where to go after signing in comes from the address bar (?callbackUrl=…), so it is attacker-chosen.
// Browsers read "/\evil", "/<tab>/evil" and "/%5Cevil" (once decoded) as "//evil", another origin, so a
// prefix check on the raw text is not enough: the text is resolved exactly as a browser would resolve
// it, against this site, and only a path on this site is kept.

const PLACEHOLDER_ORIGIN = "http://timeslice.invalid";

/** A same-origin path (with query and fragment) for `raw`, or `fallback` when it would leave the site. */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/dashboard"): string {
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" resolves to the path "//evil", which is another origin again once used as a link.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}

/** next-auth's redirect callback: the same rule, for absolute URLs against the site's own base URL. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url, base);
  } catch {
    return baseUrl;
  }
  if (target.origin !== base.origin) return baseUrl;
  const path = `${target.pathname}${target.search}${target.hash}`;
  return path.startsWith("//") ? baseUrl : `${base.origin}${path}`;
}
