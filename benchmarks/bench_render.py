"""Render throughput: our TEI of the test corpus replicated to N documents, one core.

    python benchmarks/bench_render.py [--docs 1000]

The stylesheets are compiled once (HtmlRenderer); then prints documents/s for
`HtmlRenderer.render` on in-memory TEI (parse, transform, summary, warnings),
the time for one 500-document volume (summaries, pages with prev/next links,
index), and the whole `tei-edition render` process on a folder of N files.
Targets (issue 6): >= 1,000 documents/s on one core, a 500-document volume under 0.5 s.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "corpus"


def one_core() -> None:
    # The target is per core: pin the process (and Saxon's threads) to one CPU.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def corpus_tei() -> list[bytes]:
    """Our TEI of every corpus document (converted in memory, with manifests)."""
    from converter.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        assert main(["convert", str(CORPUS), "--out", tmp, "-q"]) == 0
        return [p.read_bytes() for p in sorted(Path(tmp).rglob("d*.xml"))]


def replicated(n: int) -> list[tuple[str, bytes]]:
    """n documents, renumbered d1..dn so ids and cross-references stay distinct."""
    base = corpus_tei()
    out = []
    for i in range(n):
        data = base[i % len(base)]
        m = re.search(rb'<div type="document" xml:id="(d\d+)"', data)
        old = m.group(1) if m else b"d0"
        out.append((f"d{i + 1}", data.replace(b'xml:id="' + old, f'xml:id="d{i + 1}'.encode())))
    return out


def bench_documents(renderer, docs) -> float:
    from converter.render import Link

    t = time.perf_counter()
    for i, (doc_id, data) in enumerate(docs):
        renderer.render(data, source=f"{doc_id}.xml", file=f"{doc_id}.html",
                        prev=Link(f"d{i}.html", f"Document {i}") if i else None,
                        next=Link(f"d{i + 2}.html", f"Document {i + 2}"),
                        index_href="index.html", volume_title="Volume")
    return time.perf_counter() - t


def bench_volume(renderer, docs) -> float:
    """A volume as the CLI renders it: parse all, order, pages with neighbours, index."""
    from converter.render import document_order, load_tei, neighbours, summarize

    t = time.perf_counter()
    loaded = [(load_tei(data, f"{doc_id}.xml")[0], f"{doc_id}.html") for doc_id, data in docs]
    summaries = document_order([summarize(tree, name) for tree, name in loaded])
    trees = {name: tree for tree, name in loaded}
    for s, (prev, nxt) in zip(summaries, neighbours(summaries)):
        renderer.render(trees[s.file], source=s.file, file=s.file, prev=prev, next=nxt,
                        index_href="index.html", volume_title="Volume")
    renderer.render_index(summaries, title="Volume")
    return time.perf_counter() - t


def bench_cli(docs) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for doc_id, data in docs:
            (src / f"{doc_id}.xml").write_bytes(data)
        t = time.perf_counter()
        subprocess.run(["taskset", "-c", "0", sys.executable, "-m", "converter", "render", str(src),
                        "--out", str(Path(tmp) / "out"), "-q"], check=True, cwd=ROOT)
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = ap.parse_args()
    one_core()
    docs = replicated(args.docs)
    t = time.perf_counter()
    from converter.render import HtmlRenderer

    renderer = HtmlRenderer()
    compile_s = time.perf_counter() - t
    bench_documents(renderer, docs[:100])  # warm-up: Saxon's first transforms are slower
    best = min(bench_documents(renderer, docs) for _ in range(args.repeat))
    vol = min(bench_volume(renderer, docs[:500]) for _ in range(args.repeat))
    print(f"compile stylesheets once:       {compile_s:.2f} s")
    print(f"render {args.docs} documents:         {best:.3f} s = {args.docs / best:,.0f} documents/s (target >= 1,000)")
    print(f"one 500-document volume:        {vol:.3f} s (target < 0.5 s)")
    try:
        cli = bench_cli(docs)
        print(f"`tei-edition render` on {args.docs} files: {cli:.2f} s incl. start-up and file output")
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"`tei-edition render` not measured: {exc}")


if __name__ == "__main__":
    main()
