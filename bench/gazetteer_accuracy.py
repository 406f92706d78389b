"""Gazetteer resolution accuracy on ACLED's Mali 2017-2018 development file.

Each event's ``location`` is resolved with its ``notes`` as context and Mali as the country hint;
the best candidate counts as right when it lies within 5 km of ACLED's coordinates. Sources: the
GeoNames dumps in ../shared/data/geonames plus the embedded cities500 (what a user gets with
``--geonames``). ACLED's own coordinates and admin columns are never given to the resolver.

Peers, measured beside it on the same index:
- "most populous exact name": the candidate with the largest population among exact name matches
  (the classic population baseline of the geoparsing literature);
- the same restricted to Mali (a baseline that knows the country);
- the ceiling: share of events with any candidate within 5 km among the top 50.
Mordecai 3 and CLIFF-CLAVIN need Elasticsearch / Lucene servers and geopy's Nominatim needs the
internet: none runs offline here, so none is measured.

Usage: ``python bench/gazetteer_accuracy.py [--geonames DIR] [--acled CSV] [--runs 3] [--errors K]``
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from _common import machine as _machine, other_year_tables  # noqa: E402  (bench/ is on sys.path)

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
SHARED = Path(os.environ.get("CONFLICT_MAP_SHARED", HERE.parent / "shared"))
TARGET = 0.95


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geonames", default=str(SHARED / "data" / "geonames"))
    ap.add_argument("--acled", default=str(SHARED / "data" / "acled" / "acled_mali_2017-2018_dev.csv"))
    ap.add_argument("--runs", type=int, default=3, help="timed passes (the scores are deterministic)")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses")
    ap.add_argument("--cache-dir", default=None, help="index cache (default: a temporary folder)")
    ap.add_argument("--with-events-table", action="store_true",
                    help="also measure a user's conflict gazetteer: each year's events resolved with the other "
                         "year's events as a places table (--places), i.e. last year's export serving new reports")
    args = ap.parse_args()
    for p in (args.geonames, args.acled):
        if not Path(p).exists():
            print(f"skipped: {p} is absent (../shared is not beside the checkout)")
            return 0

    import numpy as np

    from gazetteer import Gazetteer, normalize_name
    from gazetteer.ranking import haversine_km

    cache = args.cache_dir or tempfile.mkdtemp(prefix="gaz-bench-")
    gaz = Gazetteer.from_sources(geonames=[args.geonames], cache_dir=cache)
    t0 = time.perf_counter()
    gaz.build()
    build_s = time.perf_counter() - t0
    idx = gaz.index
    with open(args.acled, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    truth = [(float(r["latitude"]), float(r["longitude"])) for r in rows]

    def km(lat: float, lon: float, i: int) -> float:
        return float(haversine_km(lat, lon, truth[i][0], truth[i][1]))

    # ours: several timed passes (same answers each time)
    times, results = [], []
    for _ in range(max(1, args.runs)):
        t = time.perf_counter()
        results = [gaz.resolve(r["location"], country="ML", context=r["notes"], limit=50) for r in rows]
        times.append(time.perf_counter() - t)
    # the same names resolved as one batch: ties between same-named places go to the batch's area
    from gazetteer.batch import resolve_batch

    t = time.perf_counter()
    batch = resolve_batch(gaz, [r["location"] for r in rows], country="ML", contexts=[r["notes"] for r in rows])
    batch_s = time.perf_counter() - t
    batch_ok = sum(bool(c) and km(c[0].lat, c[0].lon, i) <= 5 for i, c in enumerate(batch))
    ml_code = idx.vocab["cc"].index("ML") if "ML" in idx.vocab["cc"] else -1

    def population_baseline(name: str, mali_only: bool) -> tuple[float, float] | None:
        found, _ = idx.rows_for_name(normalize_name(name))
        if mali_only:
            found = found[idx.cc[found] == ml_code]
        if len(found) == 0:
            return None
        best = found[int(np.argmax(idx.pop[found]))]  # first of the most populous
        return float(idx.lat[best]), float(idx.lon[best])

    ours_ok = unresolved = ceiling = 0
    errors_km: list[float] = []
    bins: Counter[tuple[int, bool]] = Counter()
    misses = []
    for i, cands in enumerate(results):
        if not cands:
            unresolved += 1
            misses.append((rows[i]["location"], "unresolved", gaz.explain(rows[i]["location"], "ML", rows[i]["notes"])))
            continue
        d = km(cands[0].lat, cands[0].lon, i)
        errors_km.append(d)
        ok = d <= 5
        ours_ok += ok
        ceiling += any(km(c.lat, c.lon, i) <= 5 for c in cands)
        bins[(min(int(cands[0].score * 5), 4), ok)] += 1
        if not ok:
            misses.append((rows[i]["location"], f"{cands[0].name} {cands[0].country} {d:.0f} km",
                           "; ".join(cands[0].reasons)))
    base = {}
    for label, mali in (("most populous exact name", False), ("most populous exact name in Mali", True)):
        hits = res = 0
        for i, r in enumerate(rows):
            p = population_baseline(r["location"], mali)
            if p is not None:
                res += 1
                hits += km(p[0], p[1], i) <= 5
        base[label] = (hits / len(rows), 1 - res / len(rows))

    n = len(rows)
    print(f"# gazetteer accuracy  ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)")
    print(f"machine: {_machine()}")
    print(f"data: {Path(args.acled).name} ({n} events); sources: {', '.join(s['name'] for s in gaz.sources)}")
    print(f"index: {idx.n:,} places (built or loaded in {build_s:.1f} s)")
    print(f"ours (location + notes, country hint ML): within 5 km {ours_ok / n:.1%}  "
          f"(target {TARGET:.0%}); unresolved {unresolved / n:.1%}; "
          f"median error of resolved {statistics.median(errors_km):.1f} km")
    print(f"  ceiling (a candidate within 5 km among the top 50): {ceiling / n:.1%}")
    print(f"ours, the {n} names as one batch (gazetteer.batch.resolve_batch; ties between same-named places "
          f"broken by the batch's other places): within 5 km {batch_ok / n:.1%} ({batch_s:.2f} s)")
    print(f"  time for {n} resolutions with context: median {statistics.median(times):.2f} s of {len(times)} runs "
          f"({n / statistics.median(times):,.0f} per s)")
    for label, (acc, unres) in base.items():
        print(f"peer {label}: within 5 km {acc:.1%}; unresolved {unres:.1%}")
    print("calibration (top score bin: events, share within 5 km):")
    for b in range(5):
        tot = bins[(b, True)] + bins[(b, False)]
        if tot:
            print(f"  {b / 5:.1f}-{(b + 1) / 5:.1f}: {tot:4d}  {bins[(b, True)] / tot:.1%}")
    for loc, what, why in misses[: args.errors]:
        print(f"  miss {loc!r}: {what} -- {why}")
    events_table = _events_table_folds(args, rows, km, cache) if args.with_events_table else None
    if events_table is not None:
        print(f"with an events table of the other year as --places (2 folds by year, written to a temporary "
              f"folder and deleted): within 5 km {events_table:.1%}")
    out = HERE / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "gazetteer_accuracy.json").write_text(json.dumps({
        "machine": _machine(), "events": n, "within_5km": ours_ok / n, "unresolved": unresolved / n,
        "ceiling": ceiling / n, "within_5km_batch": batch_ok / n, "median_error_km": statistics.median(errors_km),
        "seconds_median": statistics.median(times), "peers": base,
        "with_events_table_of_other_year": events_table}, indent=2), encoding="utf-8")
    return 0


def _events_table_folds(args: argparse.Namespace, rows: list[dict[str, str]], km, cache: str) -> float:
    """Share within 5 km when each year's events are resolved with GeoNames plus the other year's
    events as a places table (its locations, coordinates and admin names; never the event's own row)."""
    from gazetteer import Gazetteer

    hits = 0
    with tempfile.TemporaryDirectory(prefix="gaz-folds-") as tmp:
        for year, table in other_year_tables(rows, tmp):
            gaz = Gazetteer.from_sources(geonames=[args.geonames], places=[table], cache_dir=cache)
            for i, r in enumerate(rows):
                if r["year"] == year:
                    c = gaz.resolve(r["location"], country="ML", context=r["notes"])
                    hits += bool(c) and km(c[0].lat, c[0].lon, i) <= 5
    return hits / len(rows)


if __name__ == "__main__":
    raise SystemExit(main())
