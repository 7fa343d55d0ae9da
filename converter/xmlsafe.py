"""The one safe way to parse XML we did not write ourselves.

Every module that reads user XML (TEI to validate or render, schemas, Schematron)
goes through `parse_xml`. What it guarantees, and why:

- no network (`no_network`): a document must never make us fetch a URL;
- no DTD loading, no external entities, no entity declarations at all: a DOCTYPE
  that declares entities is refused before lxml sees it (XXE with file:// or
  http://, billion laughs). TEI never needs them, and refusing is clearer than
  silently leaving `&name;` unexpanded. libxml2's own amplification limit stays
  on as a second wall (`huge_tree=False` also caps depth and text-node size);
- a size cap (`max_size`, 64 MiB by default) checked with `stat` before reading,
  so a 100 MB file costs nothing;
- only regular files: a FIFO or device named `x.xml` would block or never end;
- every failure is an `XMLInputError` whose Diagnostic has the file, line and
  column, and a message that says what to do.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from lxml import etree

from converter.errors import Diagnostic, ExitCode, Loc, Severity, SourceError

DEFAULT_MAX_SIZE = 64 * 1024 * 1024

# Diagnostic codes of this module (validate reports them as they are).
NOT_WELL_FORMED = "xml-not-well-formed"
ENCODING = "xml-encoding"
ENTITIES = "xml-entity-declaration"
TOO_LARGE = "xml-too-large"
UNREADABLE = "xml-unreadable"


class XMLInputError(SourceError, etree.XMLSyntaxError):
    """A file that cannot be parsed safely; `.diagnostic` says where and why.

    `exit_code` is USAGE (2) when the file cannot be read at all, FAILED (1) when
    it was read but is not (acceptable) XML. It is also an `etree.XMLSyntaxError`
    (with lineno and position), so code written against lxml's parse errors
    keeps working when it switches to parse_xml.
    """

    def __init__(self, diagnostic: Diagnostic, exit_code: int = ExitCode.FAILED):
        loc = diagnostic.loc
        # lxml's ParseError.__init__ (message, code, line, column, filename) sets
        # lineno/position; SourceError's own __init__ would reach it with one argument.
        etree.XMLSyntaxError.__init__(self, str(diagnostic), 0, loc.line if loc else 1,
                                      loc.column if loc else 1, loc.source if loc else None)
        self.diagnostic = diagnostic
        self.exit_code = exit_code

    def __str__(self) -> str:
        return str(self.diagnostic)


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers are not thread-safe, and this is cheap.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False,
                           # no ID table: a duplicate or malformed xml:id is a validation
                           # finding (frus-id-unique), not a reason to refuse the file
                           collect_ids=False)


_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(%\s+)?([^\s>]+)")
_DOCTYPE = re.compile(rb"<!DOCTYPE\b")


def _error(source: str, code: str, message: str, line: int = 1, column: int = 1,
           exit_code: int = ExitCode.FAILED) -> XMLInputError:
    return XMLInputError(Diagnostic(code, message, Loc(source, max(line, 1), max(column, 1)), Severity.ERROR),
                         exit_code)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def read_bytes(path: str | os.PathLike, *, source: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of a regular file no larger than max_size, or XMLInputError (exit code 2 if unreadable)."""
    source = source or str(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _error(source, UNREADABLE, f"cannot read: {exc.strerror or exc}; check that the file exists "
                     "and that you may read it", exit_code=ExitCode.USAGE) from exc
    if not stat.S_ISREG(st.st_mode):
        raise _error(source, UNREADABLE, "not a regular file (a folder, pipe or device); give an .xml file",
                     exit_code=ExitCode.USAGE)
    if max_size and st.st_size > max_size:
        raise _error(source, TOO_LARGE, f"file is {st.st_size / 1048576:.1f} MiB, over the "
                     f"{max_size / 1048576:.0f} MiB limit; raise it with --max-size if the file is trusted")
    try:
        with open(path, "rb") as f:
            return f.read(max_size + 1 if max_size else -1)
    except OSError as exc:
        raise _error(source, UNREADABLE, f"cannot read: {exc.strerror or exc}; check that you may read it",
                     exit_code=ExitCode.USAGE) from exc


def _syntax_message(exc: etree.XMLSyntaxError) -> tuple[str, str]:
    msg = (exc.msg or str(exc)).strip()
    msg = re.sub(r", line \d+, column \d+$", "", msg)
    if "encoding" in msg.lower() or "utf-8" in msg.lower():
        return ENCODING, (f"{msg}: the bytes are not in the declared encoding (UTF-8 when none is declared); "
                          'declare the real one (<?xml version="1.0" encoding="ISO-8859-1"?>) or re-save the file as UTF-8')
    if "amplification" in msg.lower() or "entity" in msg.lower() and "loop" in msg.lower():
        return ENTITIES, f"{msg}: entity expansion is refused; replace entity references with their text"
    if "huge" in msg.lower() or "depth" in msg.lower():
        return NOT_WELL_FORMED, f"{msg}: the document is nested too deep or has a text node over 10 MB"
    if msg.startswith("Entity '") and "not defined" in msg:
        return NOT_WELL_FORMED, (f"{msg}: XML knows only &amp; &lt; &gt; &quot; &apos;; write the character "
                                 "itself or a numeric reference (&#x2014;)")
    return NOT_WELL_FORMED, f"not well-formed: {msg}"


def parse_xml(src: str | os.PathLike | bytes, *, source: str | None = None,
              max_size: int = DEFAULT_MAX_SIZE) -> etree._ElementTree:
    """Parse a file path or bytes safely; raise XMLInputError with file, line and column.

    `source` names the document in messages (default: the path, or "<bytes>").
    Line numbers of the result (`el.sourceline`) are those of the file.
    """
    base_url = None
    if isinstance(src, (bytes, bytearray, memoryview)):
        data = bytes(src)
        source = source or "<bytes>"
        if max_size and len(data) > max_size:
            raise _error(source, TOO_LARGE, f"document is {len(data) / 1048576:.1f} MiB, over the "
                         f"{max_size / 1048576:.0f} MiB limit; raise it with --max-size if the document is trusted")
    else:
        source = source or str(src)
        data = read_bytes(src, source=source, max_size=max_size)
        base_url = str(src)  # so a schema's relative includes resolve beside it
    if not data.strip():
        raise _error(source, NOT_WELL_FORMED, "the file is empty; an XML document needs a root element")
    # Refuse entity declarations before parsing (ASCII-compatible encodings); the
    # check after parsing covers UTF-16 and anything the scan misses.
    doctype = _DOCTYPE.search(data)
    subset = data.find(b"[", doctype.end()) if doctype else -1
    if subset != -1 and subset < data.find(b">", doctype.end()):
        end = data.find(b"]>", subset)
        m = _ENTITY_DECL.search(data, subset, end if end != -1 else len(data))
        if m:
            line, col = _line_col(data, m.start())
            raise _error(source, ENTITIES, f"the DOCTYPE declares entity '{m.group(2).decode('utf-8', 'replace')}'; "
                         "entity declarations are refused for safety (XXE, billion laughs): replace the entity "
                         "references with their text and remove the declaration", line, col)
    try:
        root = etree.fromstring(data, _parser(), base_url=base_url)
    except etree.XMLSyntaxError as exc:
        code, msg = _syntax_message(exc)
        line, col = (exc.position if exc.position else (exc.lineno or 1, 1))
        raise _error(source, code, msg, line or 1, col or 1) from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            raise _error(source, ENTITIES, f"the DOCTYPE declares entity '{entity.name}'; entity declarations "
                         "are refused for safety: replace the references with their text")
    return tree


def parse_file_or_diagnostic(path: str | Path, *, source: str | None = None,
                             max_size: int = DEFAULT_MAX_SIZE) -> tuple[etree._ElementTree | None, bytes | None, XMLInputError | None]:
    """(tree, bytes, None) or (None, bytes-or-None, error): for batch tools that report and go on."""
    source = source or str(path)
    try:
        data = read_bytes(path, source=source, max_size=max_size)
    except XMLInputError as exc:
        return None, None, exc
    try:
        return parse_xml(data, source=source, max_size=max_size), data, None
    except XMLInputError as exc:
        return None, data, exc
