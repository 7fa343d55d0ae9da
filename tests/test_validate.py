"""tei-edition validate: the catalogue of invalid documents, our output, FRUS's own TEI, reports, exit codes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from converter import convert_file
from converter.cli import main
from converter.validate import Validator
from tests.conftest import corpus_texts

HERE = Path(__file__).resolve().parent / "validate"
INVALID = sorted((HERE / "invalid").glob("*.xml"))
FRUS = sorted((HERE / "frus").glob("*/*.xml"))


@pytest.fixture(scope="session")
def tei_all_validator():
    """tei_all.rng and its embedded Schematron, compiled once per test run (several seconds)."""
    return Validator.load(["tei_all"])


@pytest.fixture(scope="session")
def frus_validator():
    return Validator.load(["frus"])


def _report(validator: Validator, path: Path) -> str:
    rel = path.relative_to(HERE.parent.parent).as_posix()
    return "".join(f"{d}\n" for d in validator.validate(path, source=rel))


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_catalogue_exact_report(path, frus_validator, golden):
    report = _report(frus_validator, path)
    assert report, f"{path.name} must be reported"
    golden(path.with_suffix(".expected"), report)
    # The case is named after what it must trigger.
    assert f"[{path.stem}]" in report or path.stem.startswith(("rng-", "xml-undefined")), report


def test_catalogue_covers_every_rule():
    rules = {a.get("id") for a in etree.parse(str(HERE.parent.parent / "schema" / "frus-tei.sch")).iter(
        "{http://purl.oclc.org/dsdl/schematron}assert") if a.get("id")}
    assert rules <= {p.stem for p in INVALID}, rules - {p.stem for p in INVALID}


def test_catalogue_through_cli_matches_api(capsys, monkeypatch):
    monkeypatch.chdir(HERE.parent.parent)
    paths = [p.relative_to(HERE.parent.parent).as_posix() for p in INVALID[:6]]
    code = main(["validate", "-q", *paths])
    out = capsys.readouterr().out
    expected = "".join((HERE.parent.parent / p).with_suffix(".expected").read_text(encoding="utf-8") for p in paths)
    assert out == expected
    assert code == 1


@pytest.mark.parametrize("path", sorted((HERE / "valid").glob("*.xml")), ids=lambda p: p.stem)
def test_our_samples_valid_against_both(path, frus_validator, tei_all_validator):
    assert frus_validator.validate(path) == []
    assert tei_all_validator.validate(path) == []


def test_converted_corpus_valid_against_both(frus_validator, tei_all_validator):
    """Every corpus text, converted now, passes our schema and tei_all with no warning."""
    texts = corpus_texts()
    assert texts
    for txt in texts:
        tree = convert_file(txt).tree  # the file name gives unnumbered documents their dN
        data = etree.tostring(tree, encoding="UTF-8", xml_declaration=True)
        assert [str(d) for d in frus_validator.validate(data, source=str(txt))] == []
        assert [str(d) for d in tei_all_validator.validate(data, source=str(txt))] == []


def test_frus_reference_tei_against_tei_all(tei_all_validator, golden):
    """FRUS's own encoding: valid where it uses TEI only; each reported error is a real one."""
    report = "".join(_report(tei_all_validator, p) for p in FRUS)
    golden(HERE / "frus" / "tei_all.expected", report)
    valid = [p for p in FRUS if not tei_all_validator.validate(p)]
    assert len(valid) >= 3
    assert "frus:doc-dateTime-min" not in report or "doc-dateTime-min" in report


def test_catalogue_valid_documents_are_tei(tei_all_validator):
    """Strict subset: a document our grammar accepts, tei_all accepts (schematron-only faults)."""
    rng_only = Validator.load([str(HERE.parent.parent / "schema" / "frus-tei.rng")])
    accepted = [p for p in INVALID if not rng_only.validate(p)]
    assert len(accepted) > 10
    for p in accepted:
        assert [d for d in tei_all_validator.validate(p) if d.severity.name == "ERROR"] == [], p.name


