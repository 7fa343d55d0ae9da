"""The test corpus replicated to N documents, as volume folders a build can take.

    python benchmarks/replicate.py 1000 /tmp/corpus-1000 [--per-volume 500]

Documents are taken from tests/corpus/*/dN.txt in turn and renumbered 1..N
inside each volume (`bench-v001/d1.txt` ...): the heading's number (`255. Memorandum`)
becomes the new one, so document ids, note ids and cross-references stay
distinct within a volume, and `[Page N]` markers run on through the volume; headings without a number (1930s volumes) take
their id from the file name. Each volume gets a manifest.json. Volumes hold
`per_volume` documents, like FRUS volumes (a few hundred each), so the
volume files stay the size real ones are, whatever N is.

Other benchmarks can import `replicate()` or `replicated_texts()`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
_HEADING_NUMBER = re.compile(r"\A(\s*)\d+\. ")


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/d*.txt"))]


def renumber(text: str, n: int) -> str:
    """The document with its heading's number set to n (when the heading has one)."""
    return _HEADING_NUMBER.sub(lambda m: f"{m.group(1)}{n}. ", text, count=1)


_PAGE = re.compile(r"\[Page (\d+)\]")


def renumber_pages(text: str, first: int) -> tuple[str, int]:
    """[Page N] markers renumbered first, first+1, ...; returns the text and the next free number."""
    counter = first

    def next_page(_m: re.Match) -> str:
        nonlocal counter
        counter += 1
        return f"[Page {counter - 1}]"

    return _PAGE.sub(next_page, text), counter


def replicated_texts(n: int, per_volume: int = 500) -> Iterator[tuple[str, int, str]]:
    """(volume id, document number, text) for n documents, without touching the disk.

    Page numbers run on through each volume, as in a printed FRUS volume, so
    page-break ids stay unique in the volume file.
    """
    texts = corpus_texts()
    page = 1
    for i in range(n):
        vol, num = divmod(i, per_volume)
        if num == 0:
            page = 1
        text, page = renumber_pages(renumber(texts[i % len(texts)], num + 1), page)
        yield f"bench-v{vol + 1:03d}", num + 1, text


def replicate(n: int, dest: str | Path, per_volume: int = 500) -> list[Path]:
    """Write n documents under dest as volume folders with manifests; returns the folders."""
    dest = Path(dest)
    volumes: dict[str, list[int]] = {}
    for vol, num, text in replicated_texts(n, per_volume):
        folder = dest / vol
        if vol not in volumes:
            folder.mkdir(parents=True, exist_ok=True)
            volumes[vol] = []
        (folder / f"d{num}.txt").write_text(text, encoding="utf-8")
        volumes[vol].append(num)
    for vol, nums in volumes.items():
        manifest = {"volume": vol, "title": f"Benchmark volume {vol[-3:]} (FRUS documents replicated)",
                    "documents": [{"id": f"d{k}", "n": str(k)} for k in nums]}
        (dest / vol / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return [dest / v for v in volumes]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of documents")
    p.add_argument("dest", type=Path, help="folder to write the volumes into")
    p.add_argument("--per-volume", type=int, default=500, help="documents per volume (default: %(default)s)")
    args = p.parse_args(argv)
    folders = replicate(args.n, args.dest, args.per_volume)
    print(f"{args.n} documents in {len(folders)} volume(s) under {args.dest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
