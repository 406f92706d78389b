"""Small invented GeoNames-format data (no third-party rows): enough to exercise every mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest

# gid, name, asciiname, alternates, lat, lon, class, code, cc, admin1, admin2, population
ROWS = [
    (101, "Koro", "Koro", "Koro du Sahel,Koro-du-Sahel", 15.0, -9.5, "P", "PPLA2", "ML", "03", "", 20000),
    (201, "Koro du Rip", "Koro du Rip", "Koro", 13.7, -15.8, "P", "PPL", "SN", "05", "", 15000),
    (102, "Sandaro", "Sandaro", "", 14.7, -10.3, "P", "PPL", "ML", "03", "", 0),
    (103, "Gandero", "Gandero", "", 14.0, -11.0, "T", "HLL", "ML", "03", "", 0),
    (104, "Tiguibé", "Tiguibe", "", 15.6, -9.3, "P", "PPL", "ML", "03", "", 0),
    (105, "Kiderra", "Kiderra", "", 14.5, -11.9, "P", "PPL", "ML", "03", "", 0),
    (202, "Kiderra", "Kiderra", "", 14.45, -12.2, "P", "PPL", "SN", "05", "", 0),
    (301, "Bourkassi", "Bourkassi", "", 14.4, -0.6, "P", "PPL", "BF", "12", "", 0),
    (106, "Kalo Airport", "Kalo Airport", "Kalo", 13.0, -8.0, "S", "AIRP", "ML", "07", "", 0),
    (107, "Kalo", "Kalo", "", 13.05, -8.02, "P", "PPL", "ML", "07", "", 0),
    (108, "Kalo", "Kalo", "", 13.2, -8.1, "H", "STM", "ML", "07", "", 0),
    (109, "Région de Kaya", "Region de Kaya", "Kaya", 14.0, -10.5, "A", "ADM1", "ML", "03", "", 0),
    (110, "Republic of Mali", "Republic of Mali", "Mali,République du Mali", 17.0, -4.0, "A", "PCLI", "ML",
     "00", "", 20000000),
    (111, "N'Golo", "N'Golo", "Ngolo", 13.5, -7.5, "P", "PPL", "ML", "07", "", 0),
]
ADMIN1 = ["ML.03\tKaya\tKaya\t109", "ML.07\tKoula\tKoula\t112", "SN.05\tTamba\tTamba\t203"]


def dump_line(r: tuple) -> str:
    gid, name, ascii_, alts, lat, lon, fc, code, cc, a1, a2, pop = r
    return "\t".join(map(str, (gid, name, ascii_, alts, lat, lon, fc, code, cc, "", a1, a2, "", "", pop,
                               "", "", "Africa/Bamako", "2024-01-01"))) + "\n"


@pytest.fixture()
def tiny_dir(tmp_path: Path) -> Path:
    d = tmp_path / "geonames"
    d.mkdir()
    by_cc: dict[str, list[str]] = {}
    for r in ROWS:
        by_cc.setdefault(r[8], []).append(dump_line(r))
    for cc, lines in by_cc.items():
        (d / f"{cc}.txt").write_text("".join(lines), encoding="utf-8")
    (d / "admin1CodesASCII.txt").write_text("\n".join(ADMIN1) + "\n", encoding="utf-8")
    return d


@pytest.fixture()
def tiny(tiny_dir: Path, tmp_path: Path):
    from gazetteer import Gazetteer

    return Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=tmp_path / "cache")
