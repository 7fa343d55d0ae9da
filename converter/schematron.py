"""ISO Schematron, compiled to XSLT once and run on many documents.

A compact compiler of our own (no ISO skeleton or SchXslt on PyPI to ship):

    schema ─► includes ─► abstract rules (extends) ─► abstract patterns (is-a)
           ─► phase ─► one XSLT stylesheet that writes SVRL

`queryBinding="xslt"` (or none) compiles to XSLT 1.0 and runs in libxslt, on the
lxml tree itself: nothing is serialised, which keeps the project schema fast.
`xslt2`, `xslt3` (and `xpath2`/`xpath3`/`xpath31`) compile to XSLT 3.0 and run in
Saxon through saxonche. Either way the stylesheet writes SVRL; `run()` returns
the SVRL and one `Finding` per failed assert or successful report.

Every finding's `location` is a positional path (`/*[1]/*[2]/@*[local-name()='target'
and namespace-uri()='']`) that both XSLT versions can write and `locate()` walks
back to the lxml element, which knows its source line.

Supported (tested in tests/test_validate_schematron.py): pattern, rule, assert,
report, let (schema, phase, pattern, rule; @value or element content), phase
(@defaultPhase, active, #ALL), abstract patterns with param, abstract rules with
extends, include (and extends/@href), diagnostics, properties, value-of, name,
emph/dir/span, @role (severity), @flag, @subject, ns, title, and xsl:key /
xsl:function children of schema. Not supported: `@documents` (reading other
files from a rule is refused: no I/O from validation), `sch:library`,
`rule/@visit-each` and `@when` of Schematron 4.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from converter.errors import Severity

SCH = "http://purl.oclc.org/dsdl/schematron"
SCH15 = "http://www.ascc.net/xml/schematron"  # Schematron 1.5, still in older TEI ODDs
SVRL = "http://purl.oclc.org/dsdl/svrl"
XSL = "http://www.w3.org/1999/XSL/Transform"
RNG = "http://relaxng.org/ns/structure/1.0"
S = f"{{{SCH}}}"

XSLT1_BINDINGS = {"xslt", "xpath", "exslt"}
SAXON_BINDINGS = {"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}


class SchematronError(Exception):
    """A schema we cannot compile; the message names the schema and what to fix."""


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # "failed-assert" or "successful-report"
    location: str
    """Positional XPath of the context (or @subject) node, as the SVRL gives it."""
    text: str
    """The assertion's message, white space normalised, diagnostics appended."""
    rule_id: str
    """assert/report @id, else rule @id, else pattern @id, else "schematron"."""
    role: str | None
    test: str
    pattern: str
    diagnostics: tuple[tuple[str, str], ...] = ()

    @property
    def severity(self) -> Severity:
        return role_severity(self.role)


def role_severity(role: str | None) -> Severity:
    """@role to a severity: ISO leaves roles free; these are the words schemas use."""
    r = (role or "").strip().lower()
    if r in ("warning", "warn", "nonfatal", "caution"):
        return Severity.WARNING
    if r in ("info", "information", "informational", "note", "hint", "tip"):
        return Severity.INFO
    return Severity.ERROR  # error, fatal, none or any other word: an assertion that fails is an error


# --------------------------------------------------------------------------- loading


def _load(path: Path) -> etree._Element:
    from converter.xmlsafe import XMLInputError, parse_xml

    try:
        return parse_xml(path).getroot()
    except XMLInputError as exc:
        raise SchematronError(str(exc)) from None


def _to_iso(el: etree._Element) -> etree._Element:
    """Schematron 1.5 elements renamed into the ISO namespace (same vocabulary, for our purposes)."""
    for e in el.iter(f"{{{SCH15}}}*"):
        e.tag = S + etree.QName(e).localname
    return el


