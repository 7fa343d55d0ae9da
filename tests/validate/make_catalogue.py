"""Regenerate tests/validate/invalid/*.xml: one broken copy of valid/d71.xml per rule or error kind.

Run by hand after changing the base document (python tests/validate/make_catalogue.py),
then `pytest tests/test_validate.py --update-golden` and review the .expected files.
Each case changes one thing, so each report line names exactly that fault.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = (HERE / "valid" / "d71.xml").read_text(encoding="utf-8")

P1 = "<p>MEMORANDUM FOR THE RECORD</p>"
CASES: dict[str, list[tuple[str, str]]] = {
    # Schematron rules (schema/frus-tei.sch)
    "frus-id-unique": [('<pb n="2" xml:id="pg_2"/>', '<pb n="2" xml:id="pg_2"/><pb n="2" xml:id="pg_2"/>')],
    "frus-id-place": [(P1, '<p xml:id="p1">MEMORANDUM FOR THE RECORD</p>')],
    "frus-id-div": [('xml:id="d71" n="71"', 'xml:id="doc71" n="71"')],
    "frus-id-note": [('xml:id="d71fn1"', 'xml:id="d71-note1"')],
    "frus-id-pb": [('<pb n="2" xml:id="pg_2"/>', '<pb n="2" xml:id="page2"/>')],
    "frus-ref-form": [(P1, '<p>MEMORANDUM FOR THE RECORD<note n="1a" xml:id="d71fn1a"><ref target="d70">Document 70</ref></note></p>')],
    "frus-ref-resolves": [(P1, '<p>MEMORANDUM FOR THE RECORD<note n="1a" xml:id="d71fn1a"><ref target="#d71fn9">footnote 9</ref></note></p>')],
    "frus-note-order": [('n="2" xml:id="d71fn2"', 'n="3" xml:id="d71fn3"')],
    "frus-note-source-first": [('<note n="1" xml:id="d71fn1" type="source">', '<note n="1" xml:id="d71fn1">'),
                               (P1, '<p>MEMORANDUM FOR THE RECORD<note type="source">Source: misplaced.</note></p>')],
    "frus-note-space": [('1971<note n="1"', '1971 <note n="1"')],
    "frus-pb-order": [('<pb n="4" xml:id="pg_4"/>', '<pb n="1" xml:id="pg_1b"/>')],
    "frus-p-empty": [(P1, P1 + '\n        <p> <pb n="1" xml:id="pg_1x"/> </p>')],
    "frus-date-iso": [('<change when="', '<change when="1971-12-03T')],
    "frus-date-range": [('notBefore="1971-12-03" notAfter="1971-12-04"', 'notBefore="1971-12-04" notAfter="1971-12-03"')] * 2,
    "frus-date-consistent": [('notAfter="1971-12-04">December 3 and 4, 1971</date>\n        </correspAction>',
                              'notAfter="1971-12-05">December 3 and 4, 1971</date>\n        </correspAction>')],
    "frus-date-heading": [(">December 3 and 4, 1971</date>", ">December 5, 1971</date>")],
    "frus-date-year": [('<date notBefore="1971-12-03" notAfter="1971-12-04">', '<date when="1972-12-03">')] * 2,
    # Grammar errors (schema/frus-tei.rng), one per kind libxml2 reports
    "rng-element-not-allowed": [(P1, '<p>MEMORANDUM <hi rend="b">FOR</hi> THE RECORD</p>')],
    "rng-unknown-attribute": [(P1, '<p rend="center">MEMORANDUM FOR THE RECORD</p>')],
    "rng-missing-element": [('<sourceDesc>', '<!--<sourceDesc>'), ('</sourceDesc>', '</sourceDesc>-->')],
    "rng-attribute-value": [('<pb n="2" xml:id="pg_2"/>', '<pb n="2" xml:id="2"/>')],
    "rng-text-not-allowed": [(P1, P1 + "\n        stray text in the div")],
    "rng-missing-attribute": [('<pb n="2" xml:id="pg_2"/>', '<pb xml:id="pg_2"/>')],
    "rng-wrong-root": [('<TEI xmlns="http://www.tei-c.org/ns/1.0"', '<TEIX xmlns="http://www.tei-c.org/ns/1.0"'), ("</TEI>", "</TEIX>")],
    "rng-wrong-namespace": [('<TEI xmlns="http://www.tei-c.org/ns/1.0"', '<TEI xmlns="http://www.tei-c.org/ns/2.0"')],
    # Parsing (converter/xmlsafe.py)
    "xml-not-well-formed": [(P1, "<p>MEMORANDUM FOR THE RECORD</div>")],
    "xml-undefined-entity": [(P1, "<p>MEMORANDUM&nbsp;FOR THE RECORD</p>")],
    "xml-entity-declaration": [('<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE TEI [\n  <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n')],
}


def main() -> None:
    out = HERE / "invalid"
    out.mkdir(exist_ok=True)
    for name, edits in CASES.items():
        text = BASE
        for old, new in edits:
            assert text.count(old) >= 1, (name, old)
            text = text.replace(old, new, 1)
        (out / f"{name}.xml").write_text(text, encoding="utf-8")
    # not UTF-8: one Latin-1 byte in the text
    (out / "xml-encoding.xml").write_bytes(BASE.replace(P1, "<p>MEMORANDUM FOR THE RECORD, caf\u00e9</p>").encode("utf-8").replace("caf\u00e9".encode(), b"caf\xe9"))


if __name__ == "__main__":
    main()
