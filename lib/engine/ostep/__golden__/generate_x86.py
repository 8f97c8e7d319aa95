#!/usr/bin/env python3
"""Regenerates x86/cases.jsonl from the real OSTEP x86.py scripts.

Usage:  python3 generate_x86.py <x86.py from threads-locks> <x86.py from threads-intro>

The scripts are NOT part of this repository: extract them from
github.com/remzi-arpacidusseau/ostep-homework (threads-locks/x86.py, threads-intro/x86.py; golden
file made at commit 6c6cfc7 with CPython 3.11). OSTEP's own .s programs carry no licence, so the
programs here (x86/programs/) are our own, written to exercise the same features (races, flag,
test-and-set, TTAS, ticket, Peterson, yield and call/ret locks) plus every error path we port.

Each line of cases.jsonl is one run, made with the programs directory as the working directory:
  {"name", "variant": "locks"|"intro", "args", "exit", "stderr_last", "stdout_sha256", "stdout_len",
   "stdout" (only when under 2 KiB, so a failing short case shows its text)}
`-S` prints a wall-clock "Emulation Rate"; it is masked to <rate> before hashing (the test does the same).
Runs that do not finish in 10 s (a lock that never lets go) are left out: Python would never finish them.
"""
import hashlib
import json
import os
import random
import re
import shutil
import tempfile
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "x86")
PROGRAMS = os.path.join(OUT, "programs")
RATE = re.compile(rb"Emulation Rate  [0-9.]+ kinst/sec")


