"""Convert throughput: the test corpus replicated to N documents, on one core.

    python benchmarks/bench_convert.py [--docs 5000]

Prints, side by side: documents/s for the in-memory pipeline (text -> TEI bytes),
the time for one 500-document volume, the whole `tei-edition convert` process on
the replicated folder (reading and writing files included), and peak memory for
two collection sizes (memory must stay flat in the number of documents).
Targets (converter-core issue): >= 2,000 documents/s, a 500-document volume under
0.5 s, memory flat.
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
_NUMBER = re.compile(r"^(\d+)\. ", re.M)


def replicated(n: int) -> list[tuple[str, bytes]]:
    """n documents from the corpus, renumbered so every heading number is unique."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/d*.txt"))]
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        text = _NUMBER.sub(f"{i + 1}. ", text, count=1)
        out.append((f"d{i + 1}", text.encode("utf-8")))
    return out


def bench_pipeline(docs) -> float:
    from converter.api import convert
    from converter.options import ConvertOptions

    t = time.perf_counter()
    for doc_id, data in docs:
        convert(data, source=f"{doc_id}.txt", options=ConvertOptions(doc_id=doc_id)).to_bytes()
    return time.perf_counter() - t


def peak_rss_child(n: int) -> float:
    """Peak RSS (MiB) of a fresh process converting n documents one by one."""
    code = (
        "import sys, resource; sys.path.insert(0, %r);"
        "from converter.api import convert;"
        "import benchmarks.bench_convert as b;"
        "[convert(d).to_bytes() for _, d in b.iter_docs(%d)];"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    ) % (str(ROOT), n)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(res.stdout.strip())


def iter_docs(n: int):
    """Like replicated(), but streamed: one document in memory at a time."""
    paths = sorted(CORPUS.glob("*/d*.txt"))
    for i in range(n):
        text = paths[i % len(paths)].read_text(encoding="utf-8")
        yield f"d{i + 1}", _NUMBER.sub(f"{i + 1}. ", text, count=1).encode("utf-8")


def bench_cli(docs, workdir: Path) -> float:
    src = workdir / "in" / "vol"
    src.mkdir(parents=True)
    for doc_id, data in docs:
        (src / f"{doc_id}.txt").write_bytes(data)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "converter", "convert", str(workdir / "in"), "--out", str(workdir / "out"), "-q"],
                   check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    args = ap.parse_args()
    docs = replicated(args.docs)
    bench_pipeline(docs[:100])  # warm-up: imports, regex compilation
    total = bench_pipeline(docs)
    volume = bench_pipeline(docs[:500])
    with tempfile.TemporaryDirectory() as tmp:
        cli = bench_cli(docs, Path(tmp))
    small, large = peak_rss_child(args.docs // 5), peak_rss_child(args.docs)
    print(f"{'measure':44} {'value':>12} {'target':>12}")
    print(f"{'pipeline, ' + str(args.docs) + ' documents (docs/s, one core)':44} {args.docs / total:12.0f} {'>= 2000':>12}")
    print(f"{'one 500-document volume (s)':44} {volume:12.3f} {'< 0.5':>12}")
    print(f"{'tei-edition convert, whole process (docs/s)':44} {args.docs / cli:12.0f} {'':>12}")
    print(f"{'peak RSS, ' + str(args.docs // 5) + ' documents (MiB)':44} {small:12.1f} {'':>12}")
    print(f"{'peak RSS, ' + str(args.docs) + ' documents (MiB)':44} {large:12.1f} {'flat':>12}")


if __name__ == "__main__":
    main()
