"""Parser: numbered lines in, a `Document` model out (block level).

The plain-text format (see docs/input-format.md): blocks separated by one
empty line; the heading first (older volumes put a file number above it);
lists, tables and page markers as blocks; signature lines glued to the
footnote list, which ends the text: `  1. text`, one per line.
The parser knows nothing of XML.
"""
from __future__ import annotations

import re

from converter.errors import Loc, Reporter
from converter.inline import PAGE_MARKER, parse_inline
from converter.model import (
    Block,
    Closer,
    Document,
    FileNumber,
    Gap,
    Heading,
    Item,
    LineBreak,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Table,
    Text,
)

# Written as the text view numbers them: ASCII digits, no leading zero (`  01. ` is text).
FOOTNOTE = re.compile(r"  ([1-9][0-9]*)\. ")
BULLET = re.compile(r"( *)• ")
HEADING_NUMBER = re.compile(r"(?:No\. )?(\d+)\.(?: |$)")
# Decimal file numbers of older volumes: `765.84/4479: Telegram`, `123P54/283`,
# `740.0011 European War 1939/4471: Telegram`, `File No. 812.00/11234.`
FILE_NUMBER = re.compile(r"(?:File No\. )?\d{3}[\dA-Za-z. ]*?/[\dA-Za-z.\-–]+(?::? .{1,40})?")
# List heads and the FRUS list type they imply.
LIST_HEADS = [
    (re.compile(r"subj(?:ect)?\.?:?", re.I), "subject"),
    (re.compile(r"participants:?", re.I), "participants"),
    (re.compile(r"(?:memorandum for(?: the)?(?: record)?|to):?", re.I), "to"),
]
# Lists nest at most this deep: XML readers refuse deep trees (Saxon stops at 100 elements), and
# FRUS lists go three levels down. A deeper block stays a paragraph, kept as written.
MAX_LIST_LEVELS = 20
_MAX_HEADING = 300  # a heading is one line; the longest in the corpus is under 200 characters


def _is_signature(line: str) -> bool:
    """A signature line: short, name-like, no sentence in it."""
    words = line.split()
    if not words or len(line) > 60 or len(words) > 8:
        return False
    if line.rstrip()[-1] in ",;:!?" or (line.endswith(".") and not re.search(r"\b[A-Z][a-z]?\.$|Jr\.$|Sr\.$", line)):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in {"de", "van", "von", "der", "du", "la", "of"} for w in words)


def _is_list(lines: list[str]) -> bool:
    """Bulleted lines as the format writes them: `  • ` first, each level two spaces deeper.

    Other indentation (` • `, a jump of four) stays a paragraph, kept as written:
    the TEI list has no place for it.
    """
    depth = 0
    for line in lines:
        m = BULLET.match(line)
        if m is None:
            if PAGE_MARKER.fullmatch(line) and depth:
                continue
            return False
        indent = len(m.group(1))
        if indent % 2 or not 2 <= indent <= min(depth + 2, 2 * MAX_LIST_LEVELS):
            return False
        depth = indent
    return True


