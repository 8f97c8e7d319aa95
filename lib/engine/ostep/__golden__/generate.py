#!/usr/bin/env python3
"""Regenerates the process-run and fork golden files from the real OSTEP scripts.

Usage:  python3 generate.py <dir holding process-run.py and fork.py> [process-run|fork]

The scripts themselves are NOT part of this repository: extract them from
github.com/remzi-arpacidusseau/ostep-homework (cpu-intro/process-run.py, cpu-api/fork.py;
golden files made at commit 6c6cfc7 with CPython 3.11). What each case writes (whole files for named cases, one line of cases.jsonl for the
bulk random and sweep cases) is described in golden_io.py.
Case lists are built from a fixed-seed generator so reruns give the same set.
"""
import os
import random
import subprocess
import sys

import golden_io

HERE = os.path.dirname(os.path.abspath(__file__))


def process_run_cases():
    cases = []
    add = lambda name, args: cases.append((name, args))
    # Chapter 4 homework questions (OSTEP cpu-intro README).
    add("hw-q1", ["-l", "5:100,5:100", "-c", "-p"])
    add("hw-q1-quiz", ["-l", "5:100,5:100"])
    add("hw-q2", ["-l", "4:100,1:0", "-c", "-p"])
    add("hw-q3", ["-l", "1:0,4:100", "-c", "-p"])
    add("hw-q4", ["-l", "1:0,4:100", "-c", "-S", "SWITCH_ON_END", "-p"])
    add("hw-q5", ["-l", "1:0,4:100", "-c", "-S", "SWITCH_ON_IO", "-p"])
    add("hw-q6", ["-l", "3:0,5:100,5:100,5:100", "-S", "SWITCH_ON_IO", "-I", "IO_RUN_LATER", "-c", "-p"])
    add("hw-q7", ["-l", "3:0,5:100,5:100,5:100", "-S", "SWITCH_ON_IO", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"])
    for s in (1, 2, 3):
        add("hw-q8-s%d" % s, ["-s", str(s), "-l", "3:50,3:50", "-c", "-p"])
        add("hw-q8-s%d-imm" % s, ["-s", str(s), "-l", "3:50,3:50", "-I", "IO_RUN_IMMEDIATE", "-c", "-p"])
        add("hw-q8-s%d-end" % s, ["-s", str(s), "-l", "3:50,3:50", "-S", "SWITCH_ON_END", "-c", "-p"])
    # Explicit programs and corner cases.
    add("prog-basic", ["-P", "c3,i,c2:c1,i,i", "-c", "-p"])
    add("prog-basic-quiz", ["-P", "c3,i,c2:c1,i,i"])
    add("prog-empty-proc", ["-P", "c0:c2,i", "-c", "-p"])
    add("prog-empty-last", ["-P", "c2,i:c0", "-c", "-p"])
    add("prog-io-first-all", ["-P", "i:i:i", "-c", "-p", "-L", "2"])
    add("prog-io-first-all-imm", ["-P", "i:i:i", "-c", "-p", "-L", "2", "-I", "IO_RUN_IMMEDIATE"])
    add("prog-l0", ["-P", "i,i,c1:c2,i", "-c", "-p", "-L", "0"])
    add("prog-l0-end", ["-P", "i,i,c1:c2,i", "-c", "-p", "-L", "0", "-S", "SWITCH_ON_END"])
    add("prog-l1-imm", ["-P", "i,c1,i:i,c3:c2,i", "-c", "-p", "-L", "1", "-I", "IO_RUN_IMMEDIATE"])
    add("prog-ignores-l", ["-P", "c2", "-l", "bogus", "-c"])
    add("prog-long-io", ["-P", "c1,i,c1:c4", "-L", "12", "-c", "-p"])
    add("prog-ilong", ["-P", "ixyz,c1", "-c", "-p"])
    add("prog-csign", ["-P", "c+2,i", "-c"])
    add("prog-neg", ["-P", "c-2,i", "-c", "-p"])
    add("long-opts", ["--processlist=4:50,2:0", "--seed", "7", "--iolength=3", "--switch", "SWITCH_ON_END", "--iodone=IO_RUN_IMMEDIATE", "-cp"])
    add("stats-without-c", ["-l", "2:100", "-p"])
    add("list-zero", ["-l", "0:100,2:100", "-c", "-p"])
    add("list-negative", ["-l", "-3:100,2:100", "-c", "-p"])
    add("list-float-pct", ["-s", "4", "-l", "6:33.3,6:66.6", "-c", "-p"])
    add("list-pct-over", ["-s", "4", "-l", "3:150,3:-5", "-c"])
    add("list-pct-nan", ["-l", "2:nan", "-c"])
    add("list-pct-exp", ["-s", "9", "-l", "5:5e1", "-c"])
    add("list-space", ["-s", "2", "-l", " 3 : 50 ", "-c"])
    add("seed-neg", ["-s", "-5", "-l", "5:50,5:50", "-c", "-p"])
    add("seed-big", ["-s", "123456789012", "-l", "5:50,5:50", "-c"])
    add("seed-hex", ["-s", "0x1f", "-l", "5:50,5:50", "-c"])
    add("many-procs", ["-s", "11", "-l", "3:50,3:50,3:50,3:50,3:50,3:50,3:50,3:50,3:50,3:50,3:50,3:50", "-c", "-p"])
    # Errors the scripts report themselves.
    add("err-no-args", [])
    add("err-no-args-c", ["-c"])
    add("err-bad-desc", ["-l", "5", "-c"])
    add("err-bad-desc-3", ["-l", "5:1:2"])
    add("err-bad-opcode", ["-P", "c2,x3"])
    add("err-bad-int", ["-l", "x:50"])
    add("err-bad-float", ["-l", "3:abc"])
    add("err-bad-prog-int", ["-P", "cx"])
    add("err-empty-item", ["-P", "c2,,i"])
    add("err-empty-prog", ["-P", "c2:"])
    add("err-neg-io", ["-l", "2:0", "-L", "-1", "-c"])
    add("err-neg-io-quiz", ["-l", "2:0", "-L", "-1"])
    add("err-bad-switch", ["-l", "2:0", "-S", "SWITCH_NEVER"])
    add("err-bad-iodone", ["-l", "2:0", "-I", "later"])
    add("err-opt-int", ["-L", "abc"])
    add("err-opt-unknown", ["-z"])
    add("err-opt-missing", ["-l"])
    add("help", ["-h"])
    add("help-long", ["--help", "-c"])
    add("long-prefix", ["--proc=3:50", "--print", "-c", "--iol", "2"])
    # A broad, seeded sweep over random workloads and behaviours.
    g = random.Random(20250101)
    switches = [None, "SWITCH_ON_IO", "SWITCH_ON_END"]
    iodones = [None, "IO_RUN_LATER", "IO_RUN_IMMEDIATE"]
    for i in range(260):
        nprocs = g.randint(1, 4)
        plist = ",".join("%d:%d" % (g.randint(1, 7), g.choice([0, 10, 25, 50, 50, 75, 90, 100])) for _ in range(nprocs))
        args = ["-s", str(g.randint(0, 1000)), "-l", plist]
        sw, io = g.choice(switches), g.choice(iodones)
        if sw:
            args += ["-S", sw]
        if io:
            args += ["-I", io]
        if g.random() < 0.5:
            args += ["-L", str(g.randint(0, 8))]
        solve = g.random() < 0.8
        if solve:
            args.append("-c")
        if g.random() < 0.6:
            args.append("-p")
        add("sweep-%03d" % i, args)
    for i in range(40):
        progs = []
        for _ in range(g.randint(1, 4)):
            items = []
            for _ in range(g.randint(1, 4)):
                items.append("i" if g.random() < 0.4 else "c%d" % g.randint(0, 5))
            progs.append(",".join(items))
        args = ["-P", ":".join(progs), "-c", "-p", "-L", str(g.randint(0, 6))]
        if g.random() < 0.5:
            args += ["-S", g.choice(switches[1:])]
        if g.random() < 0.5:
            args += ["-I", g.choice(iodones[1:])]
        add("progs-%03d" % i, args)
    return cases


def fork_cases():
    cases = []
    add = lambda name, args: cases.append((name, args))
    # Chapter 5 homework questions (OSTEP cpu-api README).
    add("hw-q1", ["-s", "10"])
    add("hw-q1-c", ["-s", "10", "-c"])
    add("hw-q2-f01", ["-s", "3", "-a", "20", "-f", "0.1", "-c"])
    add("hw-q2-f09", ["-s", "3", "-a", "20", "-f", "0.9", "-c"])
    add("hw-q3-t", ["-s", "5", "-t"])
    add("hw-q3-tc", ["-s", "5", "-t", "-c"])
    add("hw-q4", ["-A", "a+b,b+c,c+d,c+e,c-", "-c"])
    add("hw-q4-R", ["-A", "a+b,b+c,c+d,c+e,c-", "-c", "-R"])
    add("hw-q5", ["-s", "7", "-F"])
    add("hw-q5-c", ["-s", "7", "-F", "-c"])
    add("hw-q6", ["-s", "7", "-t", "-F"])
    add("hw-q6-c", ["-s", "7", "-t", "-F", "-c"])
    for style in ("basic", "line1", "line2", "fancy"):
        add("style-%s" % style, ["-s", "12", "-a", "12", "-P", style, "-c"])
        add("style-%s-R" % style, ["-A", "a+b,b+c,b+d,a+e,d+f,d+g,e+h,b-,a+i,e-", "-P", style, "-c", "-R"])
        add("style-%s-flat" % style, ["-A", "a+b,b+c,b+d,a+e,d+f,d+g,e+h,b-,a+i,e-", "-P", style, "-c"])
    add("leaf-only", ["-A", "a+b,b+c,b-,c-,b-", "-L", "-c"])
    add("leaf-only-root", ["-A", "a+b,a-", "-L", "-c"])
    add("reparent-root-child", ["-A", "a+b,a+c,b+d,b+e,d+f,b-", "-c", "-R"])
    add("deep-exit", ["-A", "a+b,b+c,c+d,d+e,a+f,c-", "-c"])
    add("deep-exit-R", ["-A", "a+b,b+c,c+d,d+e,a+f,c-", "-c", "-R"])
    add("empty-child-name", ["-A", "a+", "-c"])
    add("dash-in-fork", ["-A", "a+b-", "-c"])
    add("exit-alias", ["-A", "a+b,b-c", "-c"])
    add("refork-existing", ["-A", "a+b,b+c,a+c", "-c"])
    add("many-names", ["-s", "1", "-a", "80", "-f", "0.95", "-c", "-F"])
    add("names-overflow", ["-s", "2", "-a", "140", "-f", "0.99", "-c", "-F", "-P", "basic"])
    add("fork-pct-1", ["-s", "4", "-f", "1", "-a", "6", "-c"])
    add("fork-pct-big", ["-s", "4", "-f", "2.5", "-a", "3", "-c"])
    add("fork-pct-exp", ["-s", "4", "-f", "5e-1", "-a", "6", "-c"])
    add("fork-pct-tiny", ["-s", "4", "-f", "0.0011", "-a", "2", "-c"])
    add("actions-zero", ["-s", "4", "-a", "0", "-c"])
    add("actions-neg", ["-s", "4", "-a", "-3", "-c", "-F"])
    add("seed-zero", ["-s", "0", "-c"])
    add("seed-neg", ["-s", "-7", "-c"])
    add("long-opts", ["--seed=9", "--forks", "0.5", "--actions=8", "--print_style=line1", "--compute", "--leaf_only", "--local_reparent"])
    add("combined-flags", ["-s", "9", "-ctF"])
    add("action-list-ignores-seed", ["-s", "3", "-A", "a+b,a+c", "-a", "9"])
    add("err-root-exit", ["-A", "a+b,a-", "-c"])
    add("err-bad-action", ["-A", "a+b,x+y", "-c"])
    add("err-bad-action-plus", ["-A", "a+b+c", "-c"])
    add("err-bad-action-empty", ["-A", "a+b,", "-c"])
    add("err-bad-exit-unknown", ["-A", "a+b,q-", "-c"])
    add("err-bad-style", ["-s", "1", "-P", "pretty", "-c"])
    add("err-fork-pct", ["-s", "1", "-f", "0.001"])
    add("err-opt-float", ["-f", "x"])
    add("err-opt-unknown", ["-q"])
    add("help", ["-h"])
    # Odd action lists on which the script itself crashes; the port must crash the same way.
    add("dup-exit-print", ["-A", "a+b,a+b,b-", "-c"])
    add("dup-exit-twice", ["-A", "a+b,a+b,b-,b-", "-c"])
    add("dup-exit-twice-R", ["-A", "a+b,a+b,b-,b-", "-c", "-R"])
    add("dup-exit-twice-L", ["-A", "a+b,a+b,b-,b-", "-c", "-L"])
    add("dup-fork-from-dead", ["-A", "a+b,a+b,b-,b+c", "-c", "-F"])
    add("reforked-child-exit", ["-A", "a+b,b+c,a+b,c-", "-c"])
    add("reforked-exit-R", ["-A", "a+b,b+c,b+d,a+b,b-", "-c", "-R"])
    add("self-fork", ["-A", "a+b,b+b", "-c", "-F"])
    add("self-fork-basic", ["-A", "a+b,b+b", "-c", "-F", "-P", "basic"])
    add("root-refork", ["-A", "a+b,b+c,b+a", "-c"])
    add("root-refork-exit", ["-A", "a+b,b+a,a-", "-c"])
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    names = ["a"] + ["z%s%s" % (x, y) for x in letters for y in letters]
    # CPython's recursion limit cuts the tree print at depth 995 and the subtree walk of an exit at 996.
    for depth in (994, 995, 996, 997):
        chain = ",".join("%s+%s" % (names[i], names[i + 1]) for i in range(depth))
        add("deep-chain-%d" % depth, ["-A", chain, "-F", "-c", "-P", "line1"])
        add("deep-exit-%d" % depth, ["-A", chain + ",%s-" % names[1], "-F", "-c", "-P", "basic"])
    g = random.Random(777)
    styles = ["basic", "line1", "line2", "fancy", None]
    for i in range(220):
        args = ["-s", str(g.randint(0, 5000))]
        if g.random() < 0.6:
            args += ["-a", str(g.randint(1, 25))]
        if g.random() < 0.5:
            args += ["-f", g.choice(["0.1", "0.3", "0.5", "0.6", "0.8", "0.9", "0.99"])]
        st = g.choice(styles)
        if st:
            args += ["-P", st]
        for flag, p in (("-t", 0.3), ("-F", 0.25), ("-L", 0.3), ("-R", 0.35), ("-c", 0.75)):
            if g.random() < p:
                args.append(flag)
        add("sweep-%03d" % i, args)
    return cases


def run_all(script, cases, outdir):
    golden_io.clear(outdir)
    bulk = []
    for name, args in cases:
        proc = subprocess.run([sys.executable, script] + args, capture_output=True, timeout=20)
        golden_io.record(outdir, name, args, proc, proc.returncode == 2, bulk)
    golden_io.finish(outdir, bulk)
    print("%s: %d cases (%d in cases.jsonl)" % (outdir, len(cases), len(bulk)))


def main():
    src = sys.argv[1]
    which = sys.argv[2:] or ["process-run", "fork"]
    if "process-run" in which:
        run_all(os.path.join(src, "process-run.py"), process_run_cases(), os.path.join(HERE, "process-run"))
    if "fork" in which:
        run_all(os.path.join(src, "fork.py"), fork_cases(), os.path.join(HERE, "fork"))


if __name__ == "__main__":
    main()
