"""Benchmark: ``conflict-map map events.geojson -o map.html`` end to end on 100,000 events (issue 6's
done-when: the command, not only the map code), in a fresh process each run.

Command: ``python bench/maps_cli.py [--events 100000] [--runs 3]``. The events are the synthetic ones
of ``bench/maps_scale.py`` (every popup field filled), written once as GeoJSON. Peer: the same events
read by ``geopandas.read_file`` (GDAL), the first step any folium-based tool would take.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import machine  # noqa: E402  (bench/ is on sys.path when run as a script)
from maps_scale import synth  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print("machine:", machine("folium", "geopandas"))
    from conflict_map.io import write_events

    tmp = Path(tempfile.mkdtemp(prefix="maps-cli-"))
    src, out = tmp / "events.geojson", tmp / "map.html"
    write_events(synth(args.events), src)
    print(f"{args.events} events, {src.stat().st_size / 1e6:.1f} MB of GeoJSON")
    walls = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "conflict_map", "map", str(src), "-o", str(out),
                        "--tiles", "none"], check=True)
        walls.append(time.perf_counter() - t0)
    print(f"conflict-map map, whole command (start-up, read, map, write): median {statistics.median(walls):.2f} s"
          f" over {args.runs} runs {[round(w, 2) for w in walls]}; map.html {out.stat().st_size / 1e6:.2f} MB")
    code = ("import time, geopandas as g; t=time.perf_counter(); g.read_file(%r); "
            "print(time.perf_counter()-t)" % str(src))
    peer = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                 text=True).stdout) for _ in range(args.runs)]
    print(f"peer: geopandas.read_file of the same GeoJSON alone: median {statistics.median(peer):.2f} s")


if __name__ == "__main__":
    main()
