// The fast path of the scheduler.py port: FIFO/SJF/RR traces and per-job statistics formatted straight
// into the output bytes. It covers the workloads where every printed number is a non-negative integer
// below 2^53 (random jobs always; `-l` lists of whole numbers), where Python's `%3d` is the integer
// right-aligned and `%.2f` is the integer followed by ".00". Anything else (fractional lengths, huge or
// negative values) goes through the general pyFormat path in scheduler.ts; scheduler-paths.test.ts
// checks that both print the same bytes.
import { digitCount, piece, putPiece, putUint } from "./bytesink";
import type { Printer } from "./script";

export interface ByteJob {
  id: number;
  length: number;
}

const TIME = piece("  [ time ");
const RUN_JOB = piece(" ] Run job ");
const FOR = piece(" for ");
const DONE_AT = piece(" secs ( DONE at ");
const CLOSE_NL = piece(" )\n");
const CENTS = piece(".00");
const JOB = piece("  Job ");
const RESPONSE = piece(" -- Response: ");
const TURNAROUND = piece("  Turnaround ");
const WAIT = piece("  Wait ");
const LENGTH = piece(" ( length = ");
const NEWLINE = 0x0a;
/**
 * The loops below refill (or flush) their buffer when `pos` passes `stop`. Starting `stop` here sends the
 * first line through that branch, so the JIT has seen it before it optimises the loop: a branch first
 * taken afterwards throws the optimised code away (it cost a second, 50 ms compile per run).
 */
const REFILL_FIRST = -1;

/** `print('  Job', id, '( length = ' + str(length) + ' )')` for each job; integralSlices() accepted them. */
export function jobLinesBytes(out: Printer, jobs: readonly ByteJob[]): void {
  out.countLines(jobs.length);
  const lineMax = JOB.length + 16 + LENGTH.length + 16 + CLOSE_NL.length;
  const sink = out.sink;
  sink.reserve(jobs.length * lineMax);
  let buf = sink.buf;
  let data = sink.data;
  let pos = sink.len;
  let stop = REFILL_FIRST;
  for (const job of jobs) {
    if (pos > stop) {
      sink.len = pos;
      sink.ensure(lineMax);
      ({ buf, data, len: pos } = sink);
      stop = sink.limit(lineMax);
    }
    pos = putPiece(data, pos, JOB);
    pos = putUint(buf, data, pos, job.id, 0);
    pos = putPiece(data, pos, LENGTH);
    pos = putUint(buf, data, pos, job.length, 0);
    pos = putPiece(data, pos, CLOSE_NL);
  }
  sink.len = pos;
}

/**
 * How many trace lines the run prints, when the fast path can print it; null when it cannot.
 * `quantum` is null for FIFO/SJF (one line per job).
 */
export function integralSlices(jobs: readonly ByteJob[], quantum: number | null): number | null {
  if (quantum !== null && !(Number.isSafeInteger(quantum) && quantum >= 1)) return null;
  let total = 0;
  let slices = 0;
  for (const job of jobs) {
    const len = job.length;
    // Object.is rules out -0, which Python prints as "-0.00".
    if (!Number.isSafeInteger(len) || len < 0 || Object.is(len, -0)) return null;
    total += len;
    slices += quantum === null || len === 0 ? 1 : Math.ceil(len / quantum);
  }
  // Every time, sum and per-job figure is at most the total run time: keep that exact.
  return Number.isSafeInteger(total) ? slices : null;
}

/** Upper bound of one trace line when no printed number exceeds `maxValue`. */
function maxTraceLine(maxValue: number, jobCount: number): number {
  const value = Math.max(3, digitCount(maxValue));
  const id = Math.max(3, digitCount(Math.max(0, jobCount - 1)));
  return (
    TIME.length + value + RUN_JOB.length + id + FOR.length + value + 3 + DONE_AT.length + value + 3 + CLOSE_NL.length
  );
}

function totalLength(jobs: readonly ByteJob[]): number {
  let total = 0;
  for (const job of jobs) total += job.length;
  return total;
}

/** `" for %.2f secs ( DONE at %.2f )\n"` for whole numbers: the end of a job's last trace line. */
function putDone(buf: Uint8Array, data: DataView, pos: number, ranFor: number, doneAt: number): number {
  pos = putPiece(data, pos, FOR);
  pos = putUint(buf, data, pos, ranFor, 0);
  pos = putPiece(data, pos, CENTS);
  pos = putPiece(data, pos, DONE_AT);
  pos = putUint(buf, data, pos, doneAt, 0);
  pos = putPiece(data, pos, CENTS);
  return putPiece(data, pos, CLOSE_NL);
}

