// `npx tsx bench/index.ts ostep`: how fast `timeslice ostep scheduler` answers a big RR homework question
// (23.7 MB of output) compared with the real `python3 scheduler.py` (set OSTEP_DIR to an ostep-homework
// checkout). Prints, from one run: the empty-process floors of node and python3, python3 scheduler.py,
// our prebuilt CLI (scripts/build-cli.ts) and our CLI through tsx, all as whole processes with stdout to
// /dev/null, our engine in-process, and the ratios to python3.
//
// Whole processes are timed by a small python3 harness (os.wait4 gives each child's CPU time to the
// microsecond; Node cannot see its children's CPU time) that runs the commands round-robin, so a burst
// of load from elsewhere hits all of them alike. Figures are medians of ROUNDS runs: wall time, and CPU
// time (user + system), which load on a shared machine inflates far less than wall time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runOstepSchedulerBytes } from "../lib/engine/ostep";
import { buildCli } from "../scripts/build-cli";

const FLAGS = ["-p", "RR", "-q", "1", "-j", "10000", "-m", "100", "-s", "1", "-c"];
const ROOT = path.resolve(import.meta.dirname, "..");
const ROUNDS = 7;
const IN_PROCESS_RUNS = 7;

// argv[1] is a JSON list of commands; each runs ROUNDS times, interleaved. Prints JSON results.
const HARNESS = `
import json, os, sys, time
cmds = json.loads(sys.argv[1]); rounds = int(sys.argv[2])
out = [{"wall": [], "cpu": [], "status": 0} for _ in cmds]
null = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0), (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0), (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0)]
for _ in range(rounds):
    for i, cmd in enumerate(cmds):
        start = time.perf_counter()
        pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=null)
        _, status, ru = os.wait4(pid, 0)
        out[i]["wall"].append((time.perf_counter() - start) * 1000)
        out[i]["cpu"].append((ru.ru_utime + ru.ru_stime) * 1000)
        out[i]["status"] = out[i]["status"] or os.waitstatus_to_exitcode(status)
print(json.dumps(out))
`;

