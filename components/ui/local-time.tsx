"use client";

import { useSyncExternalStore } from "react";

// Dates are stored and sent in UTC; they are shown in the reader's own time zone, which only the
// browser knows. The server's HTML (and the first render while hydrating) says UTC explicitly, then the
// browser re-renders in its zone with Intl, so there is never a wrong unlabelled time on screen.
// Field by field: dateStyle/timeStyle cannot be combined with timeZoneName (a RangeError).

const subscribe = () => () => {};
const FIELDS: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

export function formatInZone(iso: string, timeZone?: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { ...FIELDS, timeZone }).format(new Date(iso));
}

export function LocalTime({ iso, prefix = "" }: { iso: string; prefix?: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <time dateTime={iso}>
      {prefix}
      {inBrowser ? formatInZone(iso) : formatInZone(iso, "UTC", "en-GB")}
    </time>
  );
}
