"""TEI writer: a resolved Document in, an lxml tree out. Knows nothing of the text format.

One `case` per model node, as pandoc's TEI writer has it. White space is the
text's own inside mixed content (`head`, `p`, `item`, `cell`, `signed`,
`note`); only element-only containers are indented, so serialising never
changes what the text says.
"""
from __future__ import annotations

import re

from lxml import etree

from converter.heading import HeadingInfo, Span
from converter.model import (
    Closer,
    Document,
    FileNumber,
    Gap,
    Inline,
    Item,
    LineBreak,
    ListBlock,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    Ref,
    Table,
    Text,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
T = f"{{{TEI_NS}}}"
# Element-only containers of the text part: the only places white space is added.
_CONTAINERS = {f"{T}{n}" for n in ("TEI", "text", "body", "div", "list", "table", "row", "closer")}
_ITEM = f"{T}item"
_COMMON = {f"{T}{n}" for n in ("p", "list", "table", "ab")}


def _sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None) -> etree._Element:
    return etree.SubElement(parent, T + tag, attrib or {})


def _add_text(parent: etree._Element, s: str) -> None:
    """Append text after the last child (or as the element's text): mixed content."""
    if not s:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + s
    else:
        parent.text = (parent.text or "") + s


class _Writer:
    def __init__(self, doc: Document, facs: tuple[str, str] | None = None):
        self.doc = doc
        self.facs = facs  # (matchPattern, replacementPattern) of the header's prefixDef "facs"
        self.prefix = doc.doc_id or "d"
        self.page_ids: set[str] = set()
        self.written: set[int] = set()  # positions of unanchored notes already placed

    # --- inline ---------------------------------------------------------------

    def inlines(self, parent: etree._Element, items: list[Inline], spans: list[Span] = ()) -> None:
        """Write inline nodes into parent; wrap heading spans (offsets into the plain text)."""
        if not spans:  # the common case, kept simple and fast
            for node in items:
                if isinstance(node, Text):
                    _add_text(parent, node.value)
                else:
                    self.inline(parent, node)
            return
        spans = sorted(spans, key=lambda s: s.start)
        target = parent  # where text goes now: parent, or an open span element
        span_i = 0
        open_span: Span | None = None
        offset = 0

        def open_or_close() -> None:
            nonlocal target, open_span, span_i
            if open_span is not None and offset >= open_span.end:
                target, open_span = parent, None
            if open_span is None and span_i < len(spans) and offset >= spans[span_i].start:
                open_span = spans[span_i]
                span_i += 1
                target = _sub(parent, open_span.tag, {"type": open_span.role})

        for node in items:
            match node:
                case Text(value=value) | Ref(text=value):
                    pos = 0
                    while pos < len(value):
                        open_or_close()
                        limit = len(value)
                        if open_span is not None:
                            limit = min(limit, pos + open_span.end - offset)
                        elif span_i < len(spans):
                            limit = min(limit, pos + max(spans[span_i].start - offset, 1))
                        chunk = value[pos:limit]
                        if isinstance(node, Ref):
                            self.inline(target, Ref(chunk, node.target, node.loc))
                        else:
                            _add_text(target, chunk)
                        offset += len(chunk)
                        pos = limit
                    open_or_close()
                case _:
                    self.inline(target, node)

    def inline(self, parent: etree._Element, node: Inline) -> None:
        """One inline node other than text."""
        match node:
            case Ref():
                _sub(parent, "ref", {"target": f"#{node.target}"}).text = node.text
            case NoteRef(note=note):
                self.note(parent, note)
            case PageBreak():
                self.pb(parent, node)
            case LineBreak():
                _sub(parent, "lb")

    def note(self, parent: etree._Element, note: Note) -> None:
        attrs = {"n": note.n, XML_ID: f"{self.prefix}fn{note.n}"}
        if note.is_source:
            attrs["type"] = "source"
        if not note.anchored:
            attrs["anchored"] = "false"
        el = _sub(parent, "note", attrs)
        self.inlines(el, note.inlines)
        # Footnotes whose marker the text lacks follow the note before them (document order = list order).
        after = self.doc.notes[note.position:]
        for following in after:
            if following.anchored:
                break
            if following.position not in self.written:
                self.orphan(parent, following)

    def orphan(self, parent: etree._Element, note: Note) -> None:
        self.written.add(note.position)
        attrs = {"n": note.n, XML_ID: f"{self.prefix}fn{note.n}", "anchored": "false"}
        el = _sub(parent, "note", attrs)
        self.inlines(el, note.inlines)

    def pb(self, parent: etree._Element, node: PageBreak) -> None:
        pid = f"pg_{node.n}"
        k = 2
        while pid in self.page_ids:  # a page number seen twice still needs unique ids
            pid = f"pg_{node.n}-{k}"
            k += 1
        self.page_ids.add(pid)
        attrs = {"n": node.n, XML_ID: pid}
        if self.facs is not None:
            m = re.fullmatch(self.facs[0], node.n)
            if m:  # $1 in the replacement is the page number ($$ a literal $)
                attrs["facs"] = re.sub(r"\$(\$|\d)", lambda g: "$" if g.group(1) == "$" else (m.group(int(g.group(1))) or ""),
                                       self.facs[1])
        _sub(parent, "pb", attrs)

    # --- blocks ----------------------------------------------------------------

    def block(self, div: etree._Element, b) -> None:
        match b:
            case FileNumber(text=t):
                _sub(div, "note", {"rend": "inline", "type": "source"}).text = t
            case Paragraph(inlines=items):
                self.inlines(_sub(div, "p"), items)
            case ListBlock():
                self.list(div, b)
            case Table(rows=rows):
                table = _sub(div, "table")
                for row in rows:
                    r = _sub(table, "row")
                    for cell in row:
                        self.inlines(_sub(r, "cell"), cell)
            case Closer(lines=lines):
                # TEI allows a closer only after a paragraph, list or table: a document that is
                # nothing but signature lines gets them as an anonymous block instead.
                if any(c.tag in _COMMON for c in div):
                    signed = _sub(_sub(div, "closer"), "signed")
                else:
                    signed = _sub(div, "ab", {"type": "closer"})
                for i, line in enumerate(lines):
                    if i:
                        _sub(signed, "lb")
                    self.inlines(signed, line)
            case PageBreak():
                self.pb(div, b)
            case Gap():
                # TEI gap: material the transcription leaves out (a close the text edition does not show).
                _sub(div, "gap", {"reason": "omitted"})

    def list(self, parent: etree._Element, b: ListBlock) -> None:
        lst = _sub(parent, "list", {"type": b.kind} if b.kind else {})
        if b.head is not None:
            self.inlines(_sub(lst, "head"), b.head)
        for item in b.items:
            if isinstance(item, PageBreak):
                self.pb(lst, item)
                continue
            el = _sub(lst, "item")
            self.inlines(el, item.inlines)
            if item.sublist is not None:
                self.list(el, item.sublist)

    def div(self, body: etree._Element, info: HeadingInfo) -> etree._Element:
        doc = self.doc
        attrs = {"type": "document"}
        if doc.doc_id:
            attrs[XML_ID] = doc.doc_id
        if doc.number:
            attrs["n"] = doc.number
        subtype = getattr(info, "subtype", None)
        if subtype:
            attrs["subtype"] = subtype
        div = _sub(body, "div", attrs)
        for b in doc.front:
            self.block(div, b)
        # Footnotes before the first marker the text shows come first, in list order.
        for note in doc.notes:
            if note.anchored:
                break
            self.orphan(div, note)
        if doc.heading is not None:
            self.inlines(_sub(div, "head"), doc.heading.inlines, info.spans)
        for b in doc.blocks:
            self.block(div, b)
        return div


