"""TEI to an HTML edition with the XSLT 3 stylesheets in `xslt/` (saxonche).

`HtmlRenderer` compiles `xslt/html.xsl` once and then renders many documents:
one page per TEI document, an index page per volume. The stylesheets do the
presentation; this module only parses input safely, passes parameters, and
turns the stylesheet's marks for unknown elements into warnings.

Safety: input is parsed by lxml without DTDs, entities or network; Saxon gets
only text we parsed ourselves, and the stylesheets never read files named by
the input (no document()/unparsed-text() on input values).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from converter.errors import ConverterError, Diagnostic, ExitCode, Loc, Severity, UsageError
from converter.paths import XSLT_DIR

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
INDEX_NS = "urn:tei-edition:index"
HTML_XSL = XSLT_DIR / "html.xsl"
CSS_FILE = XSLT_DIR / "html" / "edition.css"
JS_FILE = XSLT_DIR / "html" / "edition.js"

# FRUS volume files cut into documents (the development corpus) are bare
# <div>s without namespace declarations; this root makes them TEI again.
_WRAP_OPEN = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" '
              'xmlns:xi="http://www.w3.org/2001/XInclude"><text><body>')
_WRAP_CLOSE = "</body></text></TEI>"
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>")
_BARE_DIV = re.compile(rb"^\s*(<\?xml[^>]*\?>\s*)?<div[\s>]")

# The stylesheet's fallback writes exactly this start tag for an element it has
# no rule for. Text and attribute values from the TEI cannot forge it: the
# serializer escapes "<" in text and '"' in attributes.
_UNKNOWN_RE = re.compile(r'<(?:span|div) class="tei-unknown" data-tei="([^"<>]*)">')


class RenderError(ConverterError):
    """The XSLT processor failed (compiling the stylesheets or transforming a document)."""

    exit_code = ExitCode.RENDER


@dataclass(frozen=True, slots=True)
class Link:
    """A link to a neighbouring page: href relative to the page, and its label."""

    href: str
    label: str


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the volume index; also what prev/next links are made from."""

    id: str
    """The document's @xml:id (d255), or the file stem when it has none."""
    n: str
    """The document number as the TEI writes it (div/@n), or ""."""
    title: str
    """The heading's text without its notes."""
    date: str
    """The date as the header or dateline writes it, or ""."""
    file: str
    """The HTML file name of the page, relative to the index (d255.html)."""


@dataclass
class RenderResult:
    html: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    """Names of the elements the stylesheets have no rule for (one diagnostic each)."""
    tree: etree._ElementTree | None = field(default=None, repr=False)
    file: str = "document.html"

    @cached_property
    def summary(self) -> DocumentSummary:
        """The document's index row (computed on first use: a page alone does not need it)."""
        return summarize(self.tree, self.file)


# Until converter/xmlsafe.py lands, the same guarantees locally: no DTD, no
# entity expansion, no network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


try:  # the project's hardened parser, once it exists
    from converter.xmlsafe import parse_xml as _safe_parse  # type: ignore[import-not-found]
except ImportError:
    _safe_parse = None


def _parse_bytes(data: bytes, source: str) -> etree._ElementTree:
    try:
        result = _safe_parse(data) if _safe_parse is not None else etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise UsageError(f"{source}: not well-formed XML: {exc}") from exc
    return result.getroottree() if isinstance(result, etree._Element) else result


def load_tei(tei: str | Path | bytes | etree._ElementTree | etree._Element,
             source: str | None = None) -> tuple[etree._ElementTree, str]:
    """A TEI tree from a path, bytes or a tree; bare FRUS <div>s are wrapped in a TEI root."""
    if isinstance(tei, etree._Element):
        return tei.getroottree(), source or "<tree>"
    if isinstance(tei, etree._ElementTree):
        return tei, source or "<tree>"
    if isinstance(tei, (str, Path)):
        path = Path(tei)
        source = source or str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"{path}: cannot read: {exc.strerror}") from exc
    else:
        data = tei
        source = source or "<bytes>"
    if _BARE_DIV.match(data):
        # Keep the text on its first line so line numbers stay those of the file.
        data = _WRAP_OPEN.encode() + _XML_DECL.sub(b"", data, count=1) + _WRAP_CLOSE.encode()
    tree = _parse_bytes(data, source)
    return tree, source


