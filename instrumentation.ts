// Runs once when a server process starts (Next.js calls register()). The Node-only part lives in
// lib/server/stamp-client-ip.ts, imported only on the Node.js runtime so the Edge build never sees node:http.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientIp } = await import("./lib/server/stamp-client-ip");
  stampClientIp();
}
