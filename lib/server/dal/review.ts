import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { UserDto } from "./users";
import { listMyMisconceptions } from "./my-misconceptions";
import { createVariant, loadVariant } from "./variants";
import { variantText } from "@/lib/progress/review-variety";

// The review queue: FSRS cards of (student, question template). Reviewing draws a NEW seeded variant,
// so a student is tested on the idea again, not on a remembered answer.

export interface DueCard {
  templateId: string;
  slug: string;
  title: string;
  topic: string;
  due: string;
  reps: number;
  lapses: number;
}

export interface ReviewQueue {
  dueCount: number;
  due: DueCard[];
  /** Due within the next 7 days (not yet due now). */
  upcoming: number;
  /** When the next card not yet due falls due (ISO), for the finished-for-today state; null if none. */
  nextDue: string | null;
}

const QUEUE_PAGE = 50;

export async function getReviewQueue(user: UserDto, now = new Date()): Promise<ReviewQueue> {
  const published = { template: { status: "PUBLISHED" as const } };
  const [dueCount, rows, upcoming, next] = await Promise.all([
    db.reviewCard.count({ where: { userId: user.id, due: { lte: now }, ...published } }),
    db.reviewCard.findMany({
      where: { userId: user.id, due: { lte: now }, ...published },
      orderBy: { due: "asc" },
      take: QUEUE_PAGE,
      include: { template: { select: { slug: true, title: true, topic: true } } },
    }),
    db.reviewCard.count({
      where: { userId: user.id, due: { gt: now, lte: new Date(now.getTime() + 7 * 86_400_000) }, ...published },
    }),
    db.reviewCard.findFirst({
      where: { userId: user.id, due: { gt: now }, ...published },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
  ]);
  return {
    dueCount,
    upcoming,
    nextDue: next?.due.toISOString() ?? null,
    due: rows.map((r) => ({
      templateId: r.templateId,
      slug: r.template.slug,
      title: r.template.title,
      topic: r.template.topic,
      due: r.due.toISOString(),
      reps: r.reps,
      lapses: r.lapses,
    })),
  };
}

/**
 * Starts a review: a fresh variant the exercise page will show as the latest one. Without a slug it is
 * the most overdue card; with one (a row of the review list) that card, which must be due.
 */
export async function startNextReview(
  user: UserDto,
  now = new Date(),
  slug?: string,
): Promise<{ slug: string; variantId: string }> {
  const card = await db.reviewCard.findFirst({
    where: { userId: user.id, due: { lte: now }, template: { status: "PUBLISHED", ...(slug ? { slug } : {}) } },
    orderBy: { due: "asc" },
    include: { template: { select: { slug: true } } },
  });
  if (!card)
    throw new AppError(
      "NOT_FOUND",
      slug ? `${slug} is not due for review right now` : "nothing is due for review right now",
    );
  // Issue #21: a variant where the misconceptions the student keeps reproducing give a wrong answer.
  const held = (await listMyMisconceptions(user, now)).map((m) => m.id);
  // Issue #23: never the very text the student last saw of this question (in review or practice).
  const variant = await createVariant(
    user,
    card.template.slug,
    undefined,
    held,
    await lastShownText(user, card.templateId),
  );
  return { slug: card.template.slug, variantId: variant.id };
}

/** What the student last read of a question: the text of their latest variant of it, if it still builds. */
async function lastShownText(user: UserDto, templateId: string): Promise<string | undefined> {
  const last = await db.variant.findFirst({
    where: { userId: user.id, templateId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!last) return undefined;
  try {
    return variantText((await loadVariant(last)).built.view);
  } catch (error) {
    // A variant whose version no longer builds shows nothing to repeat.
    if (error instanceof AppError) return undefined;
    throw error;
  }
}
