import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import { db } from "./db";

// A database-backed job queue with leases (the Job model), the same statements on SQLite and
// PostgreSQL. Background work runs in the server processes (job-runner.ts), never in a browser: a job
// is claimed by one conditional UPDATE that succeeds only while its lease is free or expired, so any
// number of instances can poll the same table and each job runs in one place at a time. A step does a
// bounded piece of work and keeps its own progress (a regrade's cursor), so a job whose process died is
// claimed again when its lease expires and carries on where the last committed step left off.

/** How long a claim holds without renewal; renewed after every step, so a step must finish well within it. */
export const JOB_LEASE_MS = 60_000;
/** Claims before a job that keeps throwing is given up ("failed", with its last error kept). */
export const MAX_JOB_ATTEMPTS = 5;

/** "more": call the step again; "done": the job is finished. */
export type JobStep = "more" | "done";
export type JobHandlers = Readonly<Record<string, (payload: unknown) => Promise<JobStep>>>;

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
}

export interface WorkerOptions {
  /** Who holds the lease; one per process by default. */
  worker?: string;
  /** The clock leases are taken and compared with (tests move it past a lease). */
  now?: () => Date;
}

const PROCESS_WORKER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

type Client = typeof db | Prisma.TransactionClient;

/** Adds a job; inside a transaction (pass tx) it exists exactly when the rows it works on do. */
export async function enqueueJob(client: Client, kind: string, payload: unknown, runAt = new Date()): Promise<string> {
  const job = await client.job.create({
    data: { kind, payload: JSON.stringify(payload), runAt },
    select: { id: true },
  });
  return job.id;
}

const leaseFree = (now: Date) => ({ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });

/** Takes the lease of the oldest due job nobody holds, or returns null. */
export async function claimJob(options: WorkerOptions = {}): Promise<ClaimedJob | null> {
  const worker = options.worker ?? PROCESS_WORKER;
  const now = options.now?.() ?? new Date();
  const candidates = await db.job.findMany({
    where: { status: "queued", runAt: { lte: now }, ...leaseFree(now) },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: 5,
    select: { id: true, kind: true, payload: true, attempts: true },
  });
  for (const c of candidates) {
    // The condition is evaluated again on the row being updated (PostgreSQL re-checks it after waiting
    // for a concurrent claim's row lock; SQLite runs one writer at a time), so exactly one claim wins.
    const won = await db.job.updateMany({
      where: { id: c.id, status: "queued", ...leaseFree(now) },
      data: { leasedBy: worker, leaseUntil: new Date(now.getTime() + JOB_LEASE_MS), attempts: { increment: 1 } },
    });
    if (won.count === 1) return { ...c, attempts: c.attempts + 1 };
  }
  return null;
}

/**
 * Runs a claimed job's steps until it is done, renewing the lease after each. Stops quietly when the
 * lease was lost (another process took the job over after it expired). A throwing step releases the
 * job for a later retry, with a growing delay, until MAX_JOB_ATTEMPTS claims have failed.
 */
export async function runJob(job: ClaimedJob, handlers: JobHandlers, options: WorkerOptions = {}): Promise<void> {
  const worker = options.worker ?? PROCESS_WORKER;
  const clock = options.now ?? (() => new Date());
  const mine = { id: job.id, leasedBy: worker };
  const release = (data: Prisma.JobUpdateManyMutationInput) =>
    db.job.updateMany({ where: mine, data: { leasedBy: null, leaseUntil: null, ...data } });
  const handler = handlers[job.kind];
  if (!handler) {
    await release({ status: "failed", lastError: `no handler for job kind '${job.kind}'`, finishedAt: clock() });
    return;
  }
  try {
    const payload: unknown = JSON.parse(job.payload);
    for (;;) {
      if ((await handler(payload)) === "done") {
        await release({ status: "done", finishedAt: clock() });
        return;
      }
      const renewed = await db.job.updateMany({
        where: mine,
        data: { leaseUntil: new Date(clock().getTime() + JOB_LEASE_MS) },
      });
      if (renewed.count !== 1) return;
    }
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    const givenUp = job.attempts >= MAX_JOB_ATTEMPTS;
    await release({
      lastError,
      ...(givenUp
        ? { status: "failed", finishedAt: clock() }
        : { runAt: new Date(clock().getTime() + 1000 * 2 ** job.attempts) }),
    });
  }
}

/** Claims and runs due jobs one after another until none is left; returns how many were run. */
export async function drainJobs(handlers: JobHandlers, options: WorkerOptions = {}): Promise<number> {
  let ran = 0;
  for (let job = await claimJob(options); job; job = await claimJob(options)) {
    await runJob(job, handlers, options);
    ran++;
  }
  return ran;
}
