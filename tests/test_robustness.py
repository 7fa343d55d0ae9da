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
    # parser: `  01. ` (and `  ١. `, an Arabic-Indic one) read as footnote 1 and came back `  1. `.
    pytest.param("1. H\n\nText1.\n\n  01. Source: x", id="footnote-number-with-leading-zero"),
    pytest.param("1. H\n\nText1.\n\n  \u0661. Source: x", id="footnote-number-not-ascii"),
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


# --- the failure unit is the document ---------------------------------------------------------

GOOD = Path(__file__).resolve().parent / "corpus" / "frus1961-63v22" / "d255.txt"


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(GOOD.read_bytes())
    (src / "b.txt").write_bytes(b"")  # empty: an error
    (src / "c.txt").write_bytes((BAD / "latin1.txt").read_bytes())  # not UTF-8: an error
    (src / "d.txt").write_bytes(b"7. Heading\n\nText.")
    return src


def test_keep_going_converts_the_others_and_exit_code_says_some_failed(tmp_path, capsys):
    src, out = _folder(tmp_path), tmp_path / "out"
    assert cli.main(["convert", str(src), "--out", str(out), "--keep-going"]) == 1
    err = capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["a.xml", "d.xml"]
    assert f"{src / 'b.txt'}:1:1: error: the file is empty" in err and f"{src / 'c.txt'}:3:4: error: not valid utf-8" in err
    assert err.rstrip().endswith("converted 2 document(s), 2 failed")


def test_without_keep_going_the_first_failure_stops(tmp_path, capsys):
    src, out = _folder(tmp_path), tmp_path / "out"
    assert cli.main(["convert", str(src), "--out", str(out)]) == 1
    assert "stopped at" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["a.xml"]  # converted before the failure; b.xml never begun


def test_an_internal_error_in_one_document_does_not_stop_the_others(tmp_path, capsys, monkeypatch):
    import converter.cmd_convert as cmd

    real = cmd.convert_file

    def flaky(path, **kw):
        if Path(path).name == "d.txt":
            raise RuntimeError("boom")
        return real(path, **kw)

    monkeypatch.setattr(cmd, "convert_file", flaky)
    src, out = _folder(tmp_path), tmp_path / "out"
    (src / "b.txt").write_bytes(GOOD.read_bytes())
    (src / "c.txt").write_bytes(GOOD.read_bytes())
    assert cli.main(["convert", str(src), "--out", str(out), "--keep-going", "-q"]) == 1
    assert f"{src / 'd.txt'}: error: internal error (RuntimeError: boom); please report it [internal-error]" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["a.xml", "b.xml", "c.xml"]


def test_an_unreadable_file_is_one_failure(tmp_path, capsys, monkeypatch):
    src, out = _folder(tmp_path), tmp_path / "out"
    (src / "b.txt").write_bytes(GOOD.read_bytes())
    (src / "c.txt").write_bytes(GOOD.read_bytes())
    real = Path.read_bytes

    def read_bytes(self):  # permissions do not stop root (CI), so the refusal is simulated
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert cli.main(["convert", str(src), "--out", str(out), "--keep-going", "-q"]) == 1
    assert f"{src / 'b.txt'}: error: cannot read the file: Permission denied [unreadable]" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["a.xml", "c.xml", "d.xml"]


def test_a_missing_input_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["convert", str(tmp_path / "nope.txt"), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"tei-edition: {tmp_path / 'nope.txt'}: no such file or folder\n"


# --- path safety ----------------------------------------------------------------------------------

def test_safe_join_keeps_paths_inside_the_root(tmp_path):
    from converter.errors import UsageError
    from converter.fsutil import safe_join

    root = tmp_path / "out"
    root.mkdir()
    assert safe_join(root, "vol", "d1.xml") == root / "vol" / "d1.xml"
    assert safe_join(root, "a/../b.xml") == root / "a/../b.xml"  # stays inside: allowed as given
    assert safe_join(root, ".") == root / "."
    for bad in (["..", "x.xml"], ["../x.xml"], ["a/../../x.xml"], ["/etc/passwd"], [str(tmp_path / "elsewhere.xml")]):
        with pytest.raises(UsageError, match="would leave the output folder"):
            safe_join(root, *bad)
    (root / "link").symlink_to(tmp_path)  # a symlink out of the root is caught too
    with pytest.raises(UsageError):
        safe_join(root, "link", "x.xml")
    (tmp_path / "out-sibling").mkdir()  # a sibling whose name starts like the root is outside
    with pytest.raises(UsageError):
        safe_join(root, "../out-sibling/x.xml")


# --- a 50 MB input ---------------------------------------------------------------------------------

def test_fifty_megabytes_convert(tmp_path, capsys):
    """One 50 MB document (the corpus's paragraphs over and over): converted, nothing dropped."""
    import time

    from lxml import etree

    paras = [b for p in sorted((Path(__file__).resolve().parent / "corpus").glob("*/d*.txt"))
             for b in p.read_text(encoding="utf-8").split("\n\n")[1:] if not re.match(r"  \d+\. ", b) and "\n  1. " not in b]
    chunk = "\n\n".join(paras)
    reps = 50_000_000 // len(chunk.encode("utf-8")) + 1
    text = "1. A very long document1\n\n" + "\n\n".join([chunk] * reps) + "\n\n  1. Source: generated."
    src = tmp_path / "d1.txt"
    src.write_text(text, encoding="utf-8")
    assert src.stat().st_size >= 50_000_000
    started = time.monotonic()
    assert cli.main(["convert", str(src), "--out", str(tmp_path / "out"), "-q"]) == 0
    seconds = time.monotonic() - started
    tei = etree.parse(str(tmp_path / "out" / "d1.xml"), etree.XMLParser(huge_tree=True))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert len(tei.findall(".//t:body//t:p", ns)) + len(tei.findall(".//t:body//t:list", ns)) > reps * 10
    # Nothing lost: every non-white-space character of the input is in the TEI's text (page
    # markers and note markers are written as pb/@n and note/@n, and counted from there).
    body = tei.find(".//t:body", ns)
    tei_chars = sum(len(re.sub(r"\s", "", t)) for t in body.itertext())
    markers = sum(len(pb.get("n")) + len("[Page]") for pb in body.iter("{*}pb"))
    markers += sum(len(n.get("n")) for n in body.iter("{*}note") if n.get("anchored") != "false" and n.get("rend") != "inline")
    bullets = sum(1 for _ in body.iter("{*}item"))
    footnote_labels = len("1.")
    assert tei_chars + markers + bullets + footnote_labels == len(re.sub(r"\s", "", text))
    print(f"50 MB converted in {seconds:.1f} s")


# --- docs/robustness.md: one row per bad input, each with its test ----------------------------------

def test_docs_table_matches_the_catalogue():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "robustness.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `([a-z0-9_-]+)` \|.*\| (\d+) \|$", doc, re.M)}
    tests = {name for name in globals() if name.startswith("test_")}
    for case in BAD_CASES:
        assert case in rows, f"docs/robustness.md has no row for tests/bad-inputs/{case}"
        exit_line = next(l for l in (BAD / f"{case}.expected").read_text(encoding="utf-8").split("\n") if l.startswith("exit: "))
        assert rows[case] == exit_line[6:], f"{case}: the table says exit {rows[case]}, the test {exit_line[6:]}"
    for name in rows:
        assert name in BAD_CASES or name in tests, f"docs/robustness.md row {name!r} has no test"
