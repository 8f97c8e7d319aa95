// `npx tsx bench/index.ts ostep`: how fast `timeslice ostep scheduler` answers a big RR homework
// question compared with the real `python3 scheduler.py` (set OSTEP_DIR to an ostep-homework checkout).
// Prints in-process time (the engine alone), whole-process time through tsx (what `npm run -s
// timeslice` costs), whole-process time of a prebuilt JS bundle, and python3's whole-process time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runOstepScheduler } from "../lib/engine/ostep/scheduler";

const FLAGS = ["-p", "RR", "-q", "1", "-j", "10000", "-m", "100", "-s", "1", "-c"];
const ROOT = path.resolve(import.meta.dirname, "..");

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall-clock milliseconds of one child process, its stdout discarded (as a student piping to a file would). */
function timeProcess(command: string, args: string[], cwd = ROOT): number | null {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    console.log(`  (failed: ${command} ${args.join(" ")}: ${String(result.stderr).split("\n")[0]})`);
    return null;
  }
  return ms;
}

function fmt(ms: number | null): string {
  return ms === null ? "n/a" : `${ms.toFixed(0)} ms`;
}

export default async function ostepBench(): Promise<void> {
  console.log(`workload: scheduler.py ${FLAGS.join(" ")}`);

  const inProcess: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    bytes = runOstepScheduler(FLAGS).stdout.length;
    inProcess.push(performance.now() - start);
  }
  const engineMs = median(inProcess);
  console.log(`in-process (engine only, median of 5): ${fmt(engineMs)} for ${(bytes / 1e6).toFixed(1)} MB of output`);

  const tsxRuns = [0, 1, 2].map(() => timeProcess(process.execPath, ["--import", "tsx", "lib/cli/main.ts", "ostep", "scheduler", ...FLAGS]));
  const tsxMs = tsxRuns.includes(null) ? null : median(tsxRuns as number[]);
  console.log(`whole process via tsx (npm run -s timeslice): ${fmt(tsxMs)}`);

  // A prebuilt bundle shows what shipping a compiled CLI would cost (no TypeScript transform at startup).
  let bundleMs: number | null = null;
  const esbuild = path.join(ROOT, "node_modules", ".bin", "esbuild");
  const dir = mkdtempSync(path.join(tmpdir(), "timeslice-bench-"));
  try {
    const out = path.join(dir, "cli.mjs");
    // Bundle only the ostep command (the full CLI pulls in every other command); the other
    // OSTEP scripts stay external so a missing one cannot break the build.
    const entry = path.join(dir, "entry.ts");
    writeFileSync(
      entry,
      `import { run } from ${JSON.stringify(path.join(ROOT, "lib/cli/commands/ostep.ts"))};
import { nodeIo } from ${JSON.stringify(path.join(ROOT, "lib/cli/io.ts"))};
run(process.argv.slice(2), nodeIo).then((code) => { process.exitCode = code; });
`,
    );
    if (existsSync(esbuild)) {
      const build = spawnSync(
        esbuild,
        [entry, "--bundle", "--platform=node", "--format=esm", `--outfile=${out}`, "--log-level=error", "--external:*/process-run", "--external:*/fork"],
        { cwd: ROOT },
      );
      if (build.status !== 0) console.log(`  (bundle failed: ${String(build.stderr).split("\n")[0]})`);
      if (build.status === 0) {
        const runs = [0, 1, 2].map(() => timeProcess(process.execPath, [out, "scheduler", ...FLAGS]));
        bundleMs = runs.includes(null) ? null : median(runs as number[]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`whole process, prebuilt JS bundle (node cli.mjs): ${fmt(bundleMs)}`);

  const ostepDir = process.env.OSTEP_DIR;
  const script = ostepDir ? path.join(ostepDir, "cpu-sched", "scheduler.py") : "";
  if (!ostepDir || !existsSync(script)) {
    console.log("python3 scheduler.py: skipped (set OSTEP_DIR to an ostep-homework checkout)");
    return;
  }
  const pythonMs = timeProcess("python3", [path.basename(script), ...FLAGS], path.dirname(script));
  console.log(`whole process, python3 scheduler.py: ${fmt(pythonMs)}`);
  if (pythonMs !== null) {
    const ratio = (ms: number | null) => (ms === null ? "n/a" : `${(pythonMs / ms).toFixed(1)}x`);
    console.log(`speed-up vs python3: in-process ${ratio(engineMs)}, tsx process ${ratio(tsxMs)}, bundle process ${ratio(bundleMs)} (goal: 50x)`);
  }
}
