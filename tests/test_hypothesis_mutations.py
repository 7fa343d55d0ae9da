"""Property: real documents, damaged at random, never crash the converter and lose nothing.

Each example takes a document of tests/corpus and applies a few mutations: lines
deleted, duplicated, swapped; the text truncated (at a character or a byte);
footnotes removed or added; note markers changed, removed or added; page
markers broken; random characters (some that XML forbids) inserted; CRLF line
ends or a byte-order mark. The converter must either refuse the input with a
diagnostic (a SourceError: empty, not UTF-8) or convert it; and then every
character of the input is in the TEI: rendering it back gives the input, less
only what the diagnostics report as normalised (BOM, CR) or left out
(characters XML forbids), and the line ends after the last line.
"""
from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from converter.api import convert
from converter.errors import SourceError
from converter.reader import _FORBIDDEN
from converter.textrender import render_text
from tests.conftest import corpus_texts
from tests.hypothesis_profiles import PROFILE

DOCS = [p.read_text(encoding="utf-8") for p in corpus_texts()]
NOISE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=5),
    st.sampled_from(["\x00", "\x0c", "\x1b", "\ufffe", "\t", "\n", "\n\n", "[Page", "[Page 7]", "]", "  • ", "  3. ", "0", "12"]),
)


@st.composite
def mutated(draw) -> bytes:
    text = draw(st.sampled_from(DOCS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        n = len(lines)
        i, j = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "drop-footnote", "add-footnote",
                                   "change-marker", "drop-marker", "add-marker", "break-page", "insert"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
            continue
        elif op == "drop-footnote":
            notes = [k for k, line in enumerate(lines) if re.match(r"  \d+\. ", line)]
            if notes:
                del lines[draw(st.sampled_from(notes))]
        elif op == "add-footnote":
            count = sum(1 for line in lines if re.match(r"  \d+\. ", line))
            lines.append(f"  {count + 1}. " + draw(st.text(min_size=0, max_size=20).filter(lambda s: "\n" not in s and "\r" not in s)))
        elif op in ("change-marker", "drop-marker", "add-marker"):
            line = lines[i]
            runs = [m for m in re.finditer(r"(?<=[A-Za-z.,;:)’”])[0-9]+", line)]
            if op == "add-marker" or not runs:
                words = [m.end() for m in re.finditer(r"[A-Za-z.)]+", line)]
                if words:
                    at = draw(st.sampled_from(words))
                    lines[i] = line[:at] + str(draw(st.integers(0, 30))) + line[at:]
            else:
                m = draw(st.sampled_from(runs))
                new = "" if op == "drop-marker" else str(draw(st.integers(0, 30)))
                lines[i] = line[: m.start()] + new + line[m.end():]
        elif op == "break-page":
            lines[i] = re.sub(r"\[Page ([^\]]*)\]", draw(st.sampled_from([r"[Page \1", r"[Page]", r"Page \1]", r"[Page  \1]"])), lines[i], count=1)
        elif op == "insert":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(NOISE) + line[at:]
        text = "\n".join(lines)
    data = text.encode("utf-8")
    form = draw(st.sampled_from(["plain"] * 6 + ["crlf", "bom", "cut-bytes"]))
    if form == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif form == "bom":
        data = b"\xef\xbb\xbf" + data
    elif form == "cut-bytes":
        data = data[: draw(st.integers(0, len(data)))]
    return data


def normalised(data: bytes) -> str:
    text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text).rstrip("\n")


_STYLESHEET_WARM = render_text(convert("1. A\n\nB").tree)  # compile xslt/text.xsl once


@PROFILE
@given(mutated())
@example(b"252. Telegram0\n\nText.1\n\nReischauer\n  01. Source: Files.\n  2. Note two.")  # found: `  01. ` came back `  1. `
def test_mutated_documents_never_crash_and_lose_nothing(data):
    try:
        result = convert(data, source="mutated.txt")
    except SourceError as exc:
        # Refused with a reason: only for input that is really unreadable.
        assert exc.diagnostic.code in {"empty-input", "not-utf8", "not-text"}
        if exc.diagnostic.code == "empty-input":
            assert not normalised(data).strip()
        else:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                return
            raise AssertionError(f"valid UTF-8 refused: {exc}") from None
        return
    codes = {d.code for d in result.diagnostics}
    if b"\r" in data:
        assert "crlf-normalised" in codes
    if data.startswith(b"\xef\xbb\xbf"):
        assert "bom-removed" in codes
    if _FORBIDDEN.search(data.decode("utf-8")):
        assert "forbidden-char" in codes
    assert render_text(result.to_bytes()) == normalised(data)
