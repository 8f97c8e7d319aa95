// Route handlers cannot see the TCP peer's address, and Next.js keeps a client-sent X-Forwarded-For as
// it is, so a forged header would be all the sign-in limits had to go on. This stamps every incoming
// request, before Next.js sees it, with the client address resolved from the socket and the configured
// trusted proxies (lib/server/client-ip.ts). Called once per process from instrumentation.ts.
import http from "node:http";
import { CLIENT_IP_HEADER, CLIENT_IP_STAMPED, parseTrustedProxies, resolveClientIp } from "./client-ip";

export function stampClientIp(): void {
  const flags = globalThis as unknown as Record<symbol, boolean>;
  if (flags[CLIENT_IP_STAMPED]) return;
  const trusted = parseTrustedProxies(process.env.TIMESLICE_TRUSTED_PROXIES);
  const emit = http.Server.prototype.emit as (this: unknown, event: string | symbol, ...rest: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[CLIENT_IP_HEADER] = resolveClientIp(
        request.socket.remoteAddress,
        request.headers["x-forwarded-for"],
        trusted,
      );
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
  flags[CLIENT_IP_STAMPED] = true;
}
