-- Settings stored a UTC offset captured once, they now store an IANA time zone (lib/progress/timezone.ts).
-- Existing rows keep the days they had: an offset becomes the zone with that offset, until the browser
-- sends its own zone (the dashboard does when it differs). Whole hours become the fixed-offset zone with
-- exactly that offset (POSIX sign: Etc/GMT-2 is UTC+2), other offsets in use the zone that has them
-- (fixed ones where one exists, else one that observes daylight saving), anything else UTC.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProgressSettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "retention" REAL NOT NULL DEFAULT 0.9,
    "streaksEnabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    "interviewDate" DATETIME,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    CONSTRAINT "ProgressSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProgressSettings" ("interviewDate", "retention", "streaksEnabled", "updatedAt", "userId", "timeZone") SELECT "interviewDate", "retention", "streaksEnabled", "updatedAt", "userId",
    CASE
        WHEN "utcOffsetMinutes" = 0 THEN 'UTC'
        WHEN "utcOffsetMinutes" % 60 = 0 AND "utcOffsetMinutes" BETWEEN -720 AND 840 THEN 'Etc/GMT' || CASE WHEN "utcOffsetMinutes" > 0 THEN '-' ELSE '+' END || (abs("utcOffsetMinutes") / 60)
        WHEN "utcOffsetMinutes" = 330 THEN 'Asia/Kolkata'
        WHEN "utcOffsetMinutes" = 345 THEN 'Asia/Kathmandu'
        WHEN "utcOffsetMinutes" = 270 THEN 'Asia/Kabul'
        WHEN "utcOffsetMinutes" = 210 THEN 'Asia/Tehran'
        WHEN "utcOffsetMinutes" = 390 THEN 'Asia/Yangon'
        WHEN "utcOffsetMinutes" = 570 THEN 'Australia/Darwin'
        WHEN "utcOffsetMinutes" = 525 THEN 'Australia/Eucla'
        WHEN "utcOffsetMinutes" = -570 THEN 'Pacific/Marquesas'
        WHEN "utcOffsetMinutes" = 630 THEN 'Australia/Adelaide'
        WHEN "utcOffsetMinutes" = -210 THEN 'America/St_Johns'
        WHEN "utcOffsetMinutes" = -150 THEN 'America/St_Johns'
        WHEN "utcOffsetMinutes" = 765 THEN 'Pacific/Chatham'
        WHEN "utcOffsetMinutes" = 825 THEN 'Pacific/Chatham'
        ELSE 'UTC'
    END
FROM "ProgressSettings";
DROP TABLE "ProgressSettings";
ALTER TABLE "new_ProgressSettings" RENAME TO "ProgressSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
