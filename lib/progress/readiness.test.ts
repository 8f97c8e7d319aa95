import { describe, expect, test } from "vitest";
import { assessReadiness, dueForInterview, READY_RECALL, recallAt, studyNext } from "./readiness";
import { newCardState, scheduleReview, type CardState } from "./schedule";

const DAY = 86_400_000;
const t0 = new Date("2026-12-01T09:00:00Z");

/** A card answered wrong, then reviewed `good` each time it came due until it is in review with a stability of days. */
function reviewedCard(at: Date): CardState {
  let card = scheduleReview(newCardState(at), "again", at).card;
  for (let i = 0; i < 3; i++) card = scheduleReview(card, "good", new Date(card.due)).card;
  return card;
}

describe("recall on a date", () => {
  test("is 90% one stability after the last review (FSRS's definition of stability) and falls after it", () => {
    const card = reviewedCard(t0);
    expect(card.stability).toBeGreaterThan(1);
    const last = new Date(card.lastReview!);
    // ts-fsrs counts whole days elapsed, so compare at the whole day nearest the stability.
    const days = Math.round(card.stability);
    const atStability = new Date(last.getTime() + days * DAY);
    expect(Math.abs(recallAt(card, atStability)! - 0.9)).toBeLessThan(0.02);
    expect(recallAt(card, new Date(atStability.getTime() + 5 * DAY))!).toBeLessThan(0.9);
    expect(recallAt(card, last)!).toBeGreaterThan(0.99);
  });

  test("is unknown for a question never reviewed", () => {
    expect(recallAt(newCardState(t0), t0)).toBeNull();
  });
});

describe("readiness per topic", () => {
  const card = reviewedCard(t0);
  const interview = new Date(t0.getTime() + 30 * DAY);

  test("averages recall on the day with recent accuracy, or uses whichever exists", () => {
    const r = assessReadiness(
      [
        { slug: "a", label: "A", accuracy: 0.8, cards: [card] },
        { slug: "b", label: "B", accuracy: 0.6, cards: [] },
        { slug: "c", label: "C", accuracy: null, cards: [] },
      ],
      interview,
      t0,
    );
    const recall = recallAt(card, interview)!;
    expect(r.topics[0]!.readiness).toBeCloseTo((recall + 0.8) / 2, 10);
    expect(r.topics[1]!.readiness).toBe(0.6);
    expect(r.topics[2]!.readiness).toBeNull();
    expect(r.daysLeft).toBe(30);
    // 30 days out, a card reviewed a few times is below the target: one review is planned before the date.
    expect(recall).toBeLessThan(READY_RECALL);
    expect(r.topics[0]!.reviewsBefore).toBe(1);
  });

  test("study next: an untouched topic first, else the least ready one, with its numbers in the reason", () => {
    const touched = [
      { slug: "a", label: "Scheduling", readiness: 0.9, recall: null, accuracy: 0.9, reviewsBefore: 0 },
      { slug: "b", label: "Fork", readiness: 0.55, recall: 0.5, accuracy: 0.6, reviewsBefore: 2 },
    ];
    expect(studyNext(touched)).toEqual({
      slug: "b",
      label: "Fork",
      why: "Fork is your least ready topic: the review model expects you to recall 50% of the questions you missed there on the day, and your recent answers score 60%.",
    });
    const withNew = [
      ...touched,
      { slug: "c", label: "Event loop", readiness: null, recall: null, accuracy: null, reviewsBefore: 0 },
    ];
    expect(studyNext(withNew)?.slug).toBe("c");
    expect(studyNext([])).toBeNull();
  });
});

describe("reviews planned to peak on the interview date", () => {
  test("a card FSRS would bring back after the date, with recall under the target on the day, is due the day before", () => {
    const card = reviewedCard(t0);
    const last = new Date(card.lastReview!);
    // The interview an hour before FSRS's due date: recall that day is near the 90% FSRS schedules at.
    const interview = new Date(new Date(card.due).getTime() - 3_600_000);
    expect(recallAt(card, interview)!).toBeLessThan(READY_RECALL);
    const dayBefore = new Date(interview.getTime() - DAY);
    const expected = dayBefore > last ? dayBefore : last;
    expect(dueForInterview(card, interview, last).toISOString()).toBe(expected.toISOString());
    // A card whose recall on the day is still high keeps its date.
    const soon = new Date(last.getTime() + 3_600_000);
    expect(recallAt(card, soon)!).toBeGreaterThanOrEqual(READY_RECALL);
    expect(dueForInterview(card, soon, last).toISOString()).toBe(card.due);
  });

  test("a card already due before the date keeps its due date; with less than a day to go it is due now", () => {
    const card = reviewedCard(t0);
    const due = new Date(card.due);
    expect(dueForInterview(card, new Date(due.getTime() + 1 * DAY), t0).toISOString()).toBe(due.toISOString());
    const interview = new Date(due.getTime() - 3_600_000);
    const now = new Date(interview.getTime() - 3_600_000);
    expect(dueForInterview(card, interview, now).toISOString()).toBe(now.toISOString());
  });
});
