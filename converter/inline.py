"""Inline rules: turn one line of text into Text and PageBreak nodes.

Ordered rules as data (markdown-it's `_rules` idea). Note markers are not an
inline rule: a digit run can only be told from a marker with the whole
document in view, so `resolve.resolve_notes` finds them later.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from converter.errors import Loc, Reporter
from converter.model import Inline, PageBreak, Text

PAGE_MARKER = re.compile(r"\[Page ([0-9A-Za-z][0-9A-Za-z.\-–]*)\]")
# Something that starts like a page marker but is not a well-formed one.
_PAGE_START = re.compile(r"\[Page\b")


def page_marker(line: str, pos: int) -> tuple[int, str] | None:
    """`[Page 556]` at pos: return (end, page number)."""
    m = PAGE_MARKER.match(line, pos)
    return (m.end(), m.group(1)) if m else None


# (name, rule): each rule gets the line and a position of "[" and returns (end, value) or None.
RULES: list[tuple[str, Callable[[str, int], tuple[int, str] | None]]] = [
    ("page_marker", page_marker),
]


def parse_inline(line: str, lineno: int, col0: int, source: str, reporter: Reporter | None = None) -> list[Inline]:
    """Split `line` (starting at 1-based column col0) into inline nodes."""
    out: list[Inline] = []
    start = 0
    pos = line.find("[")
    while pos != -1:
        for _name, rule in RULES:
            hit = rule(line, pos)
            if hit is not None:
                end, value = hit
                if pos > start:
                    out.append(Text(line[start:pos], Loc(source, lineno, col0 + start)))
                out.append(PageBreak(value, Loc(source, lineno, col0 + pos)))
                start = end
                pos = end - 1
                break
        else:
            if reporter is not None and _PAGE_START.match(line, pos):
                reporter.report(
                    "page-marker-malformed",
                    "'[Page' without a page number and closing ']'; kept as text. Write it as [Page N]",
                    lineno,
                    col0 + pos,
                )
        pos = line.find("[", pos + 1)
    if start < len(line):
        out.append(Text(line[start:], Loc(source, lineno, col0 + start)))
    return out


def plain(inlines: list[Inline]) -> str:
    """The text of inline nodes, page breaks left out."""
    return "".join(i.value for i in inlines if isinstance(i, Text))
