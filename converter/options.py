"""Options of one conversion, shared by the API, the CLI and the build."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    doc_id: str | None = None
    """`dN` to use when the heading has no number (from the file name or manifest)."""
    volume: Any = None
    """Volume metadata (`manifest.Volume`) when a manifest is known."""
    date: str | None = None
    """Conversion date for `revisionDesc` (ISO); None means SOURCE_DATE_EPOCH or today."""
    facs_pattern: str | None = None
    """Pattern for `pb/@facs`, e.g. "images/{volume}/{n}.png"; None: no @facs."""
