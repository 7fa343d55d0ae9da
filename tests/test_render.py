"""The HTML edition (`tei-edition render`, xslt/html.xsl) on real documents.

Every corpus document, in FRUS's own TEI (tests/corpus/*/dN.xml) and in ours
(converted from dN.txt), must give a page whose internal links all land,
which has every note and page break of the TEI, whose text is the TEI's text
(notes and page markers aside), and whose markup has HTML5's structure.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html

from converter import cli
from converter.errors import Severity
from converter.render import HtmlRenderer, Link, load_tei, summarize
from tests.conftest import CORPUS

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FRUS_TEI = sorted(CORPUS.glob("*/d*.xml"))


@pytest.fixture(scope="module")
def renderer() -> HtmlRenderer:
    return HtmlRenderer()


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """Our own TEI of the corpus, with the volume manifests (so headers are complete)."""
    out = tmp_path_factory.mktemp("converted")
    assert cli.main(["convert", str(CORPUS), "--out", str(out), "-q"]) == 0
    return out


# -- helpers -------------------------------------------------------------------

VOID = ("meta", "link", "br")
# HTML5 content models, as far as our pages use them: what may sit directly inside.
BLOCKS = {"div", "p", "ul", "ol", "li", "table", "blockquote", "section", "article", "h1", "h2", "h3",
          "h4", "h5", "h6", "dl", "dt", "dd", "nav", "main", "caption", "tbody", "thead", "tr", "td", "th"}
PHRASING_ONLY = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "i", "strong", "em", "sup", "sub",
                 "u", "s", "cite", "dt", "caption", "time"}
ONLY_CHILDREN = {"ul": {"li"}, "ol": {"li"}, "table": {"caption", "thead", "tbody"}, "tbody": {"tr"},
                 "thead": {"tr"}, "tr": {"td", "th"}, "dl": {"div"}, "html": {"head", "body"}}


def as_xml(page: str) -> etree._Element:
    """The page parsed strictly: Saxon's HTML5 output with void and boolean syntax made XML.

    A strict parse catches what an HTML parser would silently repair (a <div>
    inside a <p>, a stray end tag)."""
    assert page.startswith("<!DOCTYPE HTML>")
    text = page[len("<!DOCTYPE HTML>"):]
    text = re.sub(r"<(%s)(\s[^>]*)?>" % "|".join(VOID), lambda m: f"<{m.group(1)}{m.group(2) or ''}/>", text)
    text = text.replace(" defer>", ' defer="defer">').replace("&nbsp;", "\u00a0")
    return etree.fromstring(text)


def check_structure(root: etree._Element) -> None:
    """HTML5 structure: lang set, unique ids, block/phrasing nesting, list/table children."""
    assert root.tag == "html" and root.get("lang")
    ids = [e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id") is not None]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    for e in root.iter():
        if not isinstance(e.tag, str):
            continue
        if e.tag in PHRASING_ONLY:
            bad = [c.tag for c in e.iter() if c is not e and c.tag in BLOCKS]
            assert not bad, f"<{e.tag}> holds blocks {bad}: {etree.tostring(e, encoding='unicode')[:200]}"
        if e.tag in ONLY_CHILDREN:
            bad = [c.tag for c in e if c.tag not in ONLY_CHILDREN[e.tag]]
            assert not bad, f"<{e.tag}> holds {bad}"
            if e.tag != "html":
                assert not (e.text or "").strip() and all(not (c.tail or "").strip() for c in e), f"text in <{e.tag}>"


def tei_text_of(el: etree._Element) -> str:
    """Text of a TEI element, notes inside it left out."""
    parts: list[str] = []

    def walk(e):
        if e.text:
            parts.append(e.text)
        for c in e:
            if isinstance(c.tag, str) and c.tag != f"{T}note":
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return "".join(parts)


def tei_text(tree: etree._ElementTree) -> str:
    """Text of the TEI body, notes left out."""
    return tei_text_of(tree.getroot().find(f"{T}text/{T}body"))


# What the page adds to the TEI's text: markers, labels, the panel, the footnotes.
ADDED = ("noteref", "footnotes", "pb", "metadata", "note-inline")


def html_text(article: etree._Element) -> str:
    parts: list[str] = []

    def walk(e):
        if e.text:
            parts.append(e.text)
        for c in e:
            if not set((c.get("class") or "").split()) & set(ADDED):
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(article)
    return "".join(parts)


def squeeze(s: str) -> str:
    # Compare without white space: the TEI's indentation and the page's line layout differ,
    # every other character must be the same and in the same order.
    return re.sub(r"\s+", "", s)


def check_page(page: str, tree: etree._ElementTree) -> etree._Element:
    root = as_xml(page)
    check_structure(root)
    ids = {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    for a in root.iter("a"):
        href = a.get("href", "")
        if href.startswith("#"):
            assert href[1:] in ids, f'href="{href}" has no id="{href[1:]}"'
    article = root.find(".//article")
    body = tree.getroot().find(f"{T}text/{T}body")
    # Every note: footnotes with their TEI id and marker label, inline notes in place.
    notes = body.findall(f".//{T}note")
    footnotes = article.findall(".//section[@class='footnotes']/ol/li")
    foot = [n for n in notes if n.get("rend") != "inline"]
    assert len(footnotes) == len(foot)
    for n, li in zip(foot, footnotes):
        assert li.get("id") == n.get(XML_ID)
        assert li.find("span[@class='fn-label']").text == f"{n.get('n', '*')}."
        assert squeeze("".join(li.find("div[@class='note-body']").itertext())) == squeeze(tei_text_of(n))
        if n.get(XML_ID) and n.get("anchored") != "false":
            marker = root.find(f".//a[@id='{n.get(XML_ID)}-ref']")
            assert marker is not None and marker.get("href") == f"#{n.get(XML_ID)}" and marker.text == n.get("n")
            assert li.find("a[@class='backref']").get("href") == f"#{n.get(XML_ID)}-ref"
    inline = [e for e in article.iter() if "note-inline" in (e.get("class") or "")]
    assert [squeeze("".join(e.itertext())) for e in inline] == [
        squeeze(tei_text_of(n)) for n in notes if n.get("rend") == "inline"]
    # Every page break: "[Page N]" with the TEI's id.
    pbs = body.findall(f".//{T}pb")
    markers = [e for e in article.iter() if (e.get("class") or "") == "pb"]
    assert [(m.get("id"), m.text) for m in markers] == [(p.get(XML_ID), f"[Page {p.get('n')}]") for p in pbs]
    # The text, notes aside.
    assert squeeze(html_text(article)) == squeeze(tei_text(tree))
    return root


# -- every corpus document ------------------------------------------------------


@pytest.mark.parametrize("path", FRUS_TEI, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_frus_tei_renders_completely(renderer, path: Path):
    result = renderer.render(path)
    assert result.diagnostics == []  # FRUS's elements in these documents all have rules
    tree, _ = load_tei(path)
    check_page(result.html, tree)


def test_converted_tei_renders_completely(renderer, converted):
    files = sorted(converted.rglob("d*.xml"))
    assert len(files) == len(FRUS_TEI)
    for path in files:
        result = renderer.render(path)
        assert result.diagnostics == [], path
        tree, _ = load_tei(path)
        root = check_page(result.html, tree)
        # the header panel shows what the header has
        panel = root.find(".//dl[@class='metadata']")
        sent = tree.getroot().find(f"{T}teiHeader/{T}profileDesc/{T}correspDesc/{T}correspAction[@type='sent']")
        if sent is not None and sent.find(f"{T}persName") is not None:
            assert panel is not None and "From" in [dt.text for dt in panel.iter("dt")], path


def test_header_panel_rows(renderer, converted):
    root = as_xml(renderer.render_document(converted / "frus1961-63v22" / "d255.xml"))
    panel = {div.find("dt").text: div.find("dd").xpath("string()") for div in root.find(".//dl[@class='metadata']")}
    assert panel["From"] == "Robert W. Komer, National Security Council Staff"
    assert panel["To"] == "Kennedy, President"
    assert panel["Classification"] == "Secret"
    assert panel["Source"].startswith("Kennedy Library, National Security Files")
    # A document without a header gets no panel at all.
    root = as_xml(renderer.render_document(CORPUS / "frus1961-63v22" / "d255.xml"))
    assert root.find(".//dl") is None


# -- specific features ------------------------------------------------------------

def tei(body: str, header: str = "") -> bytes:
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader>{header}</teiHeader>'
            f'<text><body><div type="document" xml:id="d5" n="5">{body}</div></body></text></TEI>').encode()


def test_notes_link_both_ways_and_keep_their_labels(renderer):
    page = renderer.render_document(tei(
        '<head>5. Memo<note n="0" xml:id="d5fn0" type="source">Source: X.</note></head>'
        '<p>Text<note n="1" xml:id="d5fn1">First.</note> more.<note n="2" xml:id="d5fn2" anchored="false">Unseen.</note></p>'))
    root = as_xml(page)
    assert [a.text for a in root.iter("a") if a.get("role") == "doc-noteref"] == ["0", "1"]
    lis = root.findall(".//section[@class='footnotes']/ol/li")
    assert [li.get("id") for li in lis] == ["d5fn0", "d5fn1", "d5fn2"]
    assert [li.find("span").text for li in lis] == ["0.", "1.", "2."]  # @n as written, not positions
    assert lis[2].find("a[@class='backref']") is None  # no marker to return to
    assert root.find(".//a[@id='d5fn2-ref']") is None


def test_page_breaks_anchor_and_link_to_the_image(renderer):
    root = as_xml(renderer.render_document(tei(
        '<p>deter<pb n="325" xml:id="pg_325" facs="https://example.org/325.png"/>mining</p>'
        '<pb n="326" xml:id="pg_326"/><p>more</p>')))
    a = root.find(".//a[@id='pg_325']")
    assert a.get("class") == "pb" and a.get("href") == "https://example.org/325.png" and a.text == "[Page 325]"
    span = root.find(".//span[@id='pg_326']")
    assert span.get("class") == "pb" and span.text == "[Page 326]"
    assert root.find(".//p").xpath("string()") == "deter[Page 325]mining"


def test_facs_base_prefixes_relative_images():
    r = HtmlRenderer(facs_base="images/")
    root = as_xml(r.render_document(tei('<p>a<pb n="9" xml:id="pg_9" facs="0009.png"/>b</p>')))
    assert root.find(".//a[@id='pg_9']").get("href") == "images/0009.png"


def test_cross_references(renderer):
    root = as_xml(renderer.render_document(tei(
        '<p><ref target="#d5fn1">note 1</ref>, <ref target="#d347">Document 347</ref>, '
        '<ref target="#d345fn3">footnote 3, Document 345</ref>, <ref target="frus1961-63v22#d318">x</ref>, '
        '<ref target="#nowhere">y</ref><note n="1" xml:id="d5fn1">N.</note></p>')))
    refs = [(e.tag, e.get("href"), e.text) for e in root.iter() if e.get("class") == "ref"]
    assert refs == [
        ("a", "#d5fn1", "note 1"),
        ("a", "d347.html", "Document 347"),
        ("a", "d345.html#d345fn3", "footnote 3, Document 345"),
        ("a", "https://history.state.gov/historicaldocuments/frus1961-63v22/d318", "x"),
        ("span", None, "y"),  # no such target: the text stays, without a dead link
    ]


def test_lists_tables_closers(renderer):
    root = as_xml(renderer.render_document(tei(
        '<head>5. A</head><p>Intro:<list><item>one</item></list></p>'
        '<list type="subject"><head>SUBJECT</head><item>Korea<list><item>inner</item></list></item>'
        '<pb n="2" xml:id="pg_2"/><item>two</item></list>'
        '<table><row role="label"><cell>a</cell><cell>b</cell></row><pb n="3" xml:id="pg_3"/>'
        '<row><cell cols="2">c</cell></row></table>'
        '<closer><signed>R.W. Komer</signed><signed>Second</signed></closer><gap reason="omitted"/>')))
    assert root.find(".//div[@class='p']/div[@class='list']/ul/li").text == "one"  # <p> holding a list
    subject = root.find(".//div[@class='list list-subject']")
    assert subject.find("div").text == "SUBJECT"
    assert [li.get("class") for li in subject.find("ul")] == [None, "pb-item", None]
    assert [c.tag for c in root.find(".//table/tbody/tr")] == ["th", "th"]
    assert root.find(".//td[@colspan='2']").text == "c"
    assert [s.text for s in root.findall(".//div[@class='closer']/div[@class='signed']")] == ["R.W. Komer", "Second"]
    assert root.find(".//span[@class='gap']") is not None


def test_unknown_elements_render_as_text_and_warn_once(renderer):
    result = renderer.render(tei('<p>a <foo>secret <hi rend="italic">words</hi></foo> b</p>\n'
                                 '<p><foo>again</foo></p><bar><p>block</p></bar>'), source="doc.xml")
    root = as_xml(result.html)
    assert root.find(".//span[@data-tei='foo']").xpath("string()") == "secret words"
    assert root.find(".//div[@data-tei='bar']/p").text == "block"
    assert [(d.code, d.severity, d.loc.line) for d in result.diagnostics] == [
        ("render-unknown-element", Severity.WARNING, 1), ("render-unknown-element", Severity.WARNING, 2)]
    assert result.unknown == ["foo", "bar"]
    assert "<foo>" in result.diagnostics[0].message


HOSTILE = b'''<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:h="http://www.w3.org/1999/xhtml" xml:lang="en&quot; onload=&quot;x">
<teiHeader><profileDesc><correspDesc><correspAction type="sent"><persName>&lt;script&gt;alert(1)&lt;/script&gt;</persName>
</correspAction></correspDesc></profileDesc></teiHeader>
<text><body><div type="document" xml:id="d9" n="9">
<head>9. &lt;script&gt;alert("head")&lt;/script&gt;<note n="1" xml:id="d9fn1">&lt;img src=x onerror=alert(1)&gt;</note></head>
<p rend="x&quot; onclick=&quot;alert(1)">&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;
<pb n="1&quot;&gt;&lt;script&gt;" xml:id="pg_1" facs="javascript:alert(3)"/>
<pb n="2" xml:id="pg_2" facs=" JaVaScRiPt:alert(4)"/>
<pb n="3" xml:id="pg_3" facs="java&#9;script:alert(5)"/>
<ref target="javascript:alert(6)">a</ref> <ref target="data:text/html,&lt;script&gt;alert(7)&lt;/script&gt;">b</ref>
<ref target="#d9&quot;onmouseover=&quot;alert(8)">c</ref>
<h:script>alert(9)</h:script><script>alert(10)</script>
<hi rend="italic&quot; style=&quot;x">q</hi><foreign xml:lang="en&quot;&gt;">f</foreign></p>
</div></body></text></TEI>'''


def test_hostile_tei_renders_harmless(renderer):
    result = renderer.render(HOSTILE, source="hostile.xml")
    page = result.html
    root = html.document_fromstring(page)  # as a browser would read it
    scripts = root.xpath("//script")
    assert [s.get("src") for s in scripts] == ["edition.js"] and not any(s.text for s in scripts)
    assert not root.xpath("//img | //iframe | //object | //embed")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert name != "style", el.tag
            assert not re.match(r"\s*(javascript|data|vbscript):", re.sub(r"[\t\n\r]", "", value), re.I), (name, value)
    assert root.get("lang") == "en\" onload=\"x"  # escaped inside the attribute, not a new attribute
    text = root.text_content()
    for s in ('<script>alert("head")</script>', "<script>alert(2)</script>", "<img src=x onerror=alert(1)>", "alert(10)"):
        assert s in text
    assert sorted(result.unknown) == ["h:script", "script"]
    # The page markers are there, unlinked where the image URL is not safe.
    assert [e.tag for e in root.xpath("//*[@class='pb']")] == ["span", "span", "span"]
    assert [e.tag for e in root.xpath("//*[@class='ref']")] == ["span", "span", "span"]


def test_input_entities_and_dtds_are_not_read(renderer, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doc = (f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>a&x;b</p></body></text></TEI>').encode()
    try:
        page = renderer.render_document(doc)
    except Exception as exc:  # refusing the document is as good as not reading the file
        assert "TOP-SECRET" not in str(exc)
    else:
        assert "TOP-SECRET" not in page


# -- volume: index, prev/next, CLI ------------------------------------------------------

def test_summary_and_index(renderer):
    tree, _ = load_tei(CORPUS / "frus1936v03" / "d242.xml")
    s = summarize(tree, "d242.html")
    assert (s.id, s.n, s.file) == ("d242", "242", "d242.html")
    assert s.title == "The Acting Secretary of State to the Ambassador in Brazil (Gibson)"
    assert s.date.startswith("May 22, 1936")
    root = as_xml(renderer.render_index([s], title='Vol <1> & "2"'))
    check_structure(root)
    assert root.find(".//h1").text == 'Vol <1> & "2"'
    row = root.find(".//tbody/tr")
    assert [c.xpath("string()") for c in row] == ["242", s.title, s.date]
    assert row.find(".//a").get("href") == "d242.html"


def test_prev_next_links(renderer):
    root = as_xml(renderer.render_document(CORPUS / "frus1936v03" / "d243.xml",
                                           prev=Link("d242.html", "Document 242"),
                                           next=Link("d244.html", "Document 244"), index_href="index.html",
                                           volume_title="Vol"))
    navs = root.findall(".//nav")
    assert len(navs) == 2
    assert [(a.get("rel"), a.get("href")) for a in navs[0].iter("a")] == [
        ("prev", "d242.html"), (None, "index.html"), ("next", "d244.html")]
    # the next page without prev: parameters do not leak from one page to the next
    root = as_xml(renderer.render_document(CORPUS / "frus1936v03" / "d242.xml", next=Link("d243.html", "243")))
    assert [a.get("rel") for a in root.find(".//nav").iter("a")] == ["next"]


def test_cli_renders_a_volume(tmp_path, capsys):
    out = tmp_path / "site"
    assert cli.main(["render", str(CORPUS / "frus1936v03"), "--out", str(out)]) == 0
    assert "rendered 10 document(s) in 1 volume(s), 0 failed" in capsys.readouterr().err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"d{n}.html" for n in range(242, 252)] + ["index.html", "edition.css", "edition.js"])
    index = as_xml((out / "index.html").read_text(encoding="utf-8"))
    assert [a.get("href") for a in index.iter("a")] == [f"d{n}.html" for n in range(242, 252)]
    assert index.find(".//h1").text.startswith("Foreign Relations of the United States Diplomatic Papers, 1936")
    first = as_xml((out / "d242.html").read_text(encoding="utf-8"))
    last = as_xml((out / "d251.html").read_text(encoding="utf-8"))
    assert [a.get("rel") for a in first.find(".//nav").iter("a")] == [None, "next"]
    assert [a.get("rel") for a in last.find(".//nav").iter("a")] == ["prev", None]
    # No external requests: stylesheet and script are the local files.
    for page in out.glob("*.html"):
        root = html.document_fromstring(page.read_text(encoding="utf-8"))
        for url in root.xpath("//link/@href | //script/@src | //img/@src | //iframe/@src"):
            assert "://" not in url and not url.startswith("//"), url
    assert "url(" not in (out / "edition.css").read_text() and "@import" not in (out / "edition.css").read_text()


def test_cli_reports_unknown_elements_once(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for n in (1, 2):
        (src / f"d{n}.xml").write_bytes(tei(f"<head>{n}. T</head><p><foo>x</foo></p>").replace(b'"d5" n="5"', f'"d{n}" n="{n}"'.encode()))
    assert cli.main(["render", str(src), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert err.count("[render-unknown-element]") == 1
    assert f"{src / 'd1.xml'}:1:" in err and "warning: <foo> has no rule" in err


def test_cli_text_format(tmp_path):
    out = tmp_path / "text"
    path = CORPUS / "frus1961-63v22" / "d255.xml"
    assert cli.main(["convert", str(CORPUS / "frus1961-63v22" / "d255.txt"), "--out", str(tmp_path / "tei"), "-q"]) == 0
    assert cli.main(["render", str(tmp_path / "tei"), "--format", "text", "--out", str(out), "-q"]) == 0
    assert (out / "d255.txt").read_text(encoding="utf-8") == path.with_suffix(".txt").read_text(encoding="utf-8")


def test_cli_bad_input(tmp_path, capsys):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>")
    assert cli.main(["render", str(bad), "--out", str(tmp_path / "o")]) == 1
    assert "bad.xml: not well-formed XML" in capsys.readouterr().err
    assert cli.main(["render", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
