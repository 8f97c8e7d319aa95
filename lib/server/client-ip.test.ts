import { describe, expect, test } from "vitest";
import { parseTrustedProxies, resolveClientIp } from "./client-ip";

describe("resolveClientIp", () => {
  const none = parseTrustedProxies(undefined);
  const nginx = parseTrustedProxies("10.0.0.2, 192.168.0.0/16, fd00::/8");

  test("with no trusted proxy, X-Forwarded-For is ignored: rotating it changes nothing", () => {
    for (const forged of ["1.1.1.1", "2.2.2.2, 3.3.3.3", "garbage", ""])
      expect(resolveClientIp("198.51.100.9", forged, none)).toBe("198.51.100.9");
  });

  test("behind a trusted proxy, the right-most untrusted hop is the client, whatever the client prepends", () => {
    // nginx ($proxy_add_x_forwarded_for) appended 203.0.113.5, the address it received the request from.
    expect(resolveClientIp("10.0.0.2", "203.0.113.5", nginx)).toBe("203.0.113.5");
    expect(resolveClientIp("10.0.0.2", "6.6.6.6, 7.7.7.7, 203.0.113.5", nginx)).toBe("203.0.113.5");
    expect(resolveClientIp("10.0.0.2", ["6.6.6.6", "203.0.113.5"], nginx)).toBe("203.0.113.5");
    // Two trusted hops (a load balancer in the private range, then nginx).
    expect(resolveClientIp("10.0.0.2", "6.6.6.6, 203.0.113.5, 192.168.4.4", nginx)).toBe("203.0.113.5");
  });

  test("a client talking to the app directly cannot pose as the proxy's client", () => {
    expect(resolveClientIp("203.0.113.77", "10.0.0.2, 192.168.1.1", nginx)).toBe("203.0.113.77");
  });

  test("IPv4-mapped IPv6 peers and IPv6 ranges", () => {
    expect(resolveClientIp("::ffff:198.51.100.1", undefined, none)).toBe("198.51.100.1");
    expect(resolveClientIp("fd00::1", "2001:db8::7", nginx)).toBe("2001:db8::7");
  });

  test("unknown peer: the right-most entry (what Next.js put there from the socket) stands in", () => {
    expect(resolveClientIp(undefined, "6.6.6.6, 198.51.100.3", none)).toBe("198.51.100.3");
    expect(resolveClientIp(undefined, undefined, none)).toBe("unknown");
  });

  test("a bad TIMESLICE_TRUSTED_PROXIES entry is refused at start, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.1, nginx.local")).toThrow(/nginx\.local/);
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/prefix/);
  });
});
