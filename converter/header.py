"""The teiHeader: what the text states about the document, and the volume it is in.

Only what the heading, the source note, the file number and the volume manifest
say goes in; a part they do not state is left out, never filled with a default.
See docs/header.md for the elements and the keyword schemes.
"""
from __future__ import annotations

import datetime as _dt
import os
import re

from lxml import etree

from converter.heading import DateInfo, HeadingInfo, Party
from converter.inline import plain
from converter.model import Document, FileNumber, NoteRef
from converter.options import ConvertOptions

TEI_NS = "http://www.tei-c.org/ns/1.0"
SERIES_TITLE = "Foreign Relations of the United States"
SERIES_AUTHORITY = "Office of the Historian, U.S. Department of State"
DOCTYPE_SCHEME = "urn:tei-edition:doctype"
CLASSIFICATION_SCHEME = "urn:tei-edition:classification"
FACS_PREFIX = "facs"

# Security classifications as FRUS source notes state them, highest first in the alternation.
CLASSIFICATIONS = [
    "Top Secret", "Secret", "Confidential", "Restricted", "Limited Official Use", "Official Use Only",
    "Strictly Confidential", "Unclassified", "No classification marking",
]
_CLASS_RE = re.compile(
    r"(?:^|(?<=[.;]\s))(?P<level>" + "|".join(sorted(map(re.escape, CLASSIFICATIONS), key=len, reverse=True))
    + r")(?P<rest>(?:\s*;\s*[^.;]+)*)\.", re.M)
# Words that make the first part of a source citation a repository.
_REPOSITORY = re.compile(
    r"\b(?:Library|Libraries|Archives?|Department of State|Records Center|Center|Agency|Foundation|Office|Ministry|"
    r"Museum|University|Institution|Papers|Society|Collection|Service)\b")
_FILE_NO = re.compile(r"(?P<no>[^:]+?)(?::\s*(?P<kind>[A-Za-z][\w -]*))?")


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    e = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        e.text = text
    return e


