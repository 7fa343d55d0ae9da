"""`tei-edition convert INPUT... --out DIR`: plain text to TEI, one file per document."""
from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from converter.api import convert, convert_file
from converter.errors import ExitCode, Severity, SourceError, UsageError
from converter.fsutil import atomic_write, iter_inputs
from converter.manifest import find_manifest, load_manifest
from converter.options import ConvertOptions


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a .txt file, a folder (searched recursively), or - for stdin")
    p.add_argument("--out", "-o", type=Path, help="output folder; mirrors the input's relative paths with .xml")
    p.add_argument("--encoding", help="input encoding when not UTF-8 (e.g. windows-1252)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors: the document is not written")
    p.add_argument("--keep-going", action="store_true",
                   help="convert the other documents when one fails (the exit code still says some failed)")
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only, no warnings or notes")
    p.add_argument("--manifest", type=Path, metavar="FILE",
                   help="volume manifest (JSON); default: manifest.json beside each input, if there is one")
    p.add_argument("--facs-pattern", metavar="PATTERN",
                   help="page images for pb/@facs, e.g. 'images/{volume}/{n}.png' ({n}: page, {volume}, {doc})")


def _print_diagnostics(diags, quiet: bool) -> None:
    """Warnings and notes (info: a BOM dropped, line ends normalised), unless --quiet."""
    for d in sorted(diags, key=lambda d: (d.loc.line, d.loc.column) if d.loc else (0, 0)):  # in line order
        if not quiet or d.severity >= Severity.ERROR:
            print(d, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.encoding:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise UsageError(f"--encoding {args.encoding}: unknown encoding (try utf-8, windows-1252, latin-1, utf-16)") from None
    given = load_manifest(args.manifest) if getattr(args, "manifest", None) else None
    facs = getattr(args, "facs_pattern", None)
    if args.inputs == ["-"]:
        data = sys.stdin.buffer.read()
        try:
            result = convert(data, source="<stdin>", options=ConvertOptions(volume=given, facs_pattern=facs),
                             encoding=args.encoding, strict=args.strict)
        except SourceError as exc:
            print(exc, file=sys.stderr)
            return ExitCode.FAILED
        _print_diagnostics(result.diagnostics, args.quiet)
        out = result.to_bytes()
        if args.out:
            atomic_write(args.out, out)
        else:
            sys.stdout.buffer.write(out)
        return ExitCode.OK
    if args.out is None:
        raise UsageError("--out DIR is required unless the input is - (stdin)")
    failed = 0
    done = 0
    volumes: dict[Path, object] = {}  # folder -> its manifest.json (None when it has none)

    def volume_for(folder: Path):
        if given is not None:
            if folder not in volumes:
                given.check_documents([folder])
                volumes[folder] = given
            return given
        if folder not in volumes:
            found = find_manifest(folder)
            volumes[folder] = load_manifest(found) if found else None
            if volumes[folder] is not None:
                volumes[folder].check_documents()
        return volumes[folder]

    for path, rel in iter_inputs(args.inputs, ".txt"):
        volume = volume_for(path.parent)
        options = ConvertOptions(volume=volume, facs_pattern=facs,
                                 doc_id=volume.doc_id_for(path.name) if volume is not None else None)
        try:
            result = convert_file(path, options=options, encoding=args.encoding, strict=args.strict)
            data = result.to_bytes()
        except Exception as exc:  # noqa: BLE001 - the failure unit is the document, whatever went wrong
            if isinstance(exc, OSError):
                exc = f"{path}: error: cannot read the file: {exc.strerror or exc} [unreadable]"
            elif not isinstance(exc, SourceError):
                if getattr(args, "traceback", False):
                    raise
                exc = f"{path}: error: internal error ({type(exc).__name__}: {exc}); please report it [internal-error]"
            print(exc, file=sys.stderr)
            failed += 1
            if not args.keep_going:
                print(f"tei-edition: stopped at {path}; pass --keep-going to convert the other documents", file=sys.stderr)
                return ExitCode.FAILED
            continue
        _print_diagnostics(result.diagnostics, args.quiet)
        atomic_write(args.out / rel.with_suffix(".xml"), data)
        done += 1
    if not args.quiet:
        print(f"converted {done} document(s), {failed} failed", file=sys.stderr)
    return ExitCode.FAILED if failed else ExitCode.OK
