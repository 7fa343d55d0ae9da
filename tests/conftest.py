"""Shared test helpers: golden comparison with a flag to accept new output."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "corpus"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite expected files from current output; review with git diff")


@pytest.fixture
def golden(request):
    """golden(path, actual): compare with the expected file, or rewrite it under --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(path: Path, actual: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"missing expected file {path}; create it with: pytest {request.node.nodeid} --update-golden (then review it)")
        expected = path.read_text(encoding="utf-8")
        if actual != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(path), "actual"))
            pytest.fail(f"output differs from {path}:\n{diff}\nIf the change is right: pytest {request.node.nodeid} --update-golden, then review git diff")

    return check


@pytest.fixture(scope="session")
def tei_all():
    """The official tei_all.rng grammar, compiled once per test run (about 5 s)."""
    from lxml import etree

    from converter.paths import TEI_ALL_RNG

    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))


def corpus_texts() -> list[Path]:
    return sorted(CORPUS.glob("*/d*.txt"))
