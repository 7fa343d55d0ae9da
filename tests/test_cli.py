"""The command line: subcommands, exit codes, output layout, stdin/stdout."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest

from converter import cli
from tests.conftest import CORPUS

GOOD = CORPUS / "frus1961-63v22" / "d255.txt"


def test_every_subcommand_has_help(capsys):
    parser, _modules = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"convert"} <= set(sub.choices)
    for name, p in sub.choices.items():
        assert p.description, f"{name} has no help text"
        with pytest.raises(SystemExit) as exc:
            cli.main([name, "--help"])
        assert exc.value.code == 0
        assert "usage: tei-edition " + name in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys):
    assert cli.main([]) == 2


def test_convert_mirrors_relative_paths(tmp_path):
    assert cli.main(["convert", str(CORPUS / "frus1936v03"), "--out", str(tmp_path), "-q"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"d{n}.xml" for n in range(242, 252)]
    assert cli.main(["convert", str(CORPUS), "--out", str(tmp_path / "all"), "-q"]) == 0
    assert (tmp_path / "all" / "frus1961-63v22" / "d255.xml").is_file()
    assert len(list((tmp_path / "all").rglob("*.xml"))) == 48


def test_stdin_to_stdout(monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.read_bytes())))
    assert cli.main(["convert", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI') and b'xml:id="d255fn2"' in out


def test_bad_file_exits_non_zero_and_leaves_nothing(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "d1.txt").write_bytes(b"1. Heading\n\nCaf\xe9 au lait.\n")
    (src / "d2.txt").write_bytes(GOOD.read_bytes())
    out = tmp_path / "out"
    assert cli.main(["convert", str(src), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{src / 'd1.txt'}:3:4: error: not valid utf-8 (byte 0xe9); re-save the file as UTF-8 or pass --encoding latin-1 [not-utf8]" in err
    assert "pass --keep-going" in err
    assert not (out / "d1.xml").exists() and not (out / "d2.xml").exists()
    assert cli.main(["convert", str(src), "--out", str(out), "--keep-going"]) == 1
    assert not (out / "d1.xml").exists() and (out / "d2.xml").exists()
    assert not list(out.glob(".*.tmp"))  # no partial file either


def test_encoding_option_reads_latin1(tmp_path):
    f = tmp_path / "d1.txt"
    f.write_bytes("1. Heading\n\nCafé au lait.".encode("latin-1"))
    assert cli.main(["convert", str(f), "--out", str(tmp_path / "o"), "--encoding", "latin-1", "-q"]) == 0
    assert "Café au lait." in (tmp_path / "o" / "d1.xml").read_text(encoding="utf-8")


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["convert", str(tmp_path / "nope.txt"), "--out", str(tmp_path)]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_python_dash_m_and_strict_mode(tmp_path):
    f = tmp_path / "d3.txt"
    f.write_text("3. Heading1\n\nText.\n\n  1. Source: x.\n  2. A note with no marker.", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "converter", "convert", str(f), "--out", str(tmp_path / "o"), "--strict"],
                         capture_output=True, text=True)
    assert res.returncode == 1
    assert f"{f}:6:1: warning: footnote 2 (note 2) has no marker in the text; kept as an unanchored note [note-unused]" in res.stderr
    assert not (tmp_path / "o" / "d3.xml").exists()
