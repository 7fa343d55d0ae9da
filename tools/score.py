#!/usr/bin/env python3
# Copied from the project brief's shared tools (the scorer used to judge fidelity);
# tests import it to check the thresholds on tests/corpus.
"""Score TEI produced from FRUS plain text against the real FRUS encoding.

    python score.py GOLD_DIR PRED_DIR [--json] [--worst N]

GOLD_DIR holds <volume>/d<N>.xml files: one verbatim <div type="document">
of a FRUS volume each (no namespace declarations; they are added here).
PRED_DIR holds the converter's output for the same documents at the same
relative paths (<volume>/d<N>.xml), each a full TEI file.

For every document the text is compared with all white space removed and
typographic quotes made straight, so only characters and their order count.
Parts of the encoding that the plain-text edition does not show are left out
on both sides: datelines, salutes, a complimentary close ("Sincerely,") in
the paragraph right before a <closer>, and a signature without a name after
it. Measures:
  text      running text (notes and datelines left out) identical
  head      document heading text identical (notes left out)
  notes     gold notes found with the same @n and the same note text
  anchors   gold notes anchored at the same character of the running text
  pb        page breaks with the same @n at the same character
  blocks    paragraph-level texts (p, item, salute, signed, list head, ...)
  kinds     of the blocks matched by text, those with the same element kind
  fromto    names marked as sender/addressee in the heading
  refs      cross-reference targets (#dN, #dNfnM)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
NS = {"t": TEI}
WRAP_OPEN = f'<TEI xmlns="{TEI}" xmlns:frus="{FRUS}">'.encode()
BLOCKS = {"p", "item", "salute", "signed", "trailer", "ab", "l", "cell", "label"}
SKIP = {"note", "dateline"}  # not part of the running text
WS = re.compile(r"\s+")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
VALEDICTION = re.compile(
    r"^(?:(?:very |most )?(?:sincerely|cordially|faithfully|respectfully|truly|warmly)(?: yours)?"
    r"|yours(?: sincerely| faithfully| truly| very truly| ever| respectfully)?"
    r"|(?:with )?(?:best|kind|kindest|warm|warmest|warm personal)(?: personal)? (?:regards|wishes)"
    r"|regards|as ever|ever yours|respectfully submitted)[,.]?$",
    re.IGNORECASE,
)


def squeeze(text: str) -> str:
    return WS.sub("", text or "").translate(QUOTES)


def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def load(path: Path, wrap: bool):
    data = path.read_bytes()
    if wrap:
        data = WRAP_OPEN + data + b"</TEI>"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser)
    docs = root.xpath("//t:div[@type='document']", namespaces=NS)
    if docs:
        return docs[0]
    body = root.xpath("//t:body", namespaces=NS)
    return body[0] if body else root


def text_of(el, skip=SKIP) -> str:
    """Text of an element, leaving out the subtrees named in skip."""
    out = []

    def walk(e):
        if local(e) in skip:
            return
        if e.text and isinstance(e.tag, str):
            out.append(e.text)
        for c in e:
            walk(c)
            if c.tail:
                out.append(c.tail)

    walk(el)
    return "".join(out)


@dataclass
class Facts:
    n: str | None = None
    head: str = ""
    running: str = ""
    notes: dict = field(default_factory=dict)  # n -> (offset, text)
    pbs: Counter = field(default_factory=Counter)  # (n, offset)
    blocks: list = field(default_factory=list)  # (kind, text)
    fromto: Counter = field(default_factory=Counter)
    refs: Counter = field(default_factory=Counter)


def hidden_parts(doc) -> set:
    """Elements whose text the plain-text edition does not show (see above)."""
    hidden = set()
    for e in doc.iter():
        name = local(e)
        if name in ("dateline", "salute"):
            hidden.add(e)
        elif name == "p":
            nxt = e.getnext()
            while nxt is not None and not isinstance(nxt.tag, str):
                nxt = nxt.getnext()
            if nxt is not None and local(nxt) == "closer" and VALEDICTION.match(WS.sub(" ", text_of(e)).strip()):
                hidden.add(e)
                for signed in nxt.iter(f"{{{TEI}}}signed"):
                    if not any(local(d) == "persName" for d in signed.iter()):
                        hidden.add(signed)
    return hidden


def facts(doc) -> Facts:
    f = Facts(n=doc.get("n"))
    hidden = hidden_parts(doc)
    heads = doc.xpath("t:head", namespaces=NS)
    if heads:
        f.head = squeeze(text_of(heads[0]))
        for e in heads[0].iter():
            if isinstance(e.tag, str) and e.get("type") in ("from", "to") and local(e) != "note":
                f.fromto[(e.get("type"), squeeze(text_of(e)))] += 1
    run: list[str] = []
    pos = 0

    def walk(e):
        nonlocal pos
        name = local(e)
        if name == "note":
            if e.get("n") is not None and e.get("n") not in f.notes:
                f.notes[e.get("n")] = (pos, squeeze(text_of(e, skip={"dateline"})))
            return
        if e in hidden:
            for note in e.iter(f"{{{TEI}}}note"):
                if note.get("n") is not None and note.get("n") not in f.notes:
                    f.notes[note.get("n")] = (pos, squeeze(text_of(note, skip={"dateline"})))
            return
        if name == "pb":
            f.pbs[(e.get("n"), pos)] += 1
        if e.text and isinstance(e.tag, str):
            s = squeeze(e.text)
            run.append(s)
            pos += len(s)
        for c in e:
            walk(c)
            if c.tail:
                s = squeeze(c.tail)
                run.append(s)
                pos += len(s)

    walk(doc)
    f.running = "".join(run)
    for e in doc.iter():
        if not isinstance(e.tag, str):
            continue
        name = local(e)
        if e in hidden or any(local(a) == "note" or a in hidden for a in e.iterancestors()):
            continue
        kind = None
        if name in BLOCKS:
            if any(local(a) in BLOCKS for a in e.iterancestors()):
                continue
            kind = name
            if name == "item":
                lst = e.getparent()
                kind = f"item:{lst.get('type') or ''}"
        elif name == "head" and e is not doc.find(f"{{{TEI}}}head"):
            kind = "head"
        if kind:
            t = squeeze(text_of(e))
            if t:
                f.blocks.append((kind, t))
    for e in doc.iter(f"{{{TEI}}}ref"):  # notes included: most cross-references live there
        for tgt in (e.get("target") or "").split():
            if re.fullmatch(r"#d\d+(fn\d+)?", tgt):
                f.refs[tgt] += 1
    return f


def prf(gold: Counter, pred: Counter) -> tuple[int, int, int]:
    hit = sum((gold & pred).values())
    return hit, sum(gold.values()), sum(pred.values())


def compare(g: Facts, p: Facts) -> dict:
    r = {}
    r["text"] = (int(g.running == p.running), 1, 1)
    r["head"] = (int(g.head == p.head), 1, 1)
    note_hit = sum(1 for n, (_, t) in g.notes.items() if n in p.notes and p.notes[n][1] == t)
    anchor_hit = sum(1 for n, (o, _) in g.notes.items() if n in p.notes and p.notes[n][0] == o)
    r["notes"] = (note_hit, len(g.notes), len(p.notes))
    r["anchors"] = (anchor_hit, len(g.notes), len(p.notes))
    r["pb"] = prf(g.pbs, p.pbs)
    gb = Counter(t for _, t in g.blocks)
    pbk = Counter(t for _, t in p.blocks)
    r["blocks"] = prf(gb, pbk)
    gk = Counter(g.blocks)
    pk = Counter(p.blocks)
    kind_hit = sum((gk & pk).values())
    matched = sum((gb & pbk).values())
    r["kinds"] = (kind_hit, matched, matched)
    if g.fromto:
        r["fromto"] = prf(g.fromto, p.fromto)
    r["refs"] = prf(g.refs, p.refs)
    return r


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    ap.add_argument("--worst", type=int, default=10, help="list the N weakest documents")
    args = ap.parse_args(argv)

    totals: dict[str, list[int]] = {}
    per_doc = []
    missing = []
    for gpath in sorted(args.gold.glob("*/d*.xml")):
        rel = gpath.relative_to(args.gold)
        ppath = args.pred / rel
        if not ppath.exists():
            missing.append(str(rel))
            continue
        g = facts(load(gpath, wrap=True))
        try:
            p = facts(load(ppath, wrap=False))
        except etree.XMLSyntaxError as exc:
            missing.append(f"{rel} (not well-formed: {exc})")
            continue
        r = compare(g, p)
        for k, (hit, ng, npred) in r.items():
            t = totals.setdefault(k, [0, 0, 0])
            t[0] += hit
            t[1] += ng
            t[2] += npred
        lost = sum(ng - hit for k, (hit, ng, _) in r.items() if k in ("notes", "anchors", "pb", "blocks"))
        per_doc.append((lost, str(rel), r))

    n_gold = len(list(args.gold.glob("*/d*.xml")))
    summary = {"documents": n_gold, "scored": len(per_doc), "missing": len(missing)}
    for k, (hit, ng, npred) in totals.items():
        recall = hit / ng if ng else 1.0
        precision = hit / npred if npred else (1.0 if ng == 0 else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        summary[k] = {"recall": round(recall, 4), "precision": round(precision, 4), "f1": round(f1, 4), "gold": ng, "pred": npred}
    # a missing document counts as a total failure for every measure
    if n_gold:
        summary["documents_ok"] = round(sum(1 for lost, _, r in per_doc if lost == 0 and r["text"][0]) / n_gold, 4)
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print(f"documents {n_gold}, scored {len(per_doc)}, missing or unreadable {len(missing)}")
        for k in ("text", "head", "notes", "anchors", "pb", "blocks", "kinds", "fromto", "refs"):
            if k in summary:
                s = summary[k]
                print(f"  {k:8} recall {s['recall']:.4f}  precision {s['precision']:.4f}  f1 {s['f1']:.4f}  (gold {s['gold']}, predicted {s['pred']})")
        for m in missing[:20]:
            print(f"  missing: {m}")
        worst = sorted(per_doc, key=lambda x: -x[0])[: args.worst]
        for lost, rel, r in worst:
            if lost == 0 and r["text"][0]:
                break
            bad = ", ".join(f"{k} {h}/{g}" for k, (h, g, _) in r.items() if h != g)
            print(f"  weak: {rel}: {bad}")
        print(f"documents fully right: {summary.get('documents_ok', 0):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
