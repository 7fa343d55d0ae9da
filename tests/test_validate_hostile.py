"""Hostile and broken input: parsed with no network, no entities, size cap; the run goes on."""
from __future__ import annotations

import http.server
import os
import threading
from pathlib import Path

import pytest

from converter.cli import main
from converter.validate import Validator
from converter.xmlsafe import XMLInputError, parse_xml

GOOD = Path(__file__).resolve().parent / "validate" / "valid" / "d71.xml"


@pytest.fixture(scope="module")
def validator():
    return Validator.load(["frus"])


def _codes(validator, data: bytes) -> list[str]:
    return [d.code for d in validator.validate(data, source="x.xml")]


def test_xxe_file_refused(validator):
    doc = b'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI>&x;</TEI>'
    (d,) = validator.validate(doc, source="x.xml")
    assert str(d).startswith("x.xml:2:16: error: the DOCTYPE declares entity 'x'")
    assert "root:" not in d.message


def test_xxe_http_never_fetched(validator):
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the server's name for it
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<!ENTITY y 'pwned'>")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        for doc in (f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]><TEI/>',
                    f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd"><TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
                    f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{url}/x.xml"/></TEI>'):
            diags = validator.validate(doc.encode(), source="x.xml")
            assert diags  # refused or invalid, never fetched
            assert "pwned" not in "".join(d.message for d in diags)
    finally:
        server.shutdown()
    assert hits == []


def test_billion_laughs_refused_fast(validator):
    ents = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    doc = f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{ents}]><TEI>&l9;</TEI>'.encode()
    assert _codes(validator, doc) == ["xml-entity-declaration"]
    # In UTF-16 the byte scan cannot see it; the parsed DTD is checked, and libxml2 never expands.
    with pytest.raises(XMLInputError) as info:
        parse_xml(('<?xml version="1.0" encoding="UTF-16"?>' + doc.decode()).encode("utf-16"), source="x.xml")
    assert info.value.diagnostic.code == "xml-entity-declaration"


def test_100_mb_file_reported_and_run_goes_on(tmp_path, capsys):
    big = tmp_path / "big.xml"
    with open(big, "wb") as f:  # sparse: costs no disk, and is never read
        f.truncate(100 * 1024 * 1024)
    code = main(["validate", "-q", str(big), str(GOOD)])
    out = capsys.readouterr().out
    assert out == f"{big}:1:1: error: file is 100.0 MiB, over the 64 MiB limit; raise it with --max-size if the file is trusted [xml-too-large]\n"
    assert code == 1


def test_non_utf8(validator):
    doc = '<?xml version="1.0"?>\n<TEI>\n<p>caf\u00e9</p></TEI>'.encode("latin-1")
    (d,) = validator.validate(doc, source="x.xml")
    assert (d.code, d.loc.line, d.loc.column) == ("xml-encoding", 3, 7)
    # Declared Latin-1 is fine XML: it parses and only the grammar speaks.
    ok = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<TEI>\n<p>caf\u00e9</p></TEI>'.encode("latin-1")
    assert "xml-encoding" not in _codes(validator, ok)


def test_not_well_formed_then_goes_on(tmp_path, capsys):
    bad = tmp_path / "a.xml"
    bad.write_bytes(b"<TEI>\n  <p>\n</TEI>\n")
    code = main(["validate", "-q", str(bad), str(GOOD)])
    assert capsys.readouterr().out == f"{bad}:3:7: error: not well-formed: Opening and ending tag mismatch: p line 2 and TEI [xml-not-well-formed]\n"
    assert code == 1


def test_folder_with_unreadable_files(tmp_path, capsys):
    (tmp_path / "ok.xml").write_bytes(GOOD.read_bytes())
    (tmp_path / "dangling.xml").symlink_to(tmp_path / "nowhere.xml")
    (tmp_path / "folder.xml").mkdir()
    os.mkfifo(tmp_path / "pipe.xml")  # reading it would block forever
    locked = tmp_path / "locked.xml"
    locked.write_bytes(GOOD.read_bytes())
    locked.chmod(0)
    code = main(["validate", "-q", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert f"{tmp_path}/dangling.xml:1:1: error: cannot read: No such file or directory; check that the file exists and that you may read it [xml-unreadable]" in out
    assert f"{tmp_path}/folder.xml:1:1: error: not a regular file (a folder, pipe or device); give an .xml file [xml-unreadable]" in out
    assert f"{tmp_path}/pipe.xml:1:1: error: not a regular file (a folder, pipe or device); give an .xml file [xml-unreadable]" in out
    if os.geteuid() != 0:  # root reads anything: then the file is simply valid
        assert any(line.startswith(f"{locked}:1:1: error: cannot read: Permission denied") for line in out)
    assert not any("ok.xml" in line for line in out)
    assert code == 2
