// Which address a request comes from, for the sign-in limits. X-Forwarded-For is written by whoever
// sends the request, so it is believed only as far as a configured proxy vouches for it: starting from
// the TCP peer, each hop that is a trusted proxy hands over to the address it says it received the
// request from (the entry it appended, right-most first). The first untrusted address is the client.
// Nginx's $proxy_add_x_forwarded_for appends, so entries a client forges sit to the left and are never
// reached unless every hop to their right is trusted.
import { BlockList, isIP } from "node:net";

/** Request header the server sets from the socket (instrumentation.ts); any value a client sends is replaced. */
export const CLIENT_IP_HEADER = "x-timeslice-client-ip";
/** Set on globalThis once the server stamps CLIENT_IP_HEADER on every request, so the header can be believed. */
export const CLIENT_IP_STAMPED = Symbol.for("timeslice.client-ip-stamped");

export type TrustRule = (address: string) => boolean;

function normalize(address: string): string {
  const trimmed = address.trim();
  // "::ffff:127.0.0.1" is how a dual-stack socket reports an IPv4 peer.
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** TIMESLICE_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (IPv4 or IPv6); empty trusts none. */
export function parseTrustedProxies(spec: string | undefined): TrustRule {
  const list = new BlockList();
  let any = false;
  for (const raw of (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = raw.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`TIMESLICE_TRUSTED_PROXIES: '${raw}' is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32))
        throw new Error(`TIMESLICE_TRUSTED_PROXIES: '${raw}' has a bad prefix length`);
      list.addSubnet(address, bits, type);
    }
    any = true;
  }
  if (!any) return () => false;
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
  };
}

/**
 * The client's address: the right-most hop no trusted proxy stands for. `peer` is the socket's remote
 * address; undefined when it is not known, in which case the right-most forwarded entry stands in for it
 * (Next.js fills X-Forwarded-For with the socket address when a request brings none).
 */
export function resolveClientIp(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustRule,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalize)
    .filter(Boolean);
  const hops = peer ? [...forwarded, normalize(peer)] : forwarded;
  if (!hops.length) return "unknown";
  for (let i = hops.length - 1; i > 0; i--) {
    if (!trusted(hops[i]!)) return hops[i]!.slice(0, 64);
  }
  // Every hop to the right was a trusted proxy: the left-most entry is what the first of them saw.
  return hops[0]!.slice(0, 64);
}
