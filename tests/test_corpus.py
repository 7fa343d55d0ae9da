"""The whole test corpus: fidelity against FRUS's own TEI, losslessness, determinism, validity."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

from converter.api import convert_file
from converter.textrender import render_text
from tests.conftest import CORPUS, corpus_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import score  # noqa: E402  (tools/score.py, the project's fidelity scorer)

TEXTS = corpus_texts()


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("converted")
    for path in TEXTS:
        target = out / path.relative_to(CORPUS).with_suffix(".xml")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(convert_file(path).to_bytes())
    return out


def test_corpus_is_all_there():
    assert len(TEXTS) == 48
    assert len({p.parent.name for p in TEXTS}) == 5


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_round_trip_is_byte_for_byte(path: Path):
    """text -> TEI -> text (xslt/text.xsl) gives the input back, from the encoding alone."""
    tei = convert_file(path).to_bytes()
    text = tei.decode("utf-8")
    assert "[Page" not in text and "\n  1. " not in text  # no raw markers or footnote lines stored
    assert render_text(tei) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", TEXTS[::7], ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_conversion_is_deterministic(path: Path):
    assert convert_file(path).to_bytes() == convert_file(path).to_bytes()


def test_score_thresholds(converted: Path, capsys):
    """The thresholds of the converter-core issue, measured with tools/score.py."""
    score.main([str(CORPUS), str(converted), "--json"])
    import json

    s = json.loads(capsys.readouterr().out)
    assert s["missing"] == 0
    for key in ("text", "head", "pb"):
        assert s[key]["f1"] == 1.0, key
    assert s["notes"]["f1"] >= 0.995 and s["anchors"]["f1"] >= 0.995
    assert s["blocks"]["f1"] >= 0.98
    assert s["kinds"]["f1"] >= 0.95


def test_every_output_is_valid_tei_all(converted: Path, tei_all):
    invalid = {}
    for f in sorted(converted.rglob("*.xml")):
        tree = etree.parse(str(f))
        if not tei_all.validate(tree):
            invalid[f.name] = [str(e) for e in tei_all.error_log][:3]
    assert invalid == {}
