"""The teiHeader: golden headers per heading pattern, the corpus both ways, manifests, reproducibility.

Golden cases: tests/cases/header-*/input.txt -> expected.header.xml (the teiHeader as written,
with a manifest.json in the folder when the case has volume metadata). Accept new output with
`pytest tests/test_header.py --update-golden`, then review `git diff`.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from converter.api import convert, convert_file
from converter.header import split_source_note
from converter.manifest import ManifestError, load_manifest, parse_manifest
from converter.options import ConvertOptions
from converter.paths import TEI_ALL_RNG
from tests.conftest import corpus_texts

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
NS = {"t": "http://www.tei-c.org/ns/1.0"}
CASES = sorted(p for p in (TESTS / "cases").glob("header-*") if (p / "input.txt").is_file())
EPOCH = "1700000000"  # 2023-11-14
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"


@pytest.fixture(autouse=True)
def _epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture(scope="module")
def tei_all():
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))


def project_schemas() -> list[Path]:
    """schema/frus-tei.rng (and .sch) once the project schema exists."""
    return sorted((ROOT / "schema").glob("frus-tei.rng"))


def _case_options(case: Path) -> ConvertOptions:
    volume = load_manifest(case / "manifest.json") if (case / "manifest.json").is_file() else None
    return ConvertOptions(doc_id="d1", volume=volume)


def _header_xml(data: bytes) -> str:
    root = etree.fromstring(data)
    header = root.find("t:teiHeader", NS)
    header.tail = None
    for el in header.iter():  # header content is element-only or text-only: re-indent from column 0
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
    etree.indent(header, space="  ")
    return etree.tostring(header, encoding="unicode") + "\n"


def _convert_case(case: Path) -> bytes:
    text = (case / "input.txt").read_bytes()
    return convert(text, source="input.txt", options=_case_options(case)).to_bytes()


# --- golden headers ------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_header(case, golden):
    golden(case / "expected.header.xml", _header_xml(_convert_case(case)))


def test_golden_cases_are_valid(tei_all):
    for case in CASES:
        tree = etree.fromstring(_convert_case(case))
        assert tei_all.validate(tree), (case.name, str(tei_all.error_log))


# --- the corpus: valid, and every stated date and place in the header, nothing else -------------

@pytest.fixture(scope="module")
def corpus_out():
    import os

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        out = {}
        for path in corpus_texts():
            volume = load_manifest(path.parent / "manifest.json")
            opts = ConvertOptions(volume=volume, doc_id=volume.doc_id_for(path.name))
            r = convert_file(path, options=opts)
            out[path] = (r, etree.fromstring(r.to_bytes()))
        return out
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def test_corpus_is_there():
    assert len(corpus_texts()) >= 40


def test_corpus_headers_valid_tei_all(corpus_out, tei_all):
    for path, (_, root) in corpus_out.items():
        assert tei_all.validate(root), (path, str(tei_all.error_log))


@pytest.mark.skipif(not project_schemas(), reason="schema/frus-tei.rng is not there yet")
def test_corpus_headers_valid_project_schema(corpus_out):
    rng = etree.RelaxNG(etree.parse(str(project_schemas()[0])))
    for path, (_, root) in corpus_out.items():
        assert rng.validate(root), (path, str(rng.error_log))


def _heading(root) -> str:
    head = root.find(".//t:div[@type='document']/t:head", NS)
    parts = [head.text or ""]
    for child in head:
        if etree.QName(child).localname != "note":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _stated_dates(heading: str) -> list[str]:
    """ISO values of the exact dates a heading states (`Month D, YYYY[, H[:MM] a.m.|p.m.]`)."""
    out = []
    for m in re.finditer(rf"({_MONTH}) (\d{{1,2}}), (\d{{4}})(?:, (\d{{1,2}})(?::(\d\d))? ([ap])\.m\.)?", heading):
        d = dt.datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", "%B %d %Y").date().isoformat()
        if m.group(4):
            h = int(m.group(4)) % 12 + (12 if m.group(6) == "p" else 0)
            d += f"T{h:02d}:{int(m.group(5) or 0):02d}:00"
        out.append(d)
    return out


def _header_dates(root) -> set[str]:
    """Every date value in the header that is about the document (not the conversion)."""
    vals = set()
    for d in root.iterfind("t:teiHeader/t:profileDesc//t:date", NS):
        for a in ("when", "notBefore", "notAfter", "from", "to"):
            if d.get(a):
                vals.add(d.get(a))
    for d in root.iterfind("t:teiHeader/t:fileDesc//t:date", NS):
        vals.add(d.get("when") or d.text)
    return vals


def test_corpus_stated_dates_and_places_in_header(corpus_out):
    seen = 0
    for path, (_, root) in corpus_out.items():
        heading = _heading(root)
        header_dates = _header_dates(root)
        for iso in _stated_dates(heading):
            seen += 1
            assert iso in header_dates, (path, heading, iso, header_dates)
        places = [p.text for p in root.iterfind("t:teiHeader/t:profileDesc//t:placeName", NS)]
        m = re.search(rf", ([A-Z][\w .'-]+), (?:{_MONTH} |undated)", heading)
        if m:
            assert m.group(1) in places, (path, heading, places)
        for p in places:
            assert f", {p}," in heading, (path, heading, p)
    assert seen >= 5  # the 1969-76 volume states dates in its headings


def test_corpus_header_has_no_date_its_text_does_not_state(corpus_out):
    for path, (_, root) in corpus_out.items():
        heading = _heading(root)
        for value in _header_dates(root):
            day = value[:10]
            d = dt.date.fromisoformat(day) if len(day) == 10 else None
            assert d is not None, (path, value)
            assert f"{d.strftime('%B')} {d.day}" in heading or f" {d.day}, {d.year}" in heading, (path, heading, value)
            assert str(d.year) in heading, (path, heading, value)
        for date in root.iterfind("t:teiHeader/t:profileDesc//t:date", NS):
            assert date.text and date.text in heading, (path, date.text)


def test_corpus_headers_carry_volume_and_page(corpus_out):
    for path, (r, root) in corpus_out.items():
        manifest = json.loads((path.parent / "manifest.json").read_text(encoding="utf-8"))
        entry = next(d for d in manifest["documents"] if d["id"] == path.stem)
        assert root.findtext("t:teiHeader/t:fileDesc/t:seriesStmt/t:idno[@type='frus']", namespaces=NS) == manifest["volume"]
        page = root.find("t:teiHeader/t:fileDesc/t:seriesStmt/t:biblScope[@unit='page']", NS)
        if entry["start_page"] is None:
            assert page is None
        else:
            assert page is not None and page.text == entry["start_page"]


def test_corpus_classification_from_source_note(corpus_out):
    for path, (r, root) in corpus_out.items():
        terms = [t.text for t in root.iterfind(".//t:keywords[@scheme='urn:tei-edition:classification']/t:term", NS)]
        source = root.find(".//t:head/t:note[@type='source']", NS)
        if terms:
            assert source is not None
            text = "".join(source.itertext())
            assert all(t in text for t in terms), (path, terms)


# --- reproducibility -------------------------------------------------------------------------

def test_byte_identical_across_conversions(monkeypatch):
    case = TESTS / "cases" / "header-memorandum-for-the-record"
    first = _convert_case(case)
    second = _convert_case(case)
    assert first == second
    assert b'<change when="2023-11-14">' in first


def test_byte_identical_across_processes(tmp_path):
    env = {"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "random", "PATH": "/usr/bin:/bin"}
    case = TESTS / "cases" / "header-letter" / "input.txt"
    outs = []
    for i in range(2):
        out = tmp_path / f"o{i}"
        subprocess.run([sys.executable, "-m", "converter", "convert", str(case), "--out", str(out), "-q"],
                       check=True, cwd=ROOT, env={**env, "PYTHONHASHSEED": str(i)})
        outs.append((out / "input.xml").read_bytes())
    assert outs[0] == outs[1]


def test_without_source_date_epoch_today(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    data = convert(b"1. Editorial Note\n\nText.").to_bytes()
    assert f'<change when="{dt.date.today().isoformat()}">'.encode() in data


# --- what is left out ------------------------------------------------------------------------

def test_no_manifest_no_series_and_still_valid(tei_all):
    root = etree.fromstring(convert(b"12. Memorandum of Conversation\n\nText.").to_bytes())
    assert tei_all.validate(root), tei_all.error_log
    assert root.find(".//t:seriesStmt", NS) is None
    assert root.find(".//t:creation", NS) is None
    assert root.find(".//t:correspDesc", NS) is None
    assert root.find(".//t:profileDesc//t:date", NS) is None


def test_undated_heading_gives_no_date():
    root = etree.fromstring(convert(b"5. Letter From President Nixon to Prime Minister Sato, Washington, undated\n\nText.").to_bytes())
    assert root.find(".//t:profileDesc//t:date", NS) is None
    assert root.findtext(".//t:correspAction[@type='sent']/t:placeName", namespaces=NS) == "Washington"


def test_empty_heading_still_valid(tei_all):
    root = etree.fromstring(convert(b"Some text without a heading that FRUS would write.\n\nMore.").to_bytes())
    assert tei_all.validate(root), tei_all.error_log


# --- source notes ----------------------------------------------------------------------------

@pytest.mark.parametrize("note,citation,marks", [
    ("Source: Department of State, Central Files, 794.00/7–2260. Confidential; Limit Distribution. Repeated to CINCPAC.",
     "Department of State, Central Files, 794.00/7–2260", ["Confidential", "Limit Distribution"]),
    ("Source: Johnson Library, National Security File, Country File, Korea, Vol. II. Secret. A copy was sent to Brown.",
     "Johnson Library, National Security File, Country File, Korea, Vol. II", ["Secret"]),
    ("National Archives, Nixon Presidential Materials, NSC Files, Box 1037. Top Secret; Sensitive; Exclusively Eyes Only. A note.",
     "National Archives, Nixon Presidential Materials, NSC Files, Box 1037", ["Top Secret", "Sensitive", "Exclusively Eyes Only"]),
    ("Source: National Archives, NSC Files, Box 849. No classification marking. A handwritten note reads, “Handed.”",
     "National Archives, NSC Files, Box 849", ["No classification marking"]),
    ("Source: Department of State, Central Files, 611.94/7–1860. Drafted by Steeves.",
     "Department of State, Central Files, 611.94/7–1860", []),
    ("Telegram No. 193, June 4, 5 p.m.; not printed.", None, []),
])
def test_split_source_note(note, citation, marks):
    assert split_source_note(note) == (citation, marks)


def test_msidentifier_from_source_note():
    data = convert("1. Memorandum From the Joint Chiefs of Staff to Secretary of Defense McNamara0\n\nText.\n"
                   "  1. Source: Washington National Records Center, RG 330, OSD Files: FRC 66 A 3542, Korea 320.2. Top Secret."
                   .encode()).to_bytes()
    root = etree.fromstring(data)
    ident = root.find(".//t:sourceDesc/t:msDesc/t:msIdentifier", NS)
    assert ident.findtext("t:repository", namespaces=NS) == "Washington National Records Center"
    assert ident.findtext("t:collection", namespaces=NS) == "RG 330"
    # the note stays in the text
    assert root.find(".//t:head/t:note[@type='source']", NS) is not None


# --- manifests -------------------------------------------------------------------------------

def test_manifest_not_json(tmp_path):
    p = tmp_path / "manifest.json"
    p.write_text('{"volume": "frus1", "documents": [', encoding="utf-8")
    with pytest.raises(ManifestError) as exc:
        load_manifest(p)
    assert str(p) in str(exc.value) and "not valid JSON" in str(exc.value) and "line 1" in str(exc.value)


@pytest.mark.parametrize("data,problem", [
    ("[]", "must be a JSON object"),
    ('{"documents": []}', "'volume' is missing"),
    ('{"volume": "v", "documents": {}}', "'documents' must be a list"),
    ('{"volume": "v", "documents": [{"n": "1"}]}', "documents[0]: 'id' is missing"),
    ('{"volume": "v", "documents": [{"id": "d1"}, {"id": "d1"}]}', "listed twice"),
    ('{"volume": "v", "documents": [{"id": "d1", "start_page": [1]}]}', "'start_page' must be a string"),
    ('{"volume": "v", "documents": [{"id": "d1", "file": "../x.xml"}]}', "must be a name beside the manifest"),
])
def test_manifest_shape_errors(data, problem):
    with pytest.raises(ManifestError) as exc:
        parse_manifest(data, Path("vol/manifest.json"))
    assert "vol/manifest.json" in str(exc.value) and problem in str(exc.value)


def test_manifest_names_missing_document(tmp_path):
    (tmp_path / "d1.txt").write_text("1. Editorial Note\n\nText.", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps(
        {"volume": "frusX", "title": "T", "documents": [{"id": "d1"}, {"id": "d2", "file": "d2.xml"}]}), encoding="utf-8")
    with pytest.raises(ManifestError) as exc:
        load_manifest(tmp_path / "manifest.json").check_documents()
    assert "'d2'" in str(exc.value) and "manifest.json" in str(exc.value)
    # the CLI: a clear message and the usage exit code, nothing written
    r = subprocess.run([sys.executable, "-m", "converter", "convert", str(tmp_path), "--out", str(tmp_path / "out")],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2
    assert "manifest.json" in r.stderr and "'d2'" in r.stderr
    assert not (tmp_path / "out").exists()


def test_cli_bad_manifest_option(tmp_path):
    (tmp_path / "d1.txt").write_text("1. Editorial Note\n\nText.", encoding="utf-8")
    bad = tmp_path / "m.json"
    bad.write_text("{not json", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "converter", "convert", str(tmp_path / "d1.txt"), "--out",
                        str(tmp_path / "out"), "--manifest", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and str(bad) in r.stderr and "not valid JSON" in r.stderr


def test_cli_manifest_beside_inputs_and_facs(tmp_path):
    vol = tmp_path / "frusX"
    vol.mkdir()
    (vol / "d7.txt").write_text("The Secretary of State to the Chargé in Italy (Kirk)\n\n[Page 12]\n\nText.",
                                encoding="utf-8")
    (vol / "manifest.json").write_text(json.dumps(
        {"volume": "frusX", "title": "Foreign Relations, Volume X",
         "documents": [{"id": "d7", "n": "7", "start_page": "12", "file": "d7.xml"}]}), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "converter", "convert", str(tmp_path), "--out", str(tmp_path / "out"), "-q",
                        "--facs-pattern", "img/{volume}/{n}.png"],
                       cwd=ROOT, capture_output=True, text=True, env={"SOURCE_DATE_EPOCH": EPOCH, "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    root = etree.parse(str(tmp_path / "out" / "frusX" / "d7.xml")).getroot()
    assert root.findtext(".//t:seriesStmt/t:idno[@type='frus']", namespaces=NS) == "frusX"
    assert root.findtext(".//t:seriesStmt/t:biblScope[@unit='page']", namespaces=NS) == "12"
    assert root.findtext(".//t:seriesStmt/t:biblScope[@unit='document']", namespaces=NS) == "7"
    assert root.find(".//t:pb", NS).get("facs") == "img/frusX/12.png"
    assert root.find(".//t:div[@type='document']", NS).get("{http://www.w3.org/XML/1998/namespace}id") == "d7"


def test_facs_pattern_needing_volume_without_manifest_gives_no_facs():
    data = convert(b"1. Editorial Note\n\n[Page 3]\n\nText.", options=ConvertOptions(facs_pattern="img/{volume}/{n}.png")).to_bytes()
    assert b"facs=" not in data
    data = convert(b"1. Editorial Note\n\n[Page 3]\n\nText.", options=ConvertOptions(facs_pattern="img/$/{n}.png")).to_bytes()
    assert b'facs="img/$/3.png"' in data
