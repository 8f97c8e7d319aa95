// The real process: `timeslice ostep scheduler` writes its stdout as bytes, in chunks while it runs, to
// an OS pipe whose reader is slower than the writer, and the bytes that arrive are exactly the engine's.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runOstepScheduler } from "../engine/ostep/scheduler";

const ROOT = path.resolve(import.meta.dirname, "../..");

function runCli(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    // Read late and slowly, so the writer fills the pipe and must wait for it.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 300);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
  });
}

describe("timeslice ostep as a process", () => {
  it("streams megabytes through a pipe byte for byte", async () => {
    const args = ["-p", "RR", "-q", "1", "-j", "2000", "-m", "100", "-s", "3", "-c"];
    const { code, stdout, stderr } = await runCli(["ostep", "scheduler", ...args]);
    const expected = runOstepScheduler(args).stdout;
    expect(stdout.length).toBeGreaterThan(4_000_000);
    expect(stdout.toString("utf8") === expected).toBe(true);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 60_000);

  it("passes a refusal's stderr and status through, with nothing on stdout", async () => {
    const { code, stdout, stderr } = await runCli(["ostep", "scheduler", "-p", "RR", "-q", "0", "-l", "5", "-c"]);
    expect(code).toBe(1);
    expect(stdout.length).toBe(0);
    expect(stderr).toMatch(/^timeslice: scheduler\.py: .*loop forever\n$/);
  }, 60_000);
});
