"""What every benchmark prints first: the machine it ran on, and the versions that matter.

Used as ``from _common import machine`` (benchmarks run as ``python bench/NAME.py``, so this folder
is on ``sys.path``).
"""

from __future__ import annotations

import importlib
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any, Callable

#: ../shared beside the checkout (or $CONFLICT_MAP_SHARED), where the benchmarks' real data lives.
SHARED = Path(os.environ.get("CONFLICT_MAP_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def machine(*packages: str) -> str:
    """Cores, memory, OS, Python, and the versions of ``packages`` (import names)."""
    try:
        mem = f", {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM"
    except (ValueError, OSError):
        mem = ""
    parts = [f"{os.cpu_count()} cores{mem}", platform.platform(), f"CPython {platform.python_version()}"]
    for name in packages:
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        parts.append(f"{name} {getattr(mod, '__version__', '?')}")
    return ", ".join(parts)


def shared_or_exit(*parts: str) -> Path:
    """A path under ../shared; exits with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        raise SystemExit(f"skipped: {path} is absent (this benchmark reads real data from ../shared)")
    return path


def median_time(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median wall time of ``runs`` calls of ``fn``, and the last call's result."""
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def other_year_tables(rows: list[dict[str, str]], folder: str | os.PathLike[str]) -> list[tuple[str, Path]]:
    """For each year of ACLED ``rows``, a places table (CSV in ``folder``) of the OTHER years' events:
    location, coordinates, admin names, precision. It plays a user's conflict gazetteer (last year's
    export serving this year's reports); an event's own row is never in its table."""
    import csv

    keep = ("location", "latitude", "longitude", "admin1", "admin2", "admin3", "geo_precision")
    out = []
    for year in sorted({r["year"] for r in rows}):
        table = Path(folder) / f"events_not_{year}.csv"
        with open(table, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=keep, extrasaction="ignore")
            w.writeheader()
            w.writerows(r for r in rows if r["year"] != year)
        out.append((year, table))
    return out