def _resolve_includes(el: etree._Element, base: Path, depth: int = 0) -> None:
    if depth > 20:
        raise SchematronError(f"{base}: include nesting deeper than 20: is there a cycle?")
    for inc in list(el.iter(f"{S}include", f"{S}extends")):
        href = inc.get("href")
        if not href:
            continue
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) and not href.startswith("file:"):
            raise SchematronError(f"{base}: include of {href}: only local files are included (no network)")
        target = (base.parent / href.removeprefix("file:")).resolve()
        incl = _to_iso(_load(target))
        _resolve_includes(incl, target, depth + 1)
        parent = inc.getparent()
        if inc.tag == f"{S}include":
            parent.replace(inc, incl)
        else:  # extends/@href: the children of the rule it names
            idx = parent.index(inc)
            parent.remove(inc)
            for i, child in enumerate(list(incl)):
                parent.insert(idx + i, child)


def from_rng(rng_root: etree._Element) -> etree._Element | None:
    """The Schematron embedded in a RELAX NG grammar (TEI ODDs), as one ISO schema; None if there is none.

    Patterns, ns, let and diagnostics may sit anywhere in the grammar; ISO and
    1.5 namespaces are both collected. TEI's embedded rules use XPath 2.
    """
    found = [e for e in rng_root.iter(f"{S}*", f"{{{SCH15}}}*")
             if etree.QName(e).localname in ("pattern", "ns", "let", "diagnostics", "rule")
             and etree.QName(e.getparent()).namespace not in (SCH, SCH15)]
    if not [e for e in found if etree.QName(e).localname in ("pattern", "rule")]:
        return None
    schema = etree.Element(f"{S}schema", queryBinding="xslt2", nsmap={"sch": SCH})
    for e in found:
        e = _to_iso(copy.deepcopy(e))
        if e.tag == f"{S}rule":  # a bare rule (Schematron 1.5 style) gets a pattern of its own
            pat = etree.SubElement(schema, f"{S}pattern")
            pat.append(e)
        else:
            schema.append(e)
    # ns order: declarations first, as the ISO grammar puts them
    for ns in schema.findall(f"{S}ns"):
        schema.remove(ns)
        schema.insert(0, ns)
    return schema


# --------------------------------------------------------------------------- expansion


def _expand_abstract_rules(schema: etree._Element) -> None:
    abstract = {r.get("id"): r for r in schema.iter(f"{S}rule") if r.get("abstract") == "true"}
    for _ in range(20):  # abstract rules may extend abstract rules
        ext = [e for e in schema.iter(f"{S}extends") if e.get("rule")]
        if not ext:
            break
        for e in ext:
            base = abstract.get(e.get("rule"))
            if base is None:
                raise SchematronError(f"extends rule=\"{e.get('rule')}\": no abstract rule has that id")
            parent = e.getparent()
            idx = parent.index(e)
            parent.remove(e)
            for i, child in enumerate(c for c in base if isinstance(c.tag, str)):
                parent.insert(idx + i, copy.deepcopy(child))
    for r in abstract.values():
        if r.getparent() is not None:
            r.getparent().remove(r)


_QUERY_ATTRS = ("context", "test", "select", "path", "value", "subject")


def _substitute(text: str, params: dict[str, str]) -> str:
    # Longest names first, and never inside a longer name ($p must not touch $pattern).
    for name in sorted(params, key=len, reverse=True):
        text = re.sub(r"\$" + re.escape(name) + r"(?![\w.\-])", lambda _m, v=params[name]: v, text)
    return text


