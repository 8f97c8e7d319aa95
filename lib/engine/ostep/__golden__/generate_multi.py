#!/usr/bin/env python3
"""Regenerates the multi.py golden files from the real OSTEP script.

Usage:  python3 generate_multi.py <ostep-homework checkout>

The script is NOT part of this repository: point the argument at a checkout of
github.com/remzi-arpacidusseau/ostep-homework (golden files made at commit 6c6cfc7 with CPython 3.11);
cpu-sched-multi/multi.py is run from its own directory. Named cases (the homework questions, edge cases,
errors) are whole files; the seeded flag sweep ("rand-" cases) is one line each of multi/cases.jsonl
(formats in golden_io.py). The sweep draws from its own fixed-seed generator, so reruns give the same set.
Runs that do not finish in 10 s (no CPUs, a warm rate of 0, a job stolen to a CPU it may not run on)
are left out: python3 would never finish them, and the port refuses them instead.
"""
import os
import random
import subprocess
import sys

import golden_io

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = "cpu-sched-multi/multi.py"


def cases():
    out = []
    add = lambda name, args: out.append((name, args))
    # The chapter's homework questions (OSTEP ch. 10), each with and without -c where it asks for a prediction.
    add("hw1-one-job", ["-n", "1", "-L", "a:30:200"])
    add("hw1-one-job-c", ["-n", "1", "-L", "a:30:200", "-c"])
    add("hw1-one-job-trace", ["-n", "1", "-L", "a:30:200", "-c", "-t"])
    add("hw2-fits", ["-n", "1", "-L", "a:30:200", "-M", "300", "-c"])
    add("hw3-time-left", ["-n", "1", "-L", "a:30:200", "-M", "300", "-c", "-t", "-T"])
    add("hw4-cache", ["-n", "1", "-L", "a:30:200", "-M", "300", "-c", "-t", "-C"])
    for w in ("0", "5", "20", "40"):
        add("hw4-warmup-%s" % w, ["-n", "1", "-L", "a:30:200", "-M", "300", "-c", "-t", "-C", "-w", w])
    add("hw5-central", ["-n", "2", "-L", "a:100:100,b:100:50,c:100:50", "-c", "-t", "-C"])
    add("hw5-central-quiz", ["-n", "2", "-L", "a:100:100,b:100:50,c:100:50"])
    add("hw6-affinity", ["-n", "2", "-L", "a:100:100,b:100:50,c:100:50", "-A", "a:0,b:1,c:1", "-c", "-t", "-C"])
    add("hw6-affinity-other", ["-n", "2", "-L", "a:100:100,b:100:50,c:100:50", "-A", "a:1,b:0,c:0", "-c", "-t", "-T", "-C"])
    for n in ("1", "2", "3"):
        add("hw7-superlinear-n%s" % n, ["-n", n, "-L", "a:100:100,b:100:100,c:100:100", "-M", "50", "-c", "-t", "-C", "-T"])
        add("hw7-superlinear-big-n%s" % n, ["-n", n, "-L", "a:100:100,b:100:100,c:100:100", "-M", "100", "-c", "-t", "-C", "-T"])
    add("hw8-per-cpu", ["-p", "-n", "2", "-L", "a:100:100,b:100:100,c:100:100", "-M", "100", "-c", "-t", "-C", "-T", "-S"])
    for peek in ("0", "1", "5", "10", "60"):
        add("hw8-peek-%s" % peek, ["-p", "-n", "2", "-L", "a:100:100,b:100:100,c:100:100", "-M", "100", "-P", peek, "-c", "-t", "-S"])
    add("hw8-per-cpu-n3", ["-p", "-n", "3", "-L", "a:100:100,b:100:100,c:100:100", "-M", "100", "-c", "-t", "-C", "-T", "-S"])
    add("hw9-random-quiz", ["-s", "1", "-j", "6", "-n", "4"])
    add("hw9-random", ["-s", "1", "-j", "6", "-n", "4", "-c"])
    add("hw9-random-per-cpu", ["-s", "2", "-j", "8", "-n", "4", "-p", "-c", "-t", "-S"])
    add("defaults", [])
    add("defaults-c", ["-c"])
    add("readme-4cpu", ["-n", "4", "-c"])
    add("readme-two-jobs", ["-n", "4", "-M", "100", "-L", "1:100:50,2:100:150", "-c", "-t", "-C"])
    # Quirks and edge cases.
    add("steal-quirk-runtime-match", ["-p", "-n", "2", "-L", "a:1:100,b:60:10,c:50:10,d:40:10", "-A", "a:0,b:0,c:0", "-P", "5", "-c", "-t", "-S"])
    add("steal-one-cpu", ["-p", "-n", "1", "-L", "a:20:10,b:20:10", "-P", "5", "-c", "-t", "-S"])
    add("rand-order", ["-o", "-s", "5", "-n", "3", "-j", "5", "-c", "-t", "-T"])
    add("warm-rate-1", ["-L", "a:30:10,b:20:10", "-r", "1", "-c", "-t", "-C"])
    add("warm-rate-5", ["-L", "a:30:10,b:20:10", "-r", "5", "-c", "-t", "-T", "-C"])
    add("warmup-zero-too-big", ["-L", "a:30:200,b:10:20", "-w", "0", "-c", "-t", "-C"])
    add("warmup-negative", ["-L", "a:30:20,b:10:20", "-w", "-3", "-c", "-t", "-C"])
    add("cache-zero", ["-L", "a:10:0,b:10:5", "-M", "0", "-w", "2", "-c", "-t", "-C"])
    add("cache-negative", ["-L", "a:10:10", "-M", "-1", "-w", "0", "-c", "-t"])
    add("quantum-one", ["-L", "a:6:10,b:5:10,c:4:10", "-q", "1", "-c", "-t", "-S"])
    add("quantum-negative", ["-L", "a:6:10,b:5:10,c:4:10", "-q", "-4", "-c", "-t"])
    add("quantum-zero", ["-L", "a:6:10", "-q", "0", "-c"])
    add("quantum-zero-trace", ["-L", "a:6:10", "-q", "0", "-c", "-t"])
    add("zero-runtime", ["-L", "a:0:10,b:-5:10,c:3:10", "-c", "-t", "-T"])
    add("more-cpus-than-jobs", ["-n", "5", "-L", "a:10:10", "-c", "-t", "-C", "-S"])
    add("names-quoted", ["-L", "it's:5:10,x\"y:4:10,\\z:3:3", "-c", "-p", "-t", "-S"])
    add("names-spaces", ["-L", " a : 5 : 10 ,b:+4:1_0", "-c"])
    add("affinity-multi", ["-n", "3", "-L", "a:20:10,b:20:10,c:20:10,d:20:10", "-A", "a:0.2,b:1,d:2.1", "-p", "-c", "-t", "-S"])
    add("affinity-repeat", ["-n", "2", "-L", "a:20:10,b:20:10", "-A", "a:0,a:1", "-c", "-t"])
    add("trace-sched-only", ["-L", "a:20:10,b:20:10,c:5:5", "-S"])
    add("trace-cache-only", ["-L", "a:20:10,b:20:10,c:5:5", "-C"])
    add("trace-time-only", ["-L", "a:20:10,b:20:10,c:5:5", "-T"])
    add("seed-huge", ["-s", "123456789012345678901234567890", "-c"])
    add("seed-negative", ["-s", "-3", "-c", "-n", "3"])
    add("seed-hex", ["-s", "0x1f", "-c"])
    add("jobs-negative-maxrun", ["-s", "4", "-R", "-50", "-W", "-30", "-c", "-t"])
    add("long-opts", ["--seed=3", "--job_num", "4", "--num_cpus=3", "--per_cpu_queues", "--peek_interval=7", "--quantum", "5",
                      "--warmup_time=3", "--warm_rate", "3", "--cache_size=150", "--rand_order", "--trace", "--trace_time_left",
                      "--trace_cache", "--trace_sched", "--compute"])
    add("long-abbrev", ["--se=3", "--job_n", "4", "--num=3", "--per", "--comp", "--trace_s"])
    add("short-cluster", ["-cptS", "-n3", "-s7"])
    add("positional-ignored", ["extra", "-c"])
    # Errors: the script's own checks, Python exceptions and the option parser.
    add("err-jobs-zero", ["-j", "0", "-c"])
    add("err-jobs-negative", ["-j", "-2"])
    add("err-job-format", ["-L", "a:10", "-c"])
    add("err-job-format-second", ["-L", "a:10:10,b:5:5:5", "-c"])
    add("err-job-empty", ["-L", "a:10:10,", "-c"])
    add("err-job-int", ["-L", "a:x:10", "-c"])
    add("err-job-wset-int", ["-L", "a:10:1.5", "-c"])
    add("err-job-repeated", ["-L", "a:10:10,b:5:5,a:3:3", "-c"])
    add("err-affinity-format", ["-L", "a:10:10", "-A", "a", "-c"])
    add("err-affinity-job", ["-L", "a:10:10", "-A", "b:0", "-c"])
    add("err-affinity-cpu", ["-L", "a:10:10", "-A", "a:0.2", "-c"])
    add("err-affinity-cpu-negative", ["-L", "a:10:10", "-A", "a:-1", "-c"])
    add("err-affinity-cpu-int", ["-L", "a:10:10", "-A", "a:0.x", "-c"])
    add("err-affinity-empty", ["-L", "a:10:10", "-A", "a:", "-c"])
    add("err-no-such-short", ["-x"])
    add("err-no-such-long", ["--bogus"])
    add("err-ambiguous", ["--trace", "--max", "3"])
    add("err-missing-value", ["-n"])
    add("err-bad-int", ["-n", "two"])
    add("err-bad-int-float", ["-q", "2.5"])
    add("err-flag-with-value", ["--compute=1"])
    add("help", ["-h"])
    add("help-long", ["--help"])
    # A seeded sweep over every flag with random workloads.
    g = random.Random(20261207)
    for i in range(180):
        n = g.randint(1, 4)
        args = ["-s", str(g.randint(0, 999)), "-n", str(n)]
        if g.random() < 0.7:
            args += ["-j", str(g.randint(1, 7))]
        if g.random() < 0.5:
            args += ["-R", str(g.choice([20, 50, 100, 150]))]
        if g.random() < 0.5:
            args += ["-W", str(g.choice([50, 100, 200, 300]))]
        if g.random() < 0.2:
            jobs = ["%s:%d:%d" % (chr(97 + k), g.randint(0, 60), g.randint(0, 150)) for k in range(g.randint(1, 5))]
            args += ["-L", ",".join(jobs)]
            if g.random() < 0.4:
                args += ["-A", ",".join("%s:%s" % (j.split(":")[0], ".".join(str(c) for c in sorted(g.sample(range(n), g.randint(1, n)))))
                                        for j in jobs if g.random() < 0.5) or "a:0"]
        if g.random() < 0.5:
            args += ["-p"]
            if g.random() < 0.7:
                args += ["-P", str(g.choice([0, 1, 3, 5, 10, 30]))]
        if g.random() < 0.5:
            args += ["-q", str(g.randint(1, 20))]
        if g.random() < 0.4:
            args += ["-w", str(g.randint(0, 20))]
        if g.random() < 0.4:
            args += ["-r", str(g.randint(1, 4))]
        if g.random() < 0.5:
            args += ["-M", str(g.choice([50, 100, 150, 300, 1000]))]
        for f in ("-o", "-t", "-T", "-C", "-S"):
            if g.random() < 0.3:
                args.append(f)
        if g.random() < 0.8:
            args.append("-c")
        add("rand-%03d" % i, args)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    script = os.path.join(sys.argv[1], SCRIPT)
    outdir = os.path.join(HERE, "multi")
    golden_io.clear(outdir)
    bulk = []
    names = set()
    kept = 0
    for name, args in cases():
        assert name not in names, name
        names.add(name)
        try:
            proc = subprocess.run([sys.executable, os.path.basename(script)] + args, capture_output=True, timeout=10,
                                  cwd=os.path.dirname(script), env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"})
        except subprocess.TimeoutExpired:
            print("left out (does not finish): %s %s" % (name, args))
            continue
        keep_stderr = proc.returncode == 2 or (proc.returncode == 0 and bool(proc.stderr))
        golden_io.record(outdir, name, args, proc, keep_stderr, bulk)
        kept += 1
    golden_io.finish(outdir, bulk)
    print("multi: %d cases" % kept)


if __name__ == "__main__":
    main()
