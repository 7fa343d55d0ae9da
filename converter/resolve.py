"""Resolution: link note markers to footnotes, and find certain cross-references.

The parser leaves note markers inside Text nodes, because a digit run can only
be told from a marker with the whole document in view: `1962` is a year,
`cables1` is note 1, `197112` is the year 1971 and notes 1 and 2. Markers
appear in text order, number consecutively from the first note's label, and
there is one per footnote; `resolve_notes` finds the assignment of labels to
digit runs that matches most footnotes at the least cost (a small dynamic
programme), then splits the Text nodes.

Before::

    <heading> <text> 255. Memorandum ... to President Kennedy0
    <paragraph> <text> As the attached cables1 indicate, ...
    <note position="1"> ... <note position="2"> ...

After::

    <heading> <text> 255. Memorandum ... to President Kennedy
              <noteref label="0" note="1">
    <paragraph> <text> As the attached cables
                <noteref label="1" note="2"> <text>  indicate, ...
    <note position="1" n="0" anchored="True"> ...
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from converter.errors import Loc, Reporter
from converter.model import (
    Closer,
    Document,
    Inline,
    Item,
    ListBlock,
    Note,
    NoteRef,
    PageBreak,
    Paragraph,
    Ref,
    Table,
    Text,
)

_DIGITS = re.compile(r"[0-9]+")  # markers are ASCII digits; a plain class is much faster than \d
_CLOSING = set(".,;:!?)]’”\"'»")
# Costs of reading a digit run as markers; the cheapest complete reading wins.
_COST_GLUED = 0  # after a letter or closing punctuation: `cables1`, `p.m.12`, `(Bundy)1`
_COST_SPACED = 1  # after a space, at the end of a signature line: `R.W. Komer 5`; after `5.`
_COST_SPLIT = 2  # digits of the text followed by a marker: `197112`
_COST_ODD = 3  # after another sign: `A-1`
_COST_ORPHAN = 10  # a footnote with no marker found


@dataclass(slots=True)
class _Run:
    seq: list[Inline]
    index: int  # of the Text node in seq, before any split
    node: Text
    start: int
    end: int
    digits: str
    glue: str  # letter, punct, space, other, start
    whole: int | None  # cost of reading the whole run as markers; None: only a suffix can be


def _containers(doc: Document) -> list[tuple[list[Inline], bool]]:
    """Every inline sequence in text order (notes excluded), with 'is a signature line'."""
    out: list[tuple[list[Inline], bool]] = []
    if doc.heading is not None:
        out.append((doc.heading.inlines, False))

    def lst(block: ListBlock) -> None:
        if block.head is not None:
            out.append((block.head, False))
        for item in block.items:
            if isinstance(item, Item):
                out.append((item.inlines, False))
                if item.sublist is not None:
                    lst(item.sublist)

    for b in doc.blocks:
        match b:
            case Paragraph(inlines=seq):
                out.append((seq, False))
            case ListBlock():
                lst(b)
            case Table(rows=rows):
                out.extend((cell, False) for row in rows for cell in row)
            case Closer(lines=lines):
                out.extend((line, True) for line in lines)
    return out


def _runs(doc: Document) -> list[_Run]:
    """Every digit run that could hold note markers, in text order."""
    runs: list[_Run] = []
    for seq, in_closer in _containers(doc):
        for i, node in enumerate(seq):
            if not isinstance(node, Text):
                continue
            v = node.value
            for m in _DIGITS.finditer(v):
                s, e = m.span()
                after = v[e:e + 2]
                if after and (after[0].isalpha() or (after[0] in "-–/.,:" and after[1:2].isdigit())):
                    continue  # `2nd`, `1962-1970`, `7.5`: part of a word or a number
                prev = v[s - 1] if s else ""
                if not prev:
                    glue = "start" if i == 0 or not isinstance(seq[i - 1], PageBreak) else "other"
                elif prev.isalpha():
                    glue = "letter"
                elif prev in _CLOSING:
                    # `5.1` or `1,000` read as a number unless nothing else fits (`June 27, 1914.97` does occur)
                    glue = "decimal" if prev in ".," and s >= 2 and v[s - 2].isdigit() else "punct"
                elif prev.isspace():
                    glue = "space"
                else:
                    glue = "other"
                whole = _whole_cost(glue, in_closer and not v[e:].strip() and all(
                    isinstance(x, Text) and not x.value.strip() for x in seq[i + 1:]))
                if whole is None and e - s == 1:
                    continue  # a lone digit after a space: neither a marker nor digits plus a marker
                runs.append(_Run(seq, i, node, s, e, m.group(), glue, whole))
    return runs


def _whole_cost(glue: str, closer_line_end: bool) -> int | None:
    """Cost of reading a whole run as markers, None if it cannot be."""
    if glue in ("letter", "punct"):
        return _COST_GLUED
    if glue == "decimal":
        return _COST_SPACED
    if glue == "space" and closer_line_end:
        return _COST_SPACED
    if glue == "other":
        return _COST_ODD
    return None


def _usable(run: _Run, labels: set[str], longest: int) -> bool:
    """Can some label end this run, given how the run is glued?"""
    d = run.digits
    for k in range(1, min(len(d), longest) + 1):
        if d[-k:] in labels and (run.whole is not None or len(d) > k):
            return True
    return False


def _align(runs: list[_Run], labels: list[str]) -> tuple[int, list[tuple[int, int, int]]]:
    """Cheapest assignment of consecutive labels to digit-run suffixes.

    Returns (cost, [(run index, first label index, label count)]).
    """
    K = len(labels)
    R = len(runs)
    INF = 1 << 30
    # best[r][j]: cost of reading labels j.. from runs r..; choice[r][j] records the move.
    best = [[INF] * (K + 1) for _ in range(R + 1)]
    choice: list[list[tuple[int, int] | None]] = [[None] * (K + 1) for _ in range(R + 1)]
    for r in range(R + 1):
        best[r][K] = 0
    for j in range(K - 1, -1, -1):
        best[R][j] = best[R][j + 1] + _COST_ORPHAN
        choice[R][j] = (0, 0)
    for r in range(R - 1, -1, -1):
        run = runs[r]
        whole = run.whole
        for j in range(K - 1, -1, -1):
            # skip the run (it is text) or skip the label (an orphan note)
            c, ch = best[r + 1][j], None
            if best[r][j + 1] + _COST_ORPHAN < c:
                c, ch = best[r][j + 1] + _COST_ORPHAN, (0, 0)
            tail = ""
            for m in range(1, K - j + 1):
                tail = tail + labels[j + m - 1]
                if len(tail) > len(run.digits):
                    break
                if not run.digits.endswith(tail):
                    continue
                cost = whole if len(tail) == len(run.digits) else _COST_SPLIT
                if cost is None:
                    continue
                if cost + best[r + 1][j + m] <= c:  # on a tie, the earlier place wins
                    c, ch = cost + best[r + 1][j + m], (1, m)
            best[r][j] = c
            choice[r][j] = ch
    picks: list[tuple[int, int, int]] = []
    r = j = 0
    while j < K:
        ch = choice[r][j]
        if r == R or ch == (0, 0):
            j += 1
        elif ch is None:
            r += 1
        else:
            picks.append((r, j, ch[1]))
            j += ch[1]
            r += 1
    return best[0][0], picks


# The exact reading fills a table of (digit runs x footnotes) cells, about 3 microseconds each; the
# largest document of the corpus needs under 500. Beyond this many, a linear reading is used.
_EXACT_CELLS = 1_000_000
_GREEDY_BASES = 8  # first labels tried by the quick reading
_MAX_SUFFIX = 8  # longest digit suffix the quick reading looks up (two labels glued)


def _suffix_index(runs: list[_Run]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Runs that can be read as markers, in text order: whole (`cables12` -> "12") and split
    (`197112` -> "2", "12", ...), each keyed by the markers' digits."""
    whole: dict[str, list[int]] = {}
    split: dict[str, list[int]] = {}
    for i, run in enumerate(runs):
        d = run.digits
        if run.whole is not None:
            whole.setdefault(d, []).append(i)
        for k in range(1, min(len(d) - 1, _MAX_SUFFIX) + 1):
            split.setdefault(d[-k:], []).append(i)
    return whole, split