def _expand_abstract_patterns(schema: etree._Element) -> None:
    abstract = {p.get("id"): p for p in schema.findall(f"{S}pattern") if p.get("abstract") == "true"}
    for p in schema.findall(f"{S}pattern[@is-a]"):
        base = abstract.get(p.get("is-a"))
        if base is None:
            raise SchematronError(f"pattern is-a=\"{p.get('is-a')}\": no abstract pattern has that id")
        params = {q.get("name"): q.get("value", "") for q in p.findall(f"{S}param")}
        for q in p.findall(f"{S}param"):
            p.remove(q)
        for child in base:
            if not isinstance(child.tag, str):
                continue
            c = copy.deepcopy(child)
            for e in c.iter():
                for a in _QUERY_ATTRS:
                    if e.get(a) is not None:
                        e.set(a, _substitute(e.get(a), params))
            p.append(c)
        del p.attrib["is-a"]
    for p in abstract.values():
        schema.remove(p)


# --------------------------------------------------------------------------- code generation


class _Gen:
    def __init__(self, schema: etree._Element, binding: str, phase: str | None, fired_rules: bool):
        self.schema = schema
        self.binding = binding
        self.xslt1 = binding in XSLT1_BINDINGS
        self.fired = fired_rules
        self.diagnostics = {d.get("id"): d for d in schema.iter(f"{S}diagnostic")}
        self.properties = {d.get("id"): d for d in schema.iter(f"{S}property")}
        self.phase = phase
        self.out: list[str] = []

    def nsdecls(self) -> str:
        ns = {"xsl": XSL, "svrl": SVRL}
        for prefix, uri in self.schema.nsmap.items():
            if prefix and uri not in (SCH, SCH15) and prefix not in ns:
                ns[prefix] = uri
        for e in self.schema.iter(f"{S}ns"):
            ns[e.get("prefix")] = e.get("uri")
        self.ns = ns
        return " ".join(f"xmlns:{p}={quoteattr(u)}" for p, u in ns.items())

    def patterns(self) -> tuple[list[etree._Element], list[etree._Element]]:
        pats = [p for p in self.schema.iter(f"{S}pattern") if p.get("abstract") != "true"]
        phase = self.phase or self.schema.get("defaultPhase")
        if not phase or phase == "#ALL":
            return pats, []
        ph = next((p for p in self.schema.iter(f"{S}phase") if p.get("id") == phase), None)
        if ph is None:
            known = ", ".join(p.get("id") for p in self.schema.iter(f"{S}phase")) or "none"
            raise SchematronError(f"no phase '{phase}' in the schema (phases: {known}, or #ALL)")
        active = [a.get("pattern") for a in ph.findall(f"{S}active")]
        by_id = {p.get("id"): p for p in pats}
        missing = [a for a in active if a not in by_id]
        if missing:
            raise SchematronError(f"phase '{phase}' activates unknown pattern(s): {', '.join(missing)}")
        return [by_id[a] for a in active], ph.findall(f"{S}let")

    def let(self, let: etree._Element) -> str:
        name = quoteattr(let.get("name"))
        if let.get("value") is not None:
            return f"<xsl:variable name={name} select={quoteattr(let.get('value'))}/>"
        inner = "".join(etree.tostring(c, encoding=str, with_tail=False) for c in let)
        return f"<xsl:variable name={name}>{inner}</xsl:variable>"

    def message(self, el: etree._Element) -> str:
        """Assertion text as XSLT instructions: text, name, value-of, emph/dir/span content."""
        parts = [f"<xsl:text>{escape(el.text)}</xsl:text>" if el.text else ""]
        for c in el:
            if isinstance(c.tag, str):
                local = etree.QName(c).localname if etree.QName(c).namespace == SCH else None
                if local == "name":
                    path = c.get("path") or "."
                    parts.append(f"<xsl:value-of select={quoteattr(f'name({path})')}/>")
                elif local == "value-of":
                    sel = c.get("select")
                    if self.xslt1:
                        parts.append(f"<xsl:value-of select={quoteattr(sel)}/>")
                    else:  # XPath 2: a sequence is joined with spaces, as ISO says
                        parts.append(f"<xsl:value-of select={quoteattr(sel)} separator=' '/>")
                else:
                    parts.append(self.message(c))
            if c.tail:
                parts.append(f"<xsl:text>{escape(c.tail)}</xsl:text>")
        return "".join(parts)

    def refs(self, test_el: etree._Element) -> str:
        out = []
        for ref in (test_el.get("diagnostics") or "").split():
            d = self.diagnostics.get(ref)
            if d is None:
                raise SchematronError(f"assert/report refers to unknown diagnostic '{ref}'")
            out.append(f"<svrl:diagnostic-reference diagnostic={quoteattr(ref)}><svrl:text>{self.message(d)}"
                       "</svrl:text></svrl:diagnostic-reference>")
        for ref in (test_el.get("properties") or "").split():
            d = self.properties.get(ref)
            if d is None:
                raise SchematronError(f"assert/report refers to unknown property '{ref}'")
            out.append(f"<svrl:property-reference property={quoteattr(ref)}><svrl:text>{self.message(d)}"
                       "</svrl:text></svrl:property-reference>")
        return "".join(out)

    def location(self, subject: str | None) -> str:
        sel = f"({subject})[1]" if subject else "."
        return f"<xsl:attribute name='location'><xsl:call-template name='sch-location'><xsl:with-param name='n' select={quoteattr(sel)}/></xsl:call-template></xsl:attribute>"

    def generate(self) -> str:
        if self.schema.iter(f"{S}rule") and any(r.get("documents") for r in self.schema.iter(f"{S}rule")):
            raise SchematronError("rule/@documents reads other files during validation; it is not supported")
        nsdecls = self.nsdecls()
        pats, phase_lets = self.patterns()
        version = "1.0" if self.xslt1 else "3.0"
        w = self.out.append
        w(f'<xsl:stylesheet version="{version}" {nsdecls}>')
        w('<xsl:output method="xml" encoding="UTF-8" indent="no"/>')
        for c in self.schema:  # xsl:key, xsl:function, ...: allowed foreign children
            if isinstance(c.tag, str) and etree.QName(c).namespace == XSL:
                w(etree.tostring(c, encoding=str, with_tail=False))
        # Full SVRL (active-pattern, ns-prefix lines) only when asked for: a
        # valid document's report is then nearly empty, and costs nothing to read.
        w('<xsl:param name="sch-full-svrl" select="false()"/>')
        globals_seen: set[str] = set()
        pattern_locals: dict[int, list[etree._Element]] = {}
        for let in list(self.schema.findall(f"{S}let")) + list(phase_lets):
            globals_seen.add(let.get("name"))
            w(self.let(let))
        for i, p in enumerate(pats):
            lets = p.findall(f"{S}let")
            if any(l.get("name") in globals_seen for l in lets):
                pattern_locals[i] = lets  # a name clash: keep them local to the pattern's rules
                continue
            for let in lets:
                globals_seen.add(let.get("name"))
                w(self.let(let))
        title = self.schema.findtext(f"{S}title") or ""
        w('<xsl:template match="/">')
        w(f"<svrl:schematron-output title={quoteattr(title.strip())} schemaVersion={quoteattr(self.schema.get('schemaVersion', ''))}"
          + (f" phase={quoteattr(self.phase)}" if self.phase else "") + ">")
        w('<xsl:if test="$sch-full-svrl">')
        for prefix, uri in self.ns.items():
            if prefix not in ("xsl", "svrl"):
                w(f"<svrl:ns-prefix-in-attribute-values prefix={quoteattr(prefix)} uri={quoteattr(uri)}/>")
        w("</xsl:if>")
        for i, p in enumerate(pats):
            pid = p.get("id") or f"pattern-{i + 1}"
            w(f'<xsl:if test="$sch-full-svrl"><svrl:active-pattern id={quoteattr(pid)}'
              + (f" name={quoteattr(p.get('name'))}" if p.get("name") else "") + "/></xsl:if>")
            w(f'<xsl:apply-templates select="/" mode="M{i}"/>')
        w("</svrl:schematron-output></xsl:template>")
        for i, p in enumerate(pats):
            self.pattern(i, p, pattern_locals.get(i, []))
        w(_LOCATION_TEMPLATE)
        w("</xsl:stylesheet>")
        return "\n".join(self.out)

    def pattern(self, i: int, p: etree._Element, local_lets: list[etree._Element]) -> None:
        w = self.out.append
        pid = p.get("id") or f"pattern-{i + 1}"
        rules = [r for r in p.findall(f"{S}rule") if r.get("abstract") != "true"]
        contexts = " ".join(r.get("context", "") for r in rules)
        # Walk only the node kinds some rule can match: attributes and text nodes
        # cost a template call each, and most schemas match elements only.
        kinds = ["*"]
        if "@" in contexts or "attribute" in contexts or "node()" in contexts:
            kinds.append("@*")
        if re.search(r"text\(\)|node\(\)|comment\(\)|processing-instruction", contexts):
            kinds = ["@*" if "@*" in kinds else "", "node()"]
        children = "|".join(k for k in kinds if k)
        # Fast path: select the nodes some rule can match (`//ctx`) and apply the
        # rules to those only, instead of a template call on every node. Same
        # result: each node still goes to its first matching rule (priorities).
        direct = _select_for([r.get("context", "") for r in rules])
        n = len(rules)
        for j, r in enumerate(rules):
            ctx = r.get("context")
            if not ctx:
                raise SchematronError(f"pattern {pid}: a rule without @context")
            w(f"<xsl:template match={quoteattr(ctx)} priority='{1000 + n - j}' mode='M{i}'>")
            if self.fired:
                w(f"<svrl:fired-rule context={quoteattr(ctx)}" + (f" id={quoteattr(r.get('id'))}" if r.get("id") else "") + "/>")
            for let in local_lets:
                w(self.let(let))
            for c in r:
                if not isinstance(c.tag, str):
                    continue
                local = etree.QName(c).localname
                if local == "let":
                    w(self.let(c))
                elif local in ("assert", "report"):
                    test = c.get("test")
                    cond = f"not({test})" if local == "assert" else test
                    name = "failed-assert" if local == "assert" else "successful-report"
                    attrs = f"test={quoteattr(test)}"
                    rid = c.get("id") or r.get("id") or p.get("id")
                    if rid:
                        attrs += f" id={quoteattr(rid)}"
                    role = c.get("role") or r.get("role")
                    if role:
                        attrs += f" role={quoteattr(role)}"
                    if c.get("flag") or r.get("flag"):
                        attrs += f" flag={quoteattr(c.get('flag') or r.get('flag'))}"
                    w(f"<xsl:if test={quoteattr(cond)}><svrl:{name} {attrs}>")
                    w(self.location(c.get("subject") or r.get("subject")))
                    w(self.refs(c))
                    w(f"<svrl:text>{self.message(c)}</svrl:text></svrl:{name}></xsl:if>")
            w("</xsl:template>" if direct else f"<xsl:apply-templates select='{children}' mode='M{i}'/></xsl:template>")
        if direct:
            w(f"<xsl:template match='/' priority='-2' mode='M{i}'><xsl:apply-templates select={quoteattr(direct)} mode='M{i}'/></xsl:template>")
        else:
            w(f"<xsl:template match='/|@*|node()' priority='-2' mode='M{i}'><xsl:apply-templates select='{children}' mode='M{i}'/></xsl:template>")


