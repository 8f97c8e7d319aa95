// The real process: the `timeslice` bin as a user runs it, and `timeslice ostep scheduler` writes its stdout as bytes, in chunks while it runs, to
// an OS pipe whose reader is slower than the writer, and the bytes that arrive are exactly the engine's.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runOstepScheduler } from "../engine/ostep";
import { userPath } from "./io";

const ROOT = path.resolve(import.meta.dirname, "../..");

function runCli(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
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

describe("the timeslice bin", () => {
  it("runs from the user's directory: relative paths resolve there, and errors are one line with the file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-bin-"));
    try {
      writeFileSync(
        path.join(dir, "w.json"),
        JSON.stringify({
          policy: "fifo",
          tasks: [
            { id: "A", bursts: [2] },
            { id: "B", bursts: [1] },
          ],
        }),
      );
      writeFileSync(path.join(dir, "bad.json"), '{\n  "policy": "fifo"\n  "tasks": []\n}');
      const bin = path.join(ROOT, "bin", "timeslice.cjs");
      const ok = spawnSync(process.execPath, [bin, "simulate", "w.json"], { cwd: dir, encoding: "utf8" });
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      // Text is the default: the readable timeline, not JSON.
      expect(ok.stdout).toMatch(/^policy \{"name":"fifo"\}/);
      expect(ok.stdout).toMatch(/B\s+finished/);
      const bad = spawnSync(process.execPath, [bin, "simulate", "bad.json", "--json"], { cwd: dir, encoding: "utf8" });
      expect(bad.status).toBe(1);
      expect(bad.stdout).toBe("");
      expect(bad.stderr).toBe("timeslice: bad.json:3:3: not valid JSON: Expected ',' or '}' after property value\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("under npm run, paths resolve from INIT_CWD (where the user typed the command), elsewhere from the process's directory", () => {
    expect(userPath("w.json", { npm_lifecycle_event: "timeslice", INIT_CWD: "/home/me/work" }, "/repo")).toBe(
      "/home/me/work/w.json",
    );
    expect(userPath("w.json", { INIT_CWD: "/home/me/work" }, "/repo/sub")).toBe("/repo/sub/w.json");
    expect(userPath("/abs/w.json", { npm_lifecycle_event: "timeslice", INIT_CWD: "/home/me" }, "/repo")).toBe(
      "/abs/w.json",
    );
  });
});
