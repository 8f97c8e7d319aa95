import { describe, expect, it } from "vitest";
import { type OptionSpec, parseOptions, wrapText } from "./optparse";

const SPECS: OptionSpec[] = [
  { short: "-s", long: "--seed", dest: "seed", kind: "int", default: 0, help: "the random seed" },
  { short: "-q", long: "--quantum", dest: "quantum", kind: "int", default: 1 },
  { short: "-Q", long: "--quantumList", dest: "quantumList", kind: "string", default: "" },
  { short: "-f", long: "--forks", dest: "forks", kind: "float", default: 0.7 },
  { short: "-c", dest: "solve", kind: "store_true", default: false },
  { short: "-S", long: "--stay", dest: "stay", kind: "store_true", default: false },
];

function parse(...args: string[]) {
  const result = parseOptions("demo.py", SPECS, args);
  if (!result.ok) throw new Error(`unexpected failure: ${result.run.stderr}`);
  return result.options;
}

function failure(...args: string[]) {
  const result = parseOptions("demo.py", SPECS, args);
  if (result.ok) throw new Error("expected a failure");
  return result.run;
}

describe("parseOptions (optparse semantics)", () => {
  it("keeps defaults when no flag is given", () => {
    const o = parse();
    expect(o.values).toEqual({ seed: 0, quantum: 1, quantumList: "", forks: 0.7, solve: false, stay: false });
    expect(o.ints.seed).toBe(0n);
  });

  it("accepts every spelling of a value, and unique prefixes of long names", () => {
    for (const args of [["-q", "2"], ["-q2"], ["--quantum=2"], ["--quantum", "2"]]) {
      expect(parse(...args).values.quantum).toBe(2);
    }
    expect(parse("--se=4").values.seed).toBe(4);
    expect(parse("--fo", "0.25").values.forks).toBe(0.25);
  });

  it("prefers an exact long name over a longer one it prefixes", () => {
    expect(parse("--quantum", "3").values.quantum).toBe(3);
    expect(parse("--quantumL", "1,2").values.quantumList).toBe("1,2");
  });

  it("handles clusters, where a value-taking option swallows the rest", () => {
    const o = parse("-cSq7");
    expect([o.values.solve, o.values.stay, o.values.quantum]).toEqual([true, true, 7]);
    expect(parse("-cs", "5").values.seed).toBe(5);
  });

  it("takes the next argument as the value even if it looks like a flag", () => {
    expect(parse("-Q", "-c").values.quantumList).toBe("-c");
    expect(parse("-s", "-5").values.seed).toBe(-5);
  });

  it("uses optparse's radix rules and keeps big ints exact", () => {
    expect(parse("-s", "0x10").values.seed).toBe(16);
    expect(parse("-s", "010").values.seed).toBe(8);
    expect(parse("-s", "0b11").values.seed).toBe(3);
    expect(parse("-s", "123456789012345678901234567890").ints.seed).toBe(123456789012345678901234567890n);
    expect(parse("-f", "1e-2").values.forks).toBe(0.01);
  });

  it("collects positionals, also after --", () => {
    expect(parse("a", "-c", "--", "-q", "9").args).toEqual(["a", "-q", "9"]);
    expect(parse("-").args).toEqual(["-"]);
  });

  it("prints optparse's usage + error to stderr with status 2", () => {
    const usage = "Usage: demo.py [options]\n\n";
    expect(failure("-x")).toEqual({ exitCode: 2, stdout: "", stderr: `${usage}demo.py: error: no such option: -x\n` });
    expect(failure("--nope").stderr).toBe(`${usage}demo.py: error: no such option: --nope\n`);
    expect(failure("-q").stderr).toBe(`${usage}demo.py: error: -q option requires 1 argument\n`);
    expect(failure("--quantum").stderr).toBe(`${usage}demo.py: error: --quantum option requires 1 argument\n`);
    expect(failure("--stay=1").stderr).toBe(`${usage}demo.py: error: --stay option does not take a value\n`);
    expect(failure("--qu", "1").stderr).toBe(
      `${usage}demo.py: error: ambiguous option: --qu (--quantum, --quantumList?)\n`,
    );
    expect(failure("-s", "1.5").stderr).toBe(`${usage}demo.py: error: option -s: invalid integer value: '1.5'\n`);
    expect(failure("-f", "x").stderr).toBe(`${usage}demo.py: error: option -f: invalid floating-point value: 'x'\n`);
    expect(failure("-s", "it's").stderr).toBe(`${usage}demo.py: error: option -s: invalid integer value: "it's"\n`);
  });

  it("stops at the first bad flag, like optparse processing left to right", () => {
    expect(failure("-s", "x", "-z").stderr).toMatch(/invalid integer value: 'x'/);
  });

  it("prints help on -h with status 0", () => {
    const run = failure("-h");
    expect(run.exitCode).toBe(0);
    expect(
      run.stdout.startsWith(
        "Usage: demo.py [options]\n\nOptions:\n  -h, --help            show this help message and exit\n",
      ),
    ).toBe(true);
    expect(run.stdout).toContain("  -s SEED, --seed=SEED  the random seed\n");
  });
});

describe("wrapText (textwrap.wrap)", () => {
  it("wraps greedily and may break after a hyphen between letters", () => {
    expect(wrapText("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrapText("a comma-separated list", 10)).toEqual(["a comma-", "separated", "list"]);
  });
});
