"""Volume manifests: `manifest.json` beside the inputs, or given with `--manifest`.

    {"volume": "frus1961-63v22",
     "title": "Foreign Relations of the United States, 1961–1963, Volume XXII, ...",
     "documents": [{"id": "d255", "n": "255", "start_page": "556", "file": "d255.xml"}, ...]}

`volume` and `documents` are required; `title`, `n`, `start_page` and `file` may
be missing or null. Every problem is a ManifestError naming the file and what is
wrong with it, so the CLI can print it as it is.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from converter.errors import UsageError

MANIFEST_NAME = "manifest.json"
_ID = re.compile(r"[A-Za-z_][\w.-]*")


class ManifestError(UsageError):
    """A manifest that cannot be used: not JSON, wrong shape, or naming a document that is not there."""


@dataclass(frozen=True, slots=True)
class DocEntry:
    id: str
    n: str | None = None
    start_page: str | None = None
    file: str | None = None


@dataclass(frozen=True, slots=True)
class Volume:
    id: str
    title: str | None
    path: Path
    documents: dict[str, DocEntry] = field(default_factory=dict)

    def entry(self, doc_id: str | None) -> DocEntry | None:
        return self.documents.get(doc_id) if doc_id else None

    def doc_id_for(self, file_name: str) -> str | None:
        """The id of the document whose input is file_name (`d255.txt`, or the stem of its `file`)."""
        stem = Path(file_name).stem
        if stem in self.documents:
            return stem
        for e in self.documents.values():
            if e.file and Path(e.file).stem == stem:
                return e.id
        return None

    def check_documents(self, folders: list[Path] | None = None) -> None:
        """Every document the manifest names must be there: `<id>.txt` or its `file`, beside it or in folders."""
        places = [self.path.parent, *(folders or [])]
        for e in self.documents.values():
            names = [f"{e.id}.txt"] + ([e.file] if e.file else [])
            if not any((d / n).is_file() for d in places for n in names):
                where = " or ".join(sorted({str(d) for d in places}))
                raise ManifestError(
                    f"{self.path}: names document {e.id!r}, but neither {' nor '.join(names)} is in {where}")


def _text(value, where: str, path: Path, key: str, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise ManifestError(f"{path}: {where}: {key!r} is missing")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ManifestError(f"{path}: {where}: {key!r} must be a string, not {type(value).__name__}")
    s = str(value).strip()
    if required and not s:
        raise ManifestError(f"{path}: {where}: {key!r} is empty")
    return s or None


def parse_manifest(data: str | bytes, path: Path) -> Volume:
    """Validate a manifest's JSON text; path is only for messages."""
    try:
        raw = json.loads(data)
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    if not isinstance(raw, dict):
        raise ManifestError(f"{path}: the manifest must be a JSON object, not {type(raw).__name__}")
    vol_id = _text(raw.get("volume"), "top level", path, "volume", required=True)
    if not _ID.fullmatch(vol_id):
        raise ManifestError(f"{path}: 'volume' {vol_id!r} is not an identifier (letters, digits, - . _)")
    title = _text(raw.get("title"), "top level", path, "title")
    docs = raw.get("documents")
    if docs is None:
        raise ManifestError(f"{path}: top level: 'documents' is missing")
    if not isinstance(docs, list):
        raise ManifestError(f"{path}: 'documents' must be a list, not {type(docs).__name__}")
    entries: dict[str, DocEntry] = {}
    for i, d in enumerate(docs):
        where = f"documents[{i}]"
        if not isinstance(d, dict):
            raise ManifestError(f"{path}: {where} must be an object, not {type(d).__name__}")
        doc_id = _text(d.get("id"), where, path, "id", required=True)
        if not _ID.fullmatch(doc_id):
            raise ManifestError(f"{path}: {where}: 'id' {doc_id!r} is not an identifier")
        if doc_id in entries:
            raise ManifestError(f"{path}: {where}: document {doc_id!r} is listed twice")
        file = _text(d.get("file"), where, path, "file")
        if file is not None and (Path(file).is_absolute() or ".." in Path(file).parts):
            raise ManifestError(f"{path}: {where}: 'file' {file!r} must be a name beside the manifest")
        entries[doc_id] = DocEntry(doc_id, _text(d.get("n"), where, path, "n"),
                                   _text(d.get("start_page"), where, path, "start_page"), file)
    return Volume(vol_id, title, path, entries)


def load_manifest(path: str | Path) -> Volume:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ManifestError(f"{path}: no such manifest file") from None
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read the manifest: {exc.strerror}") from None
    return parse_manifest(data, path)


def find_manifest(folder: Path) -> Path | None:
    """`manifest.json` beside the inputs of folder, if there is one."""
    p = folder / MANIFEST_NAME
    return p if p.is_file() else None
