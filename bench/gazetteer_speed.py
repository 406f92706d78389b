"""Gazetteer speed and memory: index build, cache load, look-ups per second, spotting, warm CLI.

Sources: the GeoNames dumps in ../shared/data/geonames (ML, SN, BF, NE, MR, GN, CI) plus the embedded
cities500. Every figure is the median of ``--runs`` runs; builds and CLI calls run in fresh processes
(peak memory is the process's maximum resident set size).

Peer for look-ups: the "most populous exact name" baseline (one dict look-up and an argmax) on the
same index. Mordecai 3 needs an Elasticsearch server (half of Mordecai 2's time went to its round
trips) and geopy's Nominatim needs the internet: neither runs offline here.

Usage: ``python bench/gazetteer_speed.py [--geonames DIR] [--runs 3]``
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import machine as _machine  # noqa: E402  (bench/ is on sys.path)

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
SHARED = Path(os.environ.get("CONFLICT_MAP_SHARED", HERE.parent / "shared"))

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {repo!r})
t0 = time.perf_counter()
from gazetteer import Gazetteer
g = Gazetteer.from_sources(geonames=[{geonames!r}], cache_dir={cache!r})
g.build(rebuild={rebuild})
t1 = time.perf_counter()
g.resolve("Kayes")
t2 = time.perf_counter()
print(json.dumps({{"open_s": t1 - t0, "first_resolve_s": t2 - t1, "records": len(g), "path": str(g.cache_path),
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _child(geonames: str, cache: str, rebuild: bool) -> dict:
    code = _CHILD.format(repo=str(HERE), geonames=geonames, cache=cache, rebuild=rebuild)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geonames", default=str(SHARED / "data" / "geonames"))
    ap.add_argument("--acled", default=str(SHARED / "data" / "acled" / "acled_mali_2017-2018_dev.csv"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    for p in (args.geonames, args.acled):
        if not Path(p).exists():
            print(f"skipped: {p} is absent (../shared is not beside the checkout)")
            return 0
    med = statistics.median
    runs = max(1, args.runs)
    cache = tempfile.mkdtemp(prefix="gaz-speed-")
    print("# gazetteer speed")
    print(f"machine: {_machine()}")

    builds = [_child(args.geonames, cache, True) for _ in range(runs)]
    warm = [_child(args.geonames, cache, False) for _ in range(runs)]
    size_mb = Path(builds[0]["path"]).stat().st_size / 2**20
    print(f"index: {builds[0]['records']:,} places; cache file {size_mb:.0f} MiB")
    print(f"build (parse all sources, write cache): median {med(b['open_s'] for b in builds):.1f} s, "
          f"peak RSS {med(b['maxrss_mb'] for b in builds):.0f} MiB  ({runs} runs)")
    print(f"open from cache + first resolve: median "
          f"{med(w['open_s'] + w['first_resolve_s'] for w in warm):.2f} s, "
          f"peak RSS {med(w['maxrss_mb'] for w in warm):.0f} MiB  ({runs} runs)")

    # warm CLI, end to end (a new process each time)
    env = dict(os.environ, CONFLICT_MAP_CACHE_DIR=cache)
    cmd = [sys.executable, "-m", "conflict_map.cli", "gazetteer", "resolve", "Kayes", "--geonames", args.geonames,
           "--json"]
    probe = subprocess.run([sys.executable, "-c", "import conflict_map.cli.__main__"], capture_output=True)
    if probe.returncode != 0:
        cmd = [sys.executable, "-c", "import sys; from conflict_map.cli import main; main(sys.argv[1:])",
               *cmd[3:]]
    cli = []
    for _ in range(max(5, runs)):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True, cwd=HERE)
        cli.append(time.perf_counter() - t)
    print(f"warm CLI `conflict-map gazetteer resolve Kayes --geonames DIR --json`: median {med(cli):.2f} s "
          f"({len(cli)} runs; target <= 1 s)")

    # in-process throughput
    import numpy as np

    from gazetteer import Gazetteer, normalize_name

    gaz = Gazetteer.from_sources(geonames=[args.geonames], cache_dir=cache)
    idx = gaz.index
    with open(args.acled, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = [r["location"] for r in rows]
    notes = [r["notes"] for r in rows]
    words = sum(len(t.split()) for t in notes)
    gaz.resolve("Kayes")
    gaz.spot("Kayes")

    def timed(fn) -> float:
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
        return med(out)

    def baseline() -> None:
        for n in names:
            found, _ = idx.rows_for_name(normalize_name(n))
            if len(found):
                int(np.argmax(idx.pop[found]))

    t_bare = timed(lambda: [gaz.resolve(n, country="ML") for n in names])
    t_ctx = timed(lambda: [gaz.resolve(n, country="ML", context=c) for n, c in zip(names, notes)])
    idx.key_ids  # the peer is "one dict look-up": build the name dictionary before timing it
    t_base = timed(baseline)

    def resolve_all_cold() -> float:
        # as extraction calls it (each report's names together, its text as context), in a new
        # Gazetteer each run so that per-process pools and memos built on first use are counted
        g = Gazetteer.from_sources(geonames=[args.geonames], cache_dir=cache)
        g.resolve("Kayes")
        g.spot("Kayes")
        t = time.perf_counter()
        for nm, c in zip(names, notes):
            g.resolve_all([nm], country="ML", context=c)
        return time.perf_counter() - t

    t_all = med(resolve_all_cold() for _ in range(runs))
    t_spot = timed(lambda: [gaz.spot(t) for t in notes])
    t_spot_cap = timed(lambda: [gaz.spot(t, capitalized=True) for t in notes])
    import random

    rng = random.Random(0)

    def unknown_names() -> list[str]:
        # fresh names each run: results are memoised per name
        return ["".join(rng.choice("aeioubdgklmnst") for _ in range(rng.randint(5, 9))).title()
                for _ in range(300)]

    batches = [unknown_names() for _ in range(runs)]
    unknown = batches[0]
    t_fuzzy = timed(lambda: [gaz.resolve(u, country="ML") for u in batches.pop()])
    n = len(names)
    print(f"resolve of unknown names (fuzzy search; 300 random names, country hint ML): "
          f"{t_fuzzy / len(unknown) * 1000:.1f} ms per name")
    print(f"resolve (name + country hint): {n / t_bare:,.0f} look-ups/s; with the notes as context: "
          f"{n / t_ctx:,.0f} look-ups/s  ({n} ACLED locations, {runs} runs)")
    print(f"resolve_all([location], country='ML', context=notes), new Gazetteer each run: "
          f"{n / t_all:,.0f} reports/s ({t_all:.2f} s for {n})")
    print(f"peer most-populous exact name: {n / t_base:,.0f} look-ups/s")
    print(f"spot: {words / t_spot:,.0f} words/s; capitalized only: {words / t_spot_cap:,.0f} words/s "
          f"({words:,} words of ACLED notes)")
    out = HERE / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "gazetteer_speed.json").write_text(json.dumps({
        "machine": _machine(), "records": builds[0]["records"], "cache_mb": size_mb,
        "build_s": med(b["open_s"] for b in builds), "build_rss_mb": med(b["maxrss_mb"] for b in builds),
        "warm_open_s": med(w["open_s"] + w["first_resolve_s"] for w in warm),
        "warm_rss_mb": med(w["maxrss_mb"] for w in warm), "cli_s": med(cli),
        "resolve_per_s": n / t_bare, "resolve_ctx_per_s": n / t_ctx,
        "resolve_all_cold_per_s": n / t_all, "baseline_per_s": n / t_base,
        "spot_words_per_s": words / t_spot, "fuzzy_ms": t_fuzzy / len(unknown) * 1000}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
