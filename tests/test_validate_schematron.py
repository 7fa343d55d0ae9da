"""Schematron features, each under both bindings (XSLT 1.0 in libxslt, XSLT 3 in Saxon); XSD, RNC."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.errors import Severity
from converter.validate import SchemaLoadError, Validator

DOC = b"""<doc xmlns="urn:t">
  <item n="1" kind="a">one</item>
  <item n="3" kind="b">three</item>
  <note/>
</doc>
"""

SCHEMA = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}" defaultPhase="{phase}">
  <ns prefix="t" uri="urn:t"/>
  <let name="max" value="2"/>
  <phase id="items"><active pattern="numbers"/></phase>
  <phase id="notes"><active pattern="empty-notes-t"/></phase>
  <pattern id="numbers">
    <rule abstract="true" id="has-n"><assert id="n-present" test="@n">no @n</assert></rule>
    <rule context="t:item">
      <let name="n" value="number(@n)"/>
      <extends rule="has-n"/>
      <assert id="n-max" test="$n &lt;= $max" role="warning" diagnostics="d-n">item <value-of select="@n"/> of <name/> is over <value-of select="$max"/></assert>
      <report id="kind-b" test="@kind = 'b'" role="info">kind b on <name path=".."/></report>
    </rule>
  </pattern>
  <pattern id="empty-notes" abstract="true">
    <rule context="$el"><assert id="not-empty" test="normalize-space(.) != ''">empty <name/></assert></rule>
  </pattern>
  <pattern id="empty-notes-t" is-a="empty-notes"><param name="el" value="t:note"/></pattern>
  <diagnostics><diagnostic id="d-n">set @n to <value-of select="$max"/> or less</diagnostic></diagnostics>
</schema>
"""


def _run(tmp_path, binding, phase="#ALL", schema=SCHEMA, doc=DOC):
    sch = tmp_path / f"s-{binding}.sch"
    sch.write_text(schema.format(binding=binding, phase=phase), encoding="utf-8")
    return [(d.code, d.severity, d.loc.line, d.message) for d in Validator.load([str(sch)]).validate(doc, source="doc.xml")]


@pytest.mark.parametrize("binding", ["xslt", "xslt2", "xslt3"])
def test_features(tmp_path, binding):
    assert _run(tmp_path, binding) == [
        ("n-max", Severity.WARNING, 3, "item 3 of item is over 2 (set @n to 2 or less)"),
        ("kind-b", Severity.INFO, 3, "kind b on doc"),
        ("not-empty", Severity.ERROR, 4, "empty note"),
    ]


@pytest.mark.parametrize("binding", ["xslt", "xslt3"])
def test_phases(tmp_path, binding):
    assert [c for c, *_ in _run(tmp_path, binding, phase="notes")] == ["not-empty"]
    assert [c for c, *_ in _run(tmp_path, binding, phase="items")] == ["n-max", "kind-b"]
    with pytest.raises(SchemaLoadError, match="no phase 'nope'"):
        _run(tmp_path, binding, phase="nope")


def test_abstract_rule_extends_and_missing_attribute(tmp_path):
    assert ("n-present", Severity.ERROR, 2, "no @n") in _run(tmp_path, "xslt2", doc=DOC.replace(b' n="1"', b""))


def test_xpath2_only_in_xslt2(tmp_path):
    schema = SCHEMA.replace('test="@n"', 'test="matches(@n, \'^\\d+$\')"')
    assert _run(tmp_path, "xslt2", schema=schema)[0][0] == "n-max"
    # libxslt finds the XPath 2 function missing only when it runs: one clear diagnostic.
    ((code, severity, _line, message),) = _run(tmp_path, "xslt", schema=schema)
    assert code == "schematron-failed" and severity == Severity.ERROR
    assert "the schema has a bug, not the document" in message


def test_include(tmp_path):
    (tmp_path / "part.sch").write_text(
        '<pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="inc"><rule context="*:note">'
        '<assert id="inc-rule" test="false()">included</assert></rule></pattern>', encoding="utf-8")
    sch = tmp_path / "main.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                   '<include href="part.sch"/></schema>', encoding="utf-8")
    assert [d.code for d in Validator.load([str(sch)]).validate(DOC)] == ["inc-rule"]


def test_schematron_embedded_in_rng(tmp_path):
    rng = tmp_path / "odd.rng"
    rng.write_text("""<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:sch="http://purl.oclc.org/dsdl/schematron" ns="urn:t">
  <start><element name="doc"><oneOrMore><choice>
    <element name="item"><attribute name="n"/><optional><attribute name="kind"/></optional><text/>
      <sch:pattern><sch:rule context="t:item"><sch:assert id="odd" test="number(@n) mod 2 = 0" role="warning">@n is odd</sch:assert></sch:rule></sch:pattern>
    </element>
    <element name="note"><empty/></element></choice></oneOrMore></element></start>
  <sch:ns prefix="t" uri="urn:t"/>
</grammar>""", encoding="utf-8")
    v = Validator.load([str(rng)])
    assert v.names == ["odd.rng", "odd.rng#schematron"]
    assert [(d.code, d.loc.line, d.schema) for d in v.validate(DOC)] == [("odd", 2, "odd.rng#schematron"), ("odd", 3, "odd.rng#schematron")]
    assert Validator.load([str(rng)], embedded_schematron=False).validate(DOC) == []


XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
  <xs:element name="doc"><xs:complexType><xs:sequence>
    <xs:element name="item" maxOccurs="unbounded"><xs:complexType><xs:simpleContent><xs:extension base="xs:string">
      <xs:attribute name="n" type="xs:positiveInteger"/><xs:attribute name="kind" type="xs:string"/>{assert}</xs:extension></xs:simpleContent></xs:complexType></xs:element>
    <xs:element name="note"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>"""


def test_xsd_10_and_11(tmp_path):
    x10 = tmp_path / "a.xsd"
    x10.write_text(XSD.replace("{assert}", ""), encoding="utf-8")
    v = Validator.load([str(x10)])
    assert v.validate(DOC) == []
    bad = v.validate(DOC.replace(b'n="3"', b'n="x"'), source="d.xml")
    assert [(d.loc.line, d.code) for d in bad] == [(3, "xsd-decode")]
    assert "'x'" in bad[0].message and bad[0].xpath == "/Q{urn:t}doc/Q{urn:t}item[2]"
    x11 = tmp_path / "b.xsd"
    x11.write_text(XSD.replace("{assert}", '<xs:assert test="@kind = \'a\'"/>'), encoding="utf-8")
    v11 = Validator.load([str(x11)])
    assert v11.checks[0].version == "1.1"
    assert [d.loc.line for d in v11.validate(DOC)] == [3]


def test_rnc(tmp_path):
    rnc = tmp_path / "s.rnc"
    rnc.write_text('default namespace = "urn:t"\nstart = element doc { element item { attribute n { text }, attribute kind { text }?, text }+, element note { empty } }\n', encoding="utf-8")
    try:
        import rnc2rng  # noqa: F401
    except ImportError:
        with pytest.raises(SchemaLoadError, match="needs the rnc2rng package"):
            Validator.load([str(rnc)])
        return
    v = Validator.load([str(rnc)])
    assert v.validate(DOC) == []
    assert [d.code for d in v.validate(DOC.replace(b"<note/>", b"<note>x</note>"))] == ["rng-textwrong"]


def test_unknown_schema_type(tmp_path):
    p = tmp_path / "s.dtd"
    p.write_text("<!ELEMENT doc ANY>", encoding="utf-8")
    with pytest.raises(SchemaLoadError, match="unknown schema type"):
        Validator.load([str(p)])