def _plain(el: etree._Element | None) -> str:
    """Text of an element without its notes, white space normalised."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.text:
            parts.append(e.text)
        for c in e:
            if isinstance(c.tag, str) and c.tag not in (f"{T}note", f"{T}pb"):
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return " ".join("".join(parts).split())


def summarize(tree: etree._ElementTree, file: str) -> DocumentSummary:
    """The index row of a document, read from its TEI (ids and numbers as written)."""
    root = tree.getroot()
    doc = root.find(f"{T}text/{T}body//{T}div[@type='document']")
    main = doc if doc is not None else root.find(f"{T}text/{T}body")
    head = main.find(f"{T}head") if main is not None else None
    title = _plain(head) or _plain(root.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title[@type='heading']"))
    profile = f"{T}teiHeader/{T}profileDesc/"
    date_el = None
    for path in (f"{profile}{T}correspDesc/{T}correspAction[@type='sent']/{T}date",
                 f"{profile}{T}creation/{T}date"):
        date_el = root.find(path)
        if date_el is not None:
            break
    if date_el is None and main is not None:
        date_el = main.find(f".//{T}dateline//{T}date")
    stem = Path(file).stem
    n = (doc.get("n") if doc is not None else None) or ""
    if n:  # the index shows the number in a column of its own
        title = re.sub(rf"^(No\.\s*)?{re.escape(n)}\.\s+", "", title)
    return DocumentSummary(
        id=(doc.get(XML_ID) if doc is not None else None) or stem,
        n=n,
        title=title or stem,
        date=_plain(date_el),
        file=file,
    )


class HtmlRenderer:
    """xslt/html.xsl compiled once; renders document pages and volume indexes.

    Not thread-safe (stylesheet parameters are set on the shared executable);
    use one renderer per thread.
    """

    def __init__(self, stylesheet: Path = HTML_XSL, *, facs_base: str = "", lang: str = "en",
                 volumes_base: str | None = None, show_page_breaks: bool = True):
        from saxonche import PySaxonProcessor, PySaxonApiError

        self._api_error = PySaxonApiError
        self._proc = PySaxonProcessor(license=False)
        compiler = self._proc.new_xslt30_processor()
        try:
            self._exe = compiler.compile_stylesheet(stylesheet_file=str(stylesheet))
        except PySaxonApiError as exc:
            raise RenderError(f"{stylesheet}: cannot compile: {exc}") from exc
        if self._exe is None:
            raise RenderError(f"{stylesheet}: cannot compile")
        self._fixed = {"facs-base": facs_base, "lang": lang}
        if volumes_base is not None:
            self._fixed["volumes-base"] = volumes_base
        for name, value in self._fixed.items():
            self._exe.set_parameter(name, self._proc.make_string_value(value))
        self._exe.set_parameter("show-page-breaks", self._proc.make_boolean_value(show_page_breaks))
        self._optional: set[str] = set()

    # -- parameters ---------------------------------------------------------

    def _set_optional(self, values: dict[str, str | None]) -> None:
        """Per-page parameters (xs:string?): set the given ones, clear the rest."""
        for name, value in values.items():
            if value is not None:
                self._exe.set_parameter(name, self._proc.make_string_value(value))
                self._optional.add(name)
            elif name in self._optional:
                self._exe.remove_parameter(name)
                self._optional.discard(name)

    def _transform(self, text: str, source: str) -> str:
        try:
            node = self._proc.parse_xml(xml_text=text)
            out = self._exe.transform_to_string(xdm_node=node)
        except self._api_error as exc:
            raise RenderError(f"{source}: XSLT failed: {exc}") from exc
        if out is None:
            raise RenderError(f"{source}: XSLT produced no output")
        return out

    # -- documents ------------------------------------------------------------

    def render(self, tei, *, source: str | None = None, file: str | None = None,
               prev: Link | None = None, next: Link | None = None,
               index_href: str | None = None, volume_title: str | None = None) -> RenderResult:
        """One document page, with its index summary and unknown-element warnings."""
        tree, source = load_tei(tei, source)
        self._set_optional({
            "prev-href": prev.href if prev else None, "prev-label": prev.label if prev else None,
            "next-href": next.href if next else None, "next-label": next.label if next else None,
            "index-href": index_href, "volume-title": volume_title,
        })
        # Serialise the root element only: no DOCTYPE or entity declarations reach Saxon.
        if tree.getroot().tag != f"{T}TEI":
            raise UsageError(f"{source}: not a TEI document (root element {tree.getroot().tag})")
        html = self._transform(etree.tostring(tree.getroot(), encoding="unicode"), source)
        name = file or (Path(source).with_suffix(".html").name if not source.startswith("<") else "document.html")
        unknown = list(dict.fromkeys(_UNKNOWN_RE.findall(html)))
        return RenderResult(html, self._unknown(unknown, tree, source), unknown, tree, name)

    def render_document(self, tei, **kwargs) -> str:
        """The HTML page of one TEI document (path, bytes or lxml tree)."""
        return self.render(tei, **kwargs).html

    @staticmethod
    def _unknown(names: list[str], tree: etree._ElementTree, source: str) -> list[Diagnostic]:
        """One warning per element name the stylesheets have no rule for, at its first use."""
        diags = []
        for name in names:
            line = None
            for el in tree.getroot().iter():
                if isinstance(el.tag, str):
                    q = etree.QName(el)
                    qname = f"{el.prefix}:{q.localname}" if el.prefix else q.localname
                    if qname == name:
                        line = el.sourceline
                        break
            diags.append(Diagnostic(
                "render-unknown-element",
                f"<{name}> has no rule in the HTML stylesheets; rendered as its text",
                Loc(source, line or 1), Severity.WARNING))
        return diags

    # -- volume index -----------------------------------------------------------

    def render_index(self, documents: Sequence[DocumentSummary], *, title: str | None = None,
                     lang: str = "en") -> str:
        """The volume's table of contents: number, linked title and date of each document."""
        E = f"{{{INDEX_NS}}}"
        vol = etree.Element(f"{E}volume", nsmap={None: INDEX_NS})
        if title:
            vol.set("title", title)
        vol.set("lang", lang)
        for d in documents:
            etree.SubElement(vol, f"{E}document", id=d.id, n=d.n, title=d.title, date=d.date, href=d.file)
        return self._transform(etree.tostring(vol, encoding="unicode"), "<index>")


def neighbours(summaries: Sequence[DocumentSummary]) -> list[tuple[Link | None, Link | None]]:
    """(previous, next) links for each document of a volume, in the given order."""
    links = []
    for i in range(len(summaries)):
        p = summaries[i - 1] if i > 0 else None
        n = summaries[i + 1] if i + 1 < len(summaries) else None
        links.append((Link(p.file, _label(p)) if p else None, Link(n.file, _label(n)) if n else None))
    return links


def _label(s: DocumentSummary) -> str:
    return f"Document {s.n}" if s.n else s.title


def document_order(summaries: Sequence[DocumentSummary]) -> list[DocumentSummary]:
    """Volume order: by document number when every document has a numeric one, else as given."""
    if summaries and all(s.n.isdigit() for s in summaries):
        return sorted(summaries, key=lambda s: int(s.n))
    return list(summaries)
