import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflict_map.cli import cli, main


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_resolve_json(tiny_dir: Path, tmp_path: Path) -> None:
    r = run("gazetteer", "resolve", "Koro", "--country", "SN", "--geonames", str(tiny_dir), "--no-embedded",
            "--cache-dir", str(tmp_path / "c"), "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["query"] == "Koro" and out["candidates"][0]["geonameid"] == 201
    keys = {"geonameid", "name", "lat", "lon", "country", "admin1", "admin2", "feature_code", "population",
            "score", "reasons"}
    assert keys <= set(out["candidates"][0])


def test_resolve_unresolved_has_reason(tiny_dir: Path, tmp_path: Path) -> None:
    r = run("gazetteer", "resolve", "Bourkessi", "--country", "ML", "--context", "in Bourkessi (Kaya)",
            "--geonames", str(tiny_dir), "--no-embedded", "--cache-dir", str(tmp_path / "c"), "--json")
    out = json.loads(r.output)
    assert r.exit_code == 0 and out["candidates"] == [] and "no place named" in out["reason"]


def test_resolve_text_output(tiny_dir: Path, tmp_path: Path) -> None:
    r = run("gazetteer", "resolve", "Sandaro", "--geonames", str(tiny_dir), "--no-embedded",
            "--cache-dir", str(tmp_path / "c"))
    assert r.exit_code == 0 and "Sandaro (Kaya, ML)" in r.output and "geonameid=102" in r.output


def test_build(tiny_dir: Path, tmp_path: Path) -> None:
    args = ["gazetteer", "build", "--geonames", str(tiny_dir), "--no-embedded", "--cache-dir", str(tmp_path / "c"),
            "--json"]
    first = json.loads(run(*args).output)
    second = json.loads(run(*args).output)
    assert first["built"] is True and second["built"] is False and first["path"] == second["path"]
    assert Path(first["path"]).exists() and first["records"] == 14


def test_geonames_from_environment(tiny_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICT_MAP_GEONAMES", str(tiny_dir))
    r = run("gazetteer", "resolve", "Sandaro", "--no-embedded", "--cache-dir", str(tmp_path / "c"), "--json")
    assert json.loads(r.output)["candidates"][0]["geonameid"] == 102


def test_bad_inputs_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "XX.txt"
    bad.write_text("nothing here\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (["--geonames", str(tmp_path / "missing")], ["--geonames", str(empty)],
                 ["--country", "MLI", "--geonames", str(bad)], ["--country", "XX", "--geonames", str(bad)]):
        with pytest.raises(SystemExit) as exc:
            main(["gazetteer", "resolve", "Kayes", "--no-embedded", "--cache-dir", str(tmp_path / "c"), *args])
        assert exc.value.code == 2
        assert capsys.readouterr().err.startswith("conflict-map: ")
