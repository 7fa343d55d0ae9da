"""Parser and resolution on a model dump (no XML involved): tests/parser/*.txt.

To accept new output: python -m tests.update_fixtures, then review git diff.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.errors import Reporter
from converter.model import dump
from converter.parser import parse
from converter.reader import read_source
from converter.resolve import resolve_notes, resolve_refs
from tests.fixtures import read_fixture_file

FIXTURES = Path(__file__).parent / "parser"
CASES = [
    pytest.param(f, title, text, expected, id=f"{f.stem}:{line}")
    for f in sorted(FIXTURES.glob("*.txt"))
    for line, title, text, expected in read_fixture_file(f)
]


def front_end(text: str) -> tuple[str, list[str]]:
    reporter = Reporter("input.txt")
    doc = parse(read_source(text, reporter), reporter)
    if doc.heading is not None and doc.heading.number:
        doc.doc_id = f"d{doc.heading.number}"
        doc.number = doc.heading.number
    resolve_notes(doc, reporter)
    resolve_refs(doc)
    return dump(doc), [str(d) for d in reporter.diagnostics]


@pytest.mark.parametrize("path,title,text,expected", CASES)
def test_fixture(path, title, text, expected):
    actual, diagnostics = front_end(text)
    if diagnostics:
        actual += "\n" + "\n".join(f"! {d}" for d in diagnostics)
    assert actual == expected, f"{title}\n--- actual ---\n{actual}"


@pytest.mark.parametrize("path,title,text,expected", CASES)
def test_fixture_round_trip(path, title, text, expected):
    """Every fixture also comes back byte for byte through TEI and xslt/text.xsl."""
    from converter.api import convert
    from converter.textrender import render_text

    assert render_text(convert(text, source="input.txt").to_bytes()) == text


def test_line_ends_after_the_last_line_are_ignored():
    text = "15. Telegram From A to B1\n\nText.\n\nBerger\n  1. Source: File."
    assert front_end(text + "\n") == front_end(text) == front_end(text + "\n\n\n")