def _split_union(expr: str) -> list[str] | None:
    """Top-level branches of a pattern's `|` union; None when the text is beyond this simple reading."""
    out, depth, quote, cur, i = [], 0, "", [], 0
    while i < len(expr):
        ch = expr[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "|" and depth == 0:
            if expr[i + 1:i + 2] == "|":  # XPath 3 string concatenation: leave this pattern alone
                return None
            out.append("".join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur).strip())
    return out if all(out) and not quote and depth == 0 else None


def _select_for(contexts: list[str]) -> str | None:
    """`//a | //b/c | /d` selecting every node the rule contexts (match patterns) can match."""
    branches: list[str] = []
    for ctx in contexts:
        parts = _split_union(ctx)
        if parts is None:
            return None
        for b in parts:
            if b == "/":
                branches.append("/")
            elif b.startswith("/"):
                branches.append(b)
            elif re.match(r"^(@|\*|[\w.\-]+(:[\w.\-*]+)?(\[|/|$|\s)|[\w.\-]+:\*|text\(\)|node\(\)|comment\(\)|processing-instruction\(|element\(|attribute\(|@)", b) \
                    and not re.match(r"^(id|key|doc|root)\s*\(", b):
                branches.append("//" + b)
            else:  # functions, parenthesised or XSLT 3 forms: walk the whole tree instead
                return None
    return " | ".join(branches) if branches else None


