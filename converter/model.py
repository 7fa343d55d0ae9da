"""The document model: what the parser finds, before any XML exists.

Slotted dataclasses, one per construct of the plain-text format. Every node
carries a `Loc` (1-based line and column in the input). Fields marked
"resolve" are left empty by the parser and filled by `resolve.resolve_notes`.
`dump()` prints the model as indented pseudo-XML for parser tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from converter.errors import Loc


# --- inline nodes ---------------------------------------------------------------

@dataclass(slots=True)
class Text:
    value: str
    """Characters exactly as in the input (curly quotes stay curly)."""
    loc: Loc


@dataclass(slots=True)
class NoteRef:
    label: str
    """The marker as written, e.g. "0", "12" (several glued markers are several NoteRefs)."""
    loc: Loc
    note: "Note | None" = None
    """resolve: the footnote this marker points to."""


@dataclass(slots=True)
class PageBreak:
    n: str
    """The page number as written in `[Page N]`."""
    loc: Loc


@dataclass(slots=True)
class Ref:
    """A cross-reference whose target is certain: `Document 347`, `footnote 3, Document 345`."""

    text: str
    target: str
    """Fragment identifier without '#': "d347", "d345fn3", "pg_201"."""
    loc: Loc


@dataclass(slots=True)
class LineBreak:
    """A line end inside a block that is not a list, table or closer (kept, never joined)."""

    loc: Loc


Inline = Union[Text, NoteRef, PageBreak, Ref, LineBreak]


# --- block nodes ----------------------------------------------------------------

@dataclass(slots=True)
class Heading:
    inlines: list[Inline]
    """Heading text with its note markers (the source note's marker ends it)."""
    loc: Loc
    number: str | None = None
    """Document number when the heading starts with `N.` or `No. N.`."""


@dataclass(slots=True)
class FileNumber:
    """Older volumes' file number above the heading (`765.84/4479: Telegram`)."""

    text: str
    loc: Loc


@dataclass(slots=True)
class Paragraph:
    inlines: list[Inline]
    loc: Loc


@dataclass(slots=True)
class Item:
    """One bulleted line (`  • text`), with the list its deeper-indented lines make."""

    inlines: list[Inline]
    loc: Loc
    sublist: "ListBlock | None" = None


@dataclass(slots=True)
class ListBlock:
    """A list: an optional head block (`SUBJECT`) and bulleted items (`  • item`)."""

    items: list[Union[Item, PageBreak]]
    """Items, and page markers standing on a line of their own between them."""
    loc: Loc
    head: list[Inline] | None = None
    kind: str | None = None
    """FRUS list type derived from the head: subject, participants, to; None otherwise."""
    indent: int = 2
    """Spaces before the bullet, so nested lists write back as they were."""


@dataclass(slots=True)
class Table:
    rows: list[list[list[Inline]]]
    """Rows of cells; a cell is a list of inlines."""
    loc: Loc


@dataclass(slots=True)
class Closer:
    """Signature lines at the end of the body, one `signed` each."""

    lines: list[list[Inline]]
    loc: Loc


@dataclass(slots=True)
class Gap:
    """An empty line standing for a salutation or close the edition does not show."""

    loc: Loc


Block = Union[FileNumber, Paragraph, ListBlock, Table, Closer, PageBreak, Gap]


@dataclass(slots=True)
class Note:
    position: int
    """1-based position in the trailing footnote list (`  1. text`)."""
    inlines: list[Inline]
    loc: Loc
    n: str | None = None
    """resolve: the note's own number, as its marker writes it."""
    anchored: bool = False
    """resolve: True when a marker in the text points to this note."""
    is_source: bool = False
    """resolve: the source note (`Source: ...`), anchored in the heading."""


@dataclass(slots=True)
class Document:
    source: str
    """File name (or "<stdin>") for diagnostics."""
    heading: Heading | None
    blocks: list[Block]
    notes: list[Note]
    doc_id: str | None = None
    """`dN`: from the heading number, else from the file name or manifest."""
    number: str | None = None
    """Document number (`div/@n`)."""
    front: list[Block] = field(default_factory=list)
    """Blocks above the heading (file numbers in older volumes)."""


# --- dump -----------------------------------------------------------------------

def dump(doc: Document) -> str:
    """Indented pseudo-XML of the model, for parser tests (docutils' pformat idea)."""
    out: list[str] = [f'<document source="{doc.source}" id="{doc.doc_id}" n="{doc.number}">']

    def inl(items: list[Inline], depth: int) -> None:
        pad = "    " * depth
        for it in items:
            match it:
                case Text(value=v):
                    out.append(f"{pad}<text> {v}")
                case NoteRef(label=label, loc=loc, note=note):
                    tgt = f' note="{note.position}"' if note is not None else ""
                    out.append(f'{pad}<noteref label="{label}" line="{loc.line}" column="{loc.column}"{tgt}>')
                case PageBreak(n=n, loc=loc):
                    out.append(f'{pad}<pagebreak n="{n}" line="{loc.line}" column="{loc.column}">')
                case Ref(text=t, target=tgt):
                    out.append(f'{pad}<ref target="#{tgt}"> {t}')
                case LineBreak():
                    out.append(f"{pad}<linebreak>")

    def block(b, depth: int) -> None:
        pad = "    " * depth
        match b:
            case FileNumber(text=t, loc=loc):
                out.append(f'{pad}<filenumber line="{loc.line}"> {t}')
            case Paragraph(inlines=items, loc=loc):
                out.append(f'{pad}<paragraph line="{loc.line}">')
                inl(items, depth + 1)
            case ListBlock(items=items, head=head, kind=kind, loc=loc):
                out.append(f'{pad}<list type="{kind}" line="{loc.line}">')
                if head is not None:
                    out.append(f"{pad}    <head>")
                    inl(head, depth + 2)
                for item in items:
                    if isinstance(item, PageBreak):
                        block(item, depth + 1)
                        continue
                    out.append(f"{pad}    <item>")
                    inl(item.inlines, depth + 2)
                    if item.sublist is not None:
                        block(item.sublist, depth + 2)
            case Table(rows=rows, loc=loc):
                out.append(f'{pad}<table line="{loc.line}">')
                for row in rows:
                    out.append(f"{pad}    <row>")
                    for cell in row:
                        out.append(f"{pad}        <cell>")
                        inl(cell, depth + 3)
            case Closer(lines=lines, loc=loc):
                out.append(f'{pad}<closer line="{loc.line}">')
                for line in lines:
                    out.append(f"{pad}    <line>")
                    inl(line, depth + 2)
            case PageBreak(n=n, loc=loc):
                out.append(f'{pad}<pagebreak n="{n}" line="{loc.line}">')
            case Gap(loc=loc):
                out.append(f'{pad}<gap line="{loc.line}">')

    for b in doc.front:
        block(b, 1)
    if doc.heading is not None:
        h = doc.heading
        out.append(f'    <heading number="{h.number}" line="{h.loc.line}">')
        inl(h.inlines, 2)
    for b in doc.blocks:
        block(b, 1)
    for note in doc.notes:
        n = f' n="{note.n}"' if note.n is not None else ""
        out.append(f'    <note position="{note.position}"{n} anchored="{note.anchored}" line="{note.loc.line}">')
        inl(note.inlines, 2)
    return "\n".join(out)
