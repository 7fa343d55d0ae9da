"""`tei-edition build`: the samples, incremental rebuilds, --keep-going, interrupted builds.

Every build writes under tmp_path. Most builds run with --jobs 1 (no pool to
start); the tests of the pool, of a killed worker and of Dask use processes.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from converter.build import STATE_NAME, Builder, build
from converter.cli import main
from converter.paths import SAMPLES_DIR

ROOT = Path(__file__).resolve().parents[1]
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DATE = "2024-01-01"
SAMPLE_VOLUMES = ["frus1961-63v22", "frus1964-68v29p1", "frus1969-76ve13"]


@pytest.fixture
def samples(tmp_path) -> Path:
    """A writable copy of the shipped sample volumes."""
    src = tmp_path / "src"
    shutil.copytree(SAMPLES_DIR, src, ignore=shutil.ignore_patterns("README.md"))
    return src


def snapshot(out: Path) -> dict[str, tuple[int, int]]:
    """Every output file (not the state or the report) with its modification time and size."""
    return {str(p.relative_to(out)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in sorted(out.rglob("*")) if p.is_file() and p.name not in (STATE_NAME, "report.json")}


def contents(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes()
            for p in sorted((out / "tei").rglob("*")) if p.is_file()} | {
        str(p.relative_to(out)): p.read_bytes() for p in sorted((out / "html").rglob("*")) if p.is_file()}


def test_samples_are_in_the_package():
    for vol in SAMPLE_VOLUMES:
        folder = SAMPLES_DIR / vol
        assert (folder / "manifest.json").is_file()
        assert len(list(folder.glob("d*.txt"))) >= 9
        assert not list(folder.glob("*.xml")), "the samples are the inputs only, not the reference TEI"
    assert "public domain" in (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")


def test_default_build_is_the_samples_and_every_tei_file_is_valid(tmp_path, tei_all):
    out = tmp_path / "out"
    result = build(None, out, jobs=1, quiet=True, date=DATE)
    assert result.exit_code == 0, result.summary()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [v["id"] for v in report["volumes"]] == SAMPLE_VOLUMES
    assert report["totals"]["failed"] == 0
    for vol in SAMPLE_VOLUMES:
        stems = sorted(p.stem for p in (SAMPLES_DIR / vol).glob("d*.txt"))
        assert sorted(p.stem for p in (out / "tei" / vol).glob("*.xml")) == stems
        assert sorted(p.stem for p in (out / "html" / vol).glob("d*.html")) == stems
        assert (out / "html" / vol / "index.html").is_file()
        assert (out / "html" / vol / "edition.css").is_file()
    top = (out / "html" / "index.html").read_text(encoding="utf-8")
    for vol in SAMPLE_VOLUMES:
        assert f'href="{vol}/index.html"' in top
    # Every TEI file of the edition, per document and per volume, against tei_all.
    files = sorted((out / "tei").rglob("*.xml"))
    assert len(files) == 30 + 3
    for f in files:
        tree = etree.parse(str(f))
        assert tei_all.validate(tree), f"{f}: {tei_all.error_log}"
    if report["validation"] == "on":  # and against our own schema, when converter.validate is there
        assert all(d["valid"] for d in report["documents"]) and all(v["valid"] for v in report["volumes"])
    summary = result.summary()
    assert "built 30/30 documents in 3 volume(s)" in summary and "index.html" in summary


def test_volume_file_holds_every_document_in_order_with_unique_ids(tmp_path):
    out = tmp_path / "out"
    build([SAMPLES_DIR / "frus1961-63v22"], out, jobs=1, quiet=True, date=DATE)
    root = etree.parse(str(out / "tei" / "frus1961-63v22.xml")).getroot()
    assert root.tag == f"{TEI}TEI"
    assert "Northeast Asia" in root.findtext(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title")
    divs = root.findall(f"{TEI}text/{TEI}body/{TEI}div")
    assert [d.get(XML_ID) for d in divs] == [f"d{n}" for n in range(250, 261)]
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))
    # Each div is the document's own, ids aside: same text.
    one = etree.parse(str(out / "tei" / "frus1961-63v22" / "d255.xml")).getroot()
    div = one.find(f"{TEI}text/{TEI}body/{TEI}div")
    assert "".join(div.itertext()) == "".join(divs[5].itertext())


def test_ids_an_earlier_document_uses_are_scoped_in_the_volume_file(tmp_path):
    """frus1969-76ve13 restarts page numbers in every document: pg_1 is d69's, d70's becomes d70-pg_1."""
    out = tmp_path / "out"
    result = build([SAMPLES_DIR / "frus1969-76ve13"], out, jobs=1, quiet=True, date=DATE)
    root = etree.parse(str(out / "tei" / "frus1969-76ve13.xml")).getroot()
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))
    divs = {d.get(XML_ID): d for d in root.iter(f"{TEI}div") if d.get("type") == "document"}
    assert divs["d69"].find(f".//{TEI}pb").get(XML_ID) == "pg_1"
    assert divs["d70"].find(f".//{TEI}pb").get(XML_ID) == "d70-pg_1"
    # The document's own file keeps its ids; the report says what the volume file changed.
    assert 'xml:id="pg_1"' in (out / "tei" / "frus1969-76ve13" / "d70.xml").read_text(encoding="utf-8")
    d70 = next(d for d in result.report["documents"] if d["id"] == "d70")
    assert any("[volume-duplicate-id]" in x and "pg_1 (also in d69) is d70-pg_1" in x for x in d70["diagnostics"])


def test_rename_ids_follows_pointers():
    from converter.build import rename_ids, scoped_ids

    frag = (b'<div xmlns="http://www.tei-c.org/ns/1.0" type="document" xml:id="d5"><p>a <pb n="9" xml:id="pg_9"/>'
            b'<ref target="#pg_9">page 9</ref> <ref target="#d51">D 51</ref></p></div>')
    renamed = scoped_ids(["d5", "pg_9"], "d5", {"pg_9", "d4"})
    assert renamed == {"pg_9": "d5-pg_9"}
    text = rename_ids(frag, renamed).decode()
    assert 'xml:id="d5-pg_9"' in text and 'target="#d5-pg_9"' in text and 'target="#d51"' in text
    assert text.startswith('<div type="document"')


def test_second_build_does_no_work_and_one_change_rebuilds_only_what_depends_on_it(samples, tmp_path):
    out = tmp_path / "out"
    first = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert first.exit_code == 0
    assert first.report["rebuilt"]["convert"] == 30
    before = snapshot(out)

    again = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert again.report["rebuilt"] == {"convert": 0, "validate": 0, "render": 0, "volume": 0, "index": 0}
    assert snapshot(out) == before
    assert "nothing changed" in again.summary()

    # One changed input: its document, its volume file and nothing else.
    src = samples / "frus1964-68v29p1" / "d343.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("Korea", "Korea (changed)", 1), encoding="utf-8")
    third = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert third.report["rebuilt_documents"] == ["frus1964-68v29p1/d343"]
    assert third.report["rerendered_documents"] == ["frus1964-68v29p1/d343"]
    assert third.report["rebuilt"]["volume"] == 1
    after = snapshot(out)
    changed = {k for k in after if after[k] != before.get(k)}
    allowed = {"tei/frus1964-68v29p1/d343.xml", "html/frus1964-68v29p1/d343.html", "tei/frus1964-68v29p1.xml",
               "html/frus1964-68v29p1/index.html", "html/index.html"}
    assert "tei/frus1964-68v29p1/d343.xml" in changed and "tei/frus1964-68v29p1.xml" in changed
    assert changed <= allowed, changed - allowed
    state = json.loads((out / STATE_NAME).read_text(encoding="utf-8"))
    rec = state["documents"]["frus1964-68v29p1/d343"]["tei"]
    import hashlib

    assert rec["hash"] == hashlib.sha256((out / rec["path"]).read_bytes()).hexdigest()


def test_a_removed_document_goes_and_its_neighbours_link_past_it(samples, tmp_path):
    out = tmp_path / "out"
    build([samples], out, jobs=1, quiet=True, date=DATE)
    (samples / "frus1969-76ve13" / "d72.txt").unlink()
    result = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert not (out / "tei" / "frus1969-76ve13" / "d72.xml").exists()
    assert not (out / "html" / "frus1969-76ve13" / "d72.html").exists()
    assert sorted(result.report["rerendered_documents"]) == ["frus1969-76ve13/d71", "frus1969-76ve13/d73"]
    assert result.report["rebuilt_documents"] == []
    assert 'href="d73.html"' in (out / "html" / "frus1969-76ve13" / "d71.html").read_text(encoding="utf-8")
    assert "d72" not in (out / "html" / "frus1969-76ve13" / "index.html").read_text(encoding="utf-8")
    assert 'xml:id="d72"' not in (out / "tei" / "frus1969-76ve13.xml").read_text(encoding="utf-8")


def test_keep_going_builds_the_good_documents_and_names_the_broken_one(samples, tmp_path, capsys):
    bad = samples / "frus1961-63v22" / "d253.txt"
    bad.write_bytes(b"253. Telegram From the Embassy in Korea\n\nFine text.\nA bad \xff byte.\n")
    out = tmp_path / "out"
    code = main(["build", str(samples), "--out", str(out), "--jobs", "2", "--date", DATE])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}:4:7: error:" in err and "[not-utf8]" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["failed"] == 1
    broken = [d for d in report["documents"] if d["status"] == "failed"]
    assert [d["source"] for d in broken] == [str(bad)]
    assert broken[0]["diagnostics"][0].startswith(f"{bad}:4:7: error:")
    # Every good document is there, and the pages around the broken one link past it.
    good = [p for p in sorted(samples.rglob("d*.txt")) if p != bad]
    for p in good:
        assert (out / "tei" / p.parent.name / f"{p.stem}.xml").is_file()
        assert (out / "html" / p.parent.name / f"{p.stem}.html").is_file()
    assert not (out / "tei" / "frus1961-63v22" / "d253.xml").exists()
    assert 'href="d254.html"' in (out / "html" / "frus1961-63v22" / "d252.html").read_text(encoding="utf-8")
    vol = (out / "tei" / "frus1961-63v22.xml").read_text(encoding="utf-8")
    assert 'xml:id="d252"' in vol and 'xml:id="d254"' in vol and 'xml:id="d253"' not in vol

    # The same broken input is not tried again; fixing it builds it and relinks its neighbours.
    again = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert again.exit_code == 1 and again.report["rebuilt"]["convert"] == 0
    shutil.copy(SAMPLES_DIR / "frus1961-63v22" / "d253.txt", bad)
    fixed = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert fixed.exit_code == 0
    assert fixed.report["rebuilt_documents"] == ["frus1961-63v22/d253"]
    assert set(fixed.report["rerendered_documents"]) == {f"frus1961-63v22/d25{i}" for i in (2, 3, 4)}


def test_no_keep_going_stops_at_the_first_failure(samples, tmp_path):
    (samples / "frus1961-63v22" / "d250.txt").write_bytes(b"")
    result = build([samples / "frus1961-63v22"], tmp_path / "out", jobs=1, keep_going=False, quiet=True)
    assert result.exit_code == 1
    assert "stopped at frus1961-63v22/d250" in result.report["stopped"]


def _run_cli(args: list[str], env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TEI_EDITION_BUILD_FAULT", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "converter", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_a_killed_worker_then_a_second_build_gives_the_complete_edition(samples, tmp_path):
    out = tmp_path / "out"
    args = ["build", str(samples), "--out", str(out), "--jobs", "2", "--date", DATE]
    crashed = _run_cli(args, {"TEI_EDITION_BUILD_FAULT": "kill:d345"})
    assert crashed.returncode == 1, crashed.stderr
    assert "worker process died" in crashed.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["stopped"] and report["totals"]["failed"] > 0
    state = json.loads((out / STATE_NAME).read_text(encoding="utf-8"))
    done_first = {k for k, s in state["documents"].items() if s.get("conv_key")}
    assert "frus1964-68v29p1/d345" not in done_first

    resumed = _run_cli(args)
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # Only what the crashed build had not finished was converted again.
    assert set(report["rebuilt_documents"]).isdisjoint(done_first)
    assert "frus1964-68v29p1/d345" in report["rebuilt_documents"]

    clean = tmp_path / "clean"
    assert build([samples], clean, jobs=1, quiet=True, date=DATE).exit_code == 0
    assert contents(out) == contents(clean)


def test_leftovers_of_an_interrupted_write_and_damaged_outputs_are_not_trusted(samples, tmp_path):
    out = tmp_path / "out"
    build([samples], out, jobs=1, quiet=True, date=DATE)
    good = contents(out)
    # What a crash in the middle of a write leaves: a temporary file beside the target.
    tmp = out / "tei" / "frus1961-63v22" / ".d250.xml.k2j3.tmp"
    tmp.write_bytes(b"<TEI")
    # What something else writing into the output folder might leave: a truncated file, a missing one.
    page = out / "html" / "frus1961-63v22" / "d251.html"
    page.write_bytes(page.read_bytes()[:100])
    (out / "tei" / "frus1969-76ve13.xml").unlink()
    result = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert not tmp.exists()
    assert result.report["rerendered_documents"] == ["frus1961-63v22/d251"]
    assert result.report["rebuilt"]["volume"] == 1
    assert contents(out) == good


def test_interrupt_leaves_no_partial_outputs(samples, tmp_path, monkeypatch):
    """Ctrl-C in the middle: what was written is whole, the rest is built next time."""
    import converter.build as b

    out = tmp_path / "out"
    calls = {"n": 0}
    real = b.Builder._apply

    def apply_then_interrupt(self, outcome):
        real(self, outcome)
        calls["n"] += 1
        if calls["n"] == 7:
            raise KeyboardInterrupt

    monkeypatch.setattr(b.Builder, "_apply", apply_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        build([samples], out, jobs=1, quiet=True, date=DATE)
    monkeypatch.setattr(b.Builder, "_apply", real)
    assert not list(out.rglob("*.tmp"))
    for f in (out / "tei").rglob("*.xml"):
        etree.parse(str(f))  # whole, well-formed
    result = build([samples], out, jobs=1, quiet=True, date=DATE)
    assert result.exit_code == 0
    assert len(result.report["rebuilt_documents"]) == 30 - 7


def test_progress_is_plain_lines_off_a_terminal_and_silent_with_quiet(tmp_path, capsys):
    import io

    stream = io.StringIO()
    Builder([SAMPLES_DIR / "frus1969-76ve13"], tmp_path / "a", jobs=1, progress_stream=stream).build()
    assert "documents: 9 to do" in stream.getvalue()
    assert "\r" not in stream.getvalue()
    assert main(["build", str(SAMPLES_DIR / "frus1969-76ve13"), "--out", str(tmp_path / "b"), "-q", "-j", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_pool_and_inline_builds_are_identical(tmp_path):
    a = build([SAMPLES_DIR], tmp_path / "a", jobs=1, quiet=True, date=DATE)
    b = build([SAMPLES_DIR], tmp_path / "b", jobs=2, quiet=True, date=DATE, batch_size=2)
    assert a.exit_code == b.exit_code == 0
    assert contents(tmp_path / "a") == contents(tmp_path / "b")


def test_dask_local_cluster_builds_the_same_edition(tmp_path):
    pytest.importorskip("dask.distributed", reason='Dask is the optional extra: pip install "dask[distributed]"')
    a = build([SAMPLES_DIR / "frus1969-76ve13"], tmp_path / "a", jobs=1, quiet=True, date=DATE)
    d = build([SAMPLES_DIR / "frus1969-76ve13"], tmp_path / "d", jobs=2, quiet=True, date=DATE, dask="local")
    assert d.exit_code == 0 and d.report["executor"] == "dask"
    assert d.report["rebuilt"]["convert"] == 9
    assert contents(tmp_path / "a") == contents(tmp_path / "d")


def test_the_same_volume_from_two_folders_is_a_usage_error(tmp_path, capsys):
    for name in ("x", "y"):
        shutil.copytree(SAMPLES_DIR / "frus1969-76ve13", tmp_path / name / "frus1969-76ve13")
    code = main(["build", str(tmp_path / "x"), str(tmp_path / "y"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "volume 'frus1969-76ve13'" in capsys.readouterr().err
