import { describe, expect, test } from "vitest";
import { safeCallbackPath, sameOriginRedirect } from "./redirect";

// Each hostile value is what Next hands the page after decoding the query string once.
const HOSTILE = [
  "//127.0.0.1:3999/pwned.html",
  "/\\127.0.0.1:3999/pwned.html",
  "\\\\127.0.0.1:3999/pwned.html",
  "/\t/127.0.0.1:3999/pwned.html",
  "/\n/127.0.0.1:3999/pwned.html",
  "/\r\n/127.0.0.1:3999/pwned.html",
  " //127.0.0.1:3999/pwned.html",
  "/.//127.0.0.1:3999/pwned.html",
  "http://127.0.0.1:3999/pwned.html",
  "https:127.0.0.1:3999/pwned.html",
  "HTTP:\\\\127.0.0.1:3999",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];

describe("safeCallbackPath", () => {
  test.each(HOSTILE)("sends %j to the dashboard instead", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/dashboard");
  });

  test("keeps same-site paths, with query and fragment", () => {
    expect(safeCallbackPath("/practice/q/rr-basics?x=1#part-2")).toBe("/practice/q/rr-basics?x=1#part-2");
    expect(safeCallbackPath("/teach")).toBe("/teach");
    expect(safeCallbackPath("teach")).toBe("/teach");
    expect(safeCallbackPath(undefined)).toBe("/dashboard");
    expect(safeCallbackPath("")).toBe("/dashboard");
  });

  test("what it returns resolves to this site in a browser's URL parser, whatever the input", () => {
    for (const raw of [...HOSTILE, "/a", "/%2F%2Fevil", "/..//evil", "/.\\\\evil"]) {
      const resolved = new URL(safeCallbackPath(raw), "https://timeslice.example:8443");
      expect(resolved.origin).toBe("https://timeslice.example:8443");
    }
  });
});

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  const base = "https://timeslice.example";
  test.each(HOSTILE)("answers the base URL for %j", (raw) => {
    expect(new URL(sameOriginRedirect(raw, base)).origin).toBe(base);
  });
  test("keeps same-origin targets", () => {
    expect(sameOriginRedirect("/dashboard", base)).toBe(`${base}/dashboard`);
    expect(sameOriginRedirect(`${base}/teach?x=1`, base)).toBe(`${base}/teach?x=1`);
    expect(sameOriginRedirect("https://timeslice.example.evil.test/", base)).toBe(base);
  });
});
