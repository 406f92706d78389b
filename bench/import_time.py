"""Benchmark: how long ``import conflict_map, gazetteer`` takes in a fresh interpreter (bar: <= 0.3 s).

Command: ``python bench/import_time.py [--runs 15]``. Peers measured beside it: a bare interpreter,
and importing geopandas / folium (what a package that imported them eagerly would cost).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _common import machine


def time_import(stmt: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", stmt], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    print(f"median of {args.runs} fresh interpreters (wall time, includes interpreter start-up):")
    base = time_import("pass", args.runs)
    rows = [("python -c pass (start-up only)", base)]
    for label, stmt in [("import conflict_map, gazetteer", "import conflict_map, gazetteer"),
                        ("peer: import geopandas", "import geopandas"),
                        ("peer: import folium", "import folium")]:
        rows.append((label, time_import(stmt, args.runs)))
    for label, t in rows:
        extra = f"  (import itself: {t - base:.3f} s)" if t is not base else ""
        print(f"  {label:<36} {t:.3f} s{extra}")


if __name__ == "__main__":
    main()
