"""Whole builds: `tei-edition build` on the corpus replicated to N documents.

    python benchmarks/bench_build.py [--docs 1000 10000] [--jobs N] [--per-volume 500]

For each N: the corpus replicated to N documents (benchmarks/replicate.py;
volumes of --per-volume documents, ids and pages renumbered), then, each in
a fresh process:
  cold     an empty output folder: convert, validate, render, volume files, indexes;
  no-op    the same build again (nothing changed: no worker is started);
  one      one input changed: its document, its volume file and the index.
Prints wall time, documents/s, CPU per stage (from report.json, summed over
workers), and peak memory: the largest single process (ru_maxrss) and the
whole process tree (RSS summed over the build and its workers, sampled every 20 ms).
Target (issue 7): 1,000 documents cold under 3 s on 2 cores; memory flat in N.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.replicate import replicate  # noqa: E402


def _tree_rss(pid: int) -> int:
    """RSS in bytes of pid and all its descendants (Linux /proc)."""
    total, todo = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * page
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            pass
    return total


def run_build(src: Path, out: Path, jobs: int | None) -> dict:
    cmd = [sys.executable, "-m", "converter", "build", str(src), "--out", str(out), "-q"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    wall = time.perf_counter() - t
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"build failed ({proc.returncode}): {err.decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {"wall": wall, "tree_mib": peak / 2**20,
            "proc_mib": (after if after > before else float("nan")) / 1024, "report": report, "code": proc.returncode}


def bench(n: int, jobs: int | None, per_volume: int, tmp: Path) -> None:
    src = tmp / f"src-{n}"
    out = tmp / f"out-{n}"
    replicate(n, src, per_volume)
    cold = run_build(src, out, jobs)
    noop = run_build(src, out, jobs)
    one = next(src.glob("bench-v001/d2.txt"))
    one.write_text(one.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    changed = run_build(src, out, jobs)
    r = cold["report"]
    t = r["totals"]
    print(f"\n{n} documents in {len(r['volumes'])} volume(s), {r['jobs']} job(s); "
          f"{t['documents'] - t['failed']} built, {t['failed']} failed, {t['invalid']} invalid, "
          f"validation {r['validation']}")
    print(f"  cold build     {cold['wall']:7.2f} s wall  = {n / cold['wall']:7.0f} documents/s"
          f"   (target for 1,000: < 3 s)")
    print(f"  no-op rebuild  {noop['wall']:7.2f} s wall  (rebuilt: {noop['report']['rebuilt']})")
    print(f"  one changed    {changed['wall']:7.2f} s wall  (rebuilt: {changed['report']['rebuilt']})")
    print("  CPU per stage (all workers), cold:")
    for stage, s in r["stages"].items():
        print(f"    {stage:16s} {s['cpu_s']:7.2f} s  {s['per_s'] or 0:8.0f} /s per core  ({s['documents']} items)")
    print("  wall per phase: " + ", ".join(f"{k} {v:.2f}s" for k, v in r["wall_s"].items()))
    print(f"  peak memory: whole process tree {cold['tree_mib']:.0f} MiB, largest process {cold['proc_mib']:.0f} MiB")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--jobs", type=int, help="worker processes (default: the build's own: all cores)")
    p.add_argument("--per-volume", type=int, default=500)
    p.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = p.parse_args()
    print(f"machine: {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.2f} (other work skews the figures)")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for n in args.docs:
            bench(n, args.jobs, args.per_volume, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            for n in args.docs:
                bench(n, args.jobs, args.per_volume, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