# Positional path of a node, in XPath 1.0 so both bindings share it; `locate()` reads it back.
_LOCATION_TEMPLATE = """<xsl:template name="sch-location"><xsl:param name="n" select="."/><xsl:for-each select="$n">
<xsl:choose><xsl:when test="count(. | /) = 1">/</xsl:when><xsl:otherwise>
<xsl:for-each select="ancestor-or-self::*">/*[<xsl:value-of select="count(preceding-sibling::*) + 1"/>]</xsl:for-each>
<xsl:choose>
<xsl:when test="count(. | ../@*) = count(../@*)">/@*[local-name()='<xsl:value-of select="local-name()"/>' and namespace-uri()='<xsl:value-of select="namespace-uri()"/>']</xsl:when>
<xsl:when test="not(self::*)">/node()[<xsl:value-of select="count(preceding-sibling::node()) + 1"/>]</xsl:when>
</xsl:choose></xsl:otherwise></xsl:choose></xsl:for-each></xsl:template>"""


# --------------------------------------------------------------------------- compiled schema


_saxon = None


def saxon_processor():
    """One Saxon processor per process (creating one costs; they are not for sharing across forks' threads)."""
    global _saxon
    if _saxon is None:
        from saxonche import PySaxonProcessor

        _saxon = PySaxonProcessor(license=False)
    return _saxon


