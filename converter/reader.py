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


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Decode input bytes strictly; a decode error names the line and column."""
    if encoding is None:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise _fail(source, "not-utf8", "file is UTF-16; re-save it as UTF-8 or pass --encoding utf-16")
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
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
        if b"\x00" in text[:4096] and not text.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and encoding is None:
            # NUL bytes early on mean binary data or UTF-16 without a BOM.
            at = text.index(b"\x00")
            line = text[:at].count(b"\n") + 1
            raise _fail(source, "not-text", "binary data (NUL bytes), not a text file; convert it to UTF-8 text first", line,
                        at - (text.rfind(b"\n", 0, at) + 1) + 1)
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
