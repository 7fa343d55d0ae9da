"""The teiHeader: what the text states about the document, and the volume it is in."""
from __future__ import annotations

from lxml import etree

from converter.heading import HeadingInfo
from converter.model import Document
from converter.options import ConvertOptions

TEI_NS = "http://www.tei-c.org/ns/1.0"


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    e = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", {k.replace("_", ":") if k == "xml_id" else k: v for k, v in attrs.items()})
    if text is not None:
        e.text = text
    return e


def build_header(doc: Document, heading_text: str, info: HeadingInfo, options: ConvertOptions) -> etree._Element:
    """Build a teiHeader element (no indentation; the writer indents)."""
    header = etree.Element(f"{{{TEI_NS}}}teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", heading_text or doc.doc_id or "Untitled document", type="main")
    pub = _el(file_desc, "publicationStmt")
    _el(pub, "p", "Converted from the plain text of the document by tei-edition.")
    src = _el(file_desc, "sourceDesc")
    _el(src, "p", "The plain-text edition of the document.")
    return header