def _indent(el: etree._Element, level: int) -> None:
    """Indent element-only content of the text part; never touch mixed content."""
    children = [c for c in el if isinstance(c.tag, str)]
    for child in children:
        # Only containers and items (which may hold a nested list) need a look inside.
        if child.tag in _CONTAINERS or child.tag == _ITEM:
            _indent(child, level + 1)
    if el.tag in _CONTAINERS and children:
        pad = "\n" + "  " * (level + 1)
        el.text = pad
        for child in el:
            child.tail = pad
        el[-1].tail = "\n" + "  " * level


def to_tei(doc: Document, header: etree._Element, info: HeadingInfo) -> etree._ElementTree:
    """Build the TEI document: header as given, text from the model."""
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.set(XML_LANG, "en")
    root.append(header)
    body = _sub(_sub(root, "text"), "body")
    # pb/@facs: the header declares the page-image pattern as prefixDef ident="facs" (header.py).
    pdef = header.find(f"{T}encodingDesc/{T}listPrefixDef/{T}prefixDef[@ident='facs']")
    facs = (pdef.get("matchPattern"), pdef.get("replacementPattern")) if pdef is not None else None
    _Writer(doc, facs).div(body, info)
    # The header is built without white space and holds no text that white space
    # could change, so lxml's own (fast) indenter lays it out.
    etree.indent(header, space="  ", level=1)
    _indent(root, 0)
    return etree.ElementTree(root)


def serialize(tree: etree._ElementTree) -> bytes:
    """The one serialisation: UTF-8, XML declaration, trailing newline."""
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(tree, encoding="UTF-8") + b"\n"
