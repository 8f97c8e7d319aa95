// Runs once when a server process starts (Next.js calls register()). The Node-only parts live in
// lib/server (stamp-client-ip.ts, job-runner.ts), imported only on the Node.js runtime so the Edge build
// never sees node:http. The job worker runs background work such as regrades without any page open.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientIp } = await import("./lib/server/stamp-client-ip");
  stampClientIp();
  const { startJobWorker } = await import("./lib/server/job-runner");
  startJobWorker();
}
