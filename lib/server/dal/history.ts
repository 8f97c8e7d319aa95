import "server-only";
import { type Answer, explanationFor, type GradeReport, type VariantView } from "@/lib/engine";
import { db } from "../db";
import { AppError } from "../errors";
import { referenceVisible, withheldReport } from "@/lib/analytics/assessment";
import { variantContext } from "./assessment";
import { hiddenMockAttempts } from "./mock-secrecy";
import type { UserDto } from "./users";
import { loadVariant } from "./variants";

// Every attempt can be reopened. Attempts of a mock interview that is still running stay hidden:
// feedback is withheld until the session ends.

export interface HistoryRow {
  id: string;
  createdAt: string;
  slug: string;
  title: string;
  topic: string;
  attemptNumber: number;
  score: number;
  correct: boolean;
  seed: number;
}

export interface HistoryPage {
  items: HistoryRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const HISTORY_PAGE_MAX = 100;

export async function listHistory(
  user: UserDto,
  options: { cursor?: string; limit?: number } = {},
  now = new Date(),
): Promise<HistoryPage> {
  const limit = Math.min(HISTORY_PAGE_MAX, Math.max(1, Math.floor(options.limit ?? 20)));
  if (options.cursor) {
    const own = await db.attempt.findFirst({ where: { id: options.cursor, userId: user.id }, select: { id: true } });
    if (!own) throw new AppError("INVALID_INPUT", "cursor: not an attempt of yours");
  }
  const hidden = await hiddenMockAttempts(user, now);
  const rows = await db.attempt.findMany({
    where: { userId: user.id, id: hidden.size ? { notIn: [...hidden] } : undefined },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      createdAt: true,
      attemptNumber: true,
      score: true,
      correct: true,
      seed: true,
      template: { select: { slug: true, title: true, topic: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      slug: r.template.slug,
      title: r.template.title,
      topic: r.template.topic,
      attemptNumber: r.attemptNumber,
      score: r.score,
      correct: r.correct,
      seed: r.seed,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

export interface AttemptDetail extends HistoryRow {
  answer: Answer;
  report: GradeReport;
  view: VariantView;
  explanation: string;
  /** False while the assignment the attempt belongs to withholds references (report and explanation are cut). */
  revealed: boolean;
}

/** One attempt with the variant it answered, for reopening and replay; 404 for anyone else's. */
export async function getAttemptDetail(user: UserDto, attemptId: string, now = new Date()): Promise<AttemptDetail> {
  const row = await db.attempt.findUnique({
    where: { id: attemptId },
    include: { template: { select: { slug: true, title: true, topic: true } }, variant: true },
  });
  if (!row || row.userId !== user.id) throw new AppError("NOT_FOUND", "no such attempt");
  if ((await hiddenMockAttempts(user, now)).has(row.id))
    throw new AppError("CONFLICT", "this answer belongs to a mock interview that is still running");
  const [loaded, ctx] = await Promise.all([loadVariant(row.variant), variantContext(row.variantId)]);
  // An assignment that reveals after its due date (or never) keeps the answer off history pages too.
  const revealed = referenceVisible(ctx.rules, now);
  const report = row.report as unknown as GradeReport;
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    slug: row.template.slug,
    title: row.template.title,
    topic: row.template.topic,
    attemptNumber: row.attemptNumber,
    score: row.score,
    correct: row.correct,
    seed: row.seed,
    answer: row.answer as unknown as Answer,
    report: revealed ? report : withheldReport(report),
    view: loaded.built.view,
    explanation: revealed ? explanationFor(loaded.spec, loaded.built) : "",
    revealed,
  };
}
