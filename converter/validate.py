"""Validate TEI against grammars (RELAX NG, XSD 1.0/1.1) and ISO Schematron.

    validator = Validator.load(["frus"])          # compile every schema once
    for path in paths:
        for d in validator.validate(path):         # list[ValidationDiagnostic]
            print(d)                               # file:line:col: error: ... [rule]

Schema names: `frus` (schema/frus-tei.rng + schema/frus-tei.sch, the default),
`tei_all` (schema/tei_all.rng and its 83 embedded Schematron patterns), or a
path to a .rng (its embedded Schematron runs too), .rnc (through rnc2rng when
installed), .xsd (1.1 when it uses 1.1 features or says vc:minVersion="1.1") or
.sch file. Documents are parsed by converter.xmlsafe only.

Where each validator's errors come from (ARCHITECTURE 2.3): lxml's RELAX NG
error_log gives a line and a positional path; xmlschema gives the element;
Schematron gives a positional location that schematron.locate() walks back.
Every diagnostic is pinned to an element, whose line lxml knows and whose
column we find in the source line (libxml2 does not keep element columns).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from converter.errors import Diagnostic, Loc, Severity
from converter.paths import SCHEMA_DIR, TEI_ALL_RNG
from converter.schematron import (CompiledSchematron, SchematronError, compile_schema, from_rng, locate)
from converter.xmlsafe import DEFAULT_MAX_SIZE, UNREADABLE, XMLInputError, parse_xml, read_bytes

FRUS_RNG = SCHEMA_DIR / "frus-tei.rng"
FRUS_SCH = SCHEMA_DIR / "frus-tei.sch"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
BUILTIN = {"frus": (FRUS_RNG, FRUS_SCH), "tei_all": (TEI_ALL_RNG,)}


@dataclass(frozen=True, slots=True)
class ValidationDiagnostic(Diagnostic):
    """A Diagnostic with where in the tree and which schema said it (for --format json)."""

    xpath: str = ""
    schema: str = ""


class SchemaLoadError(Exception):
    """A schema that cannot be read or compiled (a usage error: exit code 2)."""


# --------------------------------------------------------------------------- one document


class _Doc:
    """A parsed document and what diagnostics need of it, computed on first use."""

    def __init__(self, tree: etree._ElementTree, data: bytes | None, source: str):
        self.tree = tree
        self.data = data
        self.source = source
        self._columns: dict[etree._Element, int] | None = None
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = etree.tostring(self.tree.getroot(), encoding="unicode")
        return self._text

    def column(self, el: etree._Element) -> int:
        if self._columns is None:
            self._columns = _element_columns(self.tree, self.data)
        return self._columns.get(el, 1)

    def diag(self, el: etree._Element | None, attr: str | None, code: str, message: str,
             severity: Severity, schema: str, line: int | None = None) -> ValidationDiagnostic:
        if el is not None and not isinstance(el.tag, str):  # comment, PI: its parent carries it
            el = el.getparent()
        if el is not None:
            loc = Loc(self.source, el.sourceline or line or 1, self.column(el))
            xpath = readable_xpath(el, attr)
        else:
            loc = Loc(self.source, line or 1, 1)
            xpath = ""
        return ValidationDiagnostic(code, message, loc, severity, xpath, schema)


def _element_columns(tree: etree._ElementTree, data: bytes | None) -> dict[etree._Element, int]:
    """Column (1-based, in characters) of each element's `<`, found in its source line.

    Elements that share a line are matched to the `<name` occurrences on that
    line in document order. Without the source bytes (a tree given directly),
    every column is 1.
    """
    if data is None:
        return {}
    lines = data.split(b"\n")
    out: dict[etree._Element, int] = {}
    seen: dict[tuple[int, str], int] = {}
    for el in tree.getroot().iter("*"):
        line = el.sourceline
        if not line or line > len(lines):
            continue
        local = etree.QName(el).localname
        key = (line, local)
        k = seen.get(key, 0)
        seen[key] = k + 1
        text = lines[line - 1].decode("utf-8", "replace")
        found = [m.start() for m in re.finditer(r"<(?:[\w.\-]+:)?" + re.escape(local) + r"(?=[\s/>])", text)]
        if k < len(found):
            out[el] = found[k] + 1
    return out


_PREFIXES = {TEI_NS: "tei", XML_NS: "xml"}


def readable_xpath(el: etree._Element, attr: str | None = None) -> str:
    """`/tei:TEI/tei:text[1]/tei:body[1]/tei:div[1]/tei:p[3]/@target`: prefixes tei and xml, Q{uri} otherwise."""
    steps = []
    e = el
    while e is not None:
        q = etree.QName(e)
        name = (f"{_PREFIXES[q.namespace]}:{q.localname}" if q.namespace in _PREFIXES
                else f"Q{{{q.namespace}}}{q.localname}" if q.namespace else q.localname)
        parent = e.getparent()
        if parent is None:
            steps.append(f"/{name}")
        else:
            n = 1 + sum(1 for s in e.itersiblings(e.tag, preceding=True))
            steps.append(f"/{name}[{n}]")
        e = parent
    path = "".join(reversed(steps))
    if attr:
        q = etree.QName(attr)
        path += "/@" + (f"{_PREFIXES[q.namespace]}:{q.localname}" if q.namespace in _PREFIXES
                        else f"Q{{{q.namespace}}}{q.localname}" if q.namespace else q.localname)
    return path


# --------------------------------------------------------------------------- compiled schemas


class _Grammar:
    name: str

    def check(self, doc: _Doc) -> list[ValidationDiagnostic]:  # pragma: no cover - interface
        raise NotImplementedError


_RNG_HINTS = {
    "RELAXNG_ERR_ELEMWRONG": "remove it or move it where the schema allows it",
    "RELAXNG_ERR_NOELEM": "add the missing element",
    "RELAXNG_ERR_INVALIDATTR": "remove the attribute or use one the schema allows",
    "RELAXNG_ERR_NOTELEM": "remove the text or wrap it in an element the schema allows",
}


class RngGrammar(_Grammar):
    """A RELAX NG grammar compiled by lxml (libxml2) once."""

    def __init__(self, root: etree._Element, name: str, base_url: str | None = None):
        self.name = name
        try:
            self.schema = etree.RelaxNG(root)
        except etree.RelaxNGParseError as exc:
            raise SchemaLoadError(f"{name}: not a usable RELAX NG grammar: {exc}") from None

    def check(self, doc: _Doc) -> list[ValidationDiagnostic]:
        if self.schema.validate(doc.tree):
            return []
        out = []
        wrong = set()
        lines_reported = set()
        for e in self.schema.error_log:
            el = None
            if e.path:
                try:
                    found = doc.tree.xpath(e.path)
                    el = found[0] if found and isinstance(found[0], etree._Element) else None
                except etree.XPathError:
                    el = None
            msg = e.message.strip()
            kind = e.type_name
            m = re.match(r"Did not expect element (\S+) there", msg)
            if m:
                wrong.add((e.line, m.group(1)))
                parent = el.getparent() if el is not None else None
                where = f" in <{etree.QName(parent).localname}>" if parent is not None else ""
                msg = f"element <{m.group(1)}> is not allowed here{where}"
            if re.match(r"Element (\S+) has extra content: (\S+)", msg) and e.line in lines_reported:
                continue  # the same fault as the line libxml2 reported just before it
            lines_reported.add(e.line)
            m = re.match(r"Element (\S+) failed to validate attributes", msg)
            if m and el is None:
                msg = (f"an element <{m.group(1)}> lacks a required attribute or has a wrong value "
                       "(libxml2 does not say which one; jing or --schema with an .xsd can)")
            if msg.startswith("Expecting an element , got nothing") and el is not None:
                msg = f"<{etree.QName(el).localname}> ends too early: an element it requires is missing"
            hint = _RNG_HINTS.get(kind)
            if hint:
                msg = f"{msg}; {hint}"
            code = "rng-" + kind.removeprefix("RELAXNG_ERR_").lower().replace("_", "-")
            out.append(doc.diag(el, None, code, msg, Severity.ERROR, self.name, e.line))
        return out


def _kebab(name: str) -> str:
    name = name.removeprefix("XMLSchema").removesuffix("Error").removesuffix("Validation") or "Validation"
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


class XsdGrammar(_Grammar):
    """An XML Schema (1.0 or 1.1) compiled by xmlschema once; imports from local files only."""

    def __init__(self, path: Path, name: str, version: str | None = None):
        import xmlschema

        self.name = name
        root = _load_schema_xml(path)
        v11 = version == "1.1" or (version is None and _wants_xsd11(root))
        cls = xmlschema.XMLSchema11 if v11 else xmlschema.XMLSchema10
        self.version = "1.1" if v11 else "1.0"
        try:
            # allow="local": imports and includes are read from disk, never fetched.
            self.schema = cls(str(path), allow="local", defuse="always")
        except (xmlschema.XMLSchemaException, OSError) as exc:
            raise SchemaLoadError(f"{name}: not a usable XSD {self.version} schema: {exc}") from None

    def check(self, doc: _Doc) -> list[ValidationDiagnostic]:
        out = []
        for err in self.schema.iter_errors(doc.tree):
            el = err.elem if isinstance(getattr(err, "elem", None), etree._Element) else None
            reason = " ".join((err.reason or err.message or "invalid").split())
            code = "xsd-" + _kebab(type(err).__name__)
            out.append(doc.diag(el, None, code, reason, Severity.ERROR, self.name, getattr(err, "sourceline", None)))
        return out


_XSD = "http://www.w3.org/2001/XMLSchema"
_XSD11_ONLY = ("assert", "assertion", "alternative", "openContent", "defaultOpenContent", "override")


def _wants_xsd11(root: etree._Element) -> bool:
    """XSD 1.1 when the schema says so (vc:minVersion) or uses a 1.1-only element."""
    mv = root.get("{http://www.w3.org/2007/XMLSchema-versioning}minVersion")
    if mv:
        return mv.strip() >= "1.1"
    return next(root.iter(*(f"{{{_XSD}}}{n}" for n in _XSD11_ONLY)), None) is not None


def _load_schema_xml(path: Path) -> etree._Element:
    try:
        return parse_xml(path).getroot()
    except XMLInputError as exc:
        raise SchemaLoadError(f"cannot read schema: {exc}") from None


class SchematronCheck(_Grammar):
    """An ISO Schematron schema compiled to XSLT once (converter.schematron)."""

    def __init__(self, compiled: CompiledSchematron, name: str):
        self.compiled = compiled
        self.name = name
        self.svrl_sink: Callable[[str, str, etree._Element], None] | None = None

    def check(self, doc: _Doc) -> list[ValidationDiagnostic]:
        try:
            text = None if self.compiled._lxml is not None else doc.text
            svrl, found = self.compiled.run(doc.tree, text, full_svrl=self.svrl_sink is not None)
        except SchematronError as exc:
            return [doc.diag(None, None, "schematron-failed", f"{exc}; the schema has a bug, not the document",
                             Severity.ERROR, self.name)]
        if self.svrl_sink is not None:
            self.svrl_sink(doc.source, self.name, svrl)
        out = []
        for f in found:
            el, attr = locate(doc.tree, f.location)
            msg = f.text or f"{'assertion failed' if f.kind == 'failed-assert' else 'report'}: {f.test}"
            for _id, text in f.diagnostics:
                if text:
                    msg += f" ({text})"
            out.append(doc.diag(el, attr, f.rule_id, msg, f.severity, self.name))
        return out


# --------------------------------------------------------------------------- loading schemas


def _rnc_to_rng(path: Path) -> etree._Element:
    try:
        import rnc2rng  # optional: RELAX NG compact syntax
    except ImportError:
        raise SchemaLoadError(f"{path}: RELAX NG compact syntax (.rnc) needs the rnc2rng package "
                              "(pip install rnc2rng), or convert it first: trang schema.rnc schema.rng") from None
    try:
        text = rnc2rng.dumps(rnc2rng.load(str(path)))
    except Exception as exc:  # rnc2rng raises plain Exceptions on syntax errors
        raise SchemaLoadError(f"{path}: rnc2rng could not convert it: {exc}") from None
    return parse_xml(text.encode("utf-8"), source=str(path)).getroot()


def load_schema(spec: str, *, phase: str | None = None, embedded_schematron: bool = True,
                xsd_version: str | None = None) -> list[_Grammar]:
    """The compiled checks one --schema value stands for (a built-in name or a path)."""
    if spec in BUILTIN:
        out: list[_Grammar] = []
        for p in BUILTIN[spec]:
            out += load_schema(str(p), phase=phase, embedded_schematron=embedded_schematron)
        return out
    path = Path(spec)
    if not path.is_file():
        raise SchemaLoadError(f"{spec}: no such schema file (or built-in name: {', '.join(BUILTIN)})")
    suffix = path.suffix.lower()
    name = path.name
    try:
        if suffix in (".rng", ".rnc"):
            root = _rnc_to_rng(path) if suffix == ".rnc" else _load_schema_xml(path)
            if root.tag != "{http://relaxng.org/ns/structure/1.0}grammar" and not root.tag.startswith("{http://relaxng.org/ns/structure/1.0}"):
                raise SchemaLoadError(f"{spec}: not a RELAX NG schema (root <{etree.QName(root).localname}>)")
            # The tree keeps the file's URL, so includes and externalRefs resolve beside it.
            checks: list[_Grammar] = [RngGrammar(root, name)]
            if embedded_schematron:
                sch = from_rng(root)
                if sch is not None:
                    checks.append(SchematronCheck(compile_schema(sch, base=path, phase=phase, name=f"{name}#schematron"),
                                                  f"{name}#schematron"))
            return checks
        if suffix == ".xsd":
            return [XsdGrammar(path, name, xsd_version)]
        if suffix in (".sch", ".schematron"):
            return [SchematronCheck(compile_schema(path, phase=phase, name=name), name)]
    except SchematronError as exc:
        raise SchemaLoadError(str(exc)) from None
    raise SchemaLoadError(f"{spec}: unknown schema type '{suffix}' (use .rng, .rnc, .xsd or .sch)")


class Validator:
    """Compiled checks, reused for every document of a run."""

    def __init__(self, checks: Sequence[_Grammar], *, max_size: int = DEFAULT_MAX_SIZE):
        self.checks = list(checks)
        self.max_size = max_size

    @classmethod
    def load(cls, specs: Iterable[str] = ("frus",), *, phase: str | None = None, embedded_schematron: bool = True,
             xsd_version: str | None = None, max_size: int = DEFAULT_MAX_SIZE) -> Validator:
        checks: list[_Grammar] = []
        for spec in specs:
            checks += load_schema(spec, phase=phase, embedded_schematron=embedded_schematron, xsd_version=xsd_version)
        return cls(checks, max_size=max_size)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.checks]

    def set_svrl_sink(self, sink: Callable[[str, str, etree._Element], None] | None) -> None:
        for c in self.checks:
            if isinstance(c, SchematronCheck):
                c.svrl_sink = sink

    def validate(self, doc: str | Path | bytes | etree._ElementTree, *, source: str | None = None) -> list[ValidationDiagnostic]:
        """Diagnostics for one document, sorted by position; a parse failure is one diagnostic."""
        data: bytes | None = None
        if isinstance(doc, etree._ElementTree):
            tree = doc
            source = source or "<tree>"
        else:
            try:
                if isinstance(doc, (bytes, bytearray)):
                    data = bytes(doc)
                    source = source or "<bytes>"
                else:
                    source = source or str(doc)
                    data = read_bytes(doc, source=source, max_size=self.max_size)
                tree = parse_xml(data, source=source, max_size=self.max_size)
            except XMLInputError as exc:
                d = exc.diagnostic
                return [ValidationDiagnostic(d.code, d.message, d.loc, d.severity, "", "")]
        parsed = _Doc(tree, data, source)
        out: list[ValidationDiagnostic] = []
        for check in self.checks:
            out += check.check(parsed)
        out.sort(key=lambda d: (d.loc.line if d.loc else 0, d.loc.column if d.loc else 0))
        return out


_cache: dict[tuple, Validator] = {}


def validate(doc: str | Path | bytes | etree._ElementTree, schemas: Sequence[str] = ("frus",), *,
             source: str | None = None) -> list[ValidationDiagnostic]:
    """Validate one document; the schemas are compiled on first use and kept for the process."""
    key = tuple(schemas)
    if key not in _cache:
        _cache[key] = Validator.load(key)
    return _cache[key].validate(doc, source=source)


def is_unreadable(d: Diagnostic) -> bool:
    """A file that could not be read at all (exit code 2, not 1)."""
    return d.code == UNREADABLE
