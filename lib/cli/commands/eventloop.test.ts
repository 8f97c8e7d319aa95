import { describe, expect, test } from "vitest";
import { memoryIo } from "../io";
import { run as eventloop } from "./eventloop";

// 'sync' is printed first: the first console.log opens stdout, which takes milliseconds and would
// make the timer surely due before the immediate.
const PUZZLE = [
  "console.log('sync');",
  "Promise.resolve().then(() => console.log('promise'));",
  "process.nextTick(() => console.log('nextTick'));",
  "setTimeout(() => console.log('timeout'), 0);",
  "setImmediate(() => console.log('immediate'));",
].join("\n");

describe("eventloop --check", () => {
  test("an observed output the model allows is possible (exit 0)", async () => {
    const io = memoryIo({ "p.js": PUZZLE, "out.txt": "sync\nnextTick\npromise\nimmediate\ntimeout\n" });
    expect(await eventloop(["p.js", "--check", "out.txt"], io)).toBe(0);
    expect(io.stdout).toMatch(/^possible: out\.txt is order \d of the 2 orders Node 20 can print\./);
  });

  test("an impossible output names the first line that cannot be printed there and what could (exit 1)", async () => {
    const io = memoryIo({ "p.js": PUZZLE, "out.txt": "sync\npromise\nnextTick\ntimeout\nimmediate\n" });
    expect(await eventloop(["p.js", "--check", "out.txt"], io)).toBe(1);
    const lines = io.stdout.trim().split("\n");
    expect(lines[0]).toBe("not possible: out.txt:2: 'promise' cannot be printed there.");
    expect(lines[1]).toBe("  Node 20 prints 'nextTick' at line 2.");
    expect(lines[2]).toMatch(
      /Why: 'nextTick' runs before 'promise' because the nextTick queue drains before promise microtasks\./,
    );
  });

  test("--json gives the same verdict as data", async () => {
    const io = memoryIo({ "p.js": PUZZLE, "out.txt": "sync\nnextTick\n" });
    expect(await eventloop(["p.js", "--check", "out.txt", "--json"], io)).toBe(1);
    const out = JSON.parse(io.stdout);
    expect(out).toMatchObject({ possible: false, line: 3, got: "", expected: ["promise"] });
  });

  test("a crash is part of the allowed output: lines before it, nothing after", async () => {
    const src =
      "console.log('a');\nsetTimeout(() => { throw new Error('x'); }, 0);\nsetTimeout(() => console.log('never'), 50);\n";
    const io = memoryIo({ "p.js": src, "ok.txt": "a\n", "bad.txt": "a\nnever\n" });
    expect(await eventloop(["p.js", "--check", "ok.txt"], io)).toBe(0);
    expect(io.stdout).toMatch(/exits with code 1/);
    expect(await eventloop(["p.js", "--check", "bad.txt"], io)).toBe(1);
    expect(io.stdout).toMatch(/'never' cannot be printed there/);
  });

  test("errors carry file:line:col, and a missing --check argument is a usage error", async () => {
    const io = memoryIo({ "p.js": "const x = 1;\nx.foo.bar();\nclass A {}\n", "out.txt": "" });
    expect(await eventloop(["p.js", "--check", "out.txt"], io)).toBe(2);
    expect(io.stderr).toBe("timeslice: p.js:3:1: SyntaxError: classes are not supported by the event-loop model\n");
    const io2 = memoryIo({ "p.js": PUZZLE });
    expect(await eventloop(["p.js", "--check"], io2)).toBe(2);
    expect(io2.stderr).toMatch(/^timeslice: --check needs the file holding the observed output/);
  });
});
