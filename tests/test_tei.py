"""TEI writer on hand-built models: one test per node type (pandoc's Writers/TEI tests)."""
from __future__ import annotations

from lxml import etree

from converter.errors import Loc
from converter.heading import HeadingInfo, Span
from converter.model import (
    Closer,
    Document,
    FileNumber,
    Gap,
    Heading,
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
from converter.tei import serialize, to_tei

L = Loc("t.txt", 1, 1)
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def write(blocks, notes=(), heading=None, front=(), spans=()):
    doc = Document("t.txt", heading, list(blocks), list(notes), doc_id="d7", number="7", front=list(front))
    header = etree.Element("{http://www.tei-c.org/ns/1.0}teiHeader")
    tree = to_tei(doc, header, HeadingInfo(spans=list(spans)))
    div = tree.find(".//t:div", NS)
    return div


def inner(el) -> str:
    """Serialisation of an element with the namespace declaration stripped, for short asserts."""
    return etree.tostring(el, encoding="unicode", with_tail=False).replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def test_div_attributes():
    div = write([Paragraph([Text("x", L)], L)])
    assert div.get("type") == "document"
    assert div.get("{http://www.w3.org/XML/1998/namespace}id") == "d7"
    assert div.get("n") == "7"


def test_paragraph_keeps_text_and_white_space_exactly():
    div = write([Paragraph([Text("  two  spaces’ “quotes” ", L)], L)])
    assert inner(div.find("t:p", NS)) == "<p>  two  spaces’ “quotes” </p>"


def test_note_at_marker_with_id_and_number():
    note = Note(1, [Text("Source: File.", L)], L, n="0", anchored=True, is_source=True)
    heading = Heading([Text("7. Memo", L), NoteRef("0", L, note)], L, "7")
    div = write([], [note], heading)
    assert inner(div.find("t:head", NS)) == '<head>7. Memo<note n="0" xml:id="d7fn0" type="source">Source: File.</note></head>'


def test_unanchored_note_follows_the_note_before_it():
    n1 = Note(1, [Text("one", L)], L, n="1", anchored=True)
    n2 = Note(2, [Text("two", L)], L, n="2", anchored=False)
    div = write([Paragraph([Text("a", L), NoteRef("1", L, n1), Text(" b", L)], L)], [n1, n2])
    assert inner(div.find("t:p", NS)) == (
        '<p>a<note n="1" xml:id="d7fn1">one</note><note n="2" xml:id="d7fn2" anchored="false">two</note> b</p>'
    )


def test_unanchored_first_note_opens_the_div():
    n1 = Note(1, [Text("one", L)], L, n="1", anchored=False)
    div = write([Paragraph([Text("a", L)], L)], [n1], Heading([Text("7. T", L)], L, "7"))
    assert [etree.QName(c).localname for c in div] == ["note", "head", "p"]


def test_page_breaks_inline_and_between_blocks_with_unique_ids():
    div = write([Paragraph([Text("deter", L), PageBreak("5", L), Text("mining", L)], L), PageBreak("5", L)])
    assert inner(div.find("t:p", NS)) == '<p>deter<pb n="5" xml:id="pg_5"/>mining</p>'
    assert div.findall("t:pb", NS)[0].get("{http://www.w3.org/XML/1998/namespace}id") == "pg_5-2"


def test_list_with_head_type_nested_list_and_page_break():
    sub = ListBlock([Item([Text("Mr. A", L)], L)], L, indent=4)
    lst = ListBlock([Item([Text("Commerce", L)], L, sub), PageBreak("9", L), Item([Text("State", L)], L)], L,
                    head=[Text("PARTICIPANTS", L)], kind="participants")
    div = write([lst])
    el = div.find("t:list", NS)
    assert el.get("type") == "participants"
    assert el.find("t:head", NS).text == "PARTICIPANTS"
    items = el.findall("t:item", NS)
    assert items[0].text == "Commerce" and items[0].find("t:list/t:item", NS).text == "Mr. A"
    assert el.find("t:pb", NS).get("n") == "9"


def test_table_rows_and_cells():
    div = write([Table([[[Text("a", L)], [Text("b", L)]]], L)])
    assert [c.text for c in div.iterfind("t:table/t:row/t:cell", NS)] == ["a", "b"]


def test_closer_lines_are_one_signed_with_line_breaks():
    closer = Closer([[Text("VERNON A. WALTERS", L)], [Text("Major General, USA", L)]], L)
    div = write([Paragraph([Text("Text.", L)], L), closer])
    assert inner(div.find("t:closer/t:signed", NS)) == "<signed>VERNON A. WALTERS<lb/>Major General, USA</signed>"


def test_signature_with_no_text_before_it_is_an_anonymous_block():
    """TEI allows closer only after a paragraph, list or table."""
    div = write([Gap(L), Closer([[Text("Berger", L)]], L)])
    assert inner(div.find("t:ab", NS)) == '<ab type="closer">Berger</ab>'
    assert div.find("t:closer", NS) is None


def test_gap_file_number_line_break_and_ref():
    div = write(
        [Paragraph([Text("a", L), LineBreak(L), Text("b ", L), Ref("Document 3", "d3", L)], L), Gap(L)],
        front=[FileNumber("765.84/4479: Telegram", L)],
    )
    assert inner(div[0]) == '<note rend="inline" type="source">765.84/4479: Telegram</note>'
    assert inner(div.find("t:p", NS)) == '<p>a<lb/>b <ref target="#d3">Document 3</ref></p>'
    assert div.find("t:gap", NS).get("reason") == "omitted"


def test_heading_spans_wrap_names():
    text = "1. Memorandum From Robert W. Komer to President Kennedy"
    spans = [Span(19, 34, "persName", "from"), Span(48, 55, "persName", "to")]
    div = write([], heading=Heading([Text(text, L)], L, "1"), spans=spans)
    assert inner(div.find("t:head", NS)) == (
        '<head>1. Memorandum From <persName type="from">Robert W. Komer</persName> to President '
        '<persName type="to">Kennedy</persName></head>'
    )


def test_serialisation_indents_only_element_content():
    div = write([Paragraph([Text("a", L), NoteRef("1", L, Note(1, [Text("n", L)], L, n="1", anchored=True)), Text(" ", L)], L)],
                [])
    out = serialize(div.getroottree()).decode()
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI')
    assert '<p>a<note n="1" xml:id="d7fn1">n</note> </p>' in out
    assert "\n      <div" in out and out.endswith("</TEI>\n")