@dataclass
class CompiledSchematron:
    """A Schematron schema compiled to XSLT; `run(tree)` gives SVRL and findings."""

    name: str
    binding: str
    xslt: str = field(repr=False)
    _lxml: object = field(default=None, repr=False)
    _saxon: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.binding in XSLT1_BINDINGS:
            try:
                # No document(), no extension writes: validation reads nothing else.
                access = etree.XSLTAccessControl.DENY_ALL
                self._lxml = etree.XSLT(etree.fromstring(self.xslt.encode()), access_control=access)
            except etree.XSLTParseError as exc:
                raise SchematronError(f"{self.name}: a query does not compile as XPath 1.0 "
                                      f"(queryBinding='{self.binding}'): {exc}; fix it or set queryBinding=\"xslt2\"") from None
        else:
            from saxonche import PySaxonApiError

            proc = saxon_processor()
            xp = proc.new_xslt30_processor()
            try:
                self._saxon = xp.compile_stylesheet(stylesheet_text=self.xslt)
            except PySaxonApiError as exc:
                raise SchematronError(f"{self.name}: does not compile with Saxon: {exc}") from None
            if self._saxon is None:
                raise SchematronError(f"{self.name}: does not compile with Saxon: {xp.error_message}")

    def run(self, tree: etree._ElementTree, text: str | None = None,
            full_svrl: bool = False) -> tuple[etree._Element, list[Finding]]:
        """SVRL root and findings; `text` is the document serialised (saved work for Saxon).

        `full_svrl` adds the active-pattern and namespace lines a complete SVRL
        report has (for --svrl); findings are the same either way.
        """
        if self._lxml is not None:
            try:
                svrl = self._lxml(tree, **({"sch-full-svrl": "true()"} if full_svrl else {})).getroot()
            except etree.XSLTApplyError as exc:
                raise SchematronError(f"{self.name}: a query failed: {exc}") from None
        else:
            from saxonche import PySaxonApiError

            if text is None:
                # The root element only: a DOCTYPE could make Saxon fetch a DTD.
                text = etree.tostring(tree.getroot(), encoding="unicode")
            proc = saxon_processor()
            try:
                doc = proc.parse_xml(xml_text=text)
                self._saxon.set_parameter("sch-full-svrl", proc.make_boolean_value(full_svrl))
                out = self._saxon.transform_to_string(xdm_node=doc)
            except PySaxonApiError as exc:
                raise SchematronError(f"{self.name}: a query failed: {exc}") from None
            svrl = etree.fromstring(out.encode("utf-8"))
        return svrl, findings(svrl)


