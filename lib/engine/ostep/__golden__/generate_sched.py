#!/usr/bin/env python3
"""Regenerates the scheduler, mlfq and lottery golden files from the real OSTEP scripts.

Usage:  python3 generate_sched.py <ostep-homework checkout> [scheduler|mlfq|lottery ...]

The scripts are NOT part of this repository: point the first argument at a checkout of
github.com/remzi-arpacidusseau/ostep-homework (the golden files were made at commit 6c6cfc7 with
CPython 3.11); the scripts are run from cpu-sched/, cpu-sched-mlfq/ and cpu-sched-lottery/.
What each case writes (whole files for named cases, one line of cases.jsonl for the
bulk random and sweep cases) is described in golden_io.py.
Case lists come from fixed loops (no randomness), so reruns give the same set.
"""
import os
import subprocess
import sys

import golden_io

HERE = os.path.dirname(os.path.abspath(__file__))

SCRIPTS = {
    "scheduler": "cpu-sched/scheduler.py",
    "mlfq": "cpu-sched-mlfq/mlfq.py",
    "lottery": "cpu-sched-lottery/lottery.py",
}


def scheduler_cases():
    cases = []
    add = lambda name, args: cases.append((name, args))
    # Seeded random workloads: every policy, with and without -c.
    for seed in range(0, 40):
        for policy in ("FIFO", "SJF", "RR"):
            add("rand-s%d-%s" % (seed, policy), ["-s", str(seed), "-p", policy, "-c"])
    for seed in range(0, 60, 3):
        add("rand-s%d-quiz" % seed, ["-s", str(seed)])
    # Eight jobs make averages land on x.xx5 ties, where %.2f must round half to even.
    for seed in range(0, 30):
        for policy in ("FIFO", "SJF", "RR"):
            add("tie-j8-s%d-%s" % (seed, policy), ["-s", str(seed), "-j", "8", "-m", "7", "-p", policy, "-c"])
    for seed in (1, 7, 100, 12345):
        for q in (1, 2, 3, 5, 10):
            add("rr-s%d-q%d" % (seed, q), ["-s", str(seed), "-j", "6", "-m", "20", "-p", "RR", "-q", str(q), "-c"])
    for seed in (3, 4):
        add("big-s%d-RR" % seed, ["-s", str(seed), "-j", "40", "-m", "100", "-p", "RR", "-q", "4", "-c"])
        add("big-s%d-SJF" % seed, ["-s", str(seed), "-j", "40", "-m", "100", "-p", "SJF", "-c"])
    add("seed-negative", ["-s", "-7", "-c"])
    add("seed-huge", ["-s", "123456789012345678901234567890", "-c", "-p", "RR"])
    add("seed-hex", ["-s", "0x1f", "-c"])
    add("seed-octal", ["-s", "010", "-c"])
    add("seed-binary", ["-s", "0b101", "-c"])
    add("maxlen-1", ["-m", "1", "-j", "5", "-c", "-p", "RR"])
    add("maxlen-negative", ["-m", "-10", "-j", "4", "-c"])
    add("jobs-zero-quiz", ["-j", "0"])
    add("jobs-zero", ["-j", "0", "-c"])
    add("jobs-zero-rr", ["-j", "0", "-c", "-p", "RR"])
    add("jobs-negative", ["-j", "-2", "-c", "-p", "SJF"])
    # Explicit job lists: floats, ties, zero and fractional lengths.
    lists = ["10,15,20", "200,200,200", "100,200,300", "5,5,5,5", "3,1,2,1,3", "0,4,0", "2.5,1.25,7", "0.1,0.2,0.3",
             "1e1,5", "7,1,3,9,2,8,4,6", "1,2,3,4,5,6,7,8", "37,0,0,0,0,0,0,0", "4,4,4,4,4,4,4,5", "1.5,2.5,3.5",
             "0.3333,0.6667,1", "100", "-5,3", "3, 4 ,5", "1_0,2", "1.125,2.5,3.875", "0.125,0.125,0.25,0.5",
             "2.675,1.005,0.015", "0.625,1.875,2.375,4.125", "3.5,2.25,1.125,6.75,0.375,5,4.5,8.625", "1e-3,2e-3",
             "12345.678,0.001", "1e16,1", "0.1,0.7,0.2,0.4,0.9,0.3,0.8,0.6"]
    for i, jl in enumerate(lists):
        for policy in ("FIFO", "SJF", "RR"):
            if policy == "RR" and jl.startswith("1e16"):
                continue  # 1e16 - 1 == 1e16 in floats, so the script's RR never finishes
            add("list%d-%s" % (i, policy), ["-l", jl, "-p", policy, "-c"])
        add("list%d-quiz" % i, ["-l", jl])
    for q in (1, 2, 3, 4, 7):
        add("list-frac-rr-q%d" % q, ["-l", "2.5,3.75,1.1,6", "-p", "RR", "-q", str(q), "-c"])
        add("list-int-rr-q%d" % q, ["-l", "5,9,4,12", "-p", "RR", "-q", str(q), "-c"])
    add("list-nan-fifo", ["-l", "nan,2", "-c"])
    add("list-inf-fifo", ["-l", "inf,2", "-c"])
    add("list-bad", ["-l", "1,x,3", "-c"])
    add("list-empty-item", ["-l", "1,,3", "-c"])
    add("rr-quantum-bigger", ["-l", "3,1", "-p", "RR", "-q", "10", "-c"])
    add("rr-zero-lengths-q0", ["-l", "0,0", "-p", "RR", "-q", "0", "-c"])
    # Unknown policies and the option parser.
    add("policy-lower", ["-p", "rr", "-c"])
    add("policy-unknown-quiz", ["-p", "STCF"])
    add("long-opts", ["--seed=4", "--jobs", "5", "--maxlen=30", "--policy=RR", "--quantum", "3", "-c"])
    add("long-abbrev", ["--se", "4", "--pol=SJF", "--quan=2", "--max", "12", "-c"])
    add("short-attached", ["-s4", "-j5", "-pRR", "-q2", "-c"])
    add("short-cluster", ["-cpRR", "-q3"])
    add("positional-ignored", ["extra", "-c", "more"])
    add("double-dash", ["-c", "--", "-p", "RR"])
    add("repeat-last-wins", ["-p", "RR", "-p", "SJF", "-c"])
    add("odd-sjf-nan", ["-l", "3,nan,1", "-p", "SJF", "-c"])
    add("odd-rr-negative-half", ["-l", "-0.5,0.5", "-p", "RR", "-c"])
    add("odd-rr-negative", ["-l", "1,-1,2", "-p", "RR", "-c"])
    add("odd-tiny-length", ["-l", "1e-7,3", "-c"])
    add("odd-maxlen-zero", ["-s", "5", "-m", "0", "-j", "3", "-c"])
    add("odd-empty-list", ["-l", "", "-c"])
    add("odd-fifo-negative-quantum", ["-l", "5", "-q", "-3", "-c"])
    add("odd-empty-policy", ["--policy=", "-c"])
    add("odd-rr-tenths", ["-l", "0.1,0.2", "-p", "RR", "-q", "1", "-c"])
    add("odd-rr-equal-halves", ["-l", "2.5,2.5", "-p", "RR", "-q", "2", "-c"])
    add("err-no-such-short", ["-x"])
    add("err-no-such-long", ["--bogus"])
    add("err-ambiguous", ["--j", "4"])
    add("err-missing-value", ["-q"])
    add("err-missing-value-long", ["--quantum"])
    add("err-bad-int", ["-s", "abc"])
    add("err-bad-int-float", ["-j", "2.5"])
    add("err-bad-octal", ["-j", "09"])
    add("err-bad-int-long", ["--seed=1.0"])
    add("err-flag-with-value", ["--help=1"])
    add("help", ["-h"])
    add("help-long", ["--help"])
    return cases


