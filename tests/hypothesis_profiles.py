"""Hypothesis settings for the property-based tests (imported by tests/test_hypothesis_*.py).

Profiles:
- "ci" (the default): 500 examples per property, no deadline (the first example
  compiles the Saxon stylesheet), failures saved in tests/.hypothesis-db, which
  is committed so that every past failure replays first on every run.
- "dev": 100 examples, for quick local runs (HYPOTHESIS_PROFILE=dev).
- "long": 20,000 examples, for hunting (HYPOTHESIS_PROFILE=long); new failures
  land in the same database, commit them with their fix.
"""
from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

DATABASE = DirectoryBasedExampleDatabase(str(Path(__file__).resolve().parent / ".hypothesis-db"))
_COMMON = dict(
    database=DATABASE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)

settings.register_profile("ci", max_examples=500, **_COMMON)
settings.register_profile("dev", max_examples=100, **_COMMON)
settings.register_profile("long", max_examples=20_000, **_COMMON)
# Applied per test (`@PROFILE`), so that loading this module changes no global state.
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