def _align_greedy(runs: list[_Run], labels: list[str], index) -> tuple[int, list[tuple[int, int, int]]]:
    """A linear reading for documents too large for `_align`: same result format and costs.

    Each label takes the first run after the previous marker that is it (or it and the
    next label glued: `12`), else the first that ends in it (`197112`); a label whose run
    comes after the next label's is an orphan, so one missing marker does not swallow
    the markers after it.
    """
    K = len(labels)
    whole, split = index

    def first(table: dict[str, list[int]], tail: str, r: int) -> int | None:
        found = table.get(tail)
        if not found:
            return None
        p = bisect_left(found, r)
        return found[p] if p < len(found) else None

    cost, picks, r, j = 0, [], 0, 0
    while j < K:
        take = None
        for table in (whole, split):
            pair = first(table, labels[j] + labels[j + 1], r) if j + 1 < K else None
            single = first(table, labels[j], r)
            if pair is not None and (single is None or pair <= single):
                take = (pair, 2)
            elif single is not None:
                take = (single, 1)
            if take is not None:
                break
        nxt = first(whole, labels[j + 1], r) if j + 1 < K else None
        if take is None or (take[1] == 1 and nxt is not None and nxt < take[0]):
            cost += _COST_ORPHAN
            j += 1
            continue
        i, m = take
        run = runs[i]
        width = sum(len(labels[q]) for q in range(j, j + m))
        cost += run.whole if width == len(run.digits) else _COST_SPLIT
        picks.append((i, j, m))
        j += m
        r = i + 1
    return cost, picks


