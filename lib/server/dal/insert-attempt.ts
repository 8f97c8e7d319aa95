import "server-only";
// Storing a graded attempt is one raw INSERT. Through Prisma's query builder the same row cost about
// 3 ms of CPU, most of it serialising the report's JSON key by key (profiled); JSON.stringify does it
// once, natively. submitAttempt and the stack benchmark's minimal server both store attempts with this
// function, so that comparison's two sides do the same database work. Takes the client as a parameter
// for that benchmark (run with the react-server condition).
import { v7 as uuidv7 } from "uuid";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/prisma/generated/sqlite/client";

export interface AttemptRowInput {
  userId: string;
  variantId: string;
  templateId: string;
  versionId: string;
  seed: number;
  engineVersion: string;
  attemptNumber: number;
  submissionId: string;
  answer: unknown;
  score: number;
  correct: boolean;
  report: unknown;
  hintsUsed: number;
  /** Made after the variant's reference was shown (see Attempt.practice); default false. */
  practice?: boolean;
}

/**
 * UUIDv7 (the `uuid` package): within one process they sort in creation order (the package keeps a
 * per-millisecond counter), which matters because equal createdAt values are ordered by id
 * (QuestionBest's rebuild), and that must agree with the order attempts arrived in.
 */
export function attemptId(): string {
  return uuidv7();
}

/**
 * Inserts the attempt; JSON columns get their text (SQLite stores it as is, PostgreSQL casts the untyped
 * parameter to jsonb). A duplicate (userId, submissionId) or (variantId, attemptNumber) throws what
 * isUniqueViolation recognises.
 */
export async function insertAttempt(
  client: Db | Prisma.TransactionClient,
  row: AttemptRowInput,
): Promise<{ id: string; createdAt: Date }> {
  const now = Date.now();
  const id = attemptId();
  const createdAt = new Date(now);
  await client.$executeRaw`
    INSERT INTO "Attempt" ("id", "userId", "variantId", "templateId", "versionId", "seed", "engineVersion", "attemptNumber", "submissionId", "answer", "score", "correct", "report", "hintsUsed", "practice", "createdAt")
    VALUES (${id}, ${row.userId}, ${row.variantId}, ${row.templateId}, ${row.versionId}, ${row.seed}, ${row.engineVersion}, ${row.attemptNumber}, ${row.submissionId},
      ${JSON.stringify(row.answer)}, ${row.score}, ${row.correct}, ${JSON.stringify(row.report)}, ${row.hintsUsed}, ${row.practice ?? false}, ${createdAt})`;
  return { id, createdAt };
}
