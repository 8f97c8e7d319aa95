// Streak rules (opt-in):
// - a day COUNTS when the student did a minimum amount of work: MIN_ATTEMPTS graded attempts, or every
//   review that was due that day;
// - a day on which nothing was due and the minimum was not reached is NEUTRAL: it neither counts nor breaks;
// - any other day is MISSED; one missed day per ISO week (Monday–Sunday) is covered by a freeze, a second
//   one breaks the streak;
// - today is never missed while it is still going on.
// Days are the student's calendar days (day numbers from timezone.dayNumber in their IANA time zone).

export const MIN_ATTEMPTS_PER_DAY = 3;
export const FREEZES_PER_WEEK = 1;
/** The streak looks back at most this far, which bounds the work for long-time students. */
export const STREAK_LOOKBACK_DAYS = 400;

export interface ActivityDay {
  day: number;
  attempts: number;
  /** Reviews of cards that were due when answered. */
  reviewsDone: number;
  /** Cards due by the end of the day, counted at the day's first activity. */
  dueAtStart: number;
  /** Earliest due day of any card after the day's last activity, or null when no card exists. */
  nextDueDay: number | null;
}

export type DayStatus = "counted" | "neutral" | "frozen" | "missed" | "pending";

export interface StreakSummary {
  current: number;
  longest: number;
  todayCounts: boolean;
  freezeUsedThisWeek: boolean;
  /** The last 14 days, oldest first, for the calendar strip. */
  recent: { day: number; status: DayStatus }[];
}

/** Monday-based week number; day 0 (1970-01-01) was a Thursday. */
export function isoWeekOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

export function dayCounts(a: Pick<ActivityDay, "attempts" | "reviewsDone" | "dueAtStart">): boolean {
  return a.attempts >= MIN_ATTEMPTS_PER_DAY || (a.dueAtStart > 0 && a.reviewsDone >= a.dueAtStart);
}

export function computeStreak(days: readonly ActivityDay[], today: number): StreakSummary {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const known = days.filter((d) => d.day <= today && d.day > today - STREAK_LOOKBACK_DAYS).map((d) => d.day);
  const start = known.length ? Math.min(...known) : today;
  // Before any activity nothing can be due except cards we know about; before the first row there were none.
  let lastNextDue: number | null = null;
  let current = 0;
  let longest = 0;
  const frozenWeeks = new Set<number>();
  const statuses: { day: number; status: DayStatus }[] = [];
  for (let day = start; day <= today; day++) {
    const activity = byDay.get(day);
    let status: DayStatus;
    if (activity && dayCounts(activity)) status = "counted";
    else if (day === today) status = "pending";
    else {
      // Cards only change when the student works, so on a day without activity the earliest due date
      // is the one left by the last active day.
      const somethingDue = activity ? activity.dueAtStart > 0 : lastNextDue !== null && lastNextDue <= day;
      if (!somethingDue) status = "neutral";
      else if (!frozenWeeks.has(isoWeekOf(day)) && current > 0) {
        frozenWeeks.add(isoWeekOf(day));
        status = "frozen";
      } else status = "missed";
    }
    if (activity) lastNextDue = activity.nextDueDay;
    if (status === "counted") current += 1;
    else if (status === "missed") current = 0;
    longest = Math.max(longest, current);
    statuses.push({ day, status });
  }
  const todayStatus = statuses[statuses.length - 1]?.status;
  const recent: { day: number; status: DayStatus }[] = [];
  for (let day = today - 13; day <= today; day++)
    recent.push({ day, status: statuses.find((s) => s.day === day)?.status ?? "neutral" });
  return {
    current,
    longest,
    todayCounts: todayStatus === "counted",
    freezeUsedThisWeek: frozenWeeks.has(isoWeekOf(today)),
    recent,
  };
}