def _split_blocks(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """Group lines into blocks separated by one empty line; keep 1-based start lines.

    An empty line that does not end a block stands for something the text
    edition leaves out (a salutation, say): it becomes a block with no lines.
    """
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = first
    for i, line in enumerate(lines):
        if line == "":
            if current:
                blocks.append((start, current))
                current = []
            else:
                blocks.append((first + i, []))
        else:
            if not current:
                start = first + i
            current.append(line)
    if current:
        blocks.append((start, current))
    return blocks


def _footnote_start(lines: list[str]) -> int:
    """Index of the first line of the trailing footnote list (len(lines) if none).

    The list is the longest run at the end whose lines read `  1. `, `  2. `, ...
    up to the last; lines that break the numbering stay in the body.
    """
    i = len(lines)
    expected = None
    while i > 0:
        m = FOOTNOTE.match(lines[i - 1])
        if not m:
            break
        label = int(m.group(1))
        if expected is not None and label != expected:
            break
        expected = label - 1
        i -= 1
        if label == 1:
            return i
    return len(lines)


class _Parser:
    def __init__(self, lines: list[str], reporter: Reporter):
        self.lines = lines
        self.reporter = reporter
        self.source = reporter.source

    def inline(self, text: str, lineno: int, col0: int = 1):
        return parse_inline(text, lineno, col0, self.source, self.reporter)

    def loc(self, lineno: int, column: int = 1) -> Loc:
        return Loc(self.source, lineno, column)

    def parse(self) -> Document:
        lines = self.lines
        while lines and lines[-1] == "":  # line ends after the last line (a text editor's habit)
            lines = lines[:-1]
        k = _footnote_start(lines)
        if k == len(lines) and lines and FOOTNOTE.match(lines[-1]):
            self.reporter.report(
                "footnote-list-broken",
                f"the last line reads as footnote {FOOTNOTE.match(lines[-1]).group(1)}, but the lines above it are not "
                "footnotes numbered from 1 without a gap; the list is kept as text",
                len(lines),
            )
        notes = lines[k:]  # parsed last, so that diagnostics come in line order
        body = lines[:k]
        closer: Block | None = None
        closer_lines: tuple[list[str], int] | None = None  # parsed after the body, so diagnostics come in order
        # Empty lines before the footnote list end the last block, and each one more stands for
        # a close the text does not show (a Gap), as anywhere else: _split_blocks sees them all.
        if notes and body and body[-1] != "":
            j = len(body)
            while j > 0 and body[j - 1] != "":
                j -= 1
            closer_lines = (body[j:], j + 1)
            body = body[:j]  # the empty line above the signature lines ends the block before them
        blocks = _split_blocks(body, 1)
        # Without footnotes, a last block of name-like lines is a signature, if some text comes before it.
        texts_before = sum(1 for _, b in blocks[:-1] if b and not FILE_NUMBER.fullmatch(b[0]))
        if not notes and texts_before >= 2 and blocks[-1][1] and all(_is_signature(l) for l in blocks[-1][1]):
            start, sig = blocks.pop()
            closer_lines = (sig, start)

        doc = Document(self.source, None, [], [])
        # Above the heading: file numbers (older volumes) and page markers.
        while blocks and len(blocks[0][1]) == 1:
            start, (line,) = blocks[0]
            page = PAGE_MARKER.fullmatch(line)
            if page:
                doc.front.append(PageBreak(page.group(1), self.loc(start)))
            elif FILE_NUMBER.fullmatch(line):
                doc.front.append(FileNumber(line, self.loc(start)))
            else:
                break
            blocks.pop(0)
        if blocks and self._looks_like_heading(blocks[0][1]):
            start, (line,) = blocks.pop(0)
            m = HEADING_NUMBER.match(line)
            doc.heading = Heading(self.inline(line, start), self.loc(start), m.group(1) if m else None)
            if m is not None and m.end() == len(line):
                self.reporter.report("heading-empty", f"heading is only the number {m.group(1)}; add the title after it", start)
            if m is None:
                self.reporter.report("heading-unnumbered", "heading has no document number; the id comes from the file name", start)
        else:
            first = blocks[0][1] if blocks else []
            too_long = len(first) == 1 and len(first[0]) > _MAX_HEADING and HEADING_NUMBER.match(first[0])
            self.reporter.report(
                "heading-missing",
                f"the first line is {len(first[0])} characters long, too long for a heading (at most {_MAX_HEADING}); "
                "converted without a <head>" if too_long else
                "the text does not start with a heading line (`N. Title`); converted without a <head>",
                blocks[0][0] if blocks else 1,
            )
        doc.blocks = self._body(blocks)
        if closer_lines is not None:
            closer = self._closer(*closer_lines)
        if closer is not None:
            doc.blocks.append(closer)
        for pos, line in enumerate(notes):
            width = FOOTNOTE.match(line).end()
            doc.notes.append(Note(pos + 1, self.inline(line[width:], k + pos + 1, width + 1), self.loc(k + pos + 1, 1)))
        return doc

    @staticmethod
    def _looks_like_heading(block: list[str]) -> bool:
        if len(block) != 1:
            return False
        line = block[0]
        return (
            len(block) == 1
            and len(line) <= _MAX_HEADING
            and not BULLET.match(line)
            and not PAGE_MARKER.fullmatch(line)
            and "\t" not in line
        )

    def _closer(self, lines: list[str], first: int) -> Closer:
        return Closer([self.inline(line, first + i) for i, line in enumerate(lines)], self.loc(first))

    def _body(self, blocks: list[tuple[int, list[str]]]) -> list[Block]:
        out: list[Block] = []
        for start, lines in blocks:
            if not lines:
                out.append(Gap(self.loc(start)))
            elif len(lines) == 1 and PAGE_MARKER.fullmatch(lines[0]):
                # A page marker standing alone; several lines of them stay one block (a paragraph
                # of page breaks and line breaks), as the text has them.
                out.append(PageBreak(PAGE_MARKER.fullmatch(lines[0]).group(1), self.loc(start)))
            elif _is_list(lines):
                lst = self._list(lines, start)
                prev = out[-1] if out else None
                if isinstance(prev, Paragraph) and self._list_head_kind(prev) is not False:
                    out.pop()
                    lst.head, lst.kind, lst.loc = prev.inlines, self._list_head_kind(prev), prev.loc
                out.append(lst)
            elif any("\t" in l for l in lines):
                rows = []
                for i, line in enumerate(lines):
                    cells, col = [], 1
                    for cell in line.split("\t"):
                        cells.append(self.inline(cell, start + i, col))
                        col += len(cell) + 1
                    rows.append(cells)
                out.append(Table(rows, self.loc(start)))
            else:
                deep = next((i for i, m in enumerate(map(BULLET.match, lines)) if m and len(m.group(1)) > 2 * MAX_LIST_LEVELS), None)
                if deep is not None:
                    self.reporter.report(
                        "list-too-deep",
                        f"list nested deeper than {MAX_LIST_LEVELS} levels; kept as a paragraph with its line breaks",
                        start + deep,
                        2 * MAX_LIST_LEVELS + 3,
                    )
                # A paragraph is one line; more lines stay together, each kept as a line.
                inlines: list = []
                for i, line in enumerate(lines):
                    if i:
                        inlines.append(LineBreak(self.loc(start + i)))
                    inlines.extend(self.inline(line, start + i))
                out.append(Paragraph(inlines, self.loc(start)))
        return out

    @staticmethod
    def _list_head_kind(p: Paragraph):
        """The list type a paragraph implies as a list head, None for a plain head, False if no head."""
        if len(p.inlines) != 1 or not isinstance(p.inlines[0], Text):
            return False
        text = p.inlines[0].value
        for pattern, kind in LIST_HEADS:
            if pattern.fullmatch(text.strip()):
                return kind
        if len(text) <= 40 and text.isupper():  # an unknown head in capitals, as FRUS sets list heads
            return None
        return False

    def _list(self, lines: list[str], start: int) -> ListBlock:
        """Bulleted lines to a (possibly nested) list; deeper indentation nests in the item above."""
        first = BULLET.match(lines[0])
        root = ListBlock([], self.loc(start), indent=len(first.group(1)))
        stack = [root]
        pages: list[PageBreak] = []  # a page marker joins the list of the item after it, as FRUS has it
        for i, line in enumerate(lines):
            lineno = start + i
            page = PAGE_MARKER.fullmatch(line)
            if page:
                pages.append(PageBreak(page.group(1), self.loc(lineno)))
                continue
            m = BULLET.match(line)
            depth = len(m.group(1))
            while len(stack) > 1 and depth < stack[-1].indent:
                stack.pop()
            current = stack[-1]
            if depth > current.indent and current.items and isinstance(current.items[-1], Item):
                parent = current.items[-1]
                if parent.sublist is None:
                    parent.sublist = ListBlock([], self.loc(lineno), indent=depth)
                current = parent.sublist
                stack.append(current)
            current.items.extend(pages)
            pages.clear()
            current.items.append(Item(self.inline(line[m.end():], lineno, m.end() + 1), self.loc(lineno, m.end() + 1)))
        stack[-1].items.extend(pages)
        return root


def parse(lines: list[str], reporter: Reporter) -> Document:
    """Parse the reader's lines into a Document (notes unresolved)."""
    return _Parser(lines, reporter).parse()