def findings(svrl: etree._Element) -> list[Finding]:
    out = []
    pattern = ""
    for e in svrl:
        if not isinstance(e.tag, str):
            continue
        local = etree.QName(e).localname
        if local == "active-pattern":
            pattern = e.get("id", "")
        elif local in ("failed-assert", "successful-report"):
            text = " ".join("".join(e.findtext(f"{{{SVRL}}}text") or "").split())
            diags = tuple((d.get("diagnostic") or d.get("property"), " ".join("".join(d.itertext()).split()))
                          for d in e if etree.QName(d).localname in ("diagnostic-reference", "property-reference"))
            out.append(Finding(local, e.get("location", "/"), text, e.get("id") or pattern or "schematron",
                               e.get("role"), e.get("test", ""), pattern, diags))
    return out


_STEP = re.compile(r"/\*\[(\d+)\]|/@\*\[local-name\(\)='([^']*)' and namespace-uri\(\)='([^']*)'\]|/node\(\)\[(\d+)\]")


def locate(tree: etree._ElementTree, location: str) -> tuple[etree._Element | None, str | None]:
    """(element, attribute Clark name or None) for a location written by sch-location."""
    el: etree._Element | None = None
    attr = None
    for m in _STEP.finditer(location):
        if m.group(1):
            k = int(m.group(1))
            if el is None:
                el = tree.getroot()
            else:
                kids = [c for c in el if isinstance(c.tag, str)]
                if k > len(kids):
                    return el, None
                el = kids[k - 1]
        elif m.group(2) is not None:
            attr = f"{{{m.group(3)}}}{m.group(2)}" if m.group(3) else m.group(2)
    return el, attr


def compile_schema(schema: etree._Element | Path | str, *, base: Path | None = None, phase: str | None = None,
                   fired_rules: bool = False, name: str | None = None) -> CompiledSchematron:
    """Compile an ISO Schematron schema (a path or a parsed <sch:schema>) once."""
    if not isinstance(schema, etree._Element):
        base = Path(schema)
        name = name or str(schema)
        schema = _load(base)
    schema = _to_iso(copy.deepcopy(schema))
    name = name or "<schematron>"
    if schema.tag != f"{S}schema":
        raise SchematronError(f"{name}: root is <{etree.QName(schema).localname}>, not an ISO Schematron <schema>")
    _resolve_includes(schema, base or Path("schema.sch"))
    _expand_abstract_rules(schema)
    _expand_abstract_patterns(schema)
    binding = (schema.get("queryBinding") or "xslt").strip().lower()
    if binding not in XSLT1_BINDINGS | SAXON_BINDINGS:
        raise SchematronError(f"{name}: queryBinding '{binding}' is not supported (xslt, xslt2, xslt3, xpath2, xpath3, xpath31)")
    xslt = _Gen(schema, binding, phase, fired_rules).generate()
    return CompiledSchematron(name, binding, xslt)
