"use client";

import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/**
 * A date in the reader's own time zone. The server renders the UTC form (it does not know the zone);
 * the browser replaces it with the local one, so hydration never mismatches.
 */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscribe,
    // Field by field: dateStyle/timeStyle cannot be combined with timeZoneName (a RangeError).
    () => new Date(iso).toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }),
    () => `${iso.slice(0, 16).replace("T", " ")} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
