// What clone() makes of a combination of sharing flags (clone(2)): a thread of the caller's process, a
// new process that shares the caller's memory, an ordinary child with a copy-on-write copy, or EINVAL.

export type CloneOutcome = "einval" | "thread" | "shared-memory-process" | "process";

export const CLONE_FLAG_NAMES = [
  "CLONE_VM",
  "CLONE_FS",
  "CLONE_FILES",
  "CLONE_SIGHAND",
  "CLONE_THREAD",
  "CLONE_VFORK",
] as const;
export type CloneFlag = (typeof CLONE_FLAG_NAMES)[number];

/** Parses "CLONE_VM | CLONE_THREAD" (or "0" / "SIGCHLD" for none); unknown names are an error. */
export function parseCloneFlags(text: string): { ok: true; flags: Set<CloneFlag> } | { ok: false; message: string } {
  const flags = new Set<CloneFlag>();
  for (const raw of text
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "0" && s !== "SIGCHLD")) {
    if (!(CLONE_FLAG_NAMES as readonly string[]).includes(raw))
      return { ok: false, message: `unknown clone flag ${JSON.stringify(raw)}` };
    flags.add(raw as CloneFlag);
  }
  return { ok: true, flags };
}

/** clone(2) ERRORS: CLONE_THREAD needs CLONE_SIGHAND (since 2.6.0), which needs CLONE_VM (since 2.6.0). */
export function cloneOutcome(flags: Set<CloneFlag>): CloneOutcome {
  if (flags.has("CLONE_THREAD") && !flags.has("CLONE_SIGHAND")) return "einval";
  if (flags.has("CLONE_SIGHAND") && !flags.has("CLONE_VM")) return "einval";
  if (flags.has("CLONE_THREAD")) return "thread";
  if (flags.has("CLONE_VM")) return "shared-memory-process";
  return "process";
}

/** After `calls` clone() calls from a single-threaded process: how many processes (thread groups) and tasks exist. */
export function cloneCounts(flags: Set<CloneFlag>, calls: number): { processes: number; tasks: number } {
  const outcome = cloneOutcome(flags);
  if (outcome === "einval") return { processes: 1, tasks: 1 };
  return { processes: outcome === "thread" ? 1 : 1 + calls, tasks: 1 + calls };
}
