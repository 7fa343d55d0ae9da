"""`tei-edition build`: a folder of FRUS plain text to a published edition.

    inputs (volume folders of dN.txt + manifest.json)
      │  plan: hash inputs, compare with output/.build-state.json → what must run
      ▼
    per document, in a pool of workers (each compiles schema + stylesheets once):
      convert → tei/<vol>/dN.xml → validate → render → html/<vol>/dN.html
                                            └→ the document's div for the volume file
      ▼
    relink: pages whose previous/next document changed (a failure, a new input) are rendered again
      ▼
    per volume: tei/<vol>.xml (the documents' divs in order, streamed), validated;
                html/<vol>/index.html; then html/index.html (all volumes)
      ▼
    report.json + a summary; .build-state.json (content hashes of inputs and outputs)

Incremental: every output is recorded in the state with the hash of what it
was made from (input text, manifest, the code and stylesheets of its stage,
its neighbours for a page); a second build with nothing changed starts no
worker at all. Outputs are written to a temporary file and renamed, and are
recorded only after they are complete, so an interrupted build leaves
nothing a later build trusts: the state is checked against each output's size
and modification time, and anything missing or different is made again.

Workers return small results (paths, hashes, diagnostics, the index row),
never trees; the volume file is streamed from the documents' own TEI
files (the body of each, cut out of our deterministic serialization), so
memory stays flat in the number of documents.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from converter import __version__
from converter.errors import ConverterError, Diagnostic, ExitCode, Loc, Severity, SourceError, UsageError
from converter.paths import PACKAGE_DIR, SAMPLES_DIR, SCHEMA_DIR, XSLT_DIR

STATE_NAME = ".build-state.json"
REPORT_NAME = "report.json"
STATE_VERSION = 1
TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_DIGITS = re.compile(r"\d+")
# Attributes whose "#id" pointers are rewritten with the ids of the volume file.
_POINTER_ATTRS = ("target", "corresp", "sameAs", "prev", "next", "from", "to")


# --- fingerprints: what each stage's output depends on besides its input ----------------

def _hash_bytes(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8") if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()


def _hash_files(files: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


# Modules that are not part of text -> TEI; a change to them does not reconvert anything.
_NOT_CONVERT = {"build.py", "executors.py", "render.py", "validate.py", "textrender.py", "cli.py", "__main__.py"}


def fingerprints() -> dict[str, str]:
    """One hash per stage over the code and resources that stage's output depends on."""
    py = [p for p in PACKAGE_DIR.glob("*.py")]
    convert = [p for p in py if p.name not in _NOT_CONVERT and not p.name.startswith("cmd_")]
    render = [p for p in py if p.name == "render.py"] + [p for p in XSLT_DIR.rglob("*") if p.is_file()]
    validate = [p for p in py if p.name == "validate.py"] + [p for p in SCHEMA_DIR.rglob("*") if p.is_file()]
    build = [PACKAGE_DIR / "build.py"]
    return {
        "version": __version__,
        "convert": _hash_files(convert + build),  # the ids recorded for the volume file come with the TEI
        "render": _hash_files(render),
        "validate": _hash_files(validate),
        "volume": _hash_files(build),
    }


# --- the validator and renderer, behind one small adapter each ----------------------------

class _NoValidator:
    available = False
    reason = "converter.validate is not installed in this tree"

    def __call__(self, tree, source: str, data: bytes | None = None) -> list[Diagnostic]:
        return []


class _ValidatorAdapter:
    """converter.validate's Validator, compiled once, as f(tree, source, data) -> [Diagnostic].

    The tree a conversion makes has no line numbers; when it has problems the
    document is validated again from its bytes, so that every diagnostic
    points to a line and column of the TEI file.
    """

    available = True
    reason = ""

    def __init__(self, schemas: tuple[str, ...] = ("frus",)):
        from converter import validate as vmod

        cls = getattr(vmod, "Validator", None)
        if cls is not None and hasattr(cls, "load"):
            self._fn = cls.load(schemas).validate
        else:  # an older shape of the module: one function, compiling on first use
            self._fn = vmod.validate

    def __call__(self, tree, source: str, data: bytes | None = None) -> list[Diagnostic]:
        diags = self._fn(tree, source=source)
        if diags and data is not None:
            diags = self._fn(data, source=source)
        return list(diags)


class _BrokenValidator:
    """The schemas could not be loaded: every document gets one error saying so (never a silent pass)."""

    available = True

    def __init__(self, message: str):
        self.reason = message

    def __call__(self, tree, source: str, data: bytes | None = None) -> list[Diagnostic]:
        return [Diagnostic("schema-unavailable", f"not validated: {self.reason}", Loc(source, 1), Severity.ERROR)]


def validator_available() -> bool:
    """Whether converter.validate is there (without importing it: that compiles nothing here)."""
    import importlib.util

    return importlib.util.find_spec("converter.validate") is not None


def make_validator(volume: bool = False):
    try:
        if volume:
            from converter import validate as vmod

            rng = getattr(vmod, "FRUS_RNG", None)
            return _ValidatorAdapter((str(rng),) if rng is not None else ("frus",))
        return _ValidatorAdapter()
    except ImportError:
        return _NoValidator()
    except Exception as exc:  # a schema that does not compile: say so on every document
        return _BrokenValidator(f"the schemas could not be loaded: {exc}")


# --- worker side ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BuildConfig:
    """What every worker needs to know; picklable, the same for the whole build."""

    out: str
    validate: bool = True
    render: bool = True
    date: str | None = None
    fault: str | None = None
    """Test hook (env TEI_EDITION_BUILD_FAULT): `kill:<stem>` kills the worker at that document."""


@dataclass(slots=True)
class DocTask:
    key: str
    volume: str
    stem: str
    source: str
    manifest: str | None
    doc_id: str | None
    convert: bool
    validate: bool
    render: bool
    prev: tuple[str, str] | None = None
    next: tuple[str, str] | None = None
    volume_title: str | None = None


