"""End-to-end golden cases, one feature per folder: tests/cases/<feature>/input.txt -> expected.tei.xml.

Accept new output with `pytest tests/test_cases.py --update-golden`, then review `git diff`.
Every case also round-trips to its input and is valid against tei_all.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter.api import convert
from converter.options import ConvertOptions
from converter.textrender import render_text

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input.txt").is_file())


def _convert(case: Path, monkeypatch) -> bytes:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # any date stamped is this one
    text = (case / "input.txt").read_bytes()
    return convert(text, source="input.txt", options=ConvertOptions(doc_id="d1")).to_bytes()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_tei(case, golden, monkeypatch):
    golden(case / "expected.tei.xml", _convert(case, monkeypatch).decode("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_round_trips(case, monkeypatch):
    assert render_text(_convert(case, monkeypatch)) == (case / "input.txt").read_text(encoding="utf-8")


def test_cases_are_valid_tei_all(tei_all, monkeypatch):
    for case in CASES:
        tree = etree.fromstring(_convert(case, monkeypatch))
        assert tei_all.validate(tree), (case.name, str(tei_all.error_log))