def _candidate_bases(runs: list[_Run]) -> list[int]:
    """Label of the first note: 1 or 0 as most volumes number, else a run-on number seen glued in the text.

    A `0` glued to a word (`Kennedy0`) is the 1958-63 source note: 0 goes first then.
    """
    zero = any(run.digits == "0" and run.whole == _COST_GLUED for run in runs)
    bases = [0, 1] if zero else [1, 0]
    for run in runs:
        if run.glue in ("letter", "punct", "decimal"):
            for k in range(1, min(len(run.digits), 3) + 1):
                value = int(run.digits[-k:])
                if value not in bases and str(value) == run.digits[-k:]:
                    bases.append(value)
    return bases


def resolve_notes(doc: Document, reporter: Reporter) -> Document:
    """Find the note markers, link them to the footnotes, set Note.n and anchored.

    A footnote whose marker cannot be found is kept, unanchored, right after the
    note before it; digits that might have been a marker stay text, with a warning.
    """
    runs = _runs(doc)
    K = len(doc.notes)
    out_of_order: set[int] = set()
    if K:
        best = None
        all_digits = "|".join(run.digits for run in runs)
        greedy = None  # index of the quick reading, built when a document is too large for the exact one
        for tried, base in enumerate(_candidate_bases(runs)):
            labels = [str(base + p) for p in range(K)]
            if greedy is not None:
                if tried >= _GREEDY_BASES:
                    break
                cost, picks = _align_greedy(runs, labels, greedy)
            else:
                # A label that occurs in no digit run can only be an orphan: a cheap lower bound.
                if best is not None and _COST_ORPHAN * sum(l not in all_digits for l in labels) >= best[0]:
                    continue
                # Only runs that can end in a label take part (most years and numbers drop out).
                label_set, longest = set(labels), max(map(len, labels))
                useful = [i for i, run in enumerate(runs) if _usable(run, label_set, longest)]
                if len(useful) * K > _EXACT_CELLS:
                    greedy = _suffix_index(runs)
                    reporter.report(
                        "notes-aligned-greedily",
                        f"{K} footnotes and {len(useful)} digit runs are too many to weigh every reading of the "
                        "note markers; each footnote took the first marker that fits. Check the anchors, or split the file",
                        1,
                    )
                    best = None  # readings of both kinds do not compare
                    cost, picks = _align_greedy(runs, labels, greedy)
                else:
                    cost, picks = _align([runs[i] for i in useful], labels)
                    picks = [(useful[r], j, m) for r, j, m in picks]
            if best is None or cost < best[0]:  # ties keep the earlier, more usual base
                best = (cost, picks, base, labels)
            if cost == 0:
                break  # nothing reads cheaper than every marker glued where it stands
        _cost, picks, base, labels = best
        for p, note in enumerate(doc.notes):
            note.n = labels[p]
        _apply(runs, picks, doc.notes, labels)
        used = {id(runs[r]) for r, _, _ in picks}
        strays: dict[str, _Run] = {}  # digits glued to a word that no footnote took, first of each
        for run in runs:
            if id(run) not in used and run.whole == _COST_GLUED:
                strays.setdefault(run.digits, run)
        for note in doc.notes:
            if note.anchored:
                continue
            stray = strays.pop(note.n, None)
            if stray is not None:  # its marker is there, but not in order: say where
                out_of_order.add(id(stray))
                reporter.report(
                    "note-out-of-order",
                    f"marker '{note.n}' comes out of order (markers must follow the footnote list: 1, 2, 3, ...); "
                    f"kept as text, and footnote {note.position} as an unanchored note",
                    stray.node.loc.line,
                    stray.node.loc.column + stray.start,
                )
            else:
                reporter.report(
                    "note-unused",
                    f"footnote {note.position} (note {note.n}) has no marker in the text; kept as an unanchored note",
                    note.loc.line,
                    note.loc.column,
                )
        if doc.notes and doc.heading is not None and doc.notes[0].anchored:
            first = doc.notes[0]
            first.is_source = _in_heading(doc, first) or _plain(first.inlines).startswith("Source:")
    used = {id(runs[r]) for r, _, _ in (picks if K else [])}
    for run in runs:
        if id(run) not in used and id(run) not in out_of_order and run.glue == "letter" and len(run.digits) <= 2:
            reporter.report(
                "note-undefined",
                f"'{run.digits}' glued to a word looks like a note marker, but no footnote matches it; kept as text",
                run.node.loc.line,
                run.node.loc.column + run.start,
            )
    return doc


