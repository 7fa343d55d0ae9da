"""Command line: `tei-edition SUBCOMMAND ...` (also `python -m converter`).

Each subcommand lives in its own `cmd_<name>` module with `add_arguments(parser)`
and `run(args) -> int`; this module only dispatches, and is the one place that
turns exceptions into messages and exit codes.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from converter import __version__
from converter.errors import ConverterError, ExitCode

# (name, module, one-line help): the order is the order of `--help`.
COMMANDS: list[tuple[str, str, str]] = [
    ("convert", "converter.cmd_convert", "convert FRUS plain text (.txt files or folders) to TEI P5"),
    ("validate", "converter.cmd_validate", "validate TEI against RELAX NG, XSD and ISO Schematron (frus, tei_all or your own schemas)"),
    ("render", "converter.cmd_render", "render TEI (.xml files or folders) as a static HTML edition through XSLT 3"),
    ("build", "converter.cmd_build", "convert, validate and render a whole edition (default: the sample volumes)"),
]


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    parser = argparse.ArgumentParser(
        prog="tei-edition",
        description="FRUS plain text to TEI P5; validation; HTML editions through XSLT 3.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show Python tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, object] = {}
    for name, module_name, help_text in COMMANDS:
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(p)
        modules[name] = module
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return int(modules[args.command].run(args))
    except ConverterError as exc:
        if args.traceback:
            raise
        print(f"tei-edition: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("tei-edition: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