@dataclass(slots=True)
class DocOutcome:
    key: str
    ok: bool
    diagnostics: dict[str, list[dict]] = field(default_factory=dict)
    """Per stage that ran (convert, validate, render): its diagnostics as dicts."""
    outputs: dict[str, dict] = field(default_factory=dict)
    """tei / html: {path, hash, size, mtime_ns} of each file written."""
    summary: dict | None = None
    times: dict[str, float] = field(default_factory=dict)
    links: tuple | None = None
    ids: list[str] | None = None
    """Every xml:id of the document's div (for ids the volume file must make unique)."""


@dataclass(slots=True)
class VolumeTask:
    volume: str
    title: str
    fragments: list[str]
    """The documents' TEI files, in volume order."""
    renames: dict[int, dict[str, str]]
    """Fragment index -> ids to rename in it (those an earlier document already uses)."""
    assemble: bool
    validate: bool
    index: bool
    summaries: list[dict]


@dataclass(slots=True)
class TopIndexTask:
    volumes: list[dict]


@dataclass(slots=True)
class VolumeOutcome:
    volume: str
    ok: bool = True
    diagnostics: list[dict] = field(default_factory=list)
    outputs: dict[str, dict] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)


class _Worker:
    def __init__(self, config: BuildConfig):
        self.config = config
        self.out = Path(config.out)
        self.validator = make_validator() if config.validate else _NoValidator()
        self.renderer = None
        if config.render:
            from converter.render import HtmlRenderer

            self.renderer = HtmlRenderer()
        self.manifests: dict[str, Any] = {}
        self._volume_validator = None

    @property
    def volume_validator(self):
        """The grammar alone, for volume files (see run_volume); compiled on first use."""
        if self._volume_validator is None:
            self._volume_validator = make_validator(volume=True)
        return self._volume_validator


_local = threading.local()


def init_worker(config: BuildConfig) -> None:
    """Compile the validator and the renderer once for this worker (idempotent)."""
    w = getattr(_local, "worker", None)
    if w is None or w.config != config:
        _local.worker = _Worker(config)


def _worker() -> _Worker:
    return _local.worker


def _diag_dict(d: Diagnostic) -> dict:
    return {"code": d.code, "severity": d.severity.name.lower(), "message": d.message,
            "loc": str(d.loc) if d.loc else None, "text": str(d)}


_made_dirs: set[str] = set()