interface Timing {
  wall: number;
  cpu: number | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** The interpreter python3 resolves to (a pyenv shim is itself a script that costs ~0.1 s per start). */
function realPython(): string | null {
  const r = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Times each command ROUNDS times, round-robin; null for a command that failed. */
function timeCommands(python: string | null, cmds: string[][]): (Timing | null)[] {
  if (python) {
    const r = spawnSync(python, ["-c", HARNESS, JSON.stringify(cmds), String(ROUNDS)], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`timing harness failed: ${r.stderr.trim().split("\n").pop()}`);
    const results = JSON.parse(r.stdout) as { wall: number[]; cpu: number[]; status: number }[];
    return results.map((x) => (x.status === 0 ? { wall: median(x.wall), cpu: median(x.cpu) } : null));
  }
  // Without python3: wall time only.
  const walls = cmds.map(() => [] as number[]);
  const failed = cmds.map(() => false);
  for (let round = 0; round < ROUNDS; round++) {
    cmds.forEach(([command, ...args], i) => {
      const start = performance.now();
      const r = spawnSync(command!, args, { cwd: ROOT, stdio: "ignore" });
      walls[i]!.push(performance.now() - start);
      if (r.status !== 0) failed[i] = true;
    });
  }
  return walls.map((w, i) => (failed[i] ? null : { wall: median(w), cpu: null }));
}

const ms = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : `${x.toFixed(0)} ms`);

export default async function ostepBench(): Promise<void> {
  console.log(`workload: scheduler.py ${FLAGS.join(" ")}`);

  const inProcess: number[] = [];
  let bytes = runOstepSchedulerBytes(FLAGS).stdout.length; // untimed: warms the JIT
  for (let i = 0; i < IN_PROCESS_RUNS; i++) {
    const start = performance.now();
    bytes = runOstepSchedulerBytes(FLAGS).stdout.length;
    inProcess.push(performance.now() - start);
  }
  const engineMs = median(inProcess);

  const dir = mkdtempSync(path.join(tmpdir(), "timeslice-bench-"));
  try {
    const bundle = buildCli(path.join(dir, "timeslice.cjs"));
    const python = realPython();
    const script = process.env.OSTEP_DIR ? path.join(process.env.OSTEP_DIR, "cpu-sched", "scheduler.py") : "";
    const withPython = python !== null && script !== "" && existsSync(script);

    const node = process.execPath;
    const rows: { label: string; cmd: string[] }[] = [
      { label: "node -e 0 (Node's empty-process floor)", cmd: [node, "-e", "0"] },
      ...(python ? [{ label: "python3 -c pass (python's floor)", cmd: [python, "-c", "pass"] }] : []),
      ...(withPython ? [{ label: "python3 scheduler.py", cmd: [python, script, ...FLAGS] }] : []),
      {
        label: "ours, prebuilt bundle (node dist/cli/timeslice.cjs)",
        cmd: [node, bundle, "ostep", "scheduler", ...FLAGS],
      },
      {
        label: "ours via tsx (what npm run -s timeslice runs)",
        cmd: [node, "--import", "tsx", "lib/cli/main.ts", "ostep", "scheduler", ...FLAGS],
      },
    ];

    if (withPython) {
      // The bench is only worth reading if the outputs are the same bytes.
      const ours = spawnSync(node, [bundle, "ostep", "scheduler", ...FLAGS], { maxBuffer: 1 << 26 }).stdout;
      const theirs = spawnSync(python!, [script, ...FLAGS], { maxBuffer: 1 << 26 }).stdout;
      console.log(
        `output identical to python3's: ${Buffer.compare(ours, theirs) === 0 ? "yes" : "NO"} (${(theirs.length / 1e6).toFixed(1)} MB)`,
      );
    } else {
      console.log("python3 scheduler.py: skipped (set OSTEP_DIR to an ostep-homework checkout)");
    }

    const timings = timeCommands(
      python,
      rows.map((r) => r.cmd),
    );
    if (python) console.log(`python3 is ${python}`);
    console.log(`whole processes, median of ${ROUNDS} interleaved runs, stdout to /dev/null:`);
    console.log(`${"".padEnd(62)} ${"wall".padStart(8)} ${"CPU".padStart(8)}`);
    rows.forEach((row, i) =>
      console.log(`${row.label.padEnd(62)} ${ms(timings[i]?.wall).padStart(8)} ${ms(timings[i]?.cpu).padStart(8)}`),
    );
    console.log(
      `${`ours in-process (engine only, warm, median of ${IN_PROCESS_RUNS}; ${(bytes / 1e6).toFixed(1)} MB)`.padEnd(62)} ${ms(engineMs).padStart(8)}`,
    );

    if (withPython) {
      const py = timings[rows.findIndex((r) => r.label === "python3 scheduler.py")];
      const ratio = (t: Timing | null | undefined, key: keyof Timing) => {
        const a = py?.[key];
        const b = t?.[key];
        return a === null || a === undefined || b === null || b === undefined ? "n/a" : `${(a / b).toFixed(1)}x`;
      };
      console.log("python3 scheduler.py time divided by (goal: 50x for the whole process):");
      rows.forEach((row, i) => {
        if (!row.label.startsWith("python3"))
          console.log(
            `  ${row.label.padEnd(60)} wall ${ratio(timings[i], "wall").padStart(6)}  CPU ${ratio(timings[i], "cpu").padStart(6)}`,
          );
      });
      console.log(`  ${"ours in-process".padEnd(60)} wall ${ratio({ wall: engineMs, cpu: null }, "wall").padStart(6)}`);
      console.log("  (python3 / node -e 0 is the best ratio any Node program could reach on this machine)");
    }
    startupRatio(python);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The `timeslice` bin (bin/timeslice.cjs, what `npx timeslice` runs) on a command with almost no work,
 * against Node's empty process: the cost of starting our CLI. Goal: under 2x.
 */
function startupRatio(python: string | null): void {
  const dir = mkdtempSync(path.join(tmpdir(), "timeslice-start-"));
  try {
    const workload = path.join(dir, "w.json");
    writeFileSync(
      workload,
      JSON.stringify({
        policy: "rr",
        tasks: [
          { id: "A", bursts: [3] },
          { id: "B", bursts: [2] },
        ],
      }),
    );
    const bin = path.join(ROOT, "bin", "timeslice.cjs");
    // The bin rebuilds a stale bundle on its first call; make that call now so the timed ones measure a start.
    spawnSync(process.execPath, [bin, "simulate", workload], { stdio: "ignore" });
    const [empty, ours] = timeCommands(python, [
      [process.execPath, "-e", "0"],
      [process.execPath, bin, "simulate", workload],
    ]);
    const ratio = (key: keyof Timing) => {
      const a = empty?.[key];
      const b = ours?.[key];
      return a === null || a === undefined || b === null || b === undefined ? "n/a" : `${(b / a).toFixed(2)}x`;
    };
    console.log(
      `start-up: timeslice simulate (2 tasks) ${ms(ours?.wall)} wall, ${ms(ours?.cpu)} CPU; node -e 0 ${ms(empty?.wall)} wall, ${ms(empty?.cpu)} CPU`,
    );
    console.log(`start-up ratio, bin / empty node (goal: under 2x): wall ${ratio("wall")}, CPU ${ratio("cpu")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