def _key(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


# --- what the source note says -------------------------------------------------------

def source_note_text(doc: Document) -> str | None:
    for note in doc.notes:
        if note.is_source:
            return plain([i for i in note.inlines if not isinstance(i, NoteRef)]).strip()
    return None


def split_source_note(text: str) -> tuple[str | None, list[str]]:
    """(archival citation, [classification, handling...]) from a source note's text."""
    body = re.sub(r"^Source:\s*", "", text)
    m = _CLASS_RE.search(body)
    citation = None
    marks: list[str] = []
    if m:
        marks = [m.group("level")] + [p.strip() for p in m.group("rest").split(";") if p.strip()]
        citation = body[: m.start()].strip().rstrip(".").strip() or None
    elif text.startswith("Source:"):
        # No classification: the citation is the first sentence (a period before a capital, not after an abbreviation).
        s = re.search(r"(?<!\b[A-Z])(?<!\bVol)(?<!\bNo)(?<!\bpp)(?<!\bp)\.\s+(?=[A-Z])", body)
        citation = (body[: s.start()] if s else body).strip().rstrip(".") or None
    return citation, marks


def _archival(parent: etree._Element, citation: str) -> None:
    """msDesc/msIdentifier when the citation starts with a repository, else a bibl."""
    parts = [p.strip() for p in citation.split(",")]
    if len(parts) >= 2 and _REPOSITORY.search(parts[0]):
        ms = _el(parent, "msDesc")
        ident = _el(ms, "msIdentifier")
        _el(ident, "repository", parts[0])
        _el(ident, "collection", parts[1])
        if len(parts) > 2:
            _el(ident, "idno", ", ".join(parts[2:]), type="file")
        _el(ms, "p", citation)
    else:
        _el(parent, "bibl", citation, type="source")


# --- dates -------------------------------------------------------------------------------

def conversion_date(options: ConvertOptions) -> str:
    """The date for revisionDesc: options.date, else SOURCE_DATE_EPOCH (UTC), else today."""
    if options.date:
        return options.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():
        try:
            return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            pass
    return _dt.date.today().isoformat()


def _date(parent: etree._Element, d: DateInfo) -> None:
    _el(parent, "date", d.text, when=d.when, notBefore=d.not_before, notAfter=d.not_after)


# --- parties -------------------------------------------------------------------------------

def _party(action: etree._Element, p: Party) -> None:
    if p.name:
        _el(action, "persName", p.name)
        if p.office:
            _el(action, "roleName", p.office)
        if p.org:
            _el(action, "orgName", p.org)
    elif p.org:
        _el(action, "orgName", p.org)
    elif p.office:
        _el(action, "roleName", p.office)


def _corresp(profile: etree._Element, info: HeadingInfo) -> None:
    if not (info.senders or info.addressees or info.place or info.date):
        return
    desc = _el(profile, "correspDesc")
    senders = info.senders or [None]
    for i, p in enumerate(senders):
        action = _el(desc, "correspAction", type="sent")
        if p is not None:
            _party(action, p)
        if i == 0:
            if info.place:
                _el(action, "placeName", info.place)
            if info.date:
                _date(action, info.date)
        if not len(action):
            desc.remove(action)
    for p in info.addressees:
        _party(_el(desc, "correspAction", type="received"), p)
    if not len(desc):
        profile.remove(desc)


# --- the header -------------------------------------------------------------------------------

def _doc_type(doc: Document, info: HeadingInfo) -> tuple[str, str] | None:
    if info.doc_type:
        return info.doc_type, info.doc_type_text or info.doc_type
    # Older volumes: the file number above the heading names the type (`765.84/4479: Telegram`).
    for b in doc.front:
        if isinstance(b, FileNumber):
            m = _FILE_NO.fullmatch(b.text.strip())
            if m and m.group("kind"):
                kind = m.group("kind").strip()
                return _key(kind), kind
    return None


def _file_numbers(doc: Document) -> list[str]:
    out = []
    for b in doc.front:
        if isinstance(b, FileNumber):
            m = _FILE_NO.fullmatch(b.text.strip())
            if m:
                out.append(m.group("no").strip())
    return out


def facs_replacement(options: ConvertOptions, volume_id: str | None, doc_id: str | None) -> str | None:
    """The page-image pattern with {volume} and {doc} filled in and {n} as `$1`; None when it cannot be."""
    pattern = options.facs_pattern
    if not pattern:
        return None
    if ("{volume}" in pattern and not volume_id) or ("{doc}" in pattern and not doc_id):
        return None  # the pattern needs what we do not know: no @facs rather than a wrong one
    return (pattern.replace("$", "$$").replace("{volume}", volume_id or "").replace("{doc}", doc_id or "")
            .replace("{n}", "$1"))


def build_header(doc: Document, heading_text: str, info: HeadingInfo, options: ConvertOptions) -> etree._Element:
    """Build a teiHeader element (no indentation; the writer indents)."""
    from converter import __version__

    volume = options.volume
    entry = volume.entry(doc.doc_id) if volume is not None else None
    number = doc.number or (entry.n if entry else None)

    header = etree.Element(f"{{{TEI_NS}}}teiHeader")
    file_desc = _el(header, "fileDesc")

    # titleStmt: a main title (volume and document number where known) and the heading as FRUS gives it.
    title_stmt = _el(file_desc, "titleStmt")
    if number:
        main = f"Document {number}"
        if volume is not None and volume.title:
            main = f"{volume.title}, {main}"
    else:
        main = info.title or heading_text
    _el(title_stmt, "title", main, type="main")
    if heading_text and heading_text != main:
        _el(title_stmt, "title", heading_text, type="heading")

    # publicationStmt and seriesStmt: from the manifest only.
    pub = _el(file_desc, "publicationStmt")
    if volume is not None:
        _el(pub, "authority", SERIES_AUTHORITY)
        _el(pub, "idno", f"{volume.id}/{doc.doc_id}" if doc.doc_id else volume.id, type="frus")
        series = _el(file_desc, "seriesStmt")
        _el(series, "title", SERIES_TITLE, level="s")
        if volume.title:
            _el(series, "title", volume.title, level="m")
        _el(series, "idno", volume.id, type="frus")
        if number:
            _el(series, "biblScope", number, unit="document", n=number)
        if entry is not None and entry.start_page:
            _el(series, "biblScope", entry.start_page, unit="page", n=entry.start_page)
    else:
        _el(pub, "p", "Converted from the plain text of the document; no volume metadata was given.")

    # sourceDesc: the archival citation of the source note, the file number of older volumes.
    src = _el(file_desc, "sourceDesc")
    note = source_note_text(doc)
    citation, marks = split_source_note(note) if note else (None, [])
    if citation:
        _archival(src, citation)
    for no in _file_numbers(doc):
        bibl = _el(src, "bibl", type="file-number")
        _el(bibl, "idno", no, type="file")
    if not len(src):
        _el(src, "p", "The plain text of the document; it names no archival source.")

    # encodingDesc: the converter, and where page images are.
    enc = _el(header, "encodingDesc")
    app = _el(_el(enc, "appInfo"), "application", ident="tei-edition", version=__version__)
    _el(app, "label", "tei-edition")
    repl = facs_replacement(options, volume.id if volume is not None else None, doc.doc_id)
    if repl is not None:
        _el(_el(enc, "listPrefixDef"), "prefixDef", ident=FACS_PREFIX, matchPattern="(.+)", replacementPattern=repl)

    # profileDesc: date and place of writing, type and classification, sender and addressee.
    profile = _el(header, "profileDesc")
    if info.date or info.place:
        creation = _el(profile, "creation")
        if info.date:
            _date(creation, info.date)
        if info.place:
            _el(creation, "placeName", info.place)
    kind = _doc_type(doc, info)
    if kind or marks:
        tc = _el(profile, "textClass")
        if kind:
            _el(_el(tc, "keywords", scheme=DOCTYPE_SCHEME), "term", kind[1], key=kind[0])
        if marks:
            kw = _el(tc, "keywords", scheme=CLASSIFICATION_SCHEME)
            for i, mark in enumerate(marks):
                _el(kw, "term", mark, type="classification" if i == 0 else "handling", key=_key(mark))
    _corresp(profile, info)
    if not len(profile):
        header.remove(profile)

    # revisionDesc: this conversion, dated reproducibly.
    rev = _el(header, "revisionDesc")
    _el(rev, "change", f"Converted from plain text by tei-edition {__version__}.", when=conversion_date(options))
    return header
