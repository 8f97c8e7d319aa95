// Calendar days in the student's IANA time zone (e.g. "Europe/Berlin"), so a streak day or "due today"
// follows their clock across daylight-saving changes, which a UTC offset captured once cannot do.
// Pure: Intl (part of the language) answers what the zone's clock shows at an instant.

const DAY_MS = 86_400_000;
export const DEFAULT_TIME_ZONE = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws a RangeError for a name Intl does not know; isTimeZone turns that into false.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    // Few distinct zones in practice; the bound only keeps junk input from growing the map.
    if (formatters.size > 512) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone name (IANA names such as "America/New_York", and "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** What the zone's wall clock shows at `at`, read as if it were UTC (milliseconds). */
function wallClockMs(at: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The zone's offset from UTC at `at`, in minutes east (e.g. 120 for Berlin in summer). */
export function offsetMinutesAt(at: Date, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  const ms = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallClockMs(ms, timeZone) - ms) / 60_000);
}

/** The student's calendar day at `at`, as whole days since 1970-01-01. */
export function dayNumber(at: Date, timeZone: string): number {
  return Math.floor((at.getTime() + offsetMinutesAt(at, timeZone) * 60_000) / DAY_MS);
}

/**
 * The instant the zone's calendar day `day` begins: local midnight, or the first instant after it where
 * a clock change skips midnight (as in zones that move their clocks at 00:00).
 */
export function startOfDay(day: number, timeZone: string): Date {
  const midnight = day * DAY_MS;
  // Two rounds settle the offset that applies at the answer itself (it can differ from the offset at
  // UTC midnight when a change happens in between).
  let t = midnight - offsetMinutesAt(new Date(midnight), timeZone) * 60_000;
  t = midnight - offsetMinutesAt(new Date(t), timeZone) * 60_000;
  // Midnight skipped by a clock change: the day starts at the first instant that belongs to it.
  while (dayNumber(new Date(t), timeZone) < day) t += 15 * 60_000;
  while (dayNumber(new Date(t - 1), timeZone) === day) t -= 15 * 60_000;
  return new Date(t);
}
