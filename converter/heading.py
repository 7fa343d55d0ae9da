"""What a document heading says: sender, addressee, type, place and date.

Pure functions over the heading's plain text (no note markers, no XML).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the heading text to mark up in `<head>` (offsets into the text)."""

    start: int
    end: int
    tag: str  # "persName", "gloss" or "orgName"
    role: str  # "from" or "to"


@dataclass(slots=True)
class HeadingInfo:
    spans: list[Span] = field(default_factory=list)


def analyse_heading(text: str) -> HeadingInfo:
    """Analyse a heading's text; see the module docstring."""
    return HeadingInfo()
