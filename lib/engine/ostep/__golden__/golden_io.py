"""Writes one recorded run of a real OSTEP script as a golden case (shared by generate.py and generate_sched.py).

Named cases (the homework questions, edge cases, errors) keep their whole output as files, so a reader can open
them and a failing test can show the difference:
  <case>.args  JSON array of the command-line arguments
  <case>.out   the script's stdout, byte for byte (<case>.out.gz when over 64 KiB: the deep fork trees)
  <case>.exit  only when the exit status is non-zero: the status, a newline, the last stderr line
  <case>.err   only where the whole stderr is recorded (optparse failures, -h): it holds no traceback
Bulk cases (random seeds and flag sweeps, whose names start with one of BULK_PREFIXES) are one JSON line each
in <script>/cases.jsonl: name, args, exit status, last stderr line, whole stderr where recorded, and the size
and SHA-256 of stdout. Rerun the generator to see a bulk case's full output.
"""
import gzip
import hashlib
import json
import os

BULK_PREFIXES = ("sweep-", "rand-", "grid-", "progs-", "tie-")
GOLDEN_EXTENSIONS = ("args", "out", "exit", "gz", "err")


def is_bulk(name):
    return name.startswith(BULK_PREFIXES)


def clear(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name in os.listdir(outdir):
        if name == "cases.jsonl" or name.split(".")[-1] in GOLDEN_EXTENSIONS:
            os.remove(os.path.join(outdir, name))


def last_stderr_line(stderr):
    lines = [line for line in stderr.decode("utf-8", "replace").split("\n") if line.strip()]
    return lines[-1] if lines else ""


def record(outdir, name, args, proc, keep_stderr, bulk_lines):
    """Writes a named case's files, or appends a bulk case's line to bulk_lines (written by finish)."""
    stderr_text = proc.stderr.decode("utf-8", "replace") if keep_stderr else None
    if is_bulk(name):
        bulk_lines.append((name, json.dumps({
            "name": name,
            "args": args,
            "exit": proc.returncode,
            "stderrLast": last_stderr_line(proc.stderr) if proc.returncode != 0 else "",
            "stderr": stderr_text,
            "stdoutBytes": len(proc.stdout),
            "stdoutSha256": hashlib.sha256(proc.stdout).hexdigest(),
        }, sort_keys=True)))
        return
    base = os.path.join(outdir, name)
    with open(base + ".args", "w") as f:
        json.dump(args, f)
        f.write("\n")
    if len(proc.stdout) > 64 * 1024:
        with open(base + ".out.gz", "wb") as f:
            f.write(gzip.compress(proc.stdout, mtime=0))
    else:
        with open(base + ".out", "wb") as f:
            f.write(proc.stdout)
    if proc.returncode != 0:
        with open(base + ".exit", "w") as f:
            f.write("%d\n%s\n" % (proc.returncode, last_stderr_line(proc.stderr)))
    if stderr_text is not None:
        with open(base + ".err", "w") as f:
            f.write(stderr_text)


def finish(outdir, bulk_lines):
    if bulk_lines:
        with open(os.path.join(outdir, "cases.jsonl"), "w") as f:
            f.write("".join(line + "\n" for _, line in sorted(bulk_lines)))
