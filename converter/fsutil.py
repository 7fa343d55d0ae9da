"""File-system helpers: finding inputs, and writing outputs atomically."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from converter.errors import UsageError


def iter_inputs(inputs: Iterable[str | Path], suffix: str) -> Iterator[tuple[Path, Path]]:
    """Yield (file, path relative to its input root) for files and folders (recursive, sorted)."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for f in sorted(path.rglob(f"*{suffix}")):
                if f.is_file():
                    yield f, f.relative_to(path)
        elif path.is_file():
            yield path, Path(path.name)
        else:
            raise UsageError(f"{path}: no such file or folder")


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file and a rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def safe_join(root: Path, *parts: str) -> Path:
    """Join parts under root, refusing anything that would land outside it (`../../etc`)."""
    root_resolved = root.resolve()
    target = root.joinpath(*parts).resolve()
    if target != root_resolved and root_resolved not in target.parents:
        raise UsageError(f"{'/'.join(parts)}: path would leave the output folder {root}")
    return root.joinpath(*parts)
