import { describe, expect, it } from "vitest";
import { dayNumber, isTimeZone, offsetMinutesAt, startOfDay } from "./timezone";

const DAY = 86_400_000;
/** The day number of a calendar date, independent of any zone arithmetic. */
const dateDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;

describe("time zones", () => {
  it("accepts IANA names Intl knows and refuses anything else", () => {
    for (const z of ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Etc/GMT-14"])
      expect(isTimeZone(z), z).toBe(true);
    for (const z of ["", "Mars/Olympus", "Europe/Berlinn", "+02:00x", "x".repeat(65)])
      expect(isTimeZone(z), z).toBe(false);
  });

  it("reads the offset the zone's clock has at each instant, daylight saving included", () => {
    expect(offsetMinutesAt(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(offsetMinutesAt(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(offsetMinutesAt(new Date("2026-07-15T12:00:00Z"), "Asia/Kathmandu")).toBe(345);
    expect(offsetMinutesAt(new Date("2026-07-15T12:00:00Z"), "UTC")).toBe(0);
  });

  it("puts an instant on the zone's calendar day across the spring-forward and fall-back nights", () => {
    // New York, 2026: clocks go 02:00 EST → 03:00 EDT on 8 March (07:00Z) and back on 1 November (06:00Z).
    const ny = "America/New_York";
    expect(dayNumber(new Date("2026-03-08T04:59:00Z"), ny)).toBe(dateDay(2026, 3, 7)); // 23:59 EST
    expect(dayNumber(new Date("2026-03-08T05:00:00Z"), ny)).toBe(dateDay(2026, 3, 8)); // 00:00 EST
    expect(dayNumber(new Date("2026-03-09T03:59:00Z"), ny)).toBe(dateDay(2026, 3, 8)); // 23:59 EDT
    expect(dayNumber(new Date("2026-03-09T04:00:00Z"), ny)).toBe(dateDay(2026, 3, 9)); // 00:00 EDT
    // After fall-back a fixed offset of −240 (what the old setting kept) would call 23:30 EST the next day.
    const lateEvening = new Date("2026-11-02T04:30:00Z"); // 23:30 EST on 1 November
    expect(dayNumber(lateEvening, ny)).toBe(dateDay(2026, 11, 1));
    expect(Math.floor((lateEvening.getTime() - 240 * 60_000) / DAY)).toBe(dateDay(2026, 11, 2));
  });

  it("starts each day at the zone's midnight, so DST days last 23 and 25 hours", () => {
    const ny = "America/New_York";
    expect(startOfDay(dateDay(2026, 3, 8), ny).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDay(dateDay(2026, 3, 9), ny).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    const len = (zone: string, y: number, m: number, d: number) =>
      (startOfDay(dateDay(y, m, d) + 1, zone).getTime() - startOfDay(dateDay(y, m, d), zone).getTime()) / 3_600_000;
    expect(len(ny, 2026, 3, 8)).toBe(23);
    expect(len(ny, 2026, 11, 1)).toBe(25);
    expect(len("Europe/Berlin", 2026, 10, 25)).toBe(25);
    expect(len("UTC", 2026, 10, 25)).toBe(24);
  });

  it("gives a start of day that is the first instant of that day, in zones whose clocks skip midnight too", () => {
    // Santiago moves its clocks at midnight (00:00 → 01:00 on the first Sunday of September).
    for (const zone of ["America/Santiago", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"]) {
      for (let day = dateDay(2026, 1, 1); day < dateDay(2027, 1, 1); day += 1) {
        const start = startOfDay(day, zone).getTime();
        if (dayNumber(new Date(start), zone) !== day || dayNumber(new Date(start - 1), zone) !== day - 1)
          expect.fail(`${zone}: day ${day} starts at ${new Date(start).toISOString()}`);
      }
    }
  });
});
