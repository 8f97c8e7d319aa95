// The process-states machine: processes alternate CPU and I/O on one CPU, tick by tick.
// It is process-run.py's model (OSTEP chapter 4, 2021 version: finishing an I/O costs one
// `io_done` CPU tick) written once, so the byte-exact OSTEP port and the JSON model share it.
// With policy "ostep" every decision follows process-run.py, including its order of checks;
// "fifo" and "rr" swap only the choice of the next process (and add RR's quantum).

export type Instruction = { op: "cpu" } | { op: "io"; length: number } | { op: "io_done" };
export type SwitchOn = "io" | "end";
export type IoDone = "immediate" | "later";
/** "ostep": next = first READY pid scanning cyclically after the current one (process-run.py).
 *  "fifo": next = the process READY the longest (a ready queue). "rr": fifo + a time quantum. */
export type Policy = "ostep" | "fifo" | "rr";
export type ProcessState = "RUNNING" | "READY" | "BLOCKED" | "DONE";
/** What a process shows in one tick: its state, or `RUN:<op>` when it executed that op this tick. */
export type Cell = ProcessState | "RUN:cpu" | "RUN:io" | "RUN:io_done";

export interface MachineConfig {
  programs: readonly (readonly Instruction[])[];
  switchOn: SwitchOn;
  ioDone: IoDone;
  policy: Policy;
  /** Ticks a process may run before RR preempts it; ignored unless policy is "rr". */
  quantum: number;
}

export interface TickRow {
  tick: number;
  /** True when at least one I/O completed at the start of this tick (OSTEP's `*`). */
  ioCompleted: boolean;
  cells: Cell[];
  cpuBusy: boolean;
  /** I/Os outstanding during this tick (issued earlier, finishing later). */
  iosInFlight: number;
}

export interface MachineRun {
  rows: TickRow[];
  totalTicks: number;
  cpuBusyTicks: number;
  ioBusyTicks: number;
}

/** A state transition process-run.py asserts would be illegal; only reachable through a bug. */
export class MachineInvariantError extends Error {}

/** Upper bound on the ticks a run can take, computable before running it (used for input caps). */
export function tickBound(programs: readonly (readonly Instruction[])[]): number {
  let bound = 1;
  for (const program of programs) {
    // An empty program still holds the CPU for one idle tick.
    bound += Math.max(program.length, 1);
    for (const ins of program) if (ins.op === "io") bound += ins.length;
  }
  return bound;
}

export function runMachine(config: MachineConfig): MachineRun {
  const { programs, switchOn, ioDone, policy } = config;
  const n = programs.length;
  const rows: TickRow[] = [];
  if (n === 0) return { rows, totalTicks: 0, cpuBusyTicks: 0, ioBusyTicks: 0 };

  const pc = new Array<number>(n).fill(0);
  const state = new Array<ProcessState>(n).fill("READY");
  // The finish tick of each process's outstanding I/O; a process blocks on its I/O, so it has at most one.
  const ioFinish = new Array<number>(n).fill(0);
  // Processes in the order they became READY; only the queue policies read it.
  const readyQueue: number[] = [];
  let current = 0;
  let sliceUsed = 0;
  const maxTicks = tickBound(programs);

  const expectState = (pid: number, expected: ProcessState): void => {
    if (state[pid] !== expected) {
      throw new MachineInvariantError(`process ${pid} is ${state[pid]}, expected ${expected}`);
    }
  };
  const makeReady = (pid: number, expected: ProcessState): void => {
    expectState(pid, expected);
    state[pid] = "READY";
    readyQueue.push(pid);
  };
  const dispatch = (pid: number): void => {
    current = pid;
    expectState(pid, "READY");
    state[pid] = "RUNNING";
    const at = readyQueue.indexOf(pid);
    if (at >= 0) readyQueue.splice(at, 1);
    sliceUsed = 0;
  };
  const pickNext = (): void => {
    if (policy === "ostep") {
      for (let k = 1; k <= n; k++) {
        const pid = (current + k) % n;
        if (state[pid] === "READY") return dispatch(pid);
      }
      return;
    }
    const head = readyQueue.find((pid) => state[pid] === "READY");
    if (head !== undefined) dispatch(head);
  };
  const remaining = (pid: number): number => programs[pid]!.length - pc[pid]!;
  const countRunnable = (): number => state.filter((s) => s === "READY" || s === "RUNNING").length;
  const finishIfDone = (): void => {
    if (remaining(current) === 0 && state[current] === "RUNNING") {
      state[current] = "DONE";
      pickNext();
    }
  };

  for (let pid = 1; pid < n; pid++) readyQueue.push(pid);
  state[0] = "RUNNING";

  let tick = 0;
  let cpuBusyTicks = 0;
  let ioBusyTicks = 0;
  while (state.some((s) => s !== "DONE")) {
    tick += 1;
    if (tick > maxTicks) throw new MachineInvariantError(`run exceeded its bound of ${maxTicks} ticks`);

    let ioCompleted = false;
    for (let pid = 0; pid < n; pid++) {
      if (ioFinish[pid] !== tick) continue;
      ioCompleted = true;
      makeReady(pid, "BLOCKED");
      if (ioDone === "immediate") {
        if (current !== pid && state[current] === "RUNNING") makeReady(current, "RUNNING");
        dispatch(pid);
      } else {
        // Under switch-on-end the process that blocked still owns the CPU; otherwise it only
        // gets the CPU back if nothing else can use it.
        if (switchOn === "end" && countRunnable() > 1) dispatch(pid);
        if (countRunnable() === 1) dispatch(pid);
      }
      finishIfDone();
    }
    // RR's quantum check runs after the completions of this instant, so a process whose I/O just
    // completed queues ahead of the one being preempted (the scheduler's "arrival-first"). With
    // nobody else READY the running process simply starts a fresh quantum, as a re-pick would.
    if (policy === "rr" && state[current] === "RUNNING" && sliceUsed >= config.quantum) {
      if (state.includes("READY")) {
        makeReady(current, "RUNNING");
        pickNext();
      } else sliceUsed = 0;
    }

    let executed: Instruction | null = null;
    if (state[current] === "RUNNING" && remaining(current) > 0) {
      executed = programs[current]![pc[current]!]!;
      pc[current]! += 1;
      cpuBusyTicks += 1;
      sliceUsed += 1;
    }

    let iosInFlight = 0;
    for (const t of ioFinish) if (t > tick) iosInFlight += 1;
    if (iosInFlight > 0) ioBusyTicks += 1;
    const cells = state.map((s, pid): Cell => (pid === current && executed ? `RUN:${executed.op}` : s));
    rows.push({ tick, ioCompleted, cells, cpuBusy: executed !== null, iosInFlight });

    if (executed?.op === "io") {
      expectState(current, "RUNNING");
      state[current] = "BLOCKED";
      // The device is busy for `length` ticks; the process is READY on the tick after.
      ioFinish[current] = tick + executed.length + 1;
      if (switchOn === "io") pickNext();
    }
    finishIfDone();
  }
  return { rows, totalTicks: tick, cpuBusyTicks, ioBusyTicks };
}
