"""Extraction + geocoding throughput (words per second, one core) with the ML, BF and NE dumps loaded.

The corpus is the ACLED development file's ``notes`` (one record each) plus the seed reports; the
index is opened before timing (its one-off build is reported separately). Median of several runs.
Peer: Mordecai 2's published figure is about 3,700 words/s (it needs Elasticsearch and spaCy,
neither installed here, so it is quoted, not re-measured).

Usage: ``python bench/extract_speed.py [--runs 5]``; ``--no-gazetteer`` times the extraction alone
(no place spotting or resolution), to tell the extractor's share from the gazetteer's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

from _common import machine  # noqa: E402  (bench/ is on sys.path)

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
SHARED = Path(os.environ.get("CONFLICT_MAP_SHARED", HERE.parent / "shared"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-gazetteer", action="store_true", help="time extraction alone (gazetteer=None)")
    args = ap.parse_args()
    csv = SHARED / "data" / "acled" / "acled_mali_2017-2018_dev.csv"
    gn = SHARED / "data" / "geonames"
    if not csv.exists():
        print(f"data not found: {csv}", file=sys.stderr)
        return 2
    import pandas as pd

    from conflict_map.extract import extract_events
    from conflict_map.io.articles import read_articles
    from conflict_map.model import Article
    from gazetteer import Gazetteer

    print(f"machine: {machine()}")
    t0 = time.perf_counter()
    gaz = Gazetteer.from_sources(geonames=[gn / "ML.txt", gn / "BF.txt", gn / "NE.txt"], embedded=False)
    gaz.resolve("Bamako")
    gaz.spot("Bamako")
    print(f"gazetteer opened (ML+BF+NE dumps) in {time.perf_counter() - t0:.1f} s")
    df = pd.read_csv(csv)
    arts = [Article(id=str(r.event_id_cnty), text=str(r.notes),
                    published=datetime.strptime(str(r.event_date), "%d %B %Y").date())
            for r in df.itertuples(index=False)]
    seeds = SHARED / "seeds" / "articles.jsonl"
    if seeds.exists():
        arts += read_articles([seeds])[0]
    words = sum(len(a.text.split()) for a in arts)
    rates, cpu_rates = [], []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        ex = extract_events(arts, None if args.no_gazetteer else gaz, country="ML")
        dt, dc = time.perf_counter() - t, time.process_time() - c
        rates.append(words / dt)
        cpu_rates.append(words / dc)
    print(f"corpus: {len(arts)} records, {words:,} words; {len(ex.events)} events, "
          f"{ex.stats['located']} located")
    what = "extraction alone (no gazetteer)" if args.no_gazetteer else "extraction + geocoding"
    print(f"{what}: median {statistics.median(rates):,.0f} words/s over {args.runs} runs "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}); target >= 100,000 words/s")
    print(f"per CPU second of this process (less sensitive to other load on the machine): median "
          f"{statistics.median(cpu_rates):,.0f} words/s")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f}")
    print("peer: Mordecai 2 ~3,700 words/s (published figure, not re-measured here)")
    print("command: python bench/extract_speed.py" + (" --no-gazetteer" if args.no_gazetteer else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