def cases():
    out = []
    add = lambda name, args, variant="locks": out.append((name, variant, args))
    both = lambda name, args: (add(name, args, "locks"), add(name + "-intro", args, "intro"))

    # Homework-style runs of each program.
    both("count-loop", ["-p", "count-loop.s", "-t", "1", "-R", "dx", "-c"])
    both("count-loop-quiz", ["-p", "count-loop.s", "-t", "1", "-R", "dx"])
    both("count-loop-a3", ["-p", "count-loop.s", "-t", "2", "-i", "3", "-a", "dx=3,dx=3", "-R", "dx", "-c"])
    both("count-loop-cc", ["-p", "count-loop.s", "-t", "2", "-i", "2", "-a", "dx=2", "-R", "dx", "-C", "-c"])
    both("shared-inc", ["-p", "shared-inc.s", "-t", "2", "-M", "2000", "-R", "ax", "-c"])
    both("shared-inc-i1", ["-p", "shared-inc.s", "-t", "2", "-i", "1", "-M", "2000", "-R", "ax", "-c"])
    both("shared-inc-i2", ["-p", "shared-inc.s", "-t", "3", "-i", "2", "-M", "2000", "-c"])
    both("race-loop", ["-p", "race-loop.s", "-t", "2", "-a", "bx=3", "-M", "2000", "-c"])
    both("race-loop-i2", ["-p", "race-loop.s", "-t", "2", "-i", "2", "-a", "bx=3", "-M", "2000", "-R", "ax,bx", "-c"])
    for s in range(4):
        both("race-loop-r%d" % s, ["-p", "race-loop.s", "-t", "2", "-r", "-s", str(s), "-i", "4", "-a", "bx=5", "-M", "2000", "-c"])
    both("spin-flag", ["-p", "spin-flag.s", "-a", "ax=1,ax=0", "-R", "ax,cx", "-M", "2000", "-c"])
    both("spin-flag-wait", ["-p", "spin-flag.s", "-a", "ax=0,ax=1", "-R", "cx", "-M", "2000", "-i", "5", "-c"])
    both("spin-flag-quiz", ["-p", "spin-flag.s", "-a", "ax=0,ax=1", "-M", "2000", "-i", "5"])
    for prog in ("naive-flag", "tas", "ttas", "ticket-lock", "yield-lock", "callret-lock"):
        for i in (1, 3, 7, 50):
            add("%s-i%d" % (prog, i), ["-p", prog + ".s", "-t", "2", "-i", str(i), "-a", "bx=2", "-M", "lock,total" if "ticket" not in prog else "next,serving,total", "-R", "ax,bx", "-c"])
        add("%s-verbose" % prog, ["-p", prog + ".s", "-a", "bx=1", "-v", "-c"])
        add("%s-quiz" % prog, ["-p", prog + ".s", "-a", "bx=1", "-M", "total", "-R", "ax", "-C"])
    for i in (1, 2, 5, 9, 40):
        add("peterson-i%d" % i, ["-p", "peterson-lock.s", "-a", "bx=0:dx=2,bx=1:dx=2", "-i", str(i), "-M", "want,victim,total", "-R", "ax,cx", "-c"])
    add("peterson-cc", ["-p", "peterson-lock.s", "-a", "bx=0:dx=1,bx=1:dx=1", "-i", "3", "-M", "total", "-C", "-c"])
    add("operands", ["-p", "operands.s", "-t", "1", "-R", "ax,bx,cx,dx,ex,fx,sp", "-M", "100,104,108,112,116", "-c"])
    add("operands-verbose", ["-p", "operands.s", "-t", "1", "-v", "-c"])
    add("operands-cc", ["-p", "operands.s", "-t", "1", "-C", "-c", "-a", "dx=4"])
    both("registers", ["-p", "registers.s", "-t", "3", "-a", "ax=1,ax=2,ax=3", "-R", "ax,bx,cx,dx", "-C", "-c", "-i", "4"])
    both("registers-same", ["-p", "registers.s", "-t", "1", "-R", "ax,bx,cx", "-C", "-c"])
    both("multi-digit", ["-p", "multi-digit.s", "-t", "1", "-M", "2000", "-c"])
    both("crlf", ["-p", "crlf.s", "-t", "1", "-R", "ax", "-c", "-v"])
    both("comments-only", ["-p", "comments-only.s", "-c"])
    both("overwrite-code", ["-p", "overwrite-code.s", "-t", "1", "-c"])
    both("stack-walk", ["-p", "stack-walk.s", "-t", "1", "-R", "ax,bx,sp", "-c"])
    add("stack-walk-two", ["-p", "stack-walk.s", "-t", "2", "-i", "1", "-R", "bx", "-c"])

    # Flags: manual schedules, header repeats, stats, load address, memory size, tracing forms.
    add("procsched-alt", ["-p", "race-loop.s", "-a", "bx=2", "-P", "01", "-M", "2000", "-R", "ax", "-c"])
    add("procsched-skewed", ["-p", "race-loop.s", "-a", "bx=2", "-P", "0001101", "-M", "2000", "-R", "ax", "-c"])
    add("procsched-three", ["-p", "tas.s", "-t", "3", "-a", "bx=1", "-P", "2102", "-M", "lock,total", "-c"])
    add("procsched-halt", ["-p", "shared-inc.s", "-P", "0000001", "-M", "2000", "-c"])
    add("procsched-quiz", ["-p", "shared-inc.s", "-P", "0110", "-M", "2000"])
    add("headercount", ["-p", "race-loop.s", "-a", "bx=3", "-H", "5", "-M", "2000", "-R", "ax", "-c", "-i", "4"])
    add("headercount-1", ["-p", "shared-inc.s", "-H", "1", "-M", "2000", "-c"])
    add("headercount-neg", ["-p", "shared-inc.s", "-H", "-3", "-M", "2000", "-c"])
    both("stats", ["-p", "race-loop.s", "-a", "bx=2", "-S", "-M", "2000", "-c"])
    both("stats-quiz", ["-p", "race-loop.s", "-a", "bx=2", "-S", "-R", "ax"])
    both("loadaddr", ["-p", "naive-flag.s", "-L", "500", "-a", "bx=1", "-M", "lock,total", "-c"])
    both("loadaddr-low", ["-p", "naive-flag.s", "-L", "104", "-a", "bx=1", "-c"])
    both("loadaddr-hex", ["-p", "shared-inc.s", "-L", "0x400", "-M", "2000", "-c"])
    both("memsize-small", ["-p", "shared-inc.s", "-m", "1", "-c"])
    both("memsize-2", ["-p", "shared-inc.s", "-m", "2", "-M", "2000", "-R", "sp", "-c"])
    both("memtrace-code", ["-p", "shared-inc.s", "-M", "1000", "-c"])
    both("memtrace-code-quiz", ["-p", "shared-inc.s", "-M", "1000"])
    both("memtrace-outside", ["-p", "shared-inc.s", "-M", "500000", "-c"])
    both("memtrace-empty-item", ["-p", "shared-inc.s", "-M", "2000,", "-c"])
    both("memtrace-bad-int", ["-p", "shared-inc.s", "-M", "20x", "-c"])
    both("memtrace-undeclared", ["-p", "shared-inc.s", "-M", "total", "-c"])
    both("regtrace-zero", ["-p", "shared-inc.s", "-R", "zero,sp,bp", "-c"])
    add("regtrace-ex", ["-p", "shared-inc.s", "-R", "ex,fx", "-c"])
    add("regtrace-ex-intro", ["-p", "shared-inc.s", "-R", "ex,fx", "-c"], "intro")
    both("regtrace-bad", ["-p", "shared-inc.s", "-R", "ax,qx", "-c"])
    both("argv-zero-reg", ["-p", "shared-inc.s", "-a", "zero=1000", "-M", "2000", "-c"])
    both("argv-sp", ["-p", "shared-inc.s", "-a", "sp=5", "-R", "sp", "-c"])
    both("one-thread-interrupts", ["-p", "count-loop.s", "-t", "1", "-a", "dx=3", "-i", "2", "-c"])
    both("many-threads", ["-p", "shared-inc.s", "-t", "6", "-i", "2", "-M", "2000", "-c"])
    both("long-opts", ["--program=race-loop.s", "--threads", "2", "--argv=bx=2", "--memtrace", "2000", "--inter=3", "--compute", "--cctrace"])
    both("clustered", ["-cCp", "shared-inc.s", "-M2000", "-Rax"])
    both("seed-big", ["-p", "race-loop.s", "-r", "-s", "123456789012345", "-a", "bx=3", "-M", "2000", "-c"])
    both("seed-neg", ["-p", "race-loop.s", "-r", "-s", "-9", "-a", "bx=3", "-M", "2000", "-c"])

    # Errors from the command line and the script's own checks.
    both("help", ["-h"])
    both("err-opt-unknown", ["-z"])
    both("err-opt-int", ["-t", "two"])
    both("err-opt-missing", ["-p"])
    add("err-procsched-intro", ["-p", "shared-inc.s", "-P", "01"], "intro")
    both("err-no-program", ["-c"])
    both("err-interrupt-zero", ["-p", "shared-inc.s", "-i", "0"])
    both("err-argv-count", ["-p", "shared-inc.s", "-a", "ax=1,ax=2,ax=3"])
    both("err-argv-reg", ["-p", "shared-inc.s", "-a", "qx=1"])
    both("err-argv-value", ["-p", "shared-inc.s", "-a", "ax=one"])
    both("err-argv-form", ["-p", "shared-inc.s", "-a", "ax"])
    both("err-missing-file", ["-p", "no-such-file.s"])
    both("err-threads-zero", ["-p", "shared-inc.s", "-t", "0", "-c"])
    both("err-threads-neg", ["-p", "shared-inc.s", "-t", "-2"])
    add("err-procsched-range", ["-p", "shared-inc.s", "-P", "012"])
    add("err-procsched-missing", ["-p", "shared-inc.s", "-P", "000"])
    add("err-procsched-char", ["-p", "shared-inc.s", "-P", "0,1"])
    for f in sorted(os.listdir(PROGRAMS)):
        if f.startswith("err-"):
            both(f[:-2], ["-p", f, "-t", "1", "-c"])
    both("err-runoff-quiz", ["-p", "err-runoff.s", "-t", "2", "-R", "ax"])

    # A seeded sweep over programs and flags.
    g = random.Random(20261207)
    progs = ["race-loop.s", "naive-flag.s", "tas.s", "ttas.s", "ticket-lock.s", "yield-lock.s", "callret-lock.s", "spin-flag.s", "registers.s", "count-loop.s", "shared-inc.s"]
    traces = {"race-loop.s": "2000", "naive-flag.s": "lock,total", "tas.s": "lock,total", "ttas.s": "total,lock", "ticket-lock.s": "next,serving,total",
              "yield-lock.s": "lock,total", "callret-lock.s": "lock,total", "spin-flag.s": "2000", "registers.s": "3000", "count-loop.s": "", "shared-inc.s": "2000"}
    for i in range(160):
        variant = "intro" if g.random() < 0.25 else "locks"
        prog = g.choice(progs)
        if variant == "intro" and prog in ("ticket-lock.s",):
            prog = "race-loop.s"
        t = g.randint(1, 4)
        args = ["-p", prog, "-t", str(t)]
        if g.random() < 0.8:
            args += ["-i", str(g.randint(1, 12))]
        if g.random() < 0.4:
            args += ["-r", "-s", str(g.randint(0, 99))]
        regs = "ax" if prog in ("spin-flag.s",) else "bx"
        if prog == "count-loop.s":
            regs = "dx"
        if g.random() < 0.5:
            args += ["-a", ",".join("%s=%d" % (regs, g.randint(1, 3)) for _ in range(t))]
        else:
            args += ["-a", "%s=%d" % (regs, g.randint(1, 3))]
        if traces[prog] and g.random() < 0.8:
            args += ["-M", traces[prog]]
        if g.random() < 0.6:
            args += ["-R", ",".join(g.sample(["ax", "bx", "cx", "dx", "sp"], g.randint(1, 3)))]
        if g.random() < 0.3:
            args.append("-C")
        if variant == "locks" and g.random() < 0.2:
            args += ["-P", "".join(str(g.randrange(t)) for _ in range(g.randint(1, 6))) + "".join(str(k) for k in range(t))]
        if variant == "locks" and g.random() < 0.1:
            args += ["-H", str(g.randint(2, 9))]
        if g.random() < 0.85:
            args.append("-c")
        add("sweep-%03d%s" % (i, "-intro" if variant == "intro" else ""), args, variant)
    return out


