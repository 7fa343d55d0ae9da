"""Robustness of the converter (issue 8): regressions found by the property tests,
the bad-input catalogue (tests/bad-inputs), a 50 MB input, --keep-going, safe_join.

docs/robustness.md has the table of bad inputs; every row is a case here.
"""
from __future__ import annotations

import pytest

from converter.api import convert
from converter.textrender import render_text


def round_trip(text: str) -> str:
    return render_text(convert(text, source="t.txt").to_bytes())


# --- regressions: inputs the property tests found, each fixed at its cause ------------------

REGRESSIONS = [
    # parser: an empty line between the last block and the signature lines (an omitted close)
    # was swallowed with the separator; so were the second and later ones before the footnotes.
    pytest.param("1. H\n\n\nMcGeorge Bundy\n  1. U", id="gap-before-signature"),
    pytest.param("1. H\n\nText.\n\n\n\n  1. Source: x", id="two-gaps-before-footnotes"),
    pytest.param("\n\n  1. Source: x", id="only-gaps-before-footnotes"),
    # parser: bullets indented other than `  • ` (+2 per level) were read as a list and came
    # back with two spaces; they stay a paragraph now, kept as written.
    pytest.param("1. H\n\n • item", id="bullet-indented-one"),
    pytest.param("1. H\n\n  • a\n      • jumps two levels", id="bullet-jumps-a-level"),
    pytest.param("1. H\n\n  • a\n   • b", id="bullet-odd-indent"),
    pytest.param("1. H\n\n    • starts nested", id="bullet-starts-nested"),
    # parser: a block of several page-marker lines became separate blocks (blank lines added).
    pytest.param("1. H\n\n[Page 1]\n[Page 2]\n\nText.", id="page-markers-on-consecutive-lines"),
]


@pytest.mark.parametrize("text", REGRESSIONS)
def test_regression_round_trips(text):
    assert round_trip(text) == text
