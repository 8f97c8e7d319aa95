// The `lifecycle` kind of :::worked-example (issue #23): a fork/exec/wait/sleep program from the fork
// engine (lib/engine/process), stepped in one run's time order while tracking what the kernel keeps of each
// process: alive, a zombie (exited, not yet reaped), an orphan (its parent exited first, so init adopted
// it). Kept out of worked.ts so that each engine kind is its own file.
import { analyzeForkProgram, type ForkEvent, type ForkModel } from "@/lib/engine/process";
import type { LessonResult } from "./types";
import type { WorkedStep } from "./worked";

const fail = (path: string, message: string): LessonResult<never> => ({ ok: false, errors: [{ path, message }] });

export function runLifecycle(scenario: string, path: string): LessonResult<ForkModel> {
  const r = analyzeForkProgram(scenario, { mode: "tty" });
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: `${path}.program`, message: e.message })) };
  if (!r.value.deterministic || r.value.branches)
    return fail(path, "the program's order depends on timing: pick one with a single possible run");
  return { ok: true, value: r.value };
}

type Status = "alive" | "zombie" | "reaped";

/**
 * One run in time order, as the fork engine models timing: the current process runs until it exits, waits
 * for a child that has not exited, or sleeps; then the lowest pid that can run goes on; a sleeper resumes
 * only when no other process can run (a sleep of 1 ms or more outlasts the others' work), earliest first.
 */
export function lifecycleOrder(model: ForkModel): { pid: number; event: ForkEvent }[] {
  const byPid = new Map(model.processes.map((p) => [p.pid, p]));
  const next = new Map(model.processes.map((p) => [p.pid, 0]));
  const exited = new Set<number>();
  const reaped = new Set<number>();
  const started = new Set<number>();
  const wakeAt = new Map<number, number>();
  let clock = 0;
  const root = model.processes.find((p) => p.parent === null);
  if (!root) return [];
  started.add(root.pid);
  const nextEvent = (pid: number) => byPid.get(pid)!.events[next.get(pid)!];
  const waitsOn = (pid: number, e: Extract<ForkEvent, { type: "wait" }>) => {
    const kids = e.target === "any" ? byPid.get(pid)!.children : [e.target];
    return kids.find((k) => exited.has(k) && !reaped.has(k)) ?? null;
  };
  const ready = (pid: number) => {
    const e = nextEvent(pid);
    if (!e || wakeAt.has(pid)) return false;
    return e.type !== "wait" || waitsOn(pid, e) !== null;
  };
  const order: { pid: number; event: ForkEvent }[] = [];
  let current: number | null = root.pid;
  for (let guard = 0; guard < 10_000 && current !== null; guard++) {
    const e = nextEvent(current)!;
    if (e.type === "wait") reaped.add(waitsOn(current, e)!);
    if (e.type === "fork") started.add(e.child);
    if (e.type === "sleep") wakeAt.set(current, clock + e.ms);
    order.push({ pid: current, event: e });
    next.set(current, next.get(current)! + 1);
    if (!nextEvent(current)) exited.add(current);
    if (!ready(current)) {
      current = [...started].sort((a, b) => a - b).find(ready) ?? null;
      if (current === null && wakeAt.size > 0) {
        const [pid, at] = [...wakeAt].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0]!;
        clock = at;
        wakeAt.delete(pid);
        current = ready(pid) ? pid : null;
      }
    }
  }
  return order;
}

export interface LifecycleStep extends WorkedStep {
  /** Zombies and orphans after this step (for the tests). */
  zombies: number[];
  orphans: number[];
}

