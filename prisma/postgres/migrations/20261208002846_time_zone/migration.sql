-- Settings stored a UTC offset captured once, they now store an IANA time zone (lib/progress/timezone.ts).
-- Existing rows keep the days they had: an offset becomes the zone with that offset, until the browser
-- sends its own zone (the dashboard does when it differs). Whole hours become the fixed-offset zone with
-- exactly that offset (POSIX sign: Etc/GMT-2 is UTC+2), other offsets in use the zone that has them
-- (fixed ones where one exists, else one that observes daylight saving), anything else UTC.
-- AlterTable
ALTER TABLE "ProgressSettings" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';
UPDATE "ProgressSettings" SET "timeZone" = CASE
        WHEN "utcOffsetMinutes" = 0 THEN 'UTC'
        WHEN "utcOffsetMinutes" % 60 = 0 AND "utcOffsetMinutes" BETWEEN -720 AND 840 THEN 'Etc/GMT' || CASE WHEN "utcOffsetMinutes" > 0 THEN '-' ELSE '+' END || (abs("utcOffsetMinutes") / 60)::text
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
    END;
ALTER TABLE "ProgressSettings" DROP COLUMN "utcOffsetMinutes";
