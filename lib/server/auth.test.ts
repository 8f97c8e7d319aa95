import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeOnce, refusalMessage, SIGN_IN_UNAVAILABLE } from "./auth";

const secret = "a-test-secret-that-is-long-enough-for-hkdf-0123";

afterEach(() => {
  vi.useRealTimers();
});

describe("decodeOnce (the session token memo)", () => {
  it("decodes a token once and answers the same cookie value again without decrypting", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret, maxAge: 60 });
    const first = await decodeOnce({ token, secret });
    expect(first?.sub).toBe("user-1");
    // The memo is keyed by the exact cookie value: the same value comes back as the same object...
    expect(await decodeOnce({ token, secret })).toBe(first);
    // ...and a different token is decrypted on its own.
    const other = await encode({ token: { sub: "user-2" }, secret, maxAge: 60 });
    expect((await decodeOnce({ token: other, secret }))?.sub).toBe("user-2");
  });

  it("stops accepting a remembered token once it has expired", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-11-27T10:00:00Z"), toFake: ["Date"] });
    const token = await encode({ token: { sub: "user-3" }, secret, maxAge: 60 });
    expect((await decodeOnce({ token, secret }))?.sub).toBe("user-3");
    vi.setSystemTime(Date.parse("2026-11-27T10:05:00Z"));
    // Past its exp (and jose's 15 s tolerance): not served from the memo, and decoding it again fails.
    await expect(decodeOnce({ token, secret })).rejects.toThrow(/exp/);
  });

  it("refuses a token that does not decrypt with the secret", async () => {
    const token = await encode({
      token: { sub: "user-4" },
      secret: "another-secret-entirely-0123456789-abcdef",
      maxAge: 60,
    });
    await expect(decodeOnce({ token, secret })).rejects.toThrow();
    expect(await decodeOnce({ token: "", secret })).toBeNull();
  });
});

describe("what a refused sign-in is told", () => {
  it("names the wait from the typed refusal", () => {
    expect(refusalMessage({ code: "RATE_LIMITED", retryAfterSeconds: 1 })).toBe(
      "Too many failed sign-in attempts. Try again in 1 second.",
    );
    expect(refusalMessage({ code: "RATE_LIMITED", retryAfterSeconds: 30 })).toBe(
      "Too many failed sign-in attempts. Try again in 30 seconds.",
    );
    expect(refusalMessage({ code: "RATE_LIMITED", retryAfterSeconds: 61 })).toBe(
      "Too many failed sign-in attempts. Try again in 2 minutes.",
    );
    expect(refusalMessage({ code: "UNAVAILABLE" })).toBe(SIGN_IN_UNAVAILABLE);
  });
});
