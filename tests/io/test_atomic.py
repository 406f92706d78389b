"""Atomic writes: an interrupted write leaves the previous file (or nothing), never half a file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conflict_map.errors import OutputError
from conflict_map.io._atomic import atomic_open, write_text_atomic


def test_error_inside_the_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as fh:
            fh.write("new and half")
            raise RuntimeError("crash in the middle")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.geojson"], "no temporary left"


def test_killed_process_leaves_no_partial_output(tmp_path: Path) -> None:
    target = tmp_path / "big.csv"
    code = textwrap.dedent(f"""
        import os, sys, time
        from conflict_map.io._atomic import atomic_open
        with atomic_open({str(target)!r}) as fh:
            fh.write("x" * 1_000_000)
            fh.flush()
            print("writing", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert not target.exists(), "a killed writer must not leave the target behind"


def test_success_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.json"
    write_text_atomic(target, "{}\n")
    write_text_atomic(target, '{"a": 1}\n')
    assert target.read_text(encoding="utf-8") == '{"a": 1}\n'


def test_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError):
        write_text_atomic(blocker / "x" / "report.json", "{}")
