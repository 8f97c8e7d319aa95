// Programs run both through the model and through real Node (real-node.test.ts). `deterministic`, when
// given, is the textbook expectation and is asserted as well.
export interface RealNodeProgram {
  name: string;
  source: string;
  deterministic?: boolean;
}

export const REAL_NODE_PROGRAMS: RealNodeProgram[] = [
  {
    name: "sync only",
    deterministic: true,
    source: `console.log('a');\nconsole.log(1, 2);\nconst x = 5;\nconsole.log(\`x=\${x}\`);\n`,
  },
  {
    name: "nextTick before promise",
    deterministic: true,
    source: `Promise.resolve().then(() => console.log('promise'));\nprocess.nextTick(() => console.log('nextTick'));\nconsole.log('sync');\n`,
  },
  {
    name: "timeout vs immediate from main",
    deterministic: false,
    source: `setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n`,
  },
  {
    name: "timeout vs immediate inside readFile",
    deterministic: true,
    source: `const fs = require('fs');\nfs.readFile(__filename, () => {\n  setTimeout(() => console.log('timeout'), 0);\n  setImmediate(() => console.log('immediate'));\n});\n`,
  },
  {
    name: "readFile (four requests) against a chain of immediates",
    deterministic: false,
    source: `const fs = require('fs');\nfs.readFile(__filename, () => console.log('read'));\nfs.writeFile(__filename + '.out', 'x', () => console.log('written'));\nsetImmediate(() => { console.log('imm1'); setImmediate(() => { console.log('imm2'); setImmediate(() => { console.log('imm3'); setImmediate(() => console.log('imm4')); }); }); });\n`,
  },
  {
    name: "two equal timers set one after the other (whole-ms clock)",
    deterministic: false,
    source: `setTimeout(() => { console.log('a'); setImmediate(() => console.log('imm')); }, 10);\nsetTimeout(() => console.log('b'), 10);\n`,
  },
  {
    name: "a 2 ms timer set just before a 1 ms timer",
    deterministic: false,
    source: `setTimeout(() => console.log('x2'), 2);\nsetTimeout(() => console.log('y1'), 1);\n`,
  },
  {
    name: "a 0 ms timer set before the first console.log (which opens stdout) fires before an immediate",
    deterministic: true,
    source: `setTimeout(() => console.log('timeout'), 0);\nconsole.log('sync');\nsetImmediate(() => console.log('immediate'));\n`,
  },
  {
    name: "timeout vs immediate inside a timer",
    deterministic: true,
    source: `setTimeout(() => {\n  setTimeout(() => console.log('inner timeout'), 0);\n  setImmediate(() => console.log('inner immediate'));\n}, 0);\n`,
  },
  {
    name: "classic puzzle",
    source: `console.log('script start');\nsetTimeout(function () { console.log('setTimeout'); }, 0);\nPromise.resolve().then(function () { console.log('promise1'); }).then(function () { console.log('promise2'); });\nconsole.log('script end');\n`,
    deterministic: true,
  },
  {
    name: "async await puzzle",
    deterministic: true,
    source: `async function async1() {\n  console.log('async1 start');\n  await async2();\n  console.log('async1 end');\n}\nasync function async2() {\n  console.log('async2');\n}\nconsole.log('script start');\nsetTimeout(function () {\n  console.log('setTimeout');\n}, 0);\nasync1();\nnew Promise(function (resolve) {\n  console.log('promise1');\n  resolve();\n}).then(function () {\n  console.log('promise2');\n});\nconsole.log('script end');\n`,
  },
  {
    name: "await a returned promise costs extra ticks",
    deterministic: true,
    source: `async function f() { return Promise.resolve(1); }\nf().then(() => console.log('f done'));\nPromise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3')).then(() => console.log('p4'));\n`,
  },
  {
    name: "nextTick inside promise waits for microtasks",
    deterministic: true,
    source: `Promise.resolve().then(() => {\n  console.log('p1');\n  process.nextTick(() => console.log('tick from p1'));\n  Promise.resolve().then(() => console.log('p1 inner'));\n});\nPromise.resolve().then(() => console.log('p2'));\nprocess.nextTick(() => console.log('tick'));\n`,
  },
  {
    name: "nested nextTick",
    deterministic: true,
    source: `process.nextTick(() => {\n  console.log('t1');\n  process.nextTick(() => console.log('t3'));\n});\nprocess.nextTick(() => console.log('t2'));\nPromise.resolve().then(() => console.log('p'));\n`,
  },
  {
    name: "queueMicrotask mixes with promises",
    deterministic: true,
    source: `queueMicrotask(() => console.log('qm1'));\nPromise.resolve().then(() => console.log('p1'));\nqueueMicrotask(() => console.log('qm2'));\nprocess.nextTick(() => console.log('tick'));\n`,
  },
  {
    name: "microtasks drain between timers",
    deterministic: true,
    source: `setTimeout(() => {\n  console.log('t1');\n  Promise.resolve().then(() => console.log('p1'));\n  process.nextTick(() => console.log('n1'));\n}, 0);\nsetTimeout(() => {\n  console.log('t2');\n}, 0);\n`,
  },
  {
    name: "microtasks drain between immediates",
    deterministic: true,
    source: `setImmediate(() => {\n  console.log('i1');\n  Promise.resolve().then(() => console.log('p1'));\n});\nsetImmediate(() => console.log('i2'));\n`,
  },
  {
    name: "timers ordered by delay",
    deterministic: true,
    source: `setTimeout(() => console.log('200'), 200);\nsetTimeout(() => console.log('5'), 5);\nsetTimeout(() => console.log('0'), 0);\nsetTimeout(() => console.log('1'), 1);\n`,
  },
  {
    name: "let versus var in loops",
    deterministic: true,
    source: `for (let i = 0; i < 3; i++) setTimeout(() => console.log('let ' + i), 0);\nfor (var j = 0; j < 3; j++) setTimeout(() => console.log('var ' + j), 0);\n`,
  },
  {
    name: "immediate scheduled in immediate runs next turn",
    source: `setImmediate(() => {\n  console.log('i1');\n  setImmediate(() => console.log('i3'));\n});\nsetImmediate(() => console.log('i2'));\n`,
    deterministic: true,
  },
  {
    name: "promise executor runs synchronously",
    deterministic: true,
    source: `const p = new Promise((resolve) => {\n  console.log('executor');\n  resolve('v');\n});\np.then((v) => console.log('then ' + v));\nconsole.log('after');\n`,
  },
  {
    name: "await in a loop",
    deterministic: true,
    source: `async function loop(name) {\n  for (let i = 0; i < 3; i++) {\n    await null;\n    console.log(\`\${name} \${i}\`);\n  }\n}\nloop('a');\nloop('b');\n`,
  },
  {
    name: "catch and finally",
    deterministic: true,
    source: `Promise.reject('boom').catch((e) => console.log('caught ' + e)).finally(() => console.log('finally'));\nPromise.resolve().then(() => console.log('a')).then(() => console.log('b')).then(() => console.log('c')).then(() => console.log('d'));\n`,
  },
  {
    name: "await rejected promise",
    deterministic: true,
    source: `async function f() {\n  await Promise.reject('x');\n  console.log('never');\n}\nf().catch((e) => console.log('rejected ' + e));\nconsole.log('sync');\n`,
  },
  {
    name: "Promise.all",
    deterministic: true,
    source: `Promise.all([1, Promise.resolve(2)]).then((v) => console.log('all ' + v));\nPromise.resolve().then(() => console.log('x')).then(() => console.log('y'));\n`,
  },
  {
    name: "pbkdf2 on the pool",
    source: `const crypto = require('crypto');\nfor (let i = 1; i <= 2; i++) {\n  crypto.pbkdf2('pw', 'salt', 1000, 32, 'sha256', () => console.log('hash ' + i));\n}\nconsole.log('sync');\n`,
  },
  {
    name: "dns lookup callback",
    source: `const dns = require('dns');\ndns.lookup('localhost', () => {\n  console.log('lookup');\n  setImmediate(() => console.log('after lookup: immediate'));\n  setTimeout(() => console.log('after lookup: timeout'), 0);\n});\nprocess.nextTick(() => console.log('tick'));\n`,
  },
  {
    name: "readFile and immediate",
    source: `const fs = require('fs');\nfs.readFile(__filename, () => console.log('read'));\nsetImmediate(() => console.log('immediate'));\nconsole.log('sync');\n`,
  },
  {
    name: "fs promises with await",
    source: `const fsp = require('fs/promises');\nasync function main() {\n  console.log('before');\n  await fsp.readFile(__filename);\n  console.log('after read');\n}\nmain();\nPromise.resolve().then(() => console.log('micro'));\n`,
  },
  {
    name: "clearTimeout and clearImmediate",
    deterministic: true,
    source: `const t = setTimeout(() => console.log('cleared timeout'), 0);\nconst i = setImmediate(() => console.log('cleared immediate'));\nclearTimeout(t);\nclearImmediate(i);\nsetTimeout(() => console.log('kept'), 0);\n`,
  },
  {
    name: "timer args and named functions",
    deterministic: true,
    source: `function greet(who) { console.log('hello ' + who); }\nsetTimeout(greet, 0, 'timer');\nsetImmediate(function () { setTimeout(greet, 10, 'late'); });\nprocess.nextTick(greet, 'tick');\n`,
  },
  {
    name: "nextTick and promise inside immediate",
    deterministic: true,
    source: `setImmediate(() => {\n  console.log('imm');\n  Promise.resolve().then(() => console.log('imm promise'));\n  process.nextTick(() => console.log('imm tick'));\n});\nsetTimeout(() => console.log('late'), 30);\n`,
  },
  {
    name: "async arrow and then chain",
    deterministic: true,
    source: `const f = async () => {\n  console.log('f start');\n  const v = await new Promise((r) => r(3));\n  console.log('f got ' + v);\n  return v * 2;\n};\nf().then((x) => console.log('result ' + x));\nPromise.resolve().then(() => console.log('other'));\n`,
  },
  {
    name: "then returning a promise",
    deterministic: true,
    source: `Promise.resolve().then(() => { console.log('a1'); return Promise.resolve(); }).then(() => console.log('a2'));\nPromise.resolve().then(() => console.log('b1')).then(() => console.log('b2')).then(() => console.log('b3')).then(() => console.log('b4'));\n`,
  },
  {
    name: "if else and counters",
    deterministic: true,
    source: `let count = 0;\nfunction tick() {\n  count++;\n  if (count < 3) {\n    console.log('count ' + count);\n    process.nextTick(tick);\n  } else {\n    console.log('done');\n  }\n}\ntick();\n`,
  },
  {
    name: "timeout inside nextTick inside io",
    deterministic: true,
    source: `const fs = require('fs');\nfs.stat(__filename, () => {\n  process.nextTick(() => {\n    setImmediate(() => console.log('immediate'));\n    setTimeout(() => console.log('timeout'), 0);\n  });\n  console.log('stat');\n});\n`,
  },
  {
    name: "five pbkdf2 with pool of four",
    source: `const crypto = require('crypto');\nlet done = 0;\nfor (let i = 0; i < 5; i++) {\n  crypto.pbkdf2('pw', 'salt', 1, 16, 'sha256', () => {\n    done++;\n    if (done === 5) console.log('all five done');\n  });\n}\nconsole.log('queued');\n`,
  },
  {
    name: "immediate chain versus long timer",
    deterministic: true,
    source: `setTimeout(() => console.log('timer 300'), 300);\nsetImmediate(() => {\n  console.log('i1');\n  setImmediate(() => console.log('i2'));\n});\n`,
  },
  {
    name: "main timeout vs immediate with microtasks",
    deterministic: false,
    // 'main' first: a first console.log after the setTimeout would open stdout (milliseconds) and make the timer surely due.
    source: `console.log('main');\nsetImmediate(() => { console.log('immediate'); process.nextTick(() => console.log('immediate tick')); });\nsetTimeout(() => { console.log('timeout'); Promise.resolve().then(() => console.log('timeout promise')); }, 0);\n`,
  },
];
