import { describe, expect, test } from "vitest";
import { memoryIo } from "../io";
import { run as capacity } from "./capacity";
import { run as eventloop } from "./eventloop";

describe("eventloop command", () => {
  test("--json lists outputs, determinism and phases", async () => {
    const io = memoryIo({ "p.js": "setTimeout(() => console.log('t'), 0);\nsetImmediate(() => console.log('i'));\n" });
    expect(await eventloop(["p.js", "--json"], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.deterministic).toBe(false);
    expect(out.outputs).toHaveLength(2);
    expect(out.orders[0][0].queue).toMatch(/timers|check/);
  });

  test("a syntax error is one line with line and column", async () => {
    const io = memoryIo({ "-": "console.log('a'\n" });
    expect(await eventloop(["-"], io)).toBe(1);
    expect(io.stderr).toMatch(/^timeslice: <stdin>:2:1: SyntaxError: expected '\)'/);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("capacity command", () => {
  test("text output names the limiting resource", async () => {
    const input = {
      workload: { arrivalRate: 50, cpuMs: 1, ioMs: 100 },
      machine: { cores: 2, ramMiB: 1024 },
      servers: [{ kind: "event-loop", ioOnThreadPool: true }],
    };
    const io = memoryIo({ "c.json": JSON.stringify(input) });
    expect(await capacity(["c.json"], io)).toBe(0);
    expect(io.stdout).toMatch(/limit: libuv thread pool/);
  });

  test("bad JSON and bad fields give one error line", async () => {
    const io = memoryIo({
      "bad.json": "{",
      "neg.json": JSON.stringify({
        workload: { arrivalRate: -1, cpuMs: 1, ioMs: 1 },
        machine: { cores: 1, ramMiB: 1 },
        servers: [{ kind: "goroutines" }],
      }),
    });
    expect(await capacity(["bad.json"], io)).toBe(1);
    expect(await capacity(["neg.json"], io)).toBe(1);
    const lines = io.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^timeslice: neg\.json: workload\.arrivalRate must be/);
  });
});
