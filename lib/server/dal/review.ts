import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { UserDto } from "./users";
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
}

const QUEUE_PAGE = 50;

export async function getReviewQueue(user: UserDto, now = new Date()): Promise<ReviewQueue> {
  const published = { template: { status: "PUBLISHED" as const } };
  const [dueCount, rows, upcoming] = await Promise.all([
    db.reviewCard.count({ where: { userId: user.id, due: { lte: now }, ...published } }),
    db.reviewCard.findMany({
      where: { userId: user.id, due: { lte: now }, ...published },
      orderBy: { due: "asc" },
      take: QUEUE_PAGE,
      include: { template: { select: { slug: true, title: true, topic: true } } },
    }),
    db.reviewCard.count({ where: { userId: user.id, due: { gt: now, lte: new Date(now.getTime() + 7 * 86_400_000) }, ...published } }),
  ]);
  return {
    dueCount,
    upcoming,
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

/** Starts the most overdue review: a fresh variant the exercise page will show as the latest one. */
export async function startNextReview(user: UserDto, now = new Date()): Promise<{ slug: string; variantId: string }> {
  const card = await db.reviewCard.findFirst({
    where: { userId: user.id, due: { lte: now }, template: { status: "PUBLISHED" } },
    orderBy: { due: "asc" },
    include: { template: { select: { slug: true } } },
  });
  if (!card) throw new AppError("NOT_FOUND", "nothing is due for review right now");
  const variant = await createVariant(user, card.template.slug);
  return { slug: card.template.slug, variantId: variant.id };
}
