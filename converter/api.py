"""The conversion pipeline, end to end: reader -> parser -> resolve -> header -> TEI."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from converter import header as header_mod
from converter.errors import Diagnostic, Reporter, Severity
from converter.heading import analyse_heading
from converter.inline import plain
from converter.model import Document, NoteRef
from converter.options import ConvertOptions
from converter.parser import parse
from converter.reader import read_source
from converter.resolve import resolve_notes, resolve_refs
from converter.tei import serialize, to_tei

_DOC_ID = re.compile(r"d(\d+)")


@dataclass(slots=True)
class ConversionResult:
    tree: etree._ElementTree
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        return serialize(self.tree)


def _heading_text(doc: Document) -> str:
    """The heading as FRUS prints it, without note markers."""
    if doc.heading is None:
        return ""
    return plain([i for i in doc.heading.inlines if not isinstance(i, NoteRef)])


def convert(text: str | bytes, *, source: str = "<string>", options: ConvertOptions | None = None,
            encoding: str | None = None, strict: bool = False) -> ConversionResult:
    """Convert one document; raises SourceError when nothing can be converted."""
    options = options or ConvertOptions()
    reporter = Reporter(source, halt_level=Severity.WARNING if strict else Severity.ERROR)
    lines = read_source(text, reporter, encoding)
    doc = parse(lines, reporter)
    if doc.heading is not None and doc.heading.number:
        doc.number = doc.heading.number
        doc.doc_id = f"d{doc.number}"
    elif options.doc_id:
        doc.doc_id = options.doc_id
        m = _DOC_ID.fullmatch(options.doc_id)
        doc.number = m.group(1) if m else None
    resolve_notes(doc, reporter)
    resolve_refs(doc)
    heading = _heading_text(doc)
    info = analyse_heading(heading)
    hdr = header_mod.build_header(doc, heading, info, options)
    tree = to_tei(doc, hdr, info)
    return ConversionResult(tree, doc, reporter.diagnostics)


def convert_text(text: str | bytes, *, source: str = "<string>", options: ConvertOptions | None = None,
                 encoding: str | None = None) -> etree._ElementTree:
    """Convert the plain text of one FRUS document to a TEI tree."""
    return convert(text, source=source, options=options, encoding=encoding).tree


def doc_id_from_path(path: Path) -> str | None:
    """`d255.txt` -> `d255`: the id a file name gives a heading without a number."""
    return path.stem if _DOC_ID.fullmatch(path.stem) else None


def convert_file(path: str | Path, *, options: ConvertOptions | None = None, encoding: str | None = None,
                 strict: bool = False) -> ConversionResult:
    """Convert one `.txt` file; the file name supplies the id when the heading has no number."""
    path = Path(path)
    options = options or ConvertOptions()
    if options.doc_id is None and doc_id_from_path(path):
        from dataclasses import replace

        options = replace(options, doc_id=doc_id_from_path(path))
    return convert(path.read_bytes(), source=str(path), options=options, encoding=encoding, strict=strict)