def _record(path: Path, data: bytes) -> dict:
    """Write data atomically (temporary file, then rename) and return what the state records of it.

    The temporary name is unique per process (one file at a time each), which
    spares the random names of mkstemp: this runs three times per document.
    """
    folder = os.path.dirname(path)
    if folder not in _made_dirs:
        os.makedirs(folder, exist_ok=True)
        _made_dirs.add(folder)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            st = os.fstat(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return {"path": str(path), "hash": hashlib.sha256(data).hexdigest(), "size": st.st_size,
            "mtime_ns": st.st_mtime_ns}


@contextlib.contextmanager
def _atomic_stream(path: Path) -> Iterator[Any]:
    """A binary file that appears at path only when the block ends without an exception."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def doc_paths(out: Path, volume: str, stem: str) -> dict[str, Path]:
    return {"tei": out / "tei" / volume / f"{stem}.xml",
            "html": out / "html" / volume / f"{stem}.html"}


def _xpath(expr: str):
    from lxml import etree

    return etree.XPath(expr)


_WITH_ID = _xpath("descendant-or-self::*[@xml:id]")
_WITH_POINTER = _xpath("descendant::*[" + " or ".join(f"contains(@{a}, '#')" for a in _POINTER_ATTRS) + "]")


def document_ids(tree) -> list[str]:
    """Every xml:id in the document's text (for those the volume file must make unique)."""
    body = tree.getroot().find(f"{T}text/{T}body")
    return [] if body is None else [e.get(XML_ID) for e in _WITH_ID(body)]


def body_content(data: bytes, source: str = "") -> bytes:
    """What is inside <body> of one of our TEI files, as bytes: the document's div, ready for the volume.

    Our serialization is fixed (tei.serialize): the header never holds a body
    element, and "<" in text and attribute values is always escaped, so the
    first "<body>" and the last "</body>" are the element's tags.
    """
    start = data.find(b"<body>")
    end = data.rfind(b"</body>")
    if start < 0 or end < start:
        raise ConverterError(f"{source}: no <body> in the TEI file; build again with --force")
    return data[start + len(b"<body>"):end].strip()


def scoped_ids(ids: list[str], doc_id: str, seen: set[str]) -> dict[str, str]:
    """New ids for those of a document that an earlier document of the volume already uses.

    The first document keeps an id (`pg_556` stays `pg_556`, as FRUS volumes
    have it); a later one gets its document id in front: `d255-pg_556`.
    (In a real volume this happens only when page numbers repeat, which the
    page-order rule reports too.)
    """
    renamed = {}
    for i in ids:
        if i in seen:
            new = f"{doc_id}-{i}"
            while new in seen:
                new += "_"
            renamed[i] = new
    return renamed


def rename_ids(fragment: bytes, renamed: dict[str, str]) -> bytes:
    """The fragment with ids renamed and the pointers to them inside it updated."""
    from lxml import etree

    wrapper = etree.fromstring(b'<w xmlns="' + TEI_NS.encode() + b'">' + fragment + b"</w>",
                               etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    for el in _WITH_ID(wrapper):
        old = el.get(XML_ID)
        if old in renamed:
            el.set(XML_ID, renamed[old])
    for el in _WITH_POINTER(wrapper):
        for attr in _POINTER_ATTRS:
            v = el.get(attr)
            if v and "#" in v:
                el.set(attr, " ".join(f"#{renamed[t[1:]]}" if t.startswith("#") and t[1:] in renamed else t
                                      for t in v.split()))
    parts = []
    for d in wrapper:
        b = etree.tostring(d, encoding="utf-8", with_tail=False)
        end = b.index(b">")
        parts.append(b[:end].replace(f' xmlns="{TEI_NS}"'.encode(), b"", 1) + b[end:])
    return b"\n      ".join(parts)


def _fault(task: DocTask) -> None:
    fault = _worker().config.fault
    if fault and fault == f"kill:{task.stem}":
        import multiprocessing

        if multiprocessing.parent_process() is not None:  # only ever a worker, never the build itself
            os.kill(os.getpid(), signal.SIGKILL)


def _load_manifest(path: str | None):
    if path is None:
        return None
    w = _worker()
    if path not in w.manifests:
        from converter.manifest import load_manifest

        w.manifests[path] = load_manifest(path)
    return w.manifests[path]


def run_doc(task: DocTask) -> DocOutcome:
    """One document's stages; exceptions in a stage become error diagnostics."""
    from converter.render import Link, load_tei, summarize

    w = _worker()
    _fault(task)
    paths = doc_paths(w.out, task.volume, task.stem)
    outcome = DocOutcome(task.key, True)
    tree = None
    if task.convert:
        from converter.api import convert_file
        from converter.options import ConvertOptions

        t = time.perf_counter()
        try:
            options = ConvertOptions(volume=_load_manifest(task.manifest), doc_id=task.doc_id, date=w.config.date)
            result = convert_file(task.source, options=options)
            data = result.to_bytes()
        except SourceError as exc:
            outcome.ok = False
            outcome.diagnostics["convert"] = [_diag_dict(exc.diagnostic)]
            return outcome
        except (ConverterError, OSError, ValueError) as exc:
            outcome.ok = False
            outcome.diagnostics["convert"] = [_diag_dict(Diagnostic(
                "convert-failed", str(exc), Loc(task.source, 1, 1), Severity.ERROR))]
            return outcome
        outcome.outputs["tei"] = _record(paths["tei"], data)
        outcome.diagnostics["convert"] = [_diag_dict(d) for d in result.diagnostics if d.severity >= Severity.WARNING]
        tree = result.tree
        outcome.times["convert"] = time.perf_counter() - t
    if tree is None and (task.validate or task.render):
        tree, _src = load_tei(paths["tei"])
    if task.validate:
        t = time.perf_counter()
        tei_bytes = data if task.convert else None
        outcome.diagnostics["validate"] = [_diag_dict(d) for d in w.validator(tree, str(paths["tei"]), tei_bytes)]
        outcome.times["validate"] = time.perf_counter() - t
    if task.render and w.renderer is not None:
        t = time.perf_counter()
        try:
            res = w.renderer.render(
                tree, source=str(paths["tei"]), file=f"{task.stem}.html",
                prev=Link(*task.prev) if task.prev else None, next=Link(*task.next) if task.next else None,
                index_href="index.html", volume_title=task.volume_title)
        except ConverterError as exc:
            outcome.diagnostics["render"] = [_diag_dict(Diagnostic(
                "render-failed", str(exc), Loc(str(paths["tei"]), 1, 1), Severity.ERROR))]
        else:
            outcome.outputs["html"] = _record(paths["html"], res.html.encode("utf-8"))
            outcome.diagnostics["render"] = [_diag_dict(d) for d in res.diagnostics]
            outcome.links = (task.prev, task.next, task.volume_title)
        outcome.times["render"] = time.perf_counter() - t
    if task.convert:
        t = time.perf_counter()
        outcome.summary = asdict(summarize(tree, f"{task.stem}.html"))
        outcome.ids = document_ids(tree)
        outcome.times["summary"] = time.perf_counter() - t
    return outcome


def _volume_skeleton(volume: str, title: str, count: int, first: str, last: str, date: str | None) -> tuple[bytes, bytes]:
    """The volume file around its documents: (everything before the first div, everything after the last)."""
    from lxml import etree

    from converter.header import SERIES_AUTHORITY, SERIES_TITLE

    def el(parent, tag, text=None, **attrs):
        e = etree.SubElement(parent, f"{T}{tag}", attrs)
        if text is not None:
            e.text = text
        return e

    root = etree.Element(f"{T}TEI", nsmap={None: TEI_NS})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    header = el(root, "teiHeader")
    fd = el(header, "fileDesc")
    el(el(fd, "titleStmt"), "title", title, type="main")
    pub = el(fd, "publicationStmt")
    el(pub, "authority", SERIES_AUTHORITY)
    el(pub, "idno", volume, type="frus")
    series = el(fd, "seriesStmt")
    el(series, "title", SERIES_TITLE, level="s")
    el(series, "idno", volume, type="frus")
    span = f"Documents {first}–{last}" if first != last else f"Document {first}"
    el(el(fd, "sourceDesc"), "p",
       f"{span} of this volume ({count} in all), converted from the plain text the Office of the "
       "Historian publishes, one document after another in the volume's order.")
    app = el(el(el(header, "encodingDesc"), "appInfo"), "application", ident="tei-edition", version=__version__)
    el(app, "label", "tei-edition")
    if date:
        el(el(header, "revisionDesc"), "change", f"Assembled by tei-edition {__version__}.", when=date)
    body = el(el(root, "text"), "body")
    body.append(etree.Comment("DOCUMENTS"))
    etree.indent(root, space="  ")
    text = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    before, after = text.split(b"<!--DOCUMENTS-->")
    return before, after + b"\n"


def run_volume(task: VolumeTask) -> VolumeOutcome:
    """The volume file streamed from the documents' TEI files; its validation; the index page."""
    w = _worker()
    out = VolumeOutcome(task.volume)
    tei_path = w.out / "tei" / f"{task.volume}.xml"
    if task.assemble:
        t = time.perf_counter()
        firsts = [s.get("n") or s.get("id") for s in task.summaries]
        before, after = _volume_skeleton(task.volume, task.title, len(task.fragments), firsts[0], firsts[-1],
                                         w.config.date)
        h = hashlib.sha256()
        with _atomic_stream(tei_path) as f:
            for i, frag in enumerate(task.fragments):
                data = body_content(Path(frag).read_bytes(), frag)
                if i in task.renames:
                    data = rename_ids(data, task.renames[i])
                chunk = (before if i == 0 else b"\n      ") + data
                f.write(chunk)
                h.update(chunk)
            f.write(after)
            h.update(after)
        st = tei_path.stat()
        out.outputs["tei"] = {"path": str(tei_path), "hash": h.hexdigest(), "size": st.st_size,
                              "mtime_ns": st.st_mtime_ns}
        out.times["volume"] = time.perf_counter() - t
    if task.validate:
        from lxml import etree

        t = time.perf_counter()
        # Our own file, possibly larger than the safe parser's cap for user input; still no DTD or network.
        tree = etree.parse(str(tei_path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                                          huge_tree=True))
        # The grammar (schema/frus-tei.rng) over the whole volume; the Schematron rules are about one
        # document (its id, its note numbering) and ran on each document's own file.
        out.diagnostics = [_diag_dict(d) for d in w.volume_validator(tree, str(tei_path))]
        del tree
        out.times["validate-volume"] = time.perf_counter() - t
    if task.index and w.renderer is not None:
        from converter.render import DocumentSummary

        t = time.perf_counter()
        html = w.renderer.render_index([DocumentSummary(**s) for s in task.summaries], title=task.title)
        out.outputs["index"] = _record(w.out / "html" / task.volume / "index.html", html.encode("utf-8"))
        out.times["index"] = time.perf_counter() - t
    return out


def run_top_index(task: TopIndexTask) -> VolumeOutcome:
    """html/index.html: every volume of the edition, linked to its own index."""
    from converter.render import DocumentSummary

    w = _worker()
    out = VolumeOutcome("")
    t = time.perf_counter()
    rows = [DocumentSummary(id=v["volume"], n=str(v["documents"]), title=v["title"], date=v["dates"],
                            file=f"{v['volume']}/index.html") for v in task.volumes]
    if w.renderer is not None:
        html = w.renderer.render_index(rows, title="Foreign Relations of the United States: volumes")
        out.outputs["index"] = _record(w.out / "html" / "index.html", html.encode("utf-8"))
    out.times["index"] = time.perf_counter() - t
    return out


def run_batch(batch: list) -> list:
    """The task function the executors run: a batch of document or volume tasks."""
    results = []
    for task in batch:
        if isinstance(task, DocTask):
            results.append(run_doc(task))
        elif isinstance(task, VolumeTask):
            results.append(run_volume(task))
        else:
            results.append(run_top_index(task))
    return results


# --- planning and the main loop (this process) -------------------------------------------------

@dataclass(slots=True)
class InputDoc:
    volume: str
    stem: str
    source: Path
    manifest: Path | None
    doc_id: str | None
    label_n: str | None

    @property
    def key(self) -> str:
        return f"{self.volume}/{self.stem}"


@dataclass(slots=True)
class InputVolume:
    id: str
    title: str
    folder: Path
    manifest: Path | None
    docs: list[InputDoc]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _stem_number(stem: str) -> tuple[int, int, str]:
    m = _DIGITS.search(stem)
    return (0, int(m.group()), stem) if m else (1, 0, stem)


def discover(inputs: list[str | Path]) -> list[InputVolume]:
    """Volumes among the inputs: each folder holding .txt files is one (a file's folder, too)."""
    from converter.manifest import ManifestError, find_manifest, load_manifest

    folders: dict[Path, list[Path]] = {}
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*.txt")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    folders.setdefault(f.parent, []).append(f)
        elif p.is_file():
            folders.setdefault(p.parent, []).append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    volumes: dict[str, InputVolume] = {}
    for folder, files in folders.items():
        files = sorted(set(files))
        mpath = find_manifest(folder)
        manifest = None
        diags: list[Diagnostic] = []
        if mpath is not None:
            try:
                manifest = load_manifest(mpath)
            except ManifestError as exc:
                raise UsageError(str(exc)) from None
        vol_id = manifest.id if manifest else folder.resolve().name
        if vol_id in volumes:
            raise UsageError(f"{folder}: volume {vol_id!r} is also {volumes[vol_id].folder}; "
                             "each volume must come from one folder")
        order = {e.id: i for i, e in enumerate(manifest.documents.values())} if manifest else {}
        docs = []
        for f in files:
            doc_id = manifest.doc_id_for(f.name) if manifest else None
            entry = manifest.entry(doc_id) if manifest else None
            n = entry.n if entry and entry.n else (_DIGITS.search(f.stem).group() if _DIGITS.search(f.stem) else None)
            docs.append(InputDoc(vol_id, f.stem, f, mpath, doc_id or (f.stem if re.fullmatch(r"d\d+", f.stem) else None), n))
        # The volume's order: the manifest's, then the rest by the number in the file name.
        docs.sort(key=lambda d: (0, order[d.doc_id], ()) if d.doc_id in order else (1, 0, _stem_number(d.stem)))
        if manifest:
            present = {d.doc_id for d in docs}
            for e in manifest.documents.values():
                if e.id not in present:
                    diags.append(Diagnostic("manifest-document-missing",
                                            f"the manifest names document {e.id}, which is not among the inputs",
                                            Loc(str(mpath), 1), Severity.WARNING))
        title = (manifest.title if manifest and manifest.title else None) or vol_id
        volumes[vol_id] = InputVolume(vol_id, title, folder, mpath, docs, diags)
    return list(volumes.values())


def _label(n: str | None, fallback: str) -> str:
    return f"Document {n}" if n else fallback


def _fresh(rec: dict | None) -> bool:
    """The output is there and is the file the state recorded (size and modification time)."""
    if not rec:
        return False
    try:
        st = os.stat(rec["path"])
    except OSError:
        return False
    return st.st_size == rec["size"] and st.st_mtime_ns == rec["mtime_ns"]


@dataclass
class StageStat:
    documents: int = 0
    cpu_s: float = 0.0


@dataclass
class BuildResult:
    report: dict
    exit_code: int
    report_path: Path

    def summary(self) -> str:
        return format_summary(self.report)


class Progress:
    """tqdm on a terminal, a line every tenth of the work otherwise, nothing with quiet."""

    def __init__(self, quiet: bool, stream=None):
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._bar = None

    def start(self, label: str, total: int) -> None:
        self.close()
        self.label, self.total, self.done, self._next = label, total, 0, 0
        if self.quiet or total == 0:
            return
        if self.tty:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=label, unit="doc", file=self.stream, leave=False,
                             dynamic_ncols=True)
        else:
            print(f"{label}: {total} to do", file=self.stream, flush=True)
            # Small jobs finish before a reader could use a line per tenth.
            self._next = max(1, total // 10) if total >= 200 else total

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.quiet or self.total == 0:
            return
        if self._bar is not None:
            self._bar.update(n)
        elif self.done >= self._next and self.done < self.total:
            print(f"{self.label}: {self.done}/{self.total}", file=self.stream, flush=True)
            self._next = self.done + max(1, self.total // 10)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class Builder:
    def __init__(self, inputs: list[str | Path] | None, out: Path, *, jobs: int | None = None,
                 keep_going: bool = True, quiet: bool = False, validate: bool = True, render: bool = True,
                 dask: str | None = None, date: str | None = None, force: bool = False,
                 progress_stream=None, batch_size: int | None = None):
        self.inputs = list(inputs) if inputs else [SAMPLES_DIR]
        self.out = Path(out)
        self.jobs = jobs
        self.keep_going = keep_going
        self.quiet = quiet
        self.dask = dask
        self.force = force
        self.batch_size = batch_size
        validate = validate and validator_available()
        self.config = BuildConfig(str(self.out.resolve()), validate, render, date,
                                  os.environ.get("TEI_EDITION_BUILD_FAULT") or None)
        self.progress = Progress(quiet, progress_stream)
        self._executor = None
        self.fp = fingerprints()
        self.stages: dict[str, StageStat] = {}
        self.wall: dict[str, float] = {}
        self._last_save = 0.0
        self.stopped: str | None = None
        self._todo: set[str] = set()
        self.built: dict[str, list] = {}

    # -- state -------------------------------------------------------------------------------

    @property
    def state_path(self) -> Path:
        return self.out / STATE_NAME

    def _load_state(self) -> dict:
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"version": STATE_VERSION, "documents": {}, "volumes": {}}
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION or self.force:
            return {"version": STATE_VERSION, "documents": {}, "volumes": {}}
        state.setdefault("documents", {})
        state.setdefault("volumes", {})
        return state

    def _save_state(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self._last_save < 1.0:
            return
        from converter.fsutil import atomic_write

        atomic_write(self.state_path, json.dumps(self.state, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        self._last_save = now

    # -- executor ----------------------------------------------------------------------------------

    def _run(self, tasks: list, label: str, weight: Callable[[Any], int] = lambda t: 1) -> Iterator[Any]:
        """Run tasks in batches on the executor (started on first use); yield each task's outcome."""
        if not tasks:
            return
        from converter.executors import default_jobs, make_executor

        jobs = self.jobs or default_jobs()
        size = self.batch_size or max(1, min(16, len(tasks) // (jobs * 4) or 1))
        batches = [tasks[i:i + size] for i in range(0, len(tasks), size)]
        if self._executor is None:
            t = time.perf_counter()
            work = None if self.dask else len(batches) if len(batches) < jobs else None
            self._executor = make_executor(init_worker, self.config, jobs=jobs, dask=self.dask, work=work)
            self.wall["start workers"] = self.wall.get("start workers", 0.0) + time.perf_counter() - t
        self.progress.start(label, sum(weight(t) for t in tasks))
        try:
            for results in self._executor.run(run_batch, batches):
                for r in results:
                    yield r
                    self.progress.advance(weight(r))
                self._save_state()
        finally:
            self.progress.close()

    def _times(self, times: dict[str, float]) -> None:
        for stage, s in times.items():
            st = self.stages.setdefault(stage, StageStat())
            st.documents += 1
            st.cpu_s += s

    # -- the build ---------------------------------------------------------------------------------

    def build(self) -> BuildResult:
        t0 = time.perf_counter()
        self.out.mkdir(parents=True, exist_ok=True)
        self._sweep_temporaries()
        t = time.perf_counter()
        volumes = discover(self.inputs)
        self.state = self._load_state()
        if self.state.get("fingerprints") != self.fp:
            self.state["fingerprints"] = self.fp
        self.wall["plan"] = time.perf_counter() - t
        interrupted = False
        from converter.executors import WorkerDied

        try:
            self._build(volumes)
        except WorkerDied as exc:
            self.stopped = str(exc)
            self._executor.close(cancel=True)
            self._executor = None
        except KeyboardInterrupt:
            interrupted = True
            self.stopped = "interrupted"
            if self._executor is not None:
                self._executor.close(cancel=True)
                self._executor = None
            raise
        finally:
            if self._executor is not None:
                self._executor.close(cancel=interrupted)
                self._executor = None
            self._save_state(force=True)
        self.wall["total"] = time.perf_counter() - t0
        report = self._report(volumes)
        from converter.fsutil import atomic_write

        report_path = self.out / REPORT_NAME
        atomic_write(report_path, json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8"))
        t = report["totals"]
        code = ExitCode.OK if not (t["failed"] or t["invalid"] or t["errors"] or self.stopped) else ExitCode.FAILED
        return BuildResult(report, int(code), report_path)

    def _sweep_temporaries(self) -> None:
        """Leftovers of an interrupted build's atomic writes (`.name.XXXX.tmp`): never trusted, removed."""
        for sub in ("tei", "html"):
            root = self.out / sub
            if root.is_dir():
                for tmp in root.rglob(".*.tmp"):
                    with contextlib.suppress(OSError):
                        tmp.unlink()
        for tmp in self.out.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()

    def _build(self, volumes: list[InputVolume]) -> None:
        docs_state: dict[str, dict] = self.state["documents"]
        fp = self.fp
        self.built = {"convert": [], "validate": [], "render": [], "volume": [], "index": []}
        self._conv_keys: dict[str, str] = {}
        # Documents no longer among the inputs of a volume being built: their outputs go.
        current = {d.key for v in volumes for d in v.docs}
        built_volumes = {v.id for v in volumes}
        for key in [k for k, s in docs_state.items() if s.get("volume") in built_volumes and k not in current]:
            self._remove_outputs(docs_state.pop(key))

        # Plan: what each document needs, and the neighbours its page links to.
        t = time.perf_counter()
        manifest_hashes: dict[Path, str] = {}
        tasks: list[DocTask] = []
        for v in volumes:
            mh = ""
            if v.manifest is not None:
                if v.manifest not in manifest_hashes:
                    manifest_hashes[v.manifest] = _hash_bytes(v.manifest.read_bytes())
                mh = manifest_hashes[v.manifest]
            # Predicted neighbours: documents that will not fail (a failure whose input is unchanged fails again).
            conv_keys = {}
            for d in v.docs:
                conv_keys[d.key] = _hash_bytes(d.source.read_bytes(), mh, fp["convert"], self.config.date or "",
                                               d.doc_id or "")
            alive = [d for d in v.docs if not (docs_state.get(d.key, {}).get("conv_key") == conv_keys[d.key]
                                               and docs_state[d.key].get("status") == "failed")]
            links = {}
            for i, d in enumerate(alive):
                p = alive[i - 1] if i else None
                n = alive[i + 1] if i + 1 < len(alive) else None
                links[d.key] = ((f"{p.stem}.html", _label(p.label_n, p.stem)) if p else None,
                                (f"{n.stem}.html", _label(n.label_n, n.stem)) if n else None)
            for d in v.docs:
                st = docs_state.get(d.key)
                ck = conv_keys[d.key]
                if st and st.get("conv_key") == ck and st.get("status") == "failed":
                    continue  # the same input fails the same way: its diagnostics are in the state
                convert = not (st and st.get("conv_key") == ck and _fresh(st.get("tei")))
                tei_hash = None if convert else st["tei"]["hash"]
                validate = self.config.validate and (
                    convert or st.get("val_key") != _hash_bytes(tei_hash, fp["validate"]))
                prev, nxt = links.get(d.key, (None, None))
                render = self.config.render and (
                    convert or not _fresh(st.get("html"))
                    or st.get("render_key") != self._render_key(tei_hash, prev, nxt, v.title))
                if not (convert or validate or render):
                    continue
                tasks.append(DocTask(d.key, v.id, d.stem, str(d.source), str(d.manifest) if d.manifest else None,
                                     d.doc_id, convert, validate, render, prev, nxt, v.title))
                self._todo.add(d.key)
                if convert:
                    self._conv_keys[d.key] = ck
                    if st is None:
                        docs_state[d.key] = {"volume": v.id, "stem": d.stem, "source": str(d.source),
                                             "status": "pending"}
        self.wall["plan"] += time.perf_counter() - t

        t = time.perf_counter()
        for outcome in self._run(tasks, "documents"):
            self._apply(outcome)
            if not outcome.ok and not self.keep_going:
                self.stopped = f"stopped at {outcome.key}: --no-keep-going"
                break
        self.wall["documents"] = time.perf_counter() - t
        if self.stopped:
            return

        # Relink: final neighbours from the documents that made it, labels from their TEI.
        t = time.perf_counter()
        relink = []
        orders: dict[str, list[InputDoc]] = {}
        for v in volumes:
            ok = [d for d in v.docs if docs_state.get(d.key, {}).get("status") == "ok"]
            orders[v.id] = ok
            if not self.config.render:
                continue
            for i, d in enumerate(ok):
                st = docs_state[d.key]
                prev = self._link(ok[i - 1]) if i else None
                nxt = self._link(ok[i + 1]) if i + 1 < len(ok) else None
                if st.get("render_key") != self._render_key(st["tei"]["hash"], prev, nxt, v.title) \
                        or not _fresh(st.get("html")):
                    relink.append(DocTask(d.key, v.id, d.stem, str(d.source), None, d.doc_id, False, False, True,
                                          prev, nxt, v.title))
        for outcome in self._run(relink, "links"):
            self._apply(outcome)
        self.wall["relink"] = time.perf_counter() - t

        # Volumes: the volume file, its validation, the index page; then the index of volumes.
        t = time.perf_counter()
        vstate: dict[str, dict] = self.state["volumes"]
        vtasks: list = []
        for v in volumes:
            ok = orders[v.id]
            seen: dict[str, str] = {}
            members = []
            for d in ok:
                st = docs_state[d.key]
                did = (st.get("summary") or {}).get("id") or d.stem
                if did in seen:
                    st.setdefault("diagnostics", {})["volume"] = [_diag_dict(Diagnostic(
                        "duplicate-document-id",
                        f"document id {did} is also that of {seen[did]}; this document is left out of "
                        f"tei/{v.id}.xml (give it its own number)", Loc(str(d.source), 1), Severity.ERROR))]
                    continue
                seen[did] = d.stem
                members.append(d)
            # Ids an earlier document of the volume already uses: renamed in the volume file only.
            renames: dict[int, dict[str, str]] = {}
            used: dict[str, str] = {}
            for i, d in enumerate(members):
                st = docs_state[d.key]
                st.get("diagnostics", {}).pop("volume", None)
                ids = st.get("ids") or []
                did = (st.get("summary") or {}).get("id") or d.stem
                r = scoped_ids(ids, did, used.keys())
                if r:
                    renames[i] = r
                    shown = ", ".join(f"{a} (also in {used[a]}) is {b}" for a, b in list(r.items())[:5])
                    st.setdefault("diagnostics", {})["volume"] = [_diag_dict(Diagnostic(
                        "volume-duplicate-id",
                        f"{len(r)} id(s) of this document are used by an earlier document of the volume; in "
                        f"tei/{v.id}.xml {shown}" + (" ..." if len(r) > 5 else ""),
                        Loc(str(d.source), 1), Severity.INFO))]
                for x in ids:
                    used.setdefault(r.get(x, x), did)
            old = vstate.get(v.id, {})
            if not members:
                self._remove_volume(v.id, old)
                vstate.pop(v.id, None)
                continue
            summaries = [docs_state[d.key]["summary"] for d in members]
            vol_key = _hash_bytes(json.dumps([[d.stem, docs_state[d.key]["tei"]["hash"]] for d in members]),
                                  v.title, fp["volume"], self.config.date or "")
            index_key = _hash_bytes(json.dumps(summaries, sort_keys=True), v.title, fp["render"])
            assemble = old.get("vol_key") != vol_key or not _fresh(old.get("tei"))
            validate = self.config.validate and (
                assemble or old.get("val_key") != _hash_bytes((old.get("tei") or {}).get("hash", ""), fp["validate"]))
            index = self.config.render and (old.get("index_key") != index_key or not _fresh(old.get("index")))
            dates = [s["date"] for s in summaries if s.get("date")]
            entry = {**old, "title": v.title, "documents": len(members), "vol_key": vol_key, "index_key": index_key,
                     "dates": f"{dates[0]} – {dates[-1]}" if len(dates) > 1 else (dates[0] if dates else ""),
                     "manifest": [_diag_dict(d) for d in v.diagnostics]}
            vstate[v.id] = entry
            if assemble or validate or index:
                entry["pending"] = {"assemble": assemble, "index": index}
                vtasks.append(VolumeTask(v.id, v.title, [docs_state[d.key]["tei"]["path"] for d in members],
                                         renames, assemble, validate, index, summaries))
        if self.config.render:
            self._copy_assets([self.out / "html"] + [self.out / "html" / v for v in vstate])
            listed = [{"volume": k, "title": e["title"], "documents": e["documents"], "dates": e.get("dates", "")}
                      for k, e in sorted(vstate.items())]
            top_key = _hash_bytes(json.dumps(listed), fp["render"])
            top = self.state.get("top_index") or {}
            if top.get("key") != top_key or not _fresh(top.get("index")):
                vtasks.append(TopIndexTask(listed))
                self.state["top_index"] = {"key": top_key, "pending": True}
        for outcome in self._run(vtasks, "volumes"):
            self._apply_volume(outcome)
        self.wall["volumes"] = time.perf_counter() - t

    def _render_key(self, tei_hash, prev, nxt, title) -> str:
        return _hash_bytes(tei_hash or "", json.dumps([prev, nxt, title]), self.fp["render"])

    def _link(self, d: InputDoc) -> tuple[str, str]:
        s = self.state["documents"][d.key].get("summary") or {}
        return (f"{d.stem}.html", _label(s.get("n"), s.get("title") or d.stem))

    def _apply(self, o: DocOutcome) -> None:
        st = self.state["documents"].setdefault(o.key, {})
        self._times(o.times)
        diags = st.setdefault("diagnostics", {})
        self._todo.discard(o.key)
        if "convert" in o.diagnostics:
            # Recorded only now that the outputs are complete: an interrupted build redoes this document.
            st["conv_key"] = self._conv_keys[o.key]
            if o.ok:
                self.built["convert"].append(o.key)
            diags.clear()
        diags.update(o.diagnostics)
        if not o.ok:
            self._remove_outputs(st)
            for k in ("tei", "html", "summary", "ids", "val_key", "render_key"):
                st.pop(k, None)
            st["status"] = "failed"
            return
        st["status"] = "ok"
        for name, rec in o.outputs.items():
            st[name] = rec
        if o.summary is not None:
            st["summary"] = o.summary
        if o.ids is not None:
            st["ids"] = o.ids
        tei_hash = st["tei"]["hash"]
        if "validate" in o.diagnostics:
            self.built["validate"].append(o.key)
            st["val_key"] = _hash_bytes(tei_hash, self.fp["validate"])
        if o.links is not None:
            self.built["render"].append(o.key)
            prev, nxt, title = o.links
            st["render_key"] = self._render_key(tei_hash, prev, nxt, title)
        elif "render" in o.diagnostics:  # the renderer failed: the page is not there
            if st.get("html"):
                with contextlib.suppress(OSError):
                    os.unlink(st["html"]["path"])
            st.pop("html", None)
            st.pop("render_key", None)

    def _apply_volume(self, o: VolumeOutcome) -> None:
        self._times(o.times)
        if o.volume == "":
            self.state["top_index"]["index"] = o.outputs.get("index")
            self.state["top_index"].pop("pending", None)
            self.built["index"].append("index.html")
            return
        e = self.state["volumes"][o.volume]
        pending = e.pop("pending", {})
        if "tei" in o.outputs:
            e["tei"] = o.outputs["tei"]
            self.built["volume"].append(o.volume)
        if "validate-volume" in o.times:
            e["diagnostics"] = o.diagnostics
            e["val_key"] = _hash_bytes(e["tei"]["hash"], self.fp["validate"])
        if "index" in o.outputs:
            e["index"] = o.outputs["index"]
            self.built["index"].append(f"{o.volume}/index.html")
        elif pending.get("index"):
            e.pop("index", None)

    def _remove_outputs(self, st: dict) -> None:
        for k in ("tei", "html"):
            rec = st.get(k)
            if rec:
                with contextlib.suppress(OSError):
                    os.unlink(rec["path"])

    def _remove_volume(self, vol: str, st: dict) -> None:
        for k in ("tei", "index"):
            rec = st.get(k)
            if rec:
                with contextlib.suppress(OSError):
                    os.unlink(rec["path"])

    def _copy_assets(self, folders: list[Path]) -> None:
        from converter.fsutil import atomic_write
        from converter.render import CSS_FILE, JS_FILE

        for asset in (CSS_FILE, JS_FILE):
            data = asset.read_bytes()
            for folder in folders:
                target = folder / asset.name
                try:
                    same = target.read_bytes() == data
                except OSError:
                    same = False
                if not same:
                    atomic_write(target, data)

    # -- report ----------------------------------------------------------------------------------

    def _report(self, volumes: list[InputVolume]) -> dict:
        docs_state = self.state["documents"]
        vstate = self.state["volumes"]
        validator_on = self.config.validate
        rows = []
        totals = {"documents": 0, "built": 0, "failed": 0, "invalid": 0, "warnings": 0, "errors": 0}
        out_vols = []
        for v in volumes:
            vol_failed = vol_invalid = 0
            for d in v.docs:
                st = docs_state.get(d.key, {})
                diags = [x for stage in ("convert", "validate", "render", "volume")
                         for x in st.get("diagnostics", {}).get(stage, [])]
                status = "not built" if d.key in self._todo and st.get("status") != "failed" \
                    else st.get("status", "not built")
                invalid = any(x["severity"] == "error" for x in st.get("diagnostics", {}).get("validate", []))
                if status == "ok" and invalid:
                    status = "invalid"
                totals["documents"] += 1
                totals["failed"] += status in ("failed", "not built", "pending")
                totals["invalid"] += status == "invalid"
                vol_failed += status in ("failed", "not built", "pending")
                vol_invalid += status == "invalid"
                totals["warnings"] += sum(x["severity"] == "warning" for x in diags)
                totals["errors"] += sum(x["severity"] == "error" for x in diags)
                rows.append({
                    "volume": v.id, "id": (st.get("summary") or {}).get("id") or d.doc_id or d.stem,
                    "source": str(d.source), "status": status,
                    "valid": (not invalid) if status in ("ok", "invalid") and validator_on else None,
                    "tei": (st.get("tei") or {}).get("path"), "html": (st.get("html") or {}).get("path"),
                    "diagnostics": [x["text"] for x in diags],
                })
            e = vstate.get(v.id, {})
            vdiags = [x["text"] for x in e.get("manifest", []) + e.get("diagnostics", [])]
            totals["warnings"] += sum("warning:" in x for x in vdiags)
            vol_errors = sum("error:" in x for x in vdiags)
            totals["errors"] += vol_errors
            out_vols.append({
                "id": v.id, "title": v.title, "source": str(v.folder), "documents": len(v.docs),
                "built": e.get("documents", 0), "failed": vol_failed, "invalid": vol_invalid,
                "tei": (e.get("tei") or {}).get("path"), "html": (e.get("index") or {}).get("path"),
                "valid": (vol_errors == 0) if e.get("tei") and validator_on else None,
                "diagnostics": vdiags,
            })
        totals["built"] = len(self.built["convert"]) if hasattr(self, "built") else 0
        stages = {name: {"documents": s.documents, "cpu_s": round(s.cpu_s, 4),
                         "per_s": round(s.documents / s.cpu_s, 1) if s.cpu_s > 0 else None}
                  for name, s in self.stages.items()}
        built = getattr(self, "built", {})
        return {
            "tool": f"tei-edition {__version__}",
            "output": str(self.out),
            "inputs": [str(p) for p in self.inputs],
            "jobs": self.jobs or __import__("converter.executors", fromlist=["default_jobs"]).default_jobs(),
            "executor": "dask" if self.dask else "processes",
            "validation": "on" if validator_on else
                          ("off" if validator_available() else "unavailable: " + _NoValidator.reason),
            "stopped": self.stopped,
            "totals": totals,
            "rebuilt": {k: len(v) for k, v in built.items()},
            "rebuilt_documents": sorted(set(built.get("convert", []))),
            "rerendered_documents": sorted(set(built.get("render", []))),
            "stages": stages,
            "wall_s": {k: round(v, 4) for k, v in self.wall.items()},
            "volumes": out_vols,
            "documents": rows,
            "index": str(self.out / "html" / "index.html") if self.config.render else None,
        }


def format_summary(report: dict) -> str:
    """The human summary: what was built, what failed and where, how long each stage took."""
    t = report["totals"]
    lines = []
    for v in report["volumes"]:
        bits = [f"{v['built']}/{v['documents']} documents"]
        if v["failed"]:
            bits.append(f"{v['failed']} failed")
        if v["invalid"]:
            bits.append(f"{v['invalid']} invalid")
        lines.append(f"  {v['id']}: {', '.join(bits)}")
    problems = [(d["source"], x) for d in report["documents"] for x in d["diagnostics"] if ": error:" in x]
    for _src, text in problems[:20]:
        lines.append(f"  {text}")
    if len(problems) > 20:
        lines.append(f"  ... and {len(problems) - 20} more errors: see {report['output']}/report.json")
    r = report["rebuilt"]
    validity = {"on": "all valid" if not t["invalid"] else f"{t['invalid']} invalid"}.get(
        report["validation"], f"validation {report['validation']}")
    head = (f"built {t['documents'] - t['failed']}/{t['documents']} documents in {len(report['volumes'])} volume(s): "
            f"{t['failed']} failed, {t['warnings']} warning(s), {t['errors']} error(s), {validity}")
    if report.get("stopped"):
        head += f" ({report['stopped']})"
    work = (f"work done: {r.get('convert', 0)} converted, {r.get('validate', 0)} validated, "
            f"{r.get('render', 0)} rendered, {r.get('volume', 0)} volume file(s), {r.get('index', 0)} index page(s)")
    if not any(r.values()):
        work = "nothing changed: no document converted or rendered"
    stage_bits = [f"{k} {v['cpu_s']:.2f}s" + (f" ({v['per_s']:.0f}/s)" if v["per_s"] else "")
                  for k, v in report["stages"].items()]
    w = report["wall_s"]
    timing = f"time: {w.get('total', 0):.2f}s wall"
    if stage_bits:
        timing += f"; CPU per stage ({report['jobs']} job(s)): " + ", ".join(stage_bits)
    tail = []
    if report.get("index"):
        tail.append(f"open {report['index']} in a browser")
    tail.append(f"report: {report['output']}/{REPORT_NAME}")
    return "\n".join([head, *lines, work, timing, *tail])


def build(inputs: list[str | Path] | None = None, out: str | Path = "output", **kwargs) -> BuildResult:
    """Build the edition of inputs (default: the samples shipped with the package) into out."""
    return Builder(inputs, Path(out), **kwargs).build()
