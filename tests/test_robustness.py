"""Robustness of the converter (issue 8): regressions found by the property tests,
the bad-input catalogue (tests/bad-inputs), a 50 MB input, --keep-going, safe_join.

docs/robustness.md has the table of bad inputs; every row is a case here.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from converter import cli
from converter.api import convert
from converter.reader import _FORBIDDEN
from converter.textrender import render_text

BAD = Path(__file__).resolve().parent / "bad-inputs"
BAD_CASES = sorted(p.stem for p in BAD.glob("*.txt"))


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


def test_list_nested_too_deep_stays_a_paragraph():
    # parser: 600 nested levels crashed the writer (RecursionError), and 50 made TEI that
    # Saxon refuses to read (more than 100 elements deep). Past 20 levels: a paragraph.
    text = "1. H\n\n" + "\n".join(" " * (2 * i) + "• x" for i in range(1, 602))
    result = convert(text, source="t.txt")
    assert [str(d) for d in result.diagnostics] == [
        "t.txt:23:43: warning: list nested deeper than 20 levels; kept as a paragraph with its line breaks [list-too-deep]"]
    assert render_text(result.to_bytes()) == text
    ok = "1. H\n\n" + "\n".join(" " * (2 * i) + "• x" for i in range(1, 21))
    assert round_trip(ok) == ok and b"<list" in convert(ok).to_bytes()


# --- large documents ------------------------------------------------------------------------

def _many_notes(k: int, missing: set[int] = frozenset()) -> str:
    body = "\n\n".join(f"Paragraph {i} of the cables{'' if i in missing else i} sent in 1962." for i in range(1, k + 1))
    return "1. Heading\n\n" + body + "\n\n" + "\n".join(f"  {i}. Note {i}." for i in range(1, k + 1))


def test_many_footnotes_use_the_linear_reading():
    # resolve: the exact reading filled a (digit runs x footnotes) table: 2,000 footnotes took
    # 11 s and 130 MB. Past a million cells a linear reading is used, and said so.
    text = _many_notes(2000, missing={500})
    result = convert(text, source="t.txt")
    codes = [d.code for d in result.diagnostics]
    assert codes.count("notes-aligned-greedily") == 1
    assert [d.message for d in result.diagnostics if d.code == "note-unused"] == [
        "footnote 500 (note 500) has no marker in the text; kept as an unanchored note"]
    assert sum(n.anchored for n in result.document.notes) == 1999  # one missing marker swallows no other
    assert render_text(result.to_bytes()) == text


def test_few_footnotes_keep_the_exact_reading():
    result = convert(_many_notes(50), source="t.txt")
    assert "notes-aligned-greedily" not in [d.code for d in result.diagnostics]
    assert all(n.anchored for n in result.document.notes)


# --- the catalogue of bad inputs: tests/bad-inputs/NAME.txt + NAME.expected ---------------------
#
# NAME.expected: `# what the input is`, optional `args: ...` (more options for convert), then
# what the user gets: `exit: N`, `written: yes|no`, and `stderr:` followed by every line of
# stderr, exactly. Rewrite the outcome part with --update-golden, then review git diff.

def _expected_header(path: Path) -> tuple[list[str], list[str]]:
    head = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not (line.startswith("# ") or line.startswith("args: ")):
            break
        head.append(line)
    args = next((shlex.split(l[6:]) for l in head if l.startswith("args: ")), [])
    return head, args


def _normalised(data: bytes, args: list[str]) -> str:
    """What the TEI must give back: the text decoded, BOM dropped, line ends LF, forbidden characters out."""
    encoding = args[args.index("--encoding") + 1] if "--encoding" in args else "utf-8-sig"
    text = data.decode(encoding).removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text).rstrip("\n")


@pytest.mark.parametrize("name", BAD_CASES)
def test_bad_input(name, tmp_path, monkeypatch, capsys, golden):
    expected = BAD / f"{name}.expected"
    head, args = _expected_header(expected)
    monkeypatch.chdir(BAD)  # diagnostics name the file as the user typed it
    code = cli.main(["convert", f"{name}.txt", "--out", str(tmp_path), *args])
    err = capsys.readouterr().err
    out = tmp_path / f"{name}.xml"
    written = out.exists()
    golden(expected, "\n".join(head + [f"exit: {code}", f"written: {'yes' if written else 'no'}", "stderr:", err]))
    assert not list(tmp_path.rglob("*.tmp")), "a partial file was left behind"
    assert (code == 0) == written, "a file is written exactly when the exit code is 0"
    for line in err.splitlines():  # GNU style: file:line:col: severity: message [code]
        assert re.fullmatch(r"(\S+:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]|tei-edition: .+|converted \d+ .+)", line), line
    if written:
        tei = out.read_bytes()
        assert not _FORBIDDEN.search(tei.decode("utf-8")), "a character XML forbids was written"
        assert render_text(tei) == _normalised((BAD / f"{name}.txt").read_bytes(), args), "text was lost"