def main():
    # Both copies run under the name x86.py, as students have them: optparse prints that name.
    tmp = tempfile.mkdtemp()
    scripts = {}
    for variant, source in (("locks", sys.argv[1]), ("intro", sys.argv[2])):
        os.makedirs(os.path.join(tmp, variant))
        scripts[variant] = shutil.copy(source, os.path.join(tmp, variant, "x86.py"))
    lines = []
    for name, variant, args in cases():
        try:
            proc = subprocess.run([sys.executable, scripts[variant]] + args, cwd=PROGRAMS, capture_output=True, timeout=10)
        except subprocess.TimeoutExpired:
            print("skipped (never finishes):", name, file=sys.stderr)
            continue
        stdout = RATE.sub(b"Emulation Rate  <rate> kinst/sec", proc.stdout)
        err_lines = [l for l in proc.stderr.decode("utf8").split("\n") if l.strip() != ""]
        case = {
            "name": name,
            "variant": variant,
            "args": args,
            "exit": proc.returncode,
            "stderr_last": err_lines[-1] if err_lines else "",
            "stdout_sha256": hashlib.sha256(stdout).hexdigest(),
            "stdout_len": len(stdout),
        }
        if proc.returncode == 2:
            case["stderr"] = proc.stderr.decode("utf8")
        if len(stdout) < 2048:
            case["stdout"] = stdout.decode("utf8")
        lines.append(json.dumps(case, ensure_ascii=False))
    with open(os.path.join(OUT, "cases.jsonl"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %d cases" % len(lines), file=sys.stderr)


if __name__ == "__main__":
    main()
