"""tei-edition: FRUS plain text to TEI P5, validation and HTML editions.

Public API::

    from converter import convert_text, convert_file
    tree = convert_text(open("d255.txt").read(), source="d255.txt")
"""
from __future__ import annotations

__version__ = "0.1.0"

from converter.api import ConversionResult, convert_file, convert_text  # noqa: E402
from converter.options import ConvertOptions  # noqa: E402

__all__ = ["convert_text", "convert_file", "ConversionResult", "ConvertOptions", "__version__"]
