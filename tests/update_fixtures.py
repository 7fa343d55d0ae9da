"""Rewrite the expected parts of tests/parser/*.txt from current output: review with git diff.

    python -m tests.update_fixtures
"""
from __future__ import annotations

from pathlib import Path

from tests.fixtures import read_fixture_file
from tests.test_parser import FIXTURES, front_end


def main() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        parts = []
        for _line, title, text, _expected in read_fixture_file(path):
            actual, diagnostics = front_end(text)
            if diagnostics:
                actual += "\n" + "\n".join(f"! {d}" for d in diagnostics)
            parts.append(f"{title}\n.\n{text}\n.\n{actual}\n.\n")
        path.write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