def mlfq_cases():
    cases = []
    add = lambda name, args: cases.append((name, args))
    for seed in range(0, 30):
        add("rand-s%d" % seed, ["-s", str(seed), "-c"])
    for seed in range(0, 30, 3):
        add("rand-s%d-quiz" % seed, ["-s", str(seed)])
    for seed in range(1, 13):
        add("rand-s%d-small" % seed, ["-s", str(seed), "-j", "4", "-m", "30", "-M", "6", "-c"])
        add("rand-s%d-boost" % seed, ["-s", str(seed), "-j", "3", "-m", "40", "-B", str(7 + seed), "-c"])
        add("rand-s%d-stay" % seed, ["-s", str(seed), "-j", "3", "-m", "40", "-q", "4", "-S", "-c"])
        add("rand-s%d-bump" % seed, ["-s", str(seed), "-j", "3", "-m", "40", "-q", "4", "-I", "-i", "3", "-c"])
        add("rand-s%d-allot" % seed, ["-s", str(seed), "-j", "3", "-m", "50", "-q", "3", "-a", "2", "-n", "2", "-c"])
        add("rand-s%d-QA" % seed, ["-s", str(seed), "-j", "3", "-m", "50", "-Q", "2,4,8", "-A", "1,2,3", "-c"])
    # Homework-style explicit workloads (OSTEP chapter 8 questions).
    add("hw-one-long", ["-l", "0,200,0", "-c"])
    add("hw-long-plus-short", ["-n", "3", "-q", "10", "-l", "0,180,0:100,20,0", "-c"])
    add("hw-long-plus-io", ["-n", "3", "-q", "10", "-l", "0,175,0:50,25,1", "-i", "5", "-c"])
    add("hw-starvation", ["-n", "3", "-q", "10", "-l", "0,120,0:100,50,5:100,50,5", "-i", "5", "-c"])
    add("hw-starvation-boost", ["-n", "3", "-q", "10", "-l", "0,120,0:100,50,5:100,50,5", "-i", "5", "-B", "50", "-c"])
    add("hw-gaming", ["-n", "3", "-q", "10", "-l", "0,200,0:80,100,9", "-i", "1", "-S", "-c"])
    add("hw-gaming-nostay", ["-n", "3", "-q", "10", "-l", "0,200,0:80,100,9", "-i", "1", "-c"])
    add("hw-rr-bottom", ["-n", "3", "-Q", "10,20,40", "-A", "2,2,2", "-l", "0,140,0:0,140,0", "-c"])
    add("hw-iobump", ["-n", "2", "-q", "10", "-l", "0,50,5:0,50,0", "-I", "-c"])
    # Same-instant orderings, boosts, I/O corner cases.
    add("order-expiry-before-arrival", ["-n", "2", "-q", "3", "-l", "0,6,0:3,3,0", "-c"])
    add("order-expiry-before-iodone", ["-n", "1", "-q", "3", "-l", "0,9,0:0,4,1", "-i", "2", "-c"])
    add("order-expiry-before-iodone-bump", ["-n", "1", "-q", "3", "-l", "0,9,0:0,4,1", "-i", "2", "-I", "-c"])
    add("order-begins-before-iodone", ["-n", "2", "-q", "5", "-l", "0,6,2:4,3,0", "-i", "2", "-c"])
    add("preempt-keeps-partial", ["-n", "2", "-q", "10", "-a", "2", "-l", "0,30,0:5,4,2", "-i", "3", "-c"])
    add("finish-on-io-boundary", ["-n", "2", "-q", "5", "-l", "0,6,3:0,4,2", "-c"])
    add("stay-last-tick-io", ["-n", "3", "-q", "4", "-l", "0,20,4:0,20,0", "-S", "-c"])
    add("stay-last-tick-io-allot2", ["-n", "3", "-q", "4", "-a", "2", "-l", "0,30,4:0,20,0", "-S", "-c"])
    add("io-zero", ["-n", "2", "-q", "4", "-l", "0,12,2:0,8,3", "-i", "0", "-c"])
    add("io-long", ["-n", "2", "-q", "4", "-l", "0,12,2:0,8,3", "-i", "17", "-c"])
    add("idle-gap", ["-n", "2", "-q", "4", "-l", "5,6,0:30,3,1", "-c"])
    add("late-start-first", ["-l", "10,5,0:0,5,0:3,4,2", "-c"])
    add("boost-1", ["-n", "3", "-q", "5", "-l", "0,12,0:0,7,3", "-B", "1", "-c"])
    add("boost-2", ["-n", "3", "-q", "5", "-l", "0,12,0:2,7,3", "-B", "2", "-c"])
    add("boost-during-io", ["-n", "3", "-q", "2", "-l", "0,20,3:0,30,0", "-i", "6", "-B", "10", "-c"])
    add("boost-idle", ["-n", "2", "-q", "2", "-l", "0,5,0:40,9,0", "-B", "10", "-c"])
    add("boost-before-arrival", ["-n", "2", "-q", "2", "-l", "0,25,0:20,5,0", "-B", "20", "-c"])
    add("boost-order-low-first", ["-n", "3", "-Q", "1,2,3", "-l", "0,30,0:0,30,0:0,30,0:0,4,0", "-B", "12", "-c"])
    add("one-queue", ["-n", "1", "-q", "3", "-l", "0,7,0:0,5,0:1,4,2", "-c"])
    add("many-queues", ["-n", "6", "-q", "2", "-l", "0,40,0:3,20,4", "-c"])
    add("allot-zero-bottom", ["-Q", "2,4", "-A", "1,0", "-l", "0,20,0:0,15,0", "-c"])
    add("allot-three", ["-n", "2", "-q", "3", "-a", "3", "-l", "0,30,0:0,25,5", "-c"])
    add("quantum-zero", ["-n", "2", "-q", "0", "-l", "0,5,0:0,3,0", "-c"])
    add("quantum-negative", ["-n", "2", "-q", "-2", "-l", "0,4,0:0,3,0", "-c"])
    add("iofreq-negative", ["-l", "0,5,-2:0,3,1", "-c"])
    add("maxio-0", ["-s", "3", "-M", "0", "-c"])
    add("maxio-1", ["-s", "3", "-M", "1", "-j", "2", "-c"])
    add("maxlen-2", ["-s", "3", "-m", "2", "-j", "4", "-c"])
    add("jobs-zero", ["-j", "0", "-c"])
    add("jobs-zero-quiz", ["-j", "0"])
    add("err-runtime-zero", ["-l", "0,0,0", "-c"])
    add("err-runtime-zero-later", ["-l", "0,3,0:2,0,0", "-c"])
    add("err-maxlen-zero", ["-s", "5", "-m", "0", "-j", "3", "-c"])
    add("err-allot-count", ["-Q", "1,2", "-A", "1", "-c"])
    add("err-allot-nonpositive", ["-Q", "1,2,3", "-A", "1,0,1", "-c"])
    add("err-allot-negative-top", ["-n", "2", "-A", "-1,2", "-c"])
    add("err-jlist-format", ["-l", "0,10", "-c"])
    add("err-jlist-format-second", ["-l", "0,10,0:5,5", "-c"])
    add("err-jlist-int", ["-l", "0,x,0", "-c"])
    add("err-quantum-list-int", ["-Q", "1,,3", "-c"])
    add("err-no-queues", ["-n", "0", "-c"])
    add("err-no-queues-no-jobs", ["-n", "0", "-j", "0", "-c"])
    add("err-negative-queues", ["-n", "-2", "-l", "0,4,0", "-c"])
    add("odd-allot-zero-only-queue", ["-l", "0,5,0", "-Q", "3", "-A", "0", "-c"])
    add("odd-allot-zero-all", ["-l", "0,5,0", "-n", "2", "-a", "0", "-c"])
    add("odd-allot-negative-all", ["-l", "0,5,0:0,6,2", "-n", "2", "-a", "-1", "-c"])
    add("odd-boost-negative", ["-l", "0,5,0", "-B", "-5", "-c"])
    add("err-runtime-negative", ["-l", "0,-3,0", "-c"])
    add("odd-io-zero-bump", ["-l", "3,4,1:3,4,1:0,2,0", "-i", "0", "-I", "-c"])
    add("odd-io-zero-stay", ["-l", "0,8,2", "-i", "0", "-S", "-q", "2", "-c"])
    add("odd-boost3-stay-bump-q1", ["-l", "0,9,3:1,9,3", "-B", "3", "-S", "-I", "-q", "1", "-c"])
    add("err-allot-count-quiz", ["-Q", "5,5", "-A", "1", "-l", "0,1,0"])
    add("err-jlist-letters", ["-l", "a,b,c"])
    add("err-jlist-empty-jobs", ["-l", "0,5,0::"])
    add("seed-negative", ["-s", "-5", "-c"])
    add("jlist-spaces", ["-l", " 0, 5 ,1 : 1,3,0", "-c"])
    add("long-opts", ["--numQueues=2", "--quantum", "4", "--allotment=2", "--numJobs", "2", "--maxlen=20", "--maxio", "3", "--boost=15", "--iotime", "2", "--stay", "--iobump", "-c"])
    add("long-lists", ["--quantumList=3,6", "--allotmentList", "2,1", "--jlist=0,20,4:2,10,0", "-c"])
    add("long-abbrev", ["--quantumL=3,6", "--allotmentL=1,1", "--num=2", "-c"])
    add("short-attached", ["-n2", "-q5", "-s3", "-j2", "-cSI"])
    add("err-ambiguous-q", ["--q", "5"])
    add("err-ambiguous-n", ["--num", "5"])
    add("err-no-value", ["-B"])
    add("err-bad-int", ["-B", "1.5"])
    add("err-no-such", ["-z"])
    add("help", ["--help"])
    # A deterministic grid over the options with random workloads (choices derived from the seed).
    for seed in range(20, 60):
        args = ["-s", str(seed), "-j", str(2 + seed % 3), "-m", str(15 + seed % 25), "-M", str(1 + seed % 7),
                "-n", str(1 + seed % 4), "-q", str(1 + seed % 5), "-a", str(1 + seed % 3), "-i", str(seed % 7)]
        if seed % 4 == 1:
            args += ["-B", str(5 + seed % 17)]
        if seed % 5 == 2:
            args += ["-S"]
        if seed % 3 == 0:
            args += ["-I"]
        add("grid-s%d" % seed, args + ["-c"])
    for seed in range(60, 75):
        add("grid-lists-s%d" % seed, ["-s", str(seed), "-j", "3", "-m", "25", "-M", "4", "-Q", "%d,%d,%d" % (1 + seed % 3, 2 + seed % 4, 3 + seed % 5),
                                      "-A", "%d,%d,%d" % (1 + seed % 2, 1 + seed % 3, seed % 2), "-B", str(20 + seed % 9), "-c"])
    return cases


