// Oracle tests: orders that follow from Node's documented event-loop rules, written out by hand.
import { describe, expect, test } from "vitest";
import { checkEventLoopOrder } from "./check";
import { formatEventLoopModel } from "./format";
import { modelEventLoop } from "./model";
import type { EventLoopModel } from "./types";

function model(source: string): EventLoopModel {
  const r = modelEventLoop(source);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function errorOf(source: string): { message: string; line?: number; column?: number } {
  const r = modelEventLoop(source);
  if (r.ok) throw new Error("expected an error");
  return r.errors[0]!;
}

describe("ordering rules", () => {
  test("sync, then nextTick, then promise microtasks, then timers and immediates", () => {
    const m = model(`
      console.log('sync');
      setImmediate(() => console.log('immediate'));
      setTimeout(() => console.log('timeout'), 0);
      Promise.resolve().then(() => console.log('promise'));
      process.nextTick(() => console.log('nextTick'));
    `);
    expect(m.deterministic).toBe(false);
    expect(new Set(m.outputs.map((o) => o.join(",")))).toEqual(
      new Set(["sync,nextTick,promise,timeout,immediate", "sync,nextTick,promise,immediate,timeout"]),
    );
    expect(m.nondeterminism.join(" ")).toMatch(/timer/);
  });

  test("the first console.log opens stdout, which takes long enough for a 0 ms timer set before it to be due", () => {
    // Measured on Node 20.20: 40 of 40 runs printed timeout before immediate; opening stdout took 5–15 ms.
    const m = model(
      `setTimeout(() => console.log('timeout'), 0);\nconsole.log('sync');\nsetImmediate(() => console.log('immediate'));`,
    );
    expect(m.outputs).toEqual([["sync", "timeout", "immediate"]]);
  });

  test("inside an I/O callback setImmediate always runs before setTimeout(0)", () => {
    const m = model(`require('fs').readFile(__filename, () => {
      setTimeout(() => console.log('timeout'), 0);
      setImmediate(() => console.log('immediate'));
    });`);
    expect(m.deterministic).toBe(true);
    expect(m.outputs[0]).toEqual(["immediate", "timeout"]);
    expect(m.orders[0]!.map((l) => l.queue)).toEqual(["check", "timers"]);
  });

  test("the nextTick queue drains before promise microtasks, even when queued later", () => {
    const m = model(`Promise.resolve().then(() => console.log('p'));
      process.nextTick(() => console.log('t'));`);
    expect(m.outputs).toEqual([["t", "p"]]);
    expect(m.orders[0]!.map((l) => l.queue)).toEqual(["nextTick", "microtask"]);
  });

  test("await continuation runs after reactions queued before it", () => {
    // async1 start, async2 run synchronously; 'async1 end' needs one tick, like promise1's then.
    const m = model(`
      async function a1() { console.log('a1 start'); await a2(); console.log('a1 end'); }
      async function a2() { console.log('a2'); }
      a1();
      new Promise((r) => { console.log('p1'); r(); }).then(() => console.log('p2'));
      console.log('end');`);
    expect(m.outputs).toEqual([["a1 start", "a2", "p1", "end", "a1 end", "p2"]]);
  });

  test("returning a promise from an async function costs two extra ticks", () => {
    const m = model(`
      async function f() { return Promise.resolve(); }
      f().then(() => console.log('f'));
      Promise.resolve().then(() => console.log(1)).then(() => console.log(2)).then(() => console.log(3)).then(() => console.log(4));`);
    // Tick 1: resolve-thenable job, '1'. Tick 2: the inner then's reaction fulfils f(), '2'.
    // Tick 3: f's then handler was queued before '3' was, so 'f' comes between '2' and '3'.
    expect(m.outputs).toEqual([["1", "2", "f", "3", "4"]]);
  });

  test("microtasks run between two expired timers (Node >= 11)", () => {
    const m = model(`
      setTimeout(() => { console.log('t1'); Promise.resolve().then(() => console.log('p1')); }, 0);
      setTimeout(() => console.log('t2'), 0);`);
    expect(m.outputs).toEqual([["t1", "p1", "t2"]]);
  });

  test("closures over let see each iteration, over var the final value", () => {
    const m = model(`for (let i = 0; i < 2; i++) setTimeout(() => console.log('let', i), 0);
      for (var j = 0; j < 2; j++) setTimeout(() => console.log('var', j), 0);`);
    expect(m.outputs).toEqual([["let 0", "let 1", "var 2", "var 2"]]);
  });

  test("the thread pool holds four requests: a fifth completes only after one of the first four", () => {
    const m = model(`const c = require('crypto');
      for (let i = 1; i <= 5; i++) c.pbkdf2('p', 's', 1, 8, 'sha1', () => console.log('h' + i));`);
    expect(m.deterministic).toBe(false);
    for (const o of m.outputs) expect(o[0]).not.toBe("h5");
    const pool1 = modelEventLoop(
      `const c = require('crypto');
      c.pbkdf2('p', 's', 1, 8, 'sha1', () => console.log('a')); c.pbkdf2('p', 's', 1, 8, 'sha1', () => console.log('b'));`,
      { threadPoolSize: 1 },
    );
    expect(pool1.ok && pool1.value.outputs).toEqual([["a", "b"]]);
  });
});

describe("bad input", () => {
  test("syntax errors give line and column", () => {
    const e = errorOf("console.log('a');\nsetTimeout(() => {\n  console.log('b'\n}, 0);");
    expect(e.line).toBe(4);
    expect(e.column).toBe(1);
    expect(e.message).toMatch(/line 4, column 1: SyntaxError: expected '\)'/);
  });

  test("unsupported APIs are named", () => {
    expect(errorOf("const fs = require('fs');\nfs.watch('x');").message).toMatch(
      /line 2, column .*fs\.watch is not supported/,
    );
    expect(errorOf("console.log(Math.random());").message).toMatch(
      /line 1, column .*Math\.random\(\) is not supported/,
    );
    expect(errorOf("const d = new Date();").message).toMatch(/new Date\(\) is not supported/);
    expect(errorOf("require('http');").message).toMatch(/require\('http'\) is not supported/);
    expect(errorOf("class A {}").message).toMatch(/classes are not supported/);
  });

  test("runaway programs are refused with the bound named", () => {
    expect(errorOf("function f() { process.nextTick(f); }\nf();").message).toMatch(
      /more than 10000 nextTick\/microtask callbacks/,
    );
    expect(errorOf("function f() { setImmediate(f); }\nf();").message).toMatch(/more than 1000 times/);
    expect(errorOf("while (true) {}").message).toMatch(/more than 200000 evaluation steps/);
    expect(errorOf("function f() { f(); }\nf();").message).toMatch(/call depth exceeds 200/);
  });

  test("await outside async and unhandled rejections are reported", () => {
    expect(errorOf("await null;").message).toMatch(/await is only valid in async functions/);
    const m = model("console.log('a');\nPromise.reject(new Error('x'));\nsetTimeout(() => console.log('never'), 0);");
    expect(m.outputs).toEqual([["a"]]);
    expect(m.exits[0]?.code).toBe(1);
    expect(m.exits[0]?.reason).toMatch(/unhandled promise rejection \(Error: x\)/);
  });

  test("options are validated", () => {
    const r = modelEventLoop("console.log(1)", { threadPoolSize: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe("options.threadPoolSize");
  });

  test("huge sources are refused quickly", () => {
    expect(errorOf("x".repeat(200_000)).message).toMatch(/longer than 100000 characters/);
  });
});

describe("checkEventLoopOrder", () => {
  const m = model(`Promise.resolve().then(() => console.log('promise'));
    process.nextTick(() => console.log('nextTick'));
    console.log('sync');`);

  test("accepts the valid order", () => {
    expect(checkEventLoopOrder(m, ["sync", "nextTick", "promise"])).toEqual({ valid: true });
  });

  test("explains a nextTick/promise swap in one sentence", () => {
    const r = checkEventLoopOrder(m, ["sync", "promise", "nextTick"]);
    expect(r.valid).toBe(false);
    expect(r.firstMismatch).toEqual({
      index: 1,
      expected: ["nextTick"],
      got: "promise",
      reason: "'nextTick' runs before 'promise' because the nextTick queue drains before promise microtasks.",
    });
  });

  test("explains sync-first and incomplete or extra output", () => {
    expect(checkEventLoopOrder(m, ["nextTick"]).firstMismatch?.reason).toMatch(/synchronous code runs to completion/);
    expect(checkEventLoopOrder(m, ["sync", "nextTick"]).firstMismatch?.reason).toMatch(/incomplete/);
    expect(checkEventLoopOrder(m, ["sync", "nextTick", "promise", "x"]).firstMismatch?.reason).toMatch(/extra/);
  });

  test("accepts both orders of a nondeterministic program", () => {
    const n = model("setTimeout(() => console.log('t'), 0); setImmediate(() => console.log('i'));");
    expect(checkEventLoopOrder(n, ["t", "i"]).valid).toBe(true);
    expect(checkEventLoopOrder(n, ["i", "t"]).valid).toBe(true);
    expect(checkEventLoopOrder(n, ["i", "i"]).firstMismatch?.expected).toEqual(["t"]);
  });

  test("text format names each line's phase", () => {
    const text = formatEventLoopModel(m);
    expect(text).toMatch(/^Deterministic/);
    expect(text).toMatch(/nextTick +# nextTick \(during main\): process\.nextTick callback/);
  });
});

describe("the JavaScript real snippets use", () => {
  test("a 200 000-iteration pbkdf2 against a 1-iteration one is a fixed order, two equal ones race", () => {
    const fixed = model(`const crypto = require('crypto');
      crypto.pbkdf2('s', 'salt', 200000, 64, 'sha512', (err, key) => console.log('slow ' + key.length));
      crypto.pbkdf2('s', 'salt', 1, 32, 'sha512', (err, key) => console.log('fast ' + key.length));`);
    expect(fixed.outputs).toEqual([["fast 32", "slow 64"]]);
    const race = model(`const crypto = require('crypto');
      crypto.pbkdf2('s', 'salt', 1000, 64, 'sha512', () => console.log('a'));
      crypto.pbkdf2('s', 'salt', 1000, 64, 'sha512', () => console.log('b'));`);
    expect(new Set(race.outputs.map((o) => o.join()))).toEqual(new Set(["a,b", "b,a"]));
  });

  test("a busy-wait makes a short timer surely due at the first timers phase, before the immediate", () => {
    const m = model(`const start = Date.now();
      setImmediate(() => console.log('immediate'));
      setTimeout(() => console.log('timeout'), 10);
      while (Date.now() - start < 50) {}`);
    expect(m.outputs).toEqual([["timeout", "immediate"]]);
  });

  test("setInterval runs until cleared; clearTimeout and timer arguments work", () => {
    const m = model(`let n = 0;
      const iv = setInterval((tag) => { n++; console.log(tag + n); if (n === 3) clearInterval(iv); }, 10, 'i');
      const t = setTimeout(() => console.log('cancelled'), 5);
      clearTimeout(t);`);
    expect(m.outputs).toEqual([["i1", "i2", "i3"]]);
  });

  test("try/catch/finally, Error objects and rejected promises", () => {
    const m =
      model(`try { throw new TypeError('bad'); } catch (e) { console.log(e.name, e.message, e instanceof Error); } finally { console.log('f'); }
      Promise.reject(new Error('no')).catch((e) => console.log('caught ' + e.message)).finally(() => console.log('fin'));
      (async () => { try { await Promise.reject(new Error('x')); } catch (e) { console.log('async ' + e); } })();`);
    expect(m.outputs).toEqual([["TypeError bad true", "f", "caught no", "async Error: x", "fin"]]);
  });

  test("an uncaught exception in a timer ends the run with exit code 1 and nothing after it", () => {
    const m = model(`setTimeout(() => { console.log('a'); null.x; }, 1);
      setTimeout(() => console.log('never'), 50);`);
    expect(m.outputs).toEqual([["a"]]);
    expect(m.exits[0]).toMatchObject({ code: 1 });
    expect(m.exits[0]!.reason).toMatch(/TypeError: Cannot read properties of null \(reading 'x'\)/);
  });

  test("sync fs calls set up a virtual file system that later callbacks read", () => {
    const m = model(`const fs = require('fs');
      fs.writeFileSync('a.txt', 'héllo');
      console.log(fs.existsSync('a.txt'), fs.existsSync('b.txt'));
      fs.readFile('a.txt', 'utf8', (err, text) => console.log('text ' + text + ' ' + text.length));
      fs.stat('a.txt', (err, st) => console.log('size', st.size, st.isFile()));
      fs.readFile('b.txt', (err) => console.log(err.code, err.message));`);
    const lines = new Set(m.outputs.flat());
    expect(m.outputs[0]![0]).toBe("true false");
    expect(lines).toContain("text héllo 5");
    expect(lines).toContain("size 6 true");
    expect(lines).toContain("ENOENT ENOENT: no such file or directory, open 'b.txt'");
  });

  // lib/fs.js issues readFile as open → fstat → read → close and writeFile as open → write → close, each
  // request submitted from the previous one's completion; every completion needs its own poll phase,
  // and a chain of setImmediate gives one check phase per loop turn to count them by.
  const IMMEDIATES = `setImmediate(() => { console.log('imm1'); setImmediate(() => { console.log('imm2'); setImmediate(() => {
      console.log('imm3'); setImmediate(() => { console.log('imm4'); setImmediate(() => console.log('imm5')); }); }); }); });`;
  /** The loop turn (1-based: the line printed after imm k ran in turn k+1) in which `line` was printed, per order. */
  const turns = (m: EventLoopModel, line: string) =>
    new Set(m.outputs.map((o) => o.slice(0, o.indexOf(line)).filter((l) => l.startsWith("imm")).length + 1));

  test("fs.readFile is four libuv requests: its callback runs in the fourth loop turn at the earliest", () => {
    const m = model(`const fs = require('fs');\nfs.readFile(__filename, () => console.log('read'));\n${IMMEDIATES}`);
    expect(Math.min(...turns(m, "read"))).toBe(4);
    expect(turns(m, "read").size).toBeGreaterThan(1);
  });

  test("fs.promises.readFile also takes four requests, fs.writeFile three and fs.stat one", () => {
    const m = model(`const fs = require('fs');
      fs.promises.readFile(__filename).then(() => console.log('p-read'));
      fs.writeFile('out.txt', 'hello', () => console.log('written'));
      fs.stat(__filename, () => console.log('stat'));
      ${IMMEDIATES}`);
    expect(Math.min(...turns(m, "p-read"))).toBe(4);
    expect(Math.min(...turns(m, "written"))).toBe(3);
    expect(Math.min(...turns(m, "stat"))).toBe(1);
  });

  test("a readFile of a missing file fails at the open, its first request", () => {
    const m = model(`require('fs').readFile('missing.txt', (err) => console.log(err.code));\n${IMMEDIATES}`);
    expect(Math.min(...turns(m, "ENOENT"))).toBe(1);
  });

  test("a file written with fs.writeFile has its contents when the write's callback runs", () => {
    const m = model(`const fs = require('fs');
      fs.writeFile('a.txt', 'one', () => fs.appendFile('a.txt', '+two', () => fs.readFile('a.txt', 'utf8', (e, t) => console.log(t, t.length))));`);
    expect(m.outputs).toEqual([["one+two 7"]]);
  });

  // libuv's loop time counts whole milliseconds: two setTimeout calls microseconds apart can get start
  // times 1 ms apart (measured on Node 20.20: 8 of 100 runs and 23 of 100 runs for the two below).
  test("two equal timers set one after the other may expire in different loop turns", () => {
    const m = model(`setTimeout(() => { console.log('a'); setImmediate(() => console.log('imm')); }, 10);
      setTimeout(() => console.log('b'), 10);`);
    expect(new Set(m.outputs.map((o) => o.join(",")))).toEqual(new Set(["a,b,imm", "a,imm,b"]));
  });

  test("a 2 ms timer set just before a 1 ms timer may fire first (equal due times run in list order)", () => {
    const two = model(`setTimeout(() => console.log('x2'), 2);\nsetTimeout(() => console.log('y1'), 1);`);
    expect(new Set(two.outputs.map((o) => o.join(",")))).toEqual(new Set(["y1,x2", "x2,y1"]));
    // The other way round the gap only grows: a timer set later is never due earlier.
    const one = model(`setTimeout(() => console.log('y1'), 1);\nsetTimeout(() => console.log('x2'), 2);`);
    expect(one.outputs).toEqual([["y1", "x2"]]);
    const apart = model(`setTimeout(() => console.log('x5'), 5);\nsetTimeout(() => console.log('y1'), 1);`);
    expect(apart.outputs).toEqual([["y1", "x5"]]);
  });

  test("a timer set after a possible pause may be due after a longer one set before it", () => {
    // Loaded machine: the main thread may be paused between statements, so the 2 ms timer may be set
    // more than 18 ms after the 20 ms one; then the 20 ms timer alone can have expired.
    const source = `console.log('start');\nsetTimeout(() => console.log('t20'), 20);\nconsole.log('sync');\nsetTimeout(() => console.log('t2'), 2);`;
    const r = modelEventLoop(source, { maxPauseMs: 100 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(new Set(r.value.outputs.map((o) => o.join(",")))).toEqual(
      new Set(["start,sync,t2,t20", "start,sync,t20,t2"]),
    );
    expect(model(source).outputs).toEqual([["start", "sync", "t2", "t20"]]);
  });

  test("strings, arrays and objects used as data print as util.inspect does", () => {
    const m = model(`const xs = [3, 1, 2];
      xs.push(4);
      console.log(xs.map((x) => x * 2).filter((x) => x > 2), xs.join('-'), { a: 1, b: 'it\\'s', c: [1] });
      console.log('abc'.toUpperCase().padStart(5, '.'), \`\${xs.length}\`, JSON.stringify({ k: [1, 'x'] }));`);
    expect(m.outputs).toEqual([[`[ 6, 4, 8 ] 3-1-2-4 { a: 1, b: "it's", c: [ 1 ] }`, '..ABC 4 {"k":[1,"x"]}']]);
  });

  test("what cannot be predicted is refused with the construct and position", () => {
    expect(
      errorOf(
        "const c = require('crypto');\nc.pbkdf2('p', 's', 1, 8, 'sha1', (e, key) => console.log(key.toString('hex')));",
      ).message,
    ).toMatch(
      /line 2, column \d+: the derived key\.toString\('hex'\) is not supported: the model knows its length \(8\) but not its bytes/,
    );
    expect(errorOf("console.log(Date.now());").message).toMatch(
      /line 1, column 12: printing a time read from Date\.now\(\)/,
    );
    expect(errorOf("import fs from 'fs';").message).toMatch(/ES modules .*CommonJS/);
  });
});