def _plain(inlines: list[Inline]) -> str:
    return "".join(i.value if isinstance(i, Text) else i.text if isinstance(i, Ref) else "" for i in inlines)


def _in_heading(doc: Document, note: Note) -> bool:
    return any(isinstance(i, NoteRef) and i.note is note for i in doc.heading.inlines)


def _apply(runs: list[_Run], picks: list[tuple[int, int, int]], notes: list[Note], labels: list[str]) -> None:
    """Split the Text nodes at the chosen markers (right to left, so indexes hold)."""
    by_node: dict[int, list[tuple[_Run, int, int]]] = {}
    for r, j, m in picks:
        run = runs[r]
        by_node.setdefault(id(run.node), []).append((run, j, m))
    for entries in by_node.values():
        entries.sort(key=lambda e: e[0].start, reverse=True)
        run0 = entries[0][0]
        seq = run0.seq
        node: Text = run0.node
        index = next(i for i, x in enumerate(seq) if x is node)  # earlier splits shift indexes
        value = node.value
        pieces: list[Inline] = []
        cut_end = len(value)
        for run, j, m in entries:
            width = sum(len(labels[k]) for k in range(j, j + m))
            mstart = run.end - width
            tail = value[run.end:cut_end]
            refs: list[Inline] = []
            col = node.loc.column + mstart
            for k in range(j, j + m):
                notes[k].anchored = True
                ref = NoteRef(labels[k], Loc(node.loc.source, node.loc.line, col), notes[k])
                refs.append(ref)
                col += len(labels[k])
            if tail:
                pieces[:0] = [Text(tail, Loc(node.loc.source, node.loc.line, node.loc.column + run.end))]
            pieces[:0] = refs
            cut_end = mstart
        head = value[:cut_end]
        if head:
            pieces.insert(0, Text(head, node.loc))
        seq[index:index + 1] = pieces


