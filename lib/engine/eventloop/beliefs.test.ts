// The mistaken event loops of the misconception catalogue (EventLoopOptions.belief, issue #21). Where
// the mistake is another real runtime, it is checked against that runtime: "promise callbacks before
// nextTick" is the order of an ES module, so each program also runs in `node` as a .mjs file and the
// belief's model must print what Node prints. The others are worked by hand from the rule they break.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { modelEventLoop } from "./model";
import type { EventLoopBelief } from "./types";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "timeslice-beliefs-"));

function outputs(source: string, belief?: EventLoopBelief): string[][] {
  const m = modelEventLoop(source, belief ? { belief } : {});
  if (!m.ok) throw new Error(JSON.stringify(m.errors));
  return m.value.outputs;
}

const js = (...lines: string[]) => lines.join("\n");

// No require/__filename: the same text is a valid ES module.
const ESM_PROGRAMS = {
  "tick, promise, timer": js(
    "console.log('A');",
    "setTimeout(() => console.log('B'), 0);",
    "Promise.resolve().then(() => console.log('C'));",
    "process.nextTick(() => console.log('D'));",
    "console.log('E');",
  ),
  "nextTick queued inside a promise": js(
    "Promise.resolve().then(() => {",
    "  console.log('p1');",
    "  process.nextTick(() => console.log('tick in p1'));",
    "}).then(() => console.log('p2'));",
    "Promise.resolve().then(() => console.log('p3'));",
    "process.nextTick(() => console.log('tick'));",
  ),
  "nested ticks and promises": js(
    "process.nextTick(() => {",
    "  console.log('t1');",
    "  Promise.resolve().then(() => console.log('p in t1'));",
    "  process.nextTick(() => console.log('t2'));",
    "});",
    "Promise.resolve().then(() => console.log('p0'));",
    "console.log('main');",
  ),
  "tick inside a timer": js(
    "setTimeout(() => {",
    "  Promise.resolve().then(() => console.log('p'));",
    "  process.nextTick(() => console.log('t'));",
    "}, 0);",
    "process.nextTick(() => console.log('main tick'));",
    "Promise.resolve().then(() => console.log('main promise'));",
  ),
};

describe("promise callbacks before nextTick is the order of an ES module", () => {
  test.each(Object.entries(ESM_PROGRAMS))("%s", async (name, source) => {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.mjs`);
    writeFileSync(file, source);
    const { stdout } = await run(process.execPath, [file], { timeout: 20_000 });
    const esm = outputs(source, "promises-before-ticks");
    expect(esm).toHaveLength(1);
    expect(esm[0]!.join("\n")).toBe(stdout.replace(/\n$/, ""));
    // And the CommonJS truth is different, or the belief would have nothing to explain.
    expect(outputs(source)[0]).not.toEqual(esm[0]);
  });
});

describe("the other beliefs, worked by hand", () => {
  test("Node < 11 runs both same-delay timers before the promise each queues", () => {
    const src = js(
      "setTimeout(() => { console.log('t1'); Promise.resolve().then(() => console.log('p1')); }, 0);",
      "setTimeout(() => { console.log('t2'); Promise.resolve().then(() => console.log('p2')); }, 0);",
    );
    expect(outputs(src)).toEqual([["t1", "p1", "t2", "p2"]]);
    expect(outputs(src, "node10-phases")).toContainEqual(["t1", "t2", "p1", "p2"]);
  });

  test("Node < 11 runs every immediate of the batch before a tick queued in the first", () => {
    const src = js(
      "setImmediate(() => {",
      "  console.log('imm 1');",
      "  process.nextTick(() => console.log('tick in imm 1'));",
      "});",
      "setImmediate(() => console.log('imm 2'));",
    );
    expect(outputs(src)).toEqual([["imm 1", "tick in imm 1", "imm 2"]]);
    expect(outputs(src, "node10-phases")).toEqual([["imm 1", "imm 2", "tick in imm 1"]]);
  });

  test("from an I/O callback the immediate runs first; the belief puts the timeout first", () => {
    const src = js(
      "const fs = require('fs');",
      "fs.readFile(__filename, () => {",
      "  setTimeout(() => console.log('timeout'), 0);",
      "  setImmediate(() => console.log('immediate'));",
      "});",
    );
    expect(outputs(src)).toEqual([["immediate", "timeout"]]);
    expect(outputs(src, "timeout-before-immediate")).toEqual([["timeout", "immediate"]]);
  });

  test("from the main module either order is possible, so the belief's order is among the truth's", () => {
    const src = js("setTimeout(() => console.log('timeout'), 0);", "setImmediate(() => console.log('immediate'));");
    const truth = outputs(src).map((o) => o.join(","));
    for (const o of outputs(src, "timeout-before-immediate")) expect(truth).toContain(o.join(","));
  });

  test("await takes exactly one microtask turn; zero runs the rest at once, two lets an earlier-queued then go first", () => {
    const src = js(
      "async function f() {",
      "  console.log('f start');",
      "  await null;",
      "  console.log('f after await');",
      "}",
      "console.log('script start');",
      "f();",
      "Promise.resolve().then(() => console.log('then'));",
      "console.log('script end');",
    );
    expect(outputs(src)).toEqual([["script start", "f start", "script end", "f after await", "then"]]);
    expect(outputs(src, "await-zero-turns")).toEqual([
      ["script start", "f start", "f after await", "script end", "then"],
    ]);
    expect(outputs(src, "await-two-turns")).toEqual([
      ["script start", "f start", "script end", "then", "f after await"],
    ]);
  });

  test("an unknown belief is refused by name", () => {
    const m = modelEventLoop("console.log(1);", { belief: "nonsense" as EventLoopBelief });
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.errors[0]!.path).toBe("options.belief");
  });
});
