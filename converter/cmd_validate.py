"""`tei-edition validate INPUT... [--schema S]...`: check TEI against grammars and Schematron.

Every schema is compiled once per run; --jobs N forks workers after compiling,
so they share the compiled schemas. Reports: text (one GNU-style line per
problem and a summary), json (docs/validate.md) or junit. Exit codes: 0 valid,
1 invalid (or warnings under --strict), 2 usage or an input that cannot be read.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from converter.errors import ExitCode, Severity, UsageError
from converter.validate import SchemaLoadError, ValidationDiagnostic, Validator, is_unreadable
from converter.xmlsafe import DEFAULT_MAX_SIZE, UNREADABLE

JSON_VERSION = 1


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    t = text.strip().lower().removesuffix("b").removesuffix("i")
    try:
        if t and t[-1] in units:
            return int(float(t[:-1]) * units[t[-1]])
        return int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (examples: 200M, 1G, 65536)") from None


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a TEI .xml file or a folder (searched recursively)")
    p.add_argument("--schema", "-s", action="append", metavar="SCHEMA",
                   help="frus (default: schema/frus-tei.rng + .sch), tei_all (with its embedded Schematron), "
                        "or a .rng/.rnc/.xsd/.sch file; repeat to combine")
    p.add_argument("--no-embedded-schematron", action="store_true",
                   help="check RELAX NG grammars only, not the Schematron embedded in them")
    p.add_argument("--phase", help="Schematron phase to run (default: the schema's defaultPhase, else #ALL)")
    p.add_argument("--xsd-version", choices=("1.0", "1.1"), help="XSD version (default: 1.1 when the schema uses it)")
    p.add_argument("--format", "-f", choices=("text", "json", "junit"), default="text", help="report format")
    p.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE (default: stdout)")
    p.add_argument("--svrl", type=Path, metavar="DIR", help="also write each Schematron SVRL report into DIR")
    p.add_argument("--strict", action="store_true", help="warnings make a document invalid (exit code 1)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="validate in N processes (forked after compiling)")
    p.add_argument("--max-size", type=_size, default=DEFAULT_MAX_SIZE, metavar="SIZE",
                   help="largest input accepted (default 64M); bigger files are reported, not read")
    p.add_argument("--quiet", "-q", action="store_true", help="text format: no summary line")


def _inputs(raw: list[str]) -> tuple[list[tuple[str, str]], list[ValidationDiagnostic]]:
    """(path, display name) of every input file, and diagnostics for paths that cannot be listed."""
    from converter.errors import Loc

    files: list[tuple[str, str]] = []
    problems: list[ValidationDiagnostic] = []

    def unreadable(path: str, why: str) -> None:
        problems.append(ValidationDiagnostic(UNREADABLE, why, Loc(path, 1, 1), Severity.ERROR))

    for arg in raw:
        if os.path.isdir(arg):
            def onerror(exc: OSError) -> None:
                unreadable(exc.filename or arg, f"cannot list folder: {exc.strerror}; check its permissions")
            found = []
            for dirpath, dirnames, filenames in os.walk(arg, onerror=onerror):
                dirnames.sort()
                found += [os.path.join(dirpath, f) for f in filenames if f.lower().endswith(".xml")]
                # A folder named x.xml is not skipped silently: it is reported as not a file.
                found += [os.path.join(dirpath, d) for d in dirnames if d.lower().endswith(".xml")]
            files += [(f, f) for f in sorted(found)]
        elif os.path.lexists(arg):
            files.append((arg, arg))
        else:
            unreadable(arg, "no such file or folder")
    return files, problems


_VALIDATOR: Validator | None = None  # set before forking: workers inherit the compiled schemas


def _work(item: tuple[str, str]) -> tuple[str, list[ValidationDiagnostic], list[tuple[str, bytes]]]:
    assert _VALIDATOR is not None
    svrl: list[tuple[str, bytes]] = []
    if _SVRL:
        from lxml import etree

        _VALIDATOR.set_svrl_sink(lambda _src, schema, root: svrl.append((schema, etree.tostring(root, encoding="UTF-8", xml_declaration=True))))
    return item[1], _VALIDATOR.validate(item[0], source=item[1]), svrl


_SVRL = False


def run(args: argparse.Namespace) -> int:
    global _VALIDATOR, _SVRL
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    try:
        validator = Validator.load(args.schema or ["frus"], phase=args.phase,
                                   embedded_schematron=not args.no_embedded_schematron,
                                   xsd_version=args.xsd_version, max_size=args.max_size)
    except SchemaLoadError as exc:
        raise UsageError(str(exc)) from None
    files, problems = _inputs(args.inputs)
    if not files and not problems:
        raise UsageError("no .xml files in the inputs")
    _VALIDATOR, _SVRL = validator, args.svrl is not None
    results: list[tuple[str, list[ValidationDiagnostic]]] = [(d.loc.source, [d]) for d in problems]
    if args.jobs > 1 and len(files) > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            out = list(pool.imap(_work, files, chunksize=max(1, len(files) // (args.jobs * 8))))
    else:
        out = [_work(f) for f in files]
    for name, diags, svrl in out:
        results.append((name, diags))
        for schema, data in svrl:
            from converter.fsutil import atomic_write

            rel = Path(name.lstrip("/")).with_suffix("")
            rel = Path(*[p for p in rel.parts if p not in ("..", ".")])
            atomic_write(args.svrl / f"{rel}.{schema.replace('#', '.')}.svrl", data)
    report = {"text": _text, "json": _json, "junit": _junit}[args.format](results, validator, args)
    if args.output:
        from converter.fsutil import atomic_write

        atomic_write(args.output, report.encode("utf-8"))
    else:
        sys.stdout.write(report)
    return _exit_code(results, args.strict)


def _fails(d: ValidationDiagnostic, strict: bool) -> bool:
    return d.severity >= (Severity.WARNING if strict else Severity.ERROR)


def _exit_code(results: list[tuple[str, list[ValidationDiagnostic]]], strict: bool) -> int:
    diags = [d for _n, ds in results for d in ds]
    if any(is_unreadable(d) for d in diags):
        return ExitCode.USAGE
    if any(_fails(d, strict) for d in diags):
        return ExitCode.FAILED
    return ExitCode.OK


def _counts(results, strict):
    diags = [d for _n, ds in results for d in ds]
    invalid = sum(1 for _n, ds in results if any(_fails(d, strict) for d in ds))
    return {
        "files": len(results),
        "invalid": invalid,
        "errors": sum(1 for d in diags if d.severity == Severity.ERROR),
        "warnings": sum(1 for d in diags if d.severity == Severity.WARNING),
        "info": sum(1 for d in diags if d.severity == Severity.INFO),
    }


def _text(results, validator: Validator, args) -> str:
    lines = [str(d) for _n, ds in results for d in ds]
    if not args.quiet:
        c = _counts(results, args.strict)
        lines.append(f"{c['files']} file(s) checked against {', '.join(validator.names)}: {c['invalid']} invalid, "
                     f"{c['errors']} error(s), {c['warnings']} warning(s)")
    return "".join(line + "\n" for line in lines)


def _record(d: ValidationDiagnostic) -> dict:
    return {
        "file": d.loc.source if d.loc else None,
        "line": d.loc.line if d.loc else None,
        "column": d.loc.column if d.loc else None,
        "xpath": d.xpath or None,
        "rule": d.code,
        "severity": d.severity.name.lower(),
        "message": d.message,
        "schema": d.schema or None,
    }


def _json(results, validator: Validator, args) -> str:
    doc = {
        "version": JSON_VERSION,
        "schemas": validator.names,
        "valid": _exit_code(results, args.strict) == ExitCode.OK,
        "summary": _counts(results, args.strict),
        "files": [{"file": n, "valid": not any(_fails(d, args.strict) or is_unreadable(d) for d in ds)} for n, ds in results],
        "diagnostics": [_record(d) for _n, ds in results for d in ds],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _junit(results, validator: Validator, args) -> str:
    c = _counts(results, args.strict)
    unreadable = sum(1 for _n, ds in results if any(is_unreadable(d) for d in ds))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="tei-edition validate" tests="{c["files"]}" failures="{c["invalid"] - unreadable}" errors="{unreadable}">',
           f'  <testsuite name={quoteattr(", ".join(validator.names))} tests="{c["files"]}" '
           f'failures="{c["invalid"] - unreadable}" errors="{unreadable}">']
    for name, ds in results:
        out.append(f"    <testcase classname=\"validate\" name={quoteattr(name)}>")
        body = escape("\n".join(str(d) for d in ds))
        if any(is_unreadable(d) for d in ds):
            out.append(f'      <error type="unreadable" message={quoteattr(ds[0].message)}>{body}</error>')
        elif any(_fails(d, args.strict) for d in ds):
            n = sum(1 for d in ds if _fails(d, args.strict))
            out.append(f'      <failure type="invalid" message="{n} problem(s)">{body}</failure>')
        elif ds:
            out.append(f"      <system-out>{body}</system-out>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"
