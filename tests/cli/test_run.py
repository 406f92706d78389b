"""The command-line contract of ``conflict-map run`` and ``extract``: exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "conflict_map", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, timeout=300)


@pytest.mark.parametrize("command", ["run", "extract", "map", "export", "gazetteer",
                                     "gazetteer resolve", "gazetteer build"])
def test_every_command_has_help(command: str) -> None:
    out = cli(*command.split(), "--help")
    assert out.returncode == 0, out.stderr
    assert "Usage:" in out.stdout


def test_missing_input_is_one_line_and_nonzero(tmp_path: Path) -> None:
    out = cli("run", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o"))
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope.txt" in lines[0]
    assert not (tmp_path / "o").exists()


def test_unknown_format_is_one_line_and_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "events.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    out = cli("run", str(bad), "-o", str(tmp_path / "o"))
    assert out.returncode != 0
    assert len(out.stderr.strip().splitlines()) == 1
    assert "unknown input format" in out.stderr


def test_unreadable_input_is_one_line_and_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "reports.jsonl"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    bad.chmod(0o000)
    try:
        out = cli("run", str(bad), "-o", str(tmp_path / "o"))
    finally:
        bad.chmod(0o644)
    if out.returncode == 0:  # root reads files whatever their mode: then it is a malformed record
        report = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))
        assert report["rejected"]
    else:
        assert len(out.stderr.strip().splitlines()) == 1


def test_bad_option_value_is_one_line_and_nonzero(tmp_path: Path) -> None:
    out = cli("run", str(REPO / "examples" / "sahel_reports.txt"), "--published", "yesterday",
              "-o", str(tmp_path / "o"))
    assert out.returncode == 2
    assert "YYYY-MM-DD" in out.stderr


def test_run_and_extract_on_the_example(tmp_path: Path) -> None:
    src = REPO / "examples" / "sahel_reports.txt"
    out = cli("run", str(src), "-o", str(tmp_path / "o"), "--tiles", "none")
    assert out.returncode == 0, out.stderr
    assert {p.name for p in (tmp_path / "o").iterdir()} >= {
        "events.geojson", "events.csv", "map.html", "report.json"}
    out = cli("extract", str(src), "-o", str(tmp_path / "events.csv"))
    assert out.returncode == 0, out.stderr
    header = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")


def on_a_terminal(*args: str) -> tuple[int, bytes]:
    """Run ``conflict-map ARGS`` with a pseudo-terminal as stdin, stdout and stderr; exit code and output."""
    import os
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "conflict_map", *args], stdin=slave, stdout=slave,
                            stderr=slave, close_fds=True, cwd=REPO)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return proc.wait(timeout=300), seen


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    rc, seen = on_a_terminal("run", str(REPO / "examples" / "sahel_reports.txt"), "-o", str(tmp_path / "tty"),
                             "--tiles", "none")
    assert rc == 0
    assert b"100%" in seen and b"extracting events" in seen
    piped = cli("run", str(REPO / "examples" / "sahel_reports.txt"), "-o", str(tmp_path / "pipe"),
                "--tiles", "none")
    assert piped.returncode == 0 and "%" not in piped.stderr and piped.stdout == ""


def test_map_export_and_gazetteer_build_show_progress_on_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "points.csv"
    src.write_text("name,lat,lon\nA,14.5,-4.2\nB,15.0,-1.0\n", encoding="utf-8")
    rc, seen = on_a_terminal("export", str(src), "-o", str(tmp_path / "e.geojson"), "--no-default-regions")
    assert rc == 0 and b"100%" in seen and b"writing e.geojson" in seen
    rc, seen = on_a_terminal("map", str(tmp_path / "e.geojson"), "-o", str(tmp_path / "m.html"), "--tiles", "none",
                             "--no-default-regions")
    assert rc == 0 and b"100%" in seen and b"building the map" in seen
    places = tmp_path / "places.csv"
    places.write_text("name,latitude,longitude,country_code\nTalbi,15.5,-1.2,ML\n", encoding="utf-8")
    rc, seen = on_a_terminal("gazetteer", "build", "--places", str(places), "--no-embedded",
                             "--cache-dir", str(tmp_path / "cache"))
    assert rc == 0 and b"100%" in seen and b"gazetteer index built" in seen
    piped = subprocess.run([sys.executable, "-m", "conflict_map", "map", str(tmp_path / "e.geojson"), "-o",
                            str(tmp_path / "m2.html"), "--tiles", "none", "--no-default-regions"],
                           capture_output=True, text=True, cwd=REPO, timeout=300)
    assert piped.returncode == 0 and "%" not in piped.stderr


@pytest.mark.parametrize("tiles", ["https://tiles.example.org/{z}/{x}/{y}.png", "NoSuchProvider"])
def test_unusable_tiles_are_one_line_and_write_nothing(tmp_path: Path, tiles: str) -> None:
    out = cli("run", str(REPO / "examples" / "sahel_reports.txt"), "-o", str(tmp_path / "o"),
              "--tiles", tiles)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "tiles" in out.stderr.lower()
    assert not (tmp_path / "o").exists(), "nothing is written when an option is unusable"


def test_extract_lists_rejected_records(tmp_path: Path) -> None:
    src = tmp_path / "broken.jsonl"
    src.write_text('{"id": "x", "text": "Clashes in Gao on Monday.", "published": "2024-01-10"}\n{oops\n',
                   encoding="utf-8")
    out = cli("extract", str(src), "-o", str(tmp_path / "ev.geojson"))
    assert out.returncode == 0, out.stderr
    assert f"rejected {src}:2" in out.stderr and "1 rejected" in out.stderr
