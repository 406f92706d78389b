"""Map scale benchmark: conflict-map's map beside folium layouts at 1k, 10k and 100k events.

    python bench/maps_scale.py [--sizes 1000,10000,100000] [--runs 5] [--peer-runs 3]

For each size: build time (make_map + save_map; for peers: building the folium map + ``save``),
HTML size, and time to interactive in headless Chromium: from navigation start to the page's second
animation frame after the load event, opened from file:// with every network request blocked. The
folium peers load Leaflet and Leaflet.markercluster from CDNs, so for them those two requests are
answered from the same xstatic packages and the rest (jQuery, Bootstrap, Font Awesome) are aborted;
without that they do not draw at all offline. Events are synthetic (random points in Mali's bounding
box, popup text of realistic length), built in code. Medians of several runs are printed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from _common import machine  # noqa: E402  (bench/ is on sys.path)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"]
#: Published figures (/work/shared/docs/MAPS.md, same kind of machine) for runs too slow to repeat here.
PUBLISHED = {("folium Marker+Popup in MarkerCluster", 100000): (101.0, 92.0, 12.7)}

_MARK = """
window.__cmT = null;
window.addEventListener('load', function () {
  requestAnimationFrame(function () { requestAnimationFrame(function () { window.__cmT = performance.now(); }); });
});
"""


def synth(n: int, seed: int = 0) -> Any:
    """``n`` events with every popup field filled (random points in Mali's bounding box)."""
    import numpy as np

    from conflict_map.model import EVENT_TYPES, SUB_EVENT_TYPES, events_to_frame

    rng = np.random.default_rng(seed)
    types = rng.integers(0, len(EVENT_TYPES), n)
    lat, lon = rng.uniform(10.2, 25.0, n), rng.uniform(-12.2, 4.2, n)
    days = rng.integers(0, 730, n)
    fat = rng.poisson(1.5, n)
    rows = []
    for i in range(n):
        t = EVENT_TYPES[types[i]]
        st = SUB_EVENT_TYPES[t][i % len(SUB_EVENT_TYPES[t])]
        d = str(np.datetime64("2023-01-01") + int(days[i]))
        rows.append({
            "event_id": f"CM{i:012X}", "event_type": t, "sub_event_type": st, "event_date": d,
            "time_precision": 1 + i % 3, "actor1": f"Armed group {i % 300}", "actor2": f"Civilians ({i % 40})",
            "location": f"Village {i % 5000}", "latitude": float(lat[i]), "longitude": float(lon[i]),
            "geo_precision": 1 + i % 3, "admin1": f"Region {i % 10}", "admin2": f"Cercle {i % 50}",
            "country": "Mali", "source": f"Newspaper {i % 40}", "source_url": f"https://news.example.org/{d}/{i}",
            "fatalities": int(fat[i]),
            "evidence": (f"On {d}, armed group {i % 300} attacked village {i % 5000}, killing {int(fat[i])} "
                         f"people according to local sources (report {i})."),
        })
    return events_to_frame(rows)


def build_ours(gdf: Any, path: Path) -> None:
    from conflict_map.maps import make_map, save_map

    save_map(make_map(gdf, title=f"{len(gdf)} events"), path)


def build_geojson_canvas(gdf: Any, path: Path) -> None:
    import folium

    m = folium.Map(location=[17, -4], zoom_start=5, prefer_canvas=True)
    folium.GeoJson(gdf, marker=folium.CircleMarker(radius=4, fill=True)).add_to(m)
    m.save(str(path))


def build_marker_cluster(gdf: Any, path: Path) -> None:
    import html

    import folium
    from folium.plugins import MarkerCluster

    m = folium.Map(location=[17, -4], zoom_start=5)
    mc = MarkerCluster().add_to(m)
    for r in gdf[["latitude", "longitude", "event_type", "event_date", "location", "evidence"]].itertuples():
        text = html.escape(f"{r.event_type} {r.event_date} {r.location}: {r.evidence}")
        folium.Marker([r.latitude, r.longitude], popup=folium.Popup(text)).add_to(mc)
    m.save(str(path))


def _xstatic_routes() -> dict[str, Path]:
    import xstatic.pkg.leaflet as xl
    import xstatic.pkg.leaflet_markercluster as xm

    bl, bm = Path(xl.BASE_DIR), Path(xm.BASE_DIR)
    return {"leaflet.js": bl / "leaflet.js", "leaflet.css": bl / "leaflet.css",
            "leaflet.markercluster.js": bm / "leaflet.markercluster.js",
            "MarkerCluster.css": bm / "MarkerCluster.css", "MarkerCluster.Default.css": bm / "MarkerCluster.Default.css"}


def interactive(browser: Any, path: Path, ours: bool) -> tuple[float, float | None]:
    """Seconds from navigation start to the second animation frame after load (and to ``ready``)."""
    routes = _xstatic_routes()
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.add_init_script(_MARK)

    def handle(route: Any) -> None:
        name = route.request.url.rsplit("/", 1)[-1].split("?")[0]
        if not ours and name in routes:
            ctype = "text/css" if name.endswith(".css") else "application/javascript"
            route.fulfill(status=200, body=routes[name].read_bytes(), headers={"content-type": ctype})
        else:
            route.abort()

    page.route("http*://**", handle)
    page.goto(path.as_uri(), wait_until="load", timeout=600_000)
    page.wait_for_function("window.__cmT !== null", timeout=600_000, polling=50)
    t = page.evaluate("window.__cmT") / 1000.0
    ready = None
    if ours:
        page.wait_for_function("window.conflictMap && window.conflictMap.ready", timeout=60_000, polling=20)
        ready = page.evaluate("window.conflictMap.readyAt") / 1000.0
        assert page.evaluate("conflictMap.drawnCount()") == page.evaluate("conflictMap.eventCount")
    ctx.close()
    return t, ready


def measure(name: str, build: Callable[[Any, Path], None], gdf: Any, runs: int, browser: Any,
            ours: bool) -> dict[str, Any]:
    builds, sizes, inter, readies = [], [], [], []
    with tempfile.TemporaryDirectory() as d:
        for r in range(runs):
            path = Path(d) / f"m{r}.html"
            t0 = time.perf_counter()
            build(gdf, path)
            builds.append(time.perf_counter() - t0)
            sizes.append(path.stat().st_size / 1e6)
            t, ready = interactive(browser, path, ours)
            inter.append(t)
            if ready is not None:
                readies.append(ready)
    out = {"layout": name, "n": len(gdf), "runs": runs, "build_s": statistics.median(builds),
           "mb": statistics.median(sizes), "interactive_s": statistics.median(inter),
           "ready_s": statistics.median(readies) if readies else None, "source": "measured"}
    print(f"  {name:42s} n={len(gdf):>6}  build {out['build_s']:6.2f} s  {out['mb']:6.2f} MB  "
          f"interactive {out['interactive_s']:5.2f} s" + (f"  ready {out['ready_s']:.2f} s" if readies else "")
          + f"  (median of {runs})", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer-runs", type=int, default=3)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    print("machine:", machine("folium"))
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in (int(s) for s in args.sizes.split(",")):
            gdf = synth(n)
            print(f"{n} events:")
            results.append(measure("conflict-map make_map + save_map", build_ours, gdf, args.runs, browser, True))
            results.append(measure("folium GeoJson CircleMarkers, prefer_canvas", build_geojson_canvas, gdf,
                                   args.peer_runs if n < 100000 else 1, browser, False))
            key = ("folium Marker+Popup in MarkerCluster", n)
            if key in PUBLISHED:
                b, mb, it = PUBLISHED[key]
                print(f"  {key[0]:42s} n={n:>6}  build {b:6.2f} s  {mb:6.2f} MB  interactive {it:5.2f} s  "
                      "(published figure, MAPS.md; not re-run)")
                results.append({"layout": key[0], "n": n, "build_s": b, "mb": mb, "interactive_s": it,
                                "source": "published (MAPS.md)"})
            else:
                results.append(measure(key[0], build_marker_cluster, gdf, args.peer_runs, browser, False))
        browser.close()
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "maps_scale.json").write_text(json.dumps({"machine": machine("folium"), "results": results}, indent=2))


if __name__ == "__main__":
    main()
