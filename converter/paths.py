"""Where the project's resources live: the one place that knows.

`schema/` and `xslt/` sit at the repository root, beside the package, as the
project is laid out; sample documents ship inside the package.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
SCHEMA_DIR = PROJECT_ROOT / "schema"
XSLT_DIR = PROJECT_ROOT / "xslt"
SAMPLES_DIR = PACKAGE_DIR / "samples"
OUTPUT_DIR = Path("output")
TEI_ALL_RNG = SCHEMA_DIR / "tei_all.rng"
