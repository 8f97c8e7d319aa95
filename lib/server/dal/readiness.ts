import "server-only";
import { assessReadiness, dueForInterview, type ReadinessView } from "@/lib/progress/readiness";
import type { CardState } from "@/lib/progress/schedule";
import { TOPICS } from "@/lib/topics";
import type { InterviewDateInput } from "@/lib/validation/readiness";
import { db } from "../db";
import { AppError } from "../errors";
import { visibleCustomTopics } from "./topics";
import type { UserDto } from "./users";

// Readiness for the student's interview: their own review cards and topic mastery, nobody else's.

const DAY_MS = 86_400_000;
/** Further out than this an interview date is more likely a typo than a plan. */
const MAX_DAYS_AHEAD = 730;

export type { ReadinessView };

function toCardState(row: {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}): CardState {
  return { ...row, due: row.due.toISOString(), lastReview: row.lastReview?.toISOString() ?? null };
}

export async function getReadiness(user: UserDto, now = new Date()): Promise<ReadinessView> {
  const settings = await db.progressSettings.findUnique({
    where: { userId: user.id },
    select: { interviewDate: true },
  });
  const date = settings?.interviewDate ?? null;
  if (!date) return { interviewDate: null, readiness: null, dueForInterview: 0 };
  const [cards, mastery, custom] = await Promise.all([
    db.reviewCard.findMany({ where: { userId: user.id }, include: { template: { select: { topic: true } } } }),
    db.mastery.findMany({ where: { userId: user.id, kind: "topic" }, select: { key: true, ema: true } }),
    visibleCustomTopics(user),
  ]);
  const accuracy = new Map(mastery.map((m) => [m.key, m.ema]));
  const states = cards.map((c) => ({ topic: c.template.topic, card: toCardState(c) }));
  // A lecturer's topic counts once the student has practised it: an interview asks about the eight, so an
  // untouched course topic should not become "study next".
  const practised = custom.filter((t) => accuracy.has(t.slug) || states.some((s) => s.topic === t.slug));
  const topics = [
    ...TOPICS.map((t) => ({ slug: t.slug, label: t.short })),
    ...practised.map((t) => ({ slug: t.slug, label: t.name })),
  ];
  // Readiness on the morning of the interview day, in UTC (the date has no time of its own).
  const readiness = assessReadiness(
    topics.map((t) => ({
      ...t,
      accuracy: accuracy.get(t.slug) ?? null,
      cards: states.filter((s) => s.topic === t.slug).map((s) => s.card),
    })),
    date,
    now,
  );
  const due = states.filter((s) => dueForInterview(s.card, date, now).getTime() <= now.getTime()).length;
  return { interviewDate: date.toISOString().slice(0, 10), readiness, dueForInterview: due };
}

export async function setInterviewDate(
  user: UserDto,
  input: InterviewDateInput,
  now = new Date(),
): Promise<ReadinessView> {
  const date = input.interviewDate === null ? null : new Date(`${input.interviewDate}T00:00:00Z`);
  if (date) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    if (date.getTime() < today)
      throw new AppError("INVALID_INPUT", "interviewDate is in the past", { interviewDate: ["is in the past"] });
    if (date.getTime() > today + MAX_DAYS_AHEAD * DAY_MS)
      throw new AppError("INVALID_INPUT", `interviewDate is more than ${MAX_DAYS_AHEAD} days away`, {
        interviewDate: [`is more than ${MAX_DAYS_AHEAD} days away`],
      });
  }
  await db.$transaction(async (tx) => {
    await tx.progressSettings.upsert({
      where: { userId: user.id },
      create: { userId: user.id, interviewDate: date },
      update: { interviewDate: date },
    });
    if (!date) return;
    // Reviews FSRS planned for after the day, on questions that would be shaky then, come back before it.
    const cards = await tx.reviewCard.findMany({ where: { userId: user.id, due: { gt: date } } });
    for (const card of cards) {
      const planned = dueForInterview(toCardState(card), date, now);
      if (planned < card.due) await tx.reviewCard.update({ where: { id: card.id }, data: { due: planned } });
    }
  });
  return getReadiness(user, now);
}
