import "server-only";
import { REGRADE_JOB, regradeStep } from "./dal/regrade";
import { drainJobs, type JobHandlers } from "./jobs";

// The job worker of a server process, started once by instrumentation.ts: it polls the queue and runs
// what is due. Every instance runs one; leases keep a job in one place at a time.

export const JOB_HANDLERS: JobHandlers = { [REGRADE_JOB]: regradeStep };

const POLL_MS = Number(process.env.TIMESLICE_JOB_POLL_MS) || 1000;
let started = false;

export function startJobWorker(): void {
  if (started || process.env.TIMESLICE_JOB_WORKER === "off") return;
  started = true;
  const tick = async () => {
    try {
      await drainJobs(JOB_HANDLERS);
    } catch (error) {
      // A database outage: try again at the next tick; the job's lease keeps it safe meanwhile.
      console.error("job worker:", error instanceof Error ? error.message : error);
    } finally {
      setTimeout(tick, POLL_MS).unref();
    }
  };
  setTimeout(tick, POLL_MS).unref();
}
