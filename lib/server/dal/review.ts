import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { UserDto } from "./users";
import { listMyMisconceptions } from "./my-misconceptions";
import { createVariant } from "./variants";

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
  const variant = await createVariant(user, card.template.slug, undefined, held);
  return { slug: card.template.slug, variantId: variant.id };
}
