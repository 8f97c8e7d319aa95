// Readiness for an interview on a given date, per topic, from what the app already knows: the review
// model's recall estimate for each question the student got wrong (FSRS retrievability on the interview
// date, from ts-fsrs) and their recent accuracy on the topic (the mastery average). Pure: the DAL reads
// the rows, this decides what they mean and what to study next.
import { State } from "ts-fsrs";
import { type CardState, DEFAULT_RETENTION, schedulerFor, toFsrs } from "./schedule";

const DAY_MS = 86_400_000;
/**
 * The recall to aim for on the interview day. FSRS already brings a question back when its recall falls to
 * the student's retention (0.9 by default), so "ready" has to mean more than that on the one day that counts.
 */
export const READY_RECALL = 0.95;

/** Estimated probability of recalling a reviewed question on `at`; null for a card never reviewed. */
export function recallAt(card: CardState, at: Date): number | null {
  if (card.state === State.New || !card.lastReview) return null;
  // Retrievability depends on the card alone, not on the retention the scheduler was built for.
  return schedulerFor(DEFAULT_RETENTION).get_retrievability(toFsrs(card), at, false);
}

export interface TopicInput {
  slug: string;
  label: string;
  /** Recent-weighted score on the topic, 0–1; null before the first graded attempt. */
  accuracy: number | null;
  cards: readonly CardState[];
}

export interface TopicReadiness {
  slug: string;
  label: string;
  /** 0–1; null when the topic has never been practised. */
  readiness: number | null;
  /** Mean recall on the interview date of the topic's reviewed questions; null when there are none. */
  recall: number | null;
  accuracy: number | null;
  /** Reviews to do before the date: questions whose recall on the day would be under READY_RECALL. */
  reviewsBefore: number;
}

export interface Readiness {
  interviewDate: string;
  daysLeft: number;
  topics: TopicReadiness[];
  studyNext: { slug: string; label: string; why: string } | null;
}

/** What the dashboard shows: the date, readiness on it, and the reviews to do now. */
export interface ReadinessView {
  /** YYYY-MM-DD, or null when no date is set. */
  interviewDate: string | null;
  readiness: Readiness | null;
  /** Reviews to do now: cards whose due date, planned for the interview, has come. */
  dueForInterview: number;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Readiness per topic on the interview date: the mean of recall (what the review model expects to be
 * remembered that day) and accuracy (how well recent answers went), or whichever of the two exists.
 */
export function assessReadiness(topics: readonly TopicInput[], interviewDate: Date, now: Date): Readiness {
  const assessed = topics.map((t): TopicReadiness => {
    const recalls = t.cards.map((c) => recallAt(c, interviewDate)).filter((r): r is number => r !== null);
    const recall = mean(recalls);
    const parts = [recall, t.accuracy].filter((x): x is number => x !== null);
    return {
      slug: t.slug,
      label: t.label,
      readiness: mean(parts),
      recall,
      accuracy: t.accuracy,
      reviewsBefore: t.cards.filter((c) => (recallAt(c, interviewDate) ?? 0) < READY_RECALL).length,
    };
  });
  return {
    interviewDate: interviewDate.toISOString(),
    daysLeft: Math.max(0, Math.ceil((interviewDate.getTime() - now.getTime()) / DAY_MS)),
    topics: assessed,
    studyNext: studyNext(assessed),
  };
}

/** The topic to study next and why: an untouched topic first (in course order), else the least ready one. */
export function studyNext(topics: readonly TopicReadiness[]): Readiness["studyNext"] {
  const untouched = topics.find((t) => t.readiness === null);
  if (untouched)
    return {
      slug: untouched.slug,
      label: untouched.label,
      why: `You have not practised ${untouched.label} yet, and an interview can ask about it.`,
    };
  const weakest = [...topics].sort((a, b) => a.readiness! - b.readiness!)[0];
  if (!weakest) return null;
  const reasons: string[] = [];
  if (weakest.recall !== null)
    reasons.push(
      `the review model expects you to recall ${pct(weakest.recall)} of the questions you missed there on the day`,
    );
  if (weakest.accuracy !== null) reasons.push(`your recent answers score ${pct(weakest.accuracy)}`);
  return {
    slug: weakest.slug,
    label: weakest.label,
    why: `${weakest.label} is your least ready topic: ${reasons.join(", and ")}.`,
  };
}

/**
 * When a review should happen so that recall peaks on the interview date: a card whose recall on the day
 * would be under READY_RECALL and which FSRS would only bring back after the date is due the day before
 * it (or now, if that has passed); any other card keeps FSRS's own due date.
 */
export function dueForInterview(card: CardState, interviewDate: Date, now: Date): Date {
  const due = new Date(card.due);
  if (due.getTime() < interviewDate.getTime()) return due;
  const recall = recallAt(card, interviewDate);
  if (recall !== null && recall >= READY_RECALL) return due;
  const dayBefore = new Date(interviewDate.getTime() - DAY_MS);
  return dayBefore.getTime() > now.getTime() ? dayBefore : now;
}
