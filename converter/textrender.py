"""Render our TEI back to the plain-text input format with `xslt/text.xsl` (saxonche).

This is the losslessness check: text -> TEI -> text must give the input back,
byte for byte, from the encoding alone.
"""
from __future__ import annotations

from functools import lru_cache

from lxml import etree

from converter.paths import XSLT_DIR


@lru_cache(maxsize=1)
def _compiled():
    from saxonche import PySaxonProcessor

    proc = PySaxonProcessor(license=False)
    xslt = proc.new_xslt30_processor()
    return proc, xslt.compile_stylesheet(stylesheet_file=str(XSLT_DIR / "text.xsl"))


def render_text(tree: etree._ElementTree | etree._Element | bytes | str) -> str:
    """Plain text of a TEI document (tree, serialised bytes, or XML text)."""
    if isinstance(tree, (etree._ElementTree, etree._Element)):
        tree = etree.tostring(tree, encoding="unicode")
    elif isinstance(tree, bytes):
        tree = tree.decode("utf-8")
    proc, exe = _compiled()
    node = proc.parse_xml(xml_text=tree)
    return exe.transform_to_string(xdm_node=node)