/** `'  [ time %3d ] Run job %d for %.2f secs ( DONE at %.2f )'` for each job in order. */
export function traceInOrderBytes(out: Printer, jobs: readonly ByteJob[]): void {
  out.countLines(jobs.length);
  const lineMax = maxTraceLine(totalLength(jobs), jobs.length);
  const sink = out.sink;
  sink.reserve(jobs.length * lineMax);
  let buf = sink.buf;
  let data = sink.data;
  let pos = sink.len;
  let stop = REFILL_FIRST;
  let now = 0;
  for (const job of jobs) {
    if (pos > stop) {
      sink.len = pos;
      sink.ensure(lineMax);
      ({ buf, data, len: pos } = sink);
      stop = sink.limit(lineMax);
    }
    pos = putPiece(data, pos, TIME);
    pos = putUint(buf, data, pos, now, 3);
    pos = putPiece(data, pos, RUN_JOB);
    pos = putUint(buf, data, pos, job.id, 0);
    pos = putDone(buf, data, pos, job.length, now + job.length);
    now += job.length;
  }
  sink.len = pos;
}

export interface RoundRobinResult {
  response: Float64Array;
  turnaround: Float64Array;
  wait: Float64Array;
}

/**
 * The RR loop of scheduler.py with its trace lines written as bytes. `slices` is integralSlices()'s
 * count. Jobs are indexed by id (ids are 0..n-1 in list order).
 */
export function traceRoundRobinBytes(
  out: Printer,
  jobs: readonly ByteJob[],
  quantum: number,
  slices: number,
): RoundRobinResult {
  out.countLines(slices);
  const n = jobs.length;
  const response = new Float64Array(n).fill(-1);
  const turnaround = new Float64Array(n);
  const wait = new Float64Array(n);
  const lastRan = new Float64Array(n);
  const remaining = new Float64Array(n);
  // Each job is in the queue at most once, so a ring of n slots holds it without shifting arrays.
  const ring = new Int32Array(Math.max(1, n));
  for (let i = 0; i < n; i++) {
    ring[i] = jobs[i]!.id;
    remaining[jobs[i]!.id] = jobs[i]!.length;
  }
  // Every preempting slice ends in the same " for <quantum>.00 secs\n".
  // (Keeping each job's " ] Run job %3d" in a table instead of formatting it per line was measured
  // slower: the copy loop costs more than the digits.)
  const quantumTail = piece(` for ${quantum}.00 secs\n`);

  const lineMax = maxTraceLine(totalLength(jobs), n);
  const sink = out.sink;
  sink.reserve(slices * lineMax);
  let buf = sink.buf;
  let data = sink.data;
  let pos = sink.len;
  let stop = REFILL_FIRST;
  let head = 0;
  let size = n;
  let unfinished = n;
  let now = 0;
  while (unfinished > 0) {
    const id = ring[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    if (response[id] === -1) response[id] = now;
    wait[id]! += now - lastRan[id]!;
    if (pos > stop) {
      sink.len = pos;
      sink.ensure(lineMax);
      ({ buf, data, len: pos } = sink);
      stop = sink.limit(lineMax);
    }
    pos = putPiece(data, pos, TIME);
    pos = putUint(buf, data, pos, now, 3);
    pos = putPiece(data, pos, RUN_JOB);
    pos = putUint(buf, data, pos, id, 3);
    let ranFor: number;
    if (remaining[id]! > quantum) {
      remaining[id]! -= quantum;
      ranFor = quantum;
      pos = putPiece(data, pos, quantumTail);
      const slot = head + size;
      ring[slot >= n ? slot - n : slot] = id;
      size++;
    } else {
      ranFor = remaining[id]!;
      pos = putDone(buf, data, pos, ranFor, now + ranFor);
      turnaround[id] = now + ranFor;
      unfinished--;
    }
    now += ranFor;
    lastRan[id] = now;
  }
  sink.len = pos;
  return { response, turnaround, wait };
}

/** `'  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f'` for each job; figures are whole and ≥ 0. */
export function statsBytes(
  out: Printer,
  ids: ArrayLike<number>,
  response: ArrayLike<number>,
  turnaround: ArrayLike<number>,
  wait: ArrayLike<number>,
): void {
  const n = ids.length;
  out.countLines(n);
  const sink = out.sink;
  // "%3.2f" of a whole number is at least "0.00", wider than 3, so it is never padded.
  const lineMax = JOB.length + 16 + RESPONSE.length + TURNAROUND.length + WAIT.length + 3 * 19 + 1;
  sink.reserve(n * lineMax);
  let buf = sink.buf;
  let data = sink.data;
  let pos = sink.len;
  let stop = REFILL_FIRST;
  for (let i = 0; i < n; i++) {
    if (pos > stop) {
      sink.len = pos;
      sink.ensure(lineMax);
      ({ buf, data, len: pos } = sink);
      stop = sink.limit(lineMax);
    }
    pos = putPiece(data, pos, JOB);
    pos = putUint(buf, data, pos, ids[i]!, 3);
    pos = putPiece(data, pos, RESPONSE);
    pos = putUint(buf, data, pos, response[i]!, 0);
    pos = putPiece(data, pos, CENTS);
    pos = putPiece(data, pos, TURNAROUND);
    pos = putUint(buf, data, pos, turnaround[i]!, 0);
    pos = putPiece(data, pos, CENTS);
    pos = putPiece(data, pos, WAIT);
    pos = putUint(buf, data, pos, wait[i]!, 0);
    pos = putPiece(data, pos, CENTS);
    buf[pos++] = NEWLINE;
  }
  sink.len = pos;
}
