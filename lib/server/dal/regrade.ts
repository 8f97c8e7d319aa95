import "server-only";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import {
  type Answer,
  buildVariant,
  checkAnswer,
  type GradeReport,
  gradeAnswer,
  type QuestionTemplate,
} from "@/lib/engine";
import type { RegradeRowDto, DryRunDto, RegradeJobDto } from "@/lib/analytics/dto";
import { rebuildQuestionBest } from "@/lib/server/dal/question-best";
import { db } from "../db";
import { enqueueJob, type JobStep } from "../jobs";
import { AppError } from "../errors";
import { rebuildQuestionStats } from "./analytics";
import { memberIds, taughtClass } from "./class-access";
import type { UserDto } from "./users";
import { isAdmin } from "@/lib/roles";

export type { RegradeRowDto, DryRunDto, RegradeJobDto };

// Regrading a class's stored attempts with a question's current version. The stored answer is graded
// again with the NEW version's spec and the attempt's own seed, so the student is judged on the same
// workload under the corrected rules. A dry run writes nothing; applying creates a RegradeJob (its
// progress) and a queued Job that the server processes run in chunks (lib/server/jobs.ts), with no page
// open; a restart or another instance continues from the RegradeJob's cursor once the lease expires.

export const REGRADE_CHUNK = 200;
/** The dry run grades synchronously; beyond this many attempts it shows a sample and the total. */
export const DRY_RUN_LIMIT = 2000;

async function regradeTarget(user: UserDto, classId: string, slug: string) {
  await taughtClass(user, classId);
  const template = await db.questionTemplate.findUnique({
    where: { slug },
    select: { id: true, slug: true, status: true, authorId: true, currentVersion: true },
  });
  if (!template || (!isAdmin(user) && template.status !== "PUBLISHED" && template.authorId !== user.id))
    throw new AppError("NOT_FOUND", `no question '${slug}'`);
  const version = await db.questionVersion.findUniqueOrThrow({
    where: { templateId_version: { templateId: template.id, version: template.currentVersion } },
  });
  const students = await memberIds(classId);
  const where: Prisma.AttemptWhereInput = {
    templateId: template.id,
    userId: { in: students },
    versionId: { not: version.id },
  };
  return { template, version, spec: version.spec as unknown as QuestionTemplate, where };
}

interface StoredAttempt {
  id: string;
  seed: number;
  answer: unknown;
  attemptNumber: number;
  hintsUsed: number;
}

type Regraded = { ok: true; report: GradeReport } | { ok: false; problem: string };

function regradeOne(spec: QuestionTemplate, a: StoredAttempt): Regraded {
  const built = buildVariant(spec, a.seed);
  if (!built.ok)
    return {
      ok: false,
      problem: `the new version does not build for seed ${a.seed}: ${built.errors[0]?.message ?? "unknown"}`,
    };
  const checked = checkAnswer(built.value.view, a.answer as Answer);
  if (!checked.ok)
    return {
      ok: false,
      problem: `the stored answer does not fit the new version: ${checked.errors[0]?.message ?? "invalid"}`,
    };
  return {
    ok: true,
    report: gradeAnswer(spec, built.value, checked.value, { attemptNumber: a.attemptNumber, hintsUsed: a.hintsUsed }),
  };
}

const STORED = {
  id: true,
  seed: true,
  answer: true,
  attemptNumber: true,
  hintsUsed: true,
  score: true,
  correct: true,
  userId: true,
  version: { select: { version: true } },
} as const;