# --- cross-references ---------------------------------------------------------------

_FOOTNOTE_DOC = re.compile(r"\bfootnotes? (\d+)(?:(?:,| and|, and) \d+)*,? (?:of |to )?Document (\d+)\b")
_DOCUMENT = re.compile(r"\bDocument (\d+)\b")
_FOOTNOTE_HERE = re.compile(r"\bfootnote (\d+)\b(?!,? (?:of |to )?Document)(?! (?:to|of|in) )")
_ANTE_PAGE = re.compile(r"\b(?:[Aa]nte|[Pp]ost), (p\. (\d+))")
# `Foreign Relations, 1961–1963, vol. XXII, Document 318`: another volume, target not certain.
_OTHER_VOLUME = re.compile(r"(?:vol\.|volume|Foreign Relations)[^.;()]*,\s*$", re.I)


def _find_refs(value: str, doc: Document, note_ns: set[str]) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _FOOTNOTE_DOC.finditer(value):
        if _OTHER_VOLUME.search(value[max(0, m.start() - 80):m.start()]):
            continue
        found.append((m.start(), m.end(), f"d{m.group(2)}fn{m.group(1)}"))
        taken.append(m.span())
    for m in _DOCUMENT.finditer(value):
        if free(*m.span()) and not _OTHER_VOLUME.search(value[max(0, m.start() - 80):m.start()]):
            found.append((m.start(), m.end(), f"d{m.group(1)}"))
            taken.append(m.span())
    if doc.doc_id:
        for m in _FOOTNOTE_HERE.finditer(value):
            if free(*m.span()) and m.group(1) in note_ns:
                found.append((m.start(), m.end(), f"{doc.doc_id}fn{m.group(1)}"))
                taken.append(m.span())
    for m in _ANTE_PAGE.finditer(value):
        if free(*m.span(1)):
            found.append((m.start(1), m.end(1), f"pg_{m.group(2)}"))
    return sorted(found)


def resolve_refs(doc: Document) -> Document:
    """Mark cross-references whose target is certain as Ref nodes (text and notes)."""
    note_ns = {n.n for n in doc.notes if n.n is not None}
    seqs = [seq for seq, _ in _containers(doc)] + [n.inlines for n in doc.notes]
    for seq in seqs:
        i = 0
        while i < len(seq):
            node = seq[i]
            if isinstance(node, Text) and ("Document" in node.value or "ootnote" in node.value or ", p. " in node.value):
                refs = _find_refs(node.value, doc, note_ns)
                if refs:
                    pieces: list[Inline] = []
                    pos = 0
                    loc = node.loc
                    for s, e, target in refs:
                        if s > pos:
                            pieces.append(Text(node.value[pos:s], Loc(loc.source, loc.line, loc.column + pos)))
                        pieces.append(Ref(node.value[s:e], target, Loc(loc.source, loc.line, loc.column + s)))
                        pos = e
                    if pos < len(node.value):
                        pieces.append(Text(node.value[pos:], Loc(loc.source, loc.line, loc.column + pos)))
                    seq[i:i + 1] = pieces
                    i += len(pieces)
                    continue
            i += 1
    return doc
