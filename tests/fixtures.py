"""Reader for multi-case fixture files (markdown-it-py's format).

    title
    .
    input lines
    .
    expected output lines
    .

Cases are separated by blank lines; the test id carries the fixture's line number.
"""
from __future__ import annotations

from pathlib import Path


def read_fixture_file(path: Path) -> list[tuple[int, str, str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, start = lines[i], i + 1
        if lines[i + 1] != ".":
            raise ValueError(f"{path}:{i + 2}: expected '.' after the title")
        j = i + 2
        while lines[j] != ".":
            j += 1
        k = j + 1
        while lines[k] != ".":
            k += 1
        cases.append((start, title, "\n".join(lines[i + 2 : j]), "\n".join(lines[j + 1 : k])))
        i = k + 1
    return cases