export async function dryRunRegrade(user: UserDto, classId: string, slug: string): Promise<DryRunDto> {
  const { template, version, spec, where } = await regradeTarget(user, classId, slug);
  const [total, attempts] = await Promise.all([
    db.attempt.count({ where }),
    db.attempt.findMany({ where, orderBy: { id: "asc" }, take: DRY_RUN_LIMIT, select: STORED }),
  ]);
  const names = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(attempts.map((a) => a.userId))] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const rows: RegradeRowDto[] = attempts.map((a) => {
    const r = regradeOne(spec, a);
    return {
      attemptId: a.id,
      studentId: a.userId,
      studentName: names.get(a.userId) ?? "",
      attemptNumber: a.attemptNumber,
      fromVersion: a.version.version,
      oldScore: a.score,
      newScore: r.ok ? r.report.score : null,
      ...(r.ok ? {} : { problem: r.problem }),
    };
  });
  const perStudent = new Map<string, { id: string; name: string; attempts: number; oldSum: number; newSum: number }>();
  for (const r of rows) {
    const s = perStudent.get(r.studentId) ?? {
      id: r.studentId,
      name: r.studentName,
      attempts: 0,
      oldSum: 0,
      newSum: 0,
    };
    s.attempts += 1;
    s.oldSum += r.oldScore;
    s.newSum += r.newScore ?? r.oldScore;
    perStudent.set(r.studentId, s);
  }
  return {
    slug: template.slug,
    toVersion: version.version,
    total,
    rows,
    students: [...perStudent.values()]
      .map((s) => ({
        id: s.id,
        name: s.name,
        attempts: s.attempts,
        oldMean: s.oldSum / s.attempts,
        newMean: s.newSum / s.attempts,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function jobDto(j: {
  id: string;
  classId: string;
  status: string;
  total: number;
  done: number;
  changed: number;
}): RegradeJobDto {
  return {
    id: j.id,
    classId: j.classId,
    status: j.status === "done" ? "done" : "running",
    total: j.total,
    done: j.done,
    changed: j.changed,
  };
}

export async function startRegrade(user: UserDto, classId: string, slug: string): Promise<RegradeJobDto> {
  const { template, version, where } = await regradeTarget(user, classId, slug);
  const total = await db.attempt.count({ where });
  const job = await db.$transaction(async (tx) => {
    const created = await tx.regradeJob.create({
      data: {
        classId,
        templateId: template.id,
        versionId: version.id,
        total,
        createdById: user.id,
        status: total === 0 ? "done" : "running",
        finishedAt: total === 0 ? new Date() : null,
      },
    });
    if (total > 0) await enqueueJob(tx, REGRADE_JOB, { regradeJobId: created.id });
    return created;
  });
  return jobDto(job);
}

/** The queue's kind for regrades; the payload is { regradeJobId }. */
export const REGRADE_JOB = "regrade";

/** A regrade's progress, for its page's progress bar. Reading it changes nothing: the server runs the job. */
export async function getRegradeJob(user: UserDto, jobId: string): Promise<RegradeJobDto> {
  const job = await db.regradeJob.findUnique({ where: { id: jobId } });
  if (!job) throw new AppError("NOT_FOUND", "no such regrade job");
  // The class check also hides other instructors' jobs (404).
  await taughtClass(user, job.classId);
  return jobDto(job);
}

/** The queue's step for a regrade (job-runner.ts): one chunk. The worker is the server, so no user check here. */
export async function regradeStep(payload: unknown): Promise<JobStep> {
  const id = (payload as { regradeJobId?: unknown } | null)?.regradeJobId;
  if (typeof id !== "string") throw new Error("regrade job without a regradeJobId");
  return regradeChunk(id);
}

class LostClaim extends Error {}

/** Processes the regrade's next chunk (if it is still running); "done" once nothing is left. */
async function regradeChunk(jobId: string): Promise<JobStep> {
  const job = await db.regradeJob.findUnique({ where: { id: jobId } });
  // Gone with its class (cascade), or finished: nothing left to do.
  if (!job || job.status !== "running") return "done";

  const version = await db.questionVersion.findUniqueOrThrow({ where: { id: job.versionId } });
  const spec = version.spec as unknown as QuestionTemplate;
  const students = await memberIds(job.classId);
  const chunk = await db.attempt.findMany({
    where: {
      templateId: job.templateId,
      userId: { in: students },
      versionId: { not: job.versionId },
      id: { gt: job.cursor },
    },
    orderBy: { id: "asc" },
    take: REGRADE_CHUNK,
    select: STORED,
  });
  const updates = chunk.flatMap((a) => {
    const r = regradeOne(spec, a);
    return r.ok
      ? [
          {
            id: a.id,
            userId: a.userId,
            changed: r.report.score !== a.score,
            touchesBest: r.report.score !== a.score || r.report.correct !== a.correct,
            report: r.report,
          },
        ]
      : [];
  });
  const finished = chunk.length < REGRADE_CHUNK;
  try {
    await db.$transaction(
      async (tx) => {
        // Claim this chunk: if another request advanced the cursor meanwhile, it did this work already.
        const claim = await tx.regradeJob.updateMany({
          where: { id: job.id, cursor: job.cursor, status: "running" },
          data: {
            cursor: chunk.at(-1)?.id ?? job.cursor,
            done: { increment: chunk.length },
            changed: { increment: updates.filter((u) => u.changed).length },
            ...(finished ? { status: "done", finishedAt: new Date() } : {}),
          },
        });
        if (claim.count !== 1) throw new LostClaim();
        for (const u of updates) {
          await tx.attempt.update({
            where: { id: u.id },
            data: {
              score: u.report.score,
              correct: u.report.correct,
              report: u.report as unknown as Prisma.InputJsonValue,
              versionId: job.versionId,
            },
          });
        }
        // Each student's best-score row is recomputed with the chunk, so class progress is never stale,
        // even while a long job is only part done.
        await rebuildQuestionBest(tx, job.templateId, [
          ...new Set(updates.filter((u) => u.touchesBest).map((u) => u.userId)),
        ]);
        if (finished) await rebuildQuestionStats(tx, job.templateId);
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (!(error instanceof LostClaim)) throw error;
  }
  const after = await db.regradeJob.findUnique({ where: { id: job.id }, select: { status: true } });
  return after?.status === "running" ? "more" : "done";
}
