"""`tei-edition render INPUT... --out DIR`: TEI to a static HTML edition (or back to text).

Each folder of inputs is a volume: one page per document, `index.html` with the
table of contents, and the shared `edition.css` / `edition.js` beside them.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

from converter.errors import ExitCode, UsageError
from converter.fsutil import atomic_write, iter_inputs


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a TEI .xml file or a folder (searched recursively)")
    p.add_argument("--out", "-o", type=Path, required=True,
                   help="output folder; mirrors the inputs' relative paths, one volume per folder")
    p.add_argument("--format", choices=("html", "text"), default="html",
                   help="html: the edition (default); text: back to the plain-text input format")
    p.add_argument("--title", help="volume title for the index (default: manifest.json or the TEI header)")
    p.add_argument("--facs-base", default="", metavar="URL",
                   help="prefix for relative pb/@facs page-image links (e.g. a folder of images)")
    p.add_argument("--stylesheet", type=Path, metavar="XSL", help="entry stylesheet (default: xslt/html.xsl)")
    p.add_argument("--keep-going", action="store_true", help="render the other documents when one fails")
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only")


def run(args: argparse.Namespace) -> int:
    inputs = list(iter_inputs(args.inputs, ".xml"))
    # A volume folder's manifest.json is data, not a document.
    inputs = [(path, rel) for path, rel in inputs if path.name != "manifest.json"]
    if not inputs:
        raise UsageError("no .xml files in the inputs")
    if args.format == "text":
        return _run_text(args, inputs)
    return _run_html(args, inputs)


def _run_text(args: argparse.Namespace, inputs: list[tuple[Path, Path]]) -> int:
    from converter.render import load_tei
    from converter.textrender import render_text  # imported here: only --format text needs it

    for path, rel in inputs:
        tree, _source = load_tei(path)
        atomic_write(args.out / rel.with_suffix(".txt"), render_text(tree).encode("utf-8"))
    if not args.quiet:
        print(f"rendered {len(inputs)} document(s) as text", file=sys.stderr)
    return ExitCode.OK


def _volume_title(folder: Path, trees: list) -> str | None:
    manifest = folder / "manifest.json"
    if manifest.is_file():
        try:
            title = json.loads(manifest.read_text(encoding="utf-8")).get("title")
        except (ValueError, OSError, AttributeError):
            title = None
        if isinstance(title, str) and title.strip():
            return title.strip()
    from converter.render import T

    for tree in trees:
        el = tree.getroot().find(f"{T}teiHeader/{T}fileDesc/{T}seriesStmt/{T}title[@level='m']")
        if el is not None and (el.text or "").strip():
            return " ".join(el.text.split())
    return None


def _run_html(args: argparse.Namespace, inputs: list[tuple[Path, Path]]) -> int:
    from converter.errors import ConverterError
    from converter.render import (CSS_FILE, HTML_XSL, JS_FILE, HtmlRenderer, document_order, load_tei,
                                  neighbours, summarize)

    renderer = HtmlRenderer(args.stylesheet or HTML_XSL, facs_base=args.facs_base)
    volumes: dict[Path, list[tuple[Path, Path]]] = defaultdict(list)
    for path, rel in inputs:  # a volume is a folder of inputs
        volumes[path.parent].append((path, rel))
    failed = done = 0
    warned: set[str] = set()  # each unknown element is reported once per run
    for files in volumes.values():
        rel_dir = files[0][1].parent
        loaded = []
        for path, rel in files:
            try:
                tree, source = load_tei(path)
            except ConverterError as exc:
                print(f"tei-edition: {exc}", file=sys.stderr)
                failed += 1
                if not args.keep_going:
                    return ExitCode.FAILED
                continue
            loaded.append((tree, source, summarize(tree, rel.with_suffix(".html").name)))
        summaries = document_order([s for _t, _s, s in loaded])
        by_file = {s.file: (t, src) for t, src, s in loaded}
        title = args.title or _volume_title(files[0][0].parent, [t for t, _s, _x in loaded])
        out_dir = args.out / rel_dir
        for summary, (prev, nxt) in zip(summaries, neighbours(summaries)):
            tree, source = by_file[summary.file]
            try:
                result = renderer.render(tree, source=source, file=summary.file, prev=prev, next=nxt,
                                         index_href="index.html", volume_title=title)
            except ConverterError as exc:
                print(f"tei-edition: {exc}", file=sys.stderr)
                failed += 1
                if not args.keep_going:
                    return int(exc.exit_code)
                continue
            for name, d in zip(result.unknown, result.diagnostics):
                if name not in warned and not args.quiet:
                    warned.add(name)
                    print(d, file=sys.stderr)
            atomic_write(out_dir / summary.file, result.html.encode("utf-8"))
            done += 1
        if summaries:
            atomic_write(out_dir / "index.html", renderer.render_index(summaries, title=title).encode("utf-8"))
            for asset in (CSS_FILE, JS_FILE):
                out_dir.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(asset, out_dir / asset.name)
    if not args.quiet:
        print(f"rendered {done} document(s) in {len(volumes)} volume(s), {failed} failed", file=sys.stderr)
    return ExitCode.FAILED if failed else ExitCode.OK