def lottery_cases():
    cases = []
    add = lambda name, args: cases.append((name, args))
    for seed in range(0, 40):
        add("rand-s%d" % seed, ["-s", str(seed), "-c"])
    for seed in range(0, 40, 4):
        add("rand-s%d-quiz" % seed, ["-s", str(seed)])
    for seed in range(1, 11):
        for q in (2, 3, 5):
            add("rand-s%d-q%d" % (seed, q), ["-s", str(seed), "-q", str(q), "-c"])
        add("rand-s%d-many" % seed, ["-s", str(seed), "-j", "5", "-m", "20", "-T", "10", "-c"])
        add("rand-s%d-two" % seed, ["-s", str(seed), "-j", "2", "-m", "6", "-T", "3", "-c"])
    add("hw-unfair", ["-l", "10:1,10:100", "-c"])
    add("hw-unfair-quiz", ["-l", "10:1,10:100"])
    for seed in (1, 2, 3):
        add("hw-fair-s%d" % seed, ["-l", "100:100,100:100", "-s", str(seed), "-c"])
    add("hw-fair-q5", ["-l", "100:100,100:100", "-q", "5", "-c"])
    add("list-quantum-bigger", ["-l", "3:10,7:20,2:5", "-q", "4", "-c"])
    add("list-single", ["-l", "5:1", "-c"])
    add("list-zero-length", ["-l", "0:10,3:10", "-c"])
    add("list-spaces", ["-l", " 4 : 3 ,2:2", "-c"])
    add("list-negative-tix", ["-l", "3:-5,2:10", "-c"])
    add("err-no-winner", ["-l", "3:-5", "-c"])
    add("stale-winner", ["-l", "2:-3,2:5,1:-4", "-s", "4", "-c"])
    add("odd-quantum-bigger-than-job", ["-l", "5:10", "-q", "7", "-c"])
    add("odd-negative-length", ["-l", "-5:10,3:3", "-c"])
    add("odd-empty-job", ["-l", "5:10,0:0,3:3", "-c"])
    add("odd-maxlen-negative-two", ["-s", "7", "-m", "-3", "-T", "5", "-j", "2", "-c"])
    add("err-maxticket-negative-two", ["-s", "7", "-m", "3", "-T", "-5", "-j", "2", "-c"])
    add("err-zero-tickets", ["-l", "4:0,3:10", "-c"])
    add("err-all-zero-tickets", ["-l", "4:0,3:0", "-c"])
    add("err-list-format", ["-l", "4:10,3", "-c"])
    for seed in range(40, 70):
        add("grid-s%d" % seed, ["-s", str(seed), "-j", str(1 + seed % 4), "-m", str(2 + seed % 9), "-T", str(2 + seed % 40), "-q", str(1 + seed % 3), "-c"])
    add("err-list-format-many", ["-l", "4:10:2", "-c"])
    add("err-list-int", ["-l", "4:x", "-c"])
    add("quantum-zero", ["-l", "2:5,1:5", "-q", "0", "-c"])
    add("quantum-negative", ["-l", "2:5,1:5", "-q", "-1", "-c"])
    add("jobs-zero", ["-j", "0", "-c"])
    add("jobs-negative-quiz", ["-j", "-3"])
    add("maxlen-negative", ["-s", "2", "-m", "-5", "-c"])
    add("maxticket-negative", ["-s", "2", "-T", "-7", "-c"])
    add("seed-hex", ["-s", "0x10", "-c"])
    add("long-opts", ["--seed=3", "--jobs", "2", "--maxlen=8", "--maxticket", "50", "--quantum=2", "--compute"])
    add("long-abbrev", ["--se=3", "--jo", "2", "--maxl=8", "--maxt", "50", "--comp"])
    add("short-attached", ["-s3", "-j2", "-cq2"])
    add("err-ambiguous", ["--max", "3"])
    add("err-compute-value", ["--compute=yes"])
    add("err-no-value", ["-T"])
    add("err-bad-int", ["-q", "two"])
    add("help", ["-h"])
    return cases


CASES = {"scheduler": scheduler_cases, "mlfq": mlfq_cases, "lottery": lottery_cases}


def run_all(script, cases, outdir):
    golden_io.clear(outdir)
    bulk = []
    names = set()
    for name, args in cases:
        assert name not in names, name
        names.add(name)
        proc = subprocess.run([sys.executable, os.path.basename(script)] + args, capture_output=True, timeout=60,
                              cwd=os.path.dirname(script), env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"})
        keep_stderr = proc.returncode == 2 or (proc.returncode == 0 and bool(proc.stderr))
        golden_io.record(outdir, name, args, proc, keep_stderr, bulk)
    golden_io.finish(outdir, bulk)
    return len(cases)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    which = sys.argv[2:] or list(SCRIPTS)
    for key in which:
        n = run_all(os.path.join(root, SCRIPTS[key]), CASES[key](), os.path.join(HERE, key))
        print("%s: %d cases" % (key, n))


if __name__ == "__main__":
    main()
