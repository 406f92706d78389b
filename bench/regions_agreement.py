"""Admin names from the spatial join beside ACLED's own, on the ACLED development file.

    python bench/regions_agreement.py

Reads ../shared/data/acled/acled_mali_2017-2018_dev.csv (1,224 events) and joins its points to
(a) OCHA's Mali admin-2 boundaries (../shared/data/boundaries/mali_admin2_ocha.geojson) and (b) the
embedded Natural Earth admin-1 default, with and without GeoNames admin-1 names. Names are compared
without accents or case. Prints the agreement and the disagreements grouped (ACLED name -> ours).
"""

from __future__ import annotations

import collections
import os
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CONFLICT_MAP_SHARED", ROOT.parent / "shared"))


def fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().casefold().strip()


def compare(label: str, acled: list[str], ours: list[str]) -> None:
    same = sum(fold(a) == fold(b) for a, b in zip(acled, ours))
    print(f"{label}: {same}/{len(acled)} = {same / len(acled):.1%} agree with ACLED")
    diff = collections.Counter((a, b) for a, b in zip(acled, ours) if fold(a) != fold(b))
    for (a, b), n in diff.most_common(8):
        print(f"    {n:4d}  ACLED {a!r} -> ours {b!r}")


def main() -> int:
    acled = SHARED / "data" / "acled" / "acled_mali_2017-2018_dev.csv"
    ocha = SHARED / "data" / "boundaries" / "mali_admin2_ocha.geojson"
    codes = SHARED / "data" / "geonames" / "admin1CodesASCII.txt"
    if not (acled.exists() and ocha.exists()):
        print("skipped: ../shared data is absent")
        return 0
    from conflict_map.errors import RegionsError
    from conflict_map.io import read_events
    from conflict_map.regions import default_regions, join_regions

    from _common import machine

    print("machine:", machine("geopandas", "shapely"))
    ev = read_events(acled)
    a1, a2 = ev["admin1"].tolist(), ev["admin2"].tolist()
    t = time.perf_counter()
    j = join_regions(ev, ocha)
    print(f"OCHA admin-2 join of {len(ev)} events: {time.perf_counter() - t:.3f} s; {j.attrs['regions']}")
    compare("admin2 (OCHA COD-AB cercles)", a2, j["admin2"].tolist())
    compare("admin1 (OCHA COD-AB regions)", a1, j["admin1"].tolist())
    try:
        for label, regs in (("admin1 (Natural Earth default)", default_regions()),
                            ("admin1 (Natural Earth, GeoNames names)",
                             default_regions(codes) if codes.exists() else None)):
            if regs is None:
                continue
            d = join_regions(ev, regs, overwrite=True)
            compare(label, a1, d["admin1"].tolist())
    except RegionsError as exc:
        print(f"Natural Earth default skipped: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
