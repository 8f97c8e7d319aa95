"use client";

import { useCallback, useSyncExternalStore } from "react";

// The interview checklist's boxes are plain HTML from the lesson's Markdown (lib/lessons/render.ts); this
// remembers which the reader ticked, per lesson, in this browser only (no account is needed to read a
// lesson), and says how many are done. The boxes are the store: subscribing restores them and listens.
const BOXES = "article input[data-lesson-check]";

function boxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(BOXES)];
}

function readTicked(key: string): Set<number> {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(key) ?? "null");
    return new Set(Array.isArray(saved) ? saved.filter((i): i is number => Number.isInteger(i)) : []);
  } catch {
    return new Set();
  }
}

export function ChecklistMemory({ slug }: { slug: string }) {
  const key = `timeslice:checklist:${slug}`;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const all = boxes();
      const ticked = readTicked(key);
      all.forEach((box, i) => (box.checked = ticked.has(i)));
      const save = () => {
        window.localStorage.setItem(key, JSON.stringify(all.flatMap((box, i) => (box.checked ? [i] : []))));
        onChange();
      };
      all.forEach((box) => box.addEventListener("change", save));
      onChange();
      return () => all.forEach((box) => box.removeEventListener("change", save));
    },
    [key],
  );
  const snapshot = useSyncExternalStore(
    subscribe,
    () => {
      const all = boxes();
      return `${all.filter((b) => b.checked).length}/${all.length}`;
    },
    () => "",
  );
  const [done, total] = snapshot.split("/").map(Number);
  if (!snapshot || !total) return null;
  return (
    <p className="text-sm text-muted-foreground" data-testid="checklist-progress" aria-live="polite">
      Checklist: {done} of {total} ticked{done === total ? " — ready for this topic's interview questions." : "."}
    </p>
  );
}
