import { describe, expect, it } from "vitest";
import { balanceRange, type CardState, dayNumber, newCardState, scheduleReview } from "./schedule";

const NOW = new Date("2026-03-02T09:00:00Z");
const DAY = 86_400_000;
const dueInDays = (card: CardState, from: Date) => (new Date(card.due).getTime() - from.getTime()) / DAY;

/** A card that has graduated to review: reviewed Easy once, then Good once a few days later. */
function reviewCard(): { card: CardState; at: Date } {
  const first = scheduleReview(newCardState(NOW), "easy", NOW).card;
  const at = new Date(first.due);
  return { card: scheduleReview(first, "good", at).card, at };
}

describe("scheduleReview", () => {
  it("keeps a new card answered wrongly due the same day, and an easy one days away", () => {
    const again = scheduleReview(newCardState(NOW), "again", NOW);
    expect(dueInDays(again.card, NOW)).toBeLessThan(1);
    expect(again.card.state).toBe(1); // learning
    const easy = scheduleReview(newCardState(NOW), "easy", NOW);
    expect(easy.card.state).toBe(2); // review
    expect(dueInDays(easy.card, NOW)).toBeGreaterThanOrEqual(1);
  });

  it("orders a review card's next due date again < hard < good < easy", () => {
    const { card, at } = reviewCard();
    const later = new Date(card.due);
    const days = (["again", "hard", "good", "easy"] as const).map((r) =>
      dueInDays(scheduleReview(card, r, later).card, later),
    );
    expect(days[0]).toBeLessThan(1);
    expect(days[0]!).toBeLessThan(days[1]!);
    expect(days[1]!).toBeLessThan(days[2]!);
    expect(days[2]!).toBeLessThan(days[3]!);
    expect(at.getTime()).toBeLessThan(later.getTime());
  });

  it("counts a lapse when a review card is forgotten", () => {
    const { card } = reviewCard();
    const after = scheduleReview(card, "again", new Date(card.due)).card;
    expect(after.lapses).toBe(card.lapses + 1);
    expect(after.reps).toBe(card.reps + 1);
  });

  it("schedules sooner when the student asks for higher retention", () => {
    const { card } = reviewCard();
    const at = new Date(card.due);
    const low = dueInDays(scheduleReview(card, "good", at, { retention: 0.75 }).card, at);
    const high = dueInDays(scheduleReview(card, "good", at, { retention: 0.97 }).card, at);
    expect(high).toBeLessThan(low);
  });

  it("refuses a retention outside 0.7–0.97", () => {
    expect(() => scheduleReview(newCardState(NOW), "good", NOW, { retention: 0.5 })).toThrow(RangeError);
    expect(() => scheduleReview(newCardState(NOW), "good", NOW, { retention: Number.NaN })).toThrow(RangeError);
  });

  it("is deterministic: the same card, rating and time give the same due date", () => {
    const { card } = reviewCard();
    const at = new Date(card.due);
    expect(scheduleReview(card, "good", at)).toEqual(scheduleReview(card, "good", at));
  });
});

describe("load balancing", () => {
  it("spreads 100 cards that would all fall due the same day, within FSRS's fuzz range", () => {
    // Push one card far enough that its next interval is long enough to have a fuzz range.
    let card = newCardState(NOW);
    let at = NOW;
    for (let i = 0; i < 3; i++) {
      card = scheduleReview(card, "easy", at).card;
      at = new Date(card.due);
    }
    const unbalanced = scheduleReview(card, "good", at);
    expect(unbalanced.plannedDays).toBeGreaterThanOrEqual(7);
    const range = balanceRange(
      unbalanced.plannedDays,
      Math.round((at.getTime() - new Date(card.lastReview!).getTime()) / DAY),
    )!;
    expect(range.max - range.min).toBeGreaterThanOrEqual(2);

    const load = new Map<number, number>();
    const today = dayNumber(at, "UTC");
    for (let i = 0; i < 100; i++) {
      const result = scheduleReview(card, "good", at, { loadByDay: load });
      expect(result.days).toBeGreaterThanOrEqual(range.min);
      expect(result.days).toBeLessThanOrEqual(range.max);
      const day = dayNumber(new Date(result.card.due), "UTC");
      expect(day - today).toBe(result.days);
      load.set(day, (load.get(day) ?? 0) + 1);
    }
    const counts = [...load.values()];
    const mean = 100 / counts.length;
    expect(counts.length).toBeGreaterThan(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(mean * 1.5);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("avoids a day that is already full", () => {
    const { card } = reviewCard();
    const at = new Date(card.due);
    const plain = scheduleReview(card, "easy", at);
    const today = dayNumber(at, "UTC");
    const load = new Map([[today + plain.days, 50]]);
    const balanced = scheduleReview(card, "easy", at, { loadByDay: load });
    if (balanceRange(plain.plannedDays, 0)) expect(balanced.days).not.toBe(plain.days);
    else expect(balanced.days).toBe(plain.days);
  });
});