def test_exit_codes_and_summary(tmp_path, capsys):
    good = HERE / "valid" / "d71.xml"
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.endswith(
        "1 file(s) checked against frus-tei.rng, frus-tei.sch: 0 invalid, 0 error(s), 0 warning(s)\n")
    warn = HERE / "invalid" / "frus-note-space.xml"
    assert main(["validate", str(warn)]) == 0
    assert main(["validate", "--strict", str(warn)]) == 1
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "missing.xml")]) == 2
    assert "no such file or folder [xml-unreadable]" in capsys.readouterr().out
    assert main(["validate", "--schema", str(tmp_path / "nope.rng"), str(good)]) == 2
    assert "no such schema file" in capsys.readouterr().err


def test_json_report_shape(capsys):
    bad = HERE / "invalid" / "frus-ref-resolves.xml"
    assert main(["validate", "--format", "json", str(bad), str(HERE / "valid" / "d71.xml")]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == 1 and doc["valid"] is False
    assert doc["schemas"] == ["frus-tei.rng", "frus-tei.sch"]
    assert doc["summary"] == {"files": 2, "invalid": 1, "errors": 1, "warnings": 0, "info": 0}
    assert [f["valid"] for f in doc["files"]] == [False, True]
    (d,) = doc["diagnostics"]
    assert d == {
        "file": str(bad), "line": 68, "column": 67,
        "xpath": "/tei:TEI/tei:text[1]/tei:body[1]/tei:div[1]/tei:p[1]/tei:note[1]/tei:ref[1]/@target",
        "rule": "frus-ref-resolves", "severity": "error",
        "message": '@target="#d71fn9" points into this document, but no element has xml:id "d71fn9"; '
                   "correct the reference or add the note",
        "schema": "frus-tei.sch",
    }


def test_junit_report(tmp_path, capsys):
    out = tmp_path / "junit.xml"
    code = main(["validate", "--format", "junit", "-o", str(out), str(HERE / "invalid" / "frus-p-empty.xml"),
                 str(HERE / "valid" / "d71.xml"), str(tmp_path / "gone.xml")])
    assert code == 2
    root = etree.parse(str(out)).getroot()
    assert root.tag == "testsuites" and root.get("tests") == "3"
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases][1:] == [str(HERE / "invalid" / "frus-p-empty.xml"), str(HERE / "valid" / "d71.xml")]
    assert cases[0].find("error") is not None
    assert "[frus-p-empty]" in cases[1].find("failure").text
    assert cases[2].find("failure") is None


def test_svrl_written(tmp_path, capsys):
    assert main(["validate", "--svrl", str(tmp_path / "svrl"), str(HERE / "invalid" / "frus-pb-order.xml")]) == 1
    (svrl,) = list((tmp_path / "svrl").rglob("*.svrl"))
    root = etree.parse(str(svrl)).getroot()
    ns = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    assert root.xpath("svrl:active-pattern/@id", namespaces=ns)[:2] == ["ids", "id-places"]
    assert root.xpath("svrl:failed-assert/@id", namespaces=ns) == ["frus-id-pb", "frus-pb-order"]


def test_many_files_and_folders_with_jobs(tmp_path, capsys):
    for i in range(6):
        shutil.copy(HERE / "invalid" / "frus-id-pb.xml", tmp_path / f"a{i}.xml")
    (tmp_path / "sub").mkdir()
    shutil.copy(HERE / "valid" / "d71.xml", tmp_path / "sub" / "ok.xml")
    assert main(["validate", "-q", str(tmp_path)]) == 1
    serial = capsys.readouterr().out
    assert main(["validate", "-q", "--jobs", "3", str(tmp_path)]) == 1
    assert capsys.readouterr().out == serial
    assert serial.count("[frus-id-pb]") == 6
