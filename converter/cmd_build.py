"""`tei-edition build [INPUT...] --out DIR`: convert, validate and render a whole edition.

With no INPUT it builds the sample volumes shipped in the package. See docs/build.md.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from converter.paths import OUTPUT_DIR


def _jobs(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return n


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="volume folders of dN.txt (+ manifest.json), folders of such folders, or .txt files; "
                        "default: the sample volumes shipped with tei-edition")
    p.add_argument("--out", "-o", type=Path, default=OUTPUT_DIR,
                   help="output folder: tei/, html/, report.json (default: %(default)s)")
    p.add_argument("--jobs", "-j", type=_jobs, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--keep-going", dest="keep_going", action="store_true", default=True,
                   help="report a document that fails and build the rest (the default; the exit code says some failed)")
    p.add_argument("--no-keep-going", dest="keep_going", action="store_false",
                   help="stop at the first document that fails")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary; errors only")
    p.add_argument("--force", action="store_true", help="ignore what earlier builds recorded: rebuild everything")
    p.add_argument("--no-validate", dest="validate", action="store_false", help="skip schema validation")
    p.add_argument("--no-html", dest="render", action="store_false", help="TEI only: skip the HTML edition")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="conversion date written in the TEI (default: "
                                                        "SOURCE_DATE_EPOCH or today)")
    p.add_argument("--dask", nargs="?", const="local", metavar="ADDRESS",
                   help="run the documents on a Dask cluster: a scheduler address, or none for a local cluster of "
                        "--jobs processes (needs the 'dask' extra)")


def run(args: argparse.Namespace) -> int:
    from converter.build import Builder, format_summary

    builder = Builder(args.inputs or None, args.out, jobs=args.jobs, keep_going=args.keep_going,
                      quiet=args.quiet, validate=args.validate, render=args.render, dask=args.dask,
                      date=args.date, force=args.force)
    result = builder.build()
    report = result.report
    if args.quiet:
        for d in report["documents"]:
            for text in d["diagnostics"]:
                if ": error:" in text:
                    print(text, file=sys.stderr)
        if report.get("stopped"):
            print(f"tei-edition: {report['stopped']}", file=sys.stderr)
    else:
        print(format_summary(report), file=sys.stderr)
    return result.exit_code
