import { describe, expect, test } from "vitest";
import { memoryIo } from "../io";
import { run } from "./crash";

const SCENARIO = JSON.stringify({
  processes: [
    {
      name: "a",
      threads: [
        { name: "main", steps: [{ print: "a" }] },
        { name: "bad", steps: [{ fault: "SIGSEGV" }] },
      ],
    },
    { name: "b", threads: [{ name: "main", steps: [{ print: "b" }] }] },
  ],
});

describe("timeslice crash", () => {
  test("--json reports appearance per output step", async () => {
    const io = memoryIo({ "s.json": SCENARIO });
    expect(await run(["s.json", "--json"], io)).toBe(0);
    const report = JSON.parse(io.stdout);
    const appears = Object.fromEntries(
      report.steps
        .filter((s: { text?: string }) => s.text)
        .map((s: { text: string; appears: string }) => [s.text, s.appears]),
    );
    expect(appears).toEqual({ a: "sometimes", b: "always" });
  });

  test("text output lists endings", async () => {
    const io = memoryIo({ "-": SCENARIO });
    expect(await run(["-"], io)).toBe(0);
    expect(io.stdout).toContain("process b ends: exit 0 (main returned)");
  });

  test("invalid JSON and invalid scenarios fail with one line naming the field", async () => {
    const io = memoryIo({
      "bad.json": "{",
      "wrong.json": JSON.stringify({
        processes: [{ name: "p", threads: [{ name: "main", steps: [{ fault: "SIGKILL" }] }] }],
      }),
    });
    expect(await run(["bad.json"], io)).not.toBe(0);
    expect(await run(["wrong.json"], io)).not.toBe(0);
    const lines = io.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("processes[0].threads[0].steps[0]");
  });
});
