"""Reader: bytes or str in, numbered lines out.

Decodes strictly (UTF-8 unless told otherwise), drops a byte-order mark,
normalises CRLF and CR line ends to LF, and removes the characters XML 1.0
cannot hold, reporting each with its line and column. Nothing after this
stage sees raw bytes.
"""
from __future__ import annotations

import codecs
import re

from converter.errors import Diagnostic, Loc, Reporter, Severity, SourceError

# XML 1.0 Char production, inverted: C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _fail(source: str, code: str, message: str, line: int = 1, column: int = 1) -> SourceError:
    return SourceError(Diagnostic(code, message, Loc(source, line, column), Severity.ERROR))


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when most byte pairs are an ASCII character and a NUL."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd, even = sample[1 : 2 * pairs : 2].count(0), sample[0 : 2 * pairs : 2].count(0)
    if odd * 10 >= pairs * 7 and even * 10 < pairs:
        return "utf-16-le"
    if even * 10 >= pairs * 7 and odd * 10 < pairs:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode input bytes strictly; a decode error names the line and column."""
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise _fail(source, "not-utf8", "file is UTF-16; re-save it as UTF-8 or pass --encoding utf-16")
        encoding = "utf-8"  # a BOM decodes to U+FEFF, which read_source drops and reports
    try:
        return data.decode(encoding)
    except LookupError:
        raise _fail(source, "not-utf8", f"unknown encoding {encoding!r}; pass a Python codec name to --encoding") from None
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        column = len(head[head.rfind(b"\n") + 1 :].decode(encoding, errors="replace")) + 1
        hint = "windows-1252" if b"\r\n" in data or any(0x80 <= b <= 0x9F for b in data) else "latin-1"
        raise _fail(
            source,
            "not-utf8",
            f"not valid {encoding} (byte 0x{data[exc.start]:02x}); re-save the file as UTF-8 or pass --encoding {hint}",
            line,
            column,
        ) from None


def read_source(text: str | bytes, reporter: Reporter, encoding: str | None = None) -> list[str]:
    """Return the input's lines (without line ends), 1-based line i at index i-1."""
    source = reporter.source
    if isinstance(text, bytes):
        sample = text[:4096]
        if b"\x00" in sample and not text.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and encoding is None:
            # NUL bytes early on mean UTF-16 without a BOM, binary data, or (a few) stray NULs in text.
            utf16 = _utf16_without_bom(sample)
            if utf16:
                raise _fail(source, "not-utf8", f"file looks like UTF-16 without a byte-order mark; re-save it as UTF-8 "
                                                f"or pass --encoding {utf16}")
            at = text.index(b"\x00")
            binary = _fail(source, "not-text", "binary data (NUL bytes), not a text file; convert it to UTF-8 text first",
                           text[:at].count(b"\n") + 1, at - (text.rfind(b"\n", 0, at) + 1) + 1)
            if sample.count(0) > max(8, len(sample) // 16):
                raise binary
            try:
                text = decode(text, source, encoding)
            except SourceError:
                raise binary from None
        else:
            text = decode(text, source, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
        reporter.report("bom-removed", "byte-order mark removed", 1, 1)
    if "\r" in text:
        first = text.count("\n", 0, text.index("\r")) + 1
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        reporter.report("crlf-normalised", "CR/CRLF line ends normalised to LF", first, 1)
    if not text.strip():
        raise _fail(source, "empty-input", "the file is empty or only white space; nothing to convert")
    lines = text.split("\n")
    if not _FORBIDDEN.search(text):  # the usual case: one scan of the whole text
        return lines
    for i, line in enumerate(lines):
        if _FORBIDDEN.search(line):
            for m in _FORBIDDEN.finditer(line):
                reporter.report(
                    "forbidden-char",
                    f"character U+{ord(m.group()):04X} is not allowed in XML and was left out",
                    i + 1,
                    m.start() + 1,
                )
            lines[i] = _FORBIDDEN.sub("", line)
    return lines