export function lifecycleSteps(model: ForkModel): LifecycleStep[] {
  const parentOf = new Map(model.processes.map((p) => [p.pid, p.parent]));
  const status = new Map<number, Status>();
  const orphaned = new Set<number>();
  const printed: string[] = [];
  const root = model.processes.find((p) => p.parent === null);
  if (root) status.set(root.pid, "alive");
  const list = (s: Status) =>
    [...status]
      .filter(([, v]) => v === s)
      .map(([pid]) => pid)
      .sort((a, b) => a - b);
  const steps: LifecycleStep[] = [];
  for (const { pid, event: e } of lifecycleOrder(model)) {
    let heading: string;
    let rule: string;
    if (e.type === "fork") {
      status.set(e.child, "alive");
      heading = `${pid} forks child ${e.child} (line ${e.line})`;
      rule = "fork() creates a child whose parent is the caller; the parent must later reap it with wait().";
    } else if (e.type === "write") {
      printed.push(...e.text.split("\n").filter((l) => l !== ""));
      heading = `${pid} prints ${JSON.stringify(e.text.replace(/\n$/, ""))}`;
      rule = "Printing changes no process's state; it shows how far each process has got.";
    } else if (e.type === "sleep") {
      heading = `${pid} sleeps ${e.ms} ms (line ${e.line})`;
      rule =
        "A sleeping process gives up the CPU. In practice a sleep of a millisecond or more lets the other processes finish their short work first, though nothing guarantees it.";
    } else if (e.type === "exec") {
      heading = `${pid} execs ${e.program} (line ${e.line})`;
      rule =
        "A successful exec replaces the program but not the process: same pid, same parent, and the old program's remaining lines never run.";
    } else if (e.type === "wait") {
      const child = [...status]
        .filter(([c, s]) => s === "zombie" && parentOf.get(c) === pid)
        .map(([c]) => c)
        .find((c) => e.target === "any" || e.target === c);
      if (child !== undefined) status.set(child, "reaped");
      heading = `${pid}'s wait() reaps ${child ?? "a child"}`;
      rule = "wait() returns a child that has exited and frees its process-table entry: the zombie is gone.";
    } else if (e.type === "exit") {
      const parent = parentOf.get(pid) ?? null;
      const parentAlive = parent !== null && status.get(parent) === "alive" && !orphaned.has(pid);
      const kids = [...status].filter(([c]) => parentOf.get(c) === pid);
      const zombieKids = kids.filter(([, s]) => s === "zombie").map(([c]) => c);
      const liveKids = kids.filter(([, s]) => s === "alive").map(([c]) => c);
      const parts: string[] = [];
      if (parent === null) {
        status.set(pid, "reaped");
        parts.push("The shell that started it reaps it.");
      } else if (parentAlive) {
        status.set(pid, "zombie");
        parts.push(
          `It is a zombie until its parent ${parent} calls wait(): its memory is freed, its pid and exit status stay.`,
        );
      } else {
        status.set(pid, "reaped");
        parts.push("Its parent is gone, so init (its adoptive parent) reaps it at once.");
      }
      for (const z of zombieKids) status.set(z, "reaped");
      if (zombieKids.length > 0)
        parts.push(
          zombieKids.length > 1
            ? `Its unreaped children ${zombieKids.join(", ")} pass to init, which reaps them.`
            : `Its unreaped child ${zombieKids[0]} passes to init, which reaps it.`,
        );
      for (const c of liveKids) orphaned.add(c);
      if (liveKids.length > 0)
        parts.push(
          liveKids.length > 1
            ? `Its running children ${liveKids.join(", ")} become orphans: re-parented to init (or a subreaper), which will reap them.`
            : `Its running child ${liveKids[0]} becomes an orphan: re-parented to init (or a subreaper), which will reap it.`,
        );
      heading = `${pid} exits with status ${e.code}`;
      rule = parts.join(" ");
    } else continue;
    const zombies = list("zombie");
    const orphans = [...orphaned].filter((o) => status.get(o) === "alive").sort((a, b) => a - b);
    steps.push({
      heading,
      rule,
      zombies,
      orphans,
      state: [
        `Alive: ${list("alive").join(", ") || "none"}`,
        `Zombies: ${zombies.join(", ") || "none"}`,
        `Orphans adopted by init: ${orphans.join(", ") || "none"}`,
        `Lines printed so far: ${printed.length}${printed.length > 0 ? ` (${printed.map((l) => JSON.stringify(l)).join(", ")})` : ""}`,
      ],
    });
  }
  return steps;
}
