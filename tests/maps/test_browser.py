"""Saved maps in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright), offline.

Checks: no console errors, every located event drawn, legend visible, every popup opens and shows the
report text as text, injected payloads never run, no request leaves the page (tiles=None), filters,
heat map, choropleth, mouse clicks. Screenshots are kept under test-artifacts/.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from conflict_map.maps import make_map, save_map

from ..conftest import REPO
from ._payloads import PAYLOADS, frame, payload_events, plain_events

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package 'chromium'); browser tests need it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A page opened from a file with everything it logs and requests recorded."""

    def __init__(self, browser: Any, path: Path, block_network: bool = True) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 800})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        if block_network:
            self.page.route("http*://**", lambda route: route.abort())
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.conflictMap && window.conflictMap.ready === true", timeout=15000)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def close(self) -> None:
        self.context.close()


def _save(tmp_path: Path, events: Any, name: str = "map.html", **kw: Any) -> Path:
    out = tmp_path / name
    save_map(make_map(events, **kw), out)
    return out


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.wait_for_timeout(400)  # let popups finish fading in
    page.page.screenshot(path=str(ARTIFACTS / name))


def test_small_map_draws_every_event_and_opens_every_popup(browser: Any, tmp_path: Path) -> None:
    path = _save(tmp_path, frame(plain_events()), title="Mali test map", tiles=None)
    pg = Page(browser, path)
    try:
        assert pg.js("conflictMap.eventCount") == 6
        assert pg.js("conflictMap.drawnCount()") == 6
        assert pg.js("conflictMap.totalCount") == 7
        assert pg.page.locator(".cm-panel").is_visible()
        assert pg.page.locator(".cm-type").count() == 5  # types of located events
        counts = pg.page.locator(".cm-title-counts").inner_text()
        assert "7 events (1 unlocated)" in counts
        assert pg.page.locator(".cm-title-main").inner_text() == "Mali test map"
        for eid in pg.js("conflictMap.eventIds()"):
            assert pg.js("id => conflictMap.openPopup(id)", eid) is True
            content = pg.page.locator(".leaflet-popup-content .cm-popup")
            assert content.get_attribute("data-event-id") == eid
            assert content.is_visible()
        assert pg.js("conflictMap.popupsOpened()") == 6
        assert pg.js("conflictMap.openPopup('no such id')") is False
        text = pg.page.locator(".leaflet-popup-content").inner_text()
        assert "Kayes" in text and "Riots" in text and "unknown" in text  # fatalities None -> unknown
        assert pg.errors == []
        assert all(u.startswith(("file:", "data:")) for u in pg.requests), pg.requests
        _shot(pg, "map_small.png")
    finally:
        pg.close()


@pytest.mark.parametrize("compress", [False, True])
def test_payloads_stay_inert_in_every_popup(browser: Any, tmp_path: Path, compress: bool) -> None:
    path = _save(tmp_path, frame(payload_events()), title=PAYLOADS[2] + PAYLOADS[0], tiles=None,
                 compress_text=compress)
    pg = Page(browser, path)
    try:
        ids = pg.js("conflictMap.eventIds()")
        assert len(ids) == len(PAYLOADS)
        for i, eid in enumerate(ids):
            assert pg.js("id => conflictMap.openPopup(id)", eid) is True
            popup = pg.page.locator(".leaflet-popup-content")
            text = popup.inner_text()
            assert f"Evidence {PAYLOADS[i]}".split("\u2028")[0].strip() in text.replace("\u2028", "")
            assert popup.locator("img, script, svg, b").count() == 0
            hrefs = popup.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
            assert all(h.startswith("https://") for h in hrefs), hrefs
        assert pg.page.locator(".cm-title-main").inner_text() == PAYLOADS[2] + PAYLOADS[0]
        assert pg.js("typeof window.__pwned") == "undefined"
        assert pg.page.locator("img[src=x], svg[onload]").count() == 0
        assert pg.errors == []
        if compress:
            _shot(pg, "map_payloads.png")
    finally:
        pg.close()


def test_clicks_filters_heat_map_and_choropleth(browser: Any, tmp_path: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import box

    regions = gpd.GeoDataFrame({"name": ["North", "South <i>x</i>"]},
                               geometry=[box(-12, 15, 5, 25), box(-12, 10, 5, 15)], crs=4326)
    path = _save(tmp_path, frame(plain_events()), regions=regions, tiles=None, title="Filters")
    pg = Page(browser, path)
    try:
        assert pg.page.locator("path.leaflet-interactive").count() == 2
        assert pg.page.locator(".cm-choro-row").count() >= 1
        # a real mouse click on Kayes (alone in the west) opens its popup
        pt = pg.js("(() => { const p = conflictMap.map.latLngToContainerPoint([14.45, -11.44]);"
                   " const r = conflictMap.map.getContainer().getBoundingClientRect();"
                   " return [p.x + r.left, p.y + r.top]; })()")
        pg.page.mouse.click(pt[0], pt[1])
        pg.page.wait_for_selector(".leaflet-popup-content .cm-popup")
        assert "Kayes" in pg.page.locator(".leaflet-popup-content").inner_text()
        # the two Mopti events share a spot: the popup pages through both
        pg.js("conflictMap.map.setView([14.49, -4.19], 12, {animate: false})")
        pt = pg.js("(() => { const p = conflictMap.map.latLngToContainerPoint([14.49, -4.19]);"
                   " const r = conflictMap.map.getContainer().getBoundingClientRect();"
                   " return [p.x + r.left, p.y + r.top]; })()")
        pg.page.mouse.click(pt[0], pt[1])
        nav = pg.page.locator(".cm-popup-nav")
        assert "of 2 events here" in nav.inner_text()
        before = nav.locator("span").inner_text()
        nav.locator("button:enabled").click()
        after = pg.page.locator(".cm-popup-nav span").inner_text()
        assert {before[:6], after[:6]} == {"1 of 2", "2 of 2"}
        pg.js("conflictMap.map.closePopup(); conflictMap.map.fitBounds([[12, -12], [19, 2]], {animate: false})")
        assert pg.js("conflictMap.drawnCount()") == 6
        # legend toggle: hide Violence against civilians (2 events)
        pg.page.locator(".cm-type", has_text="Violence against civilians").locator("input").click()
        pg.page.wait_for_function("conflictMap.shownCount() === 4")
        pg.js("conflictMap.map.fire('moveend')")
        assert pg.js("conflictMap.drawnCount()") == 4
        assert "4 shown" in pg.page.locator(".cm-title-counts").inner_text()
        # time filter through the API: March only
        assert pg.js("conflictMap.setFilter({types: ['Battles', 'Protests', 'Riots'], from: '2024-03-01', to: '2024-03-31'})") == 2
        # heat map and choropleth by fatalities
        pg.page.locator(".cm-toggle-heat input").click()
        pg.page.locator(".cm-choro-select").select_option("fatalities")
        pg.js("conflictMap.setFilter({types: ['Battles', 'Protests', 'Riots', 'Explosions/Remote violence',"
              " 'Violence against civilians', 'Strategic developments'], from: '2024-01-01', to: '2024-12-31'})")
        heat = pg.js("(() => { const c = document.querySelector('canvas.cm-heat');"
                     " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                     " let k = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) k++; return k; })()")
        assert heat > 100
        _shot(pg, "map_regions_heat.png")
        assert pg.errors == []
        assert pg.js("typeof window.__pwned") == "undefined"
    finally:
        pg.close()


def test_empty_and_untyped_events(browser: Any, tmp_path: Path) -> None:
    import pandas as pd

    from conflict_map.model import empty_events_frame

    pg = Page(browser, _save(tmp_path, empty_events_frame(), "empty.html", tiles=None))
    try:
        assert pg.js("[conflictMap.eventCount, conflictMap.drawnCount()]") == [0, 0]
        assert "0 events" in pg.page.locator(".cm-title-counts").inner_text()
        assert pg.errors == []
    finally:
        pg.close()
    df = pd.DataFrame({"latitude": [12.0, 13.0], "longitude": [-8.0, -7.0], "event_type": [None, "Riots"]})
    pg = Page(browser, _save(tmp_path, df, "untyped.html", tiles=None))
    try:
        assert pg.js("conflictMap.drawnCount()") == 2
        assert "(no event type)" in pg.page.locator(".cm-panel").inner_text()
        for eid in pg.js("conflictMap.eventIds()"):
            assert pg.js("id => conflictMap.openPopup(id)", eid) is True
        assert pg.errors == []
    finally:
        pg.close()


def test_default_tiles_fail_offline_but_the_map_works(browser: Any, tmp_path: Path) -> None:
    path = _save(tmp_path, frame(plain_events()))
    pg = Page(browser, path)
    try:
        assert pg.js("conflictMap.drawnCount()") == 6
        outside = [u for u in pg.requests if not u.startswith(("file:", "data:"))]
        assert outside and all("tile.openstreetmap.org" in u for u in outside), outside
        assert all("Failed to load resource" in e for e in pg.errors), pg.errors
        assert "OpenStreetMap" in pg.page.locator(".leaflet-control-attribution").inner_text()
    finally:
        pg.close()


def test_many_events_cluster_and_stay_counted(browser: Any, tmp_path: Path) -> None:
    import numpy as np

    from conflict_map.model import events_to_frame

    rng = np.random.default_rng(1)
    n = 20000
    lat, lon = rng.uniform(10, 25, n), rng.uniform(-12, 4, n)
    rows = [{"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": f"2024-01-{1 + i % 28:02d}",
             "latitude": float(lat[i]), "longitude": float(lon[i]), "event_id": f"E{i}", "fatalities": i % 7}
            for i in range(n)]
    path = _save(tmp_path, events_to_frame(rows), tiles=None)
    pg = Page(browser, path)
    try:
        assert pg.js("conflictMap.eventCount") == n
        assert pg.js("conflictMap.drawnCount()") == n
        # clusters at the first view: a click on one zooms in
        assert pg.page.locator(".cm-panel").is_visible()
        z0 = pg.js("conflictMap.map.getZoom()")
        box = pg.page.locator(".folium-map").bounding_box()
        pg.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        pg.page.wait_for_function(f"conflictMap.map.getZoom() > {z0}")
        pg.page.wait_for_timeout(500)  # let the zoom animation end
        # the time slider (as a user drags it) filters what is drawn
        pg.js("conflictMap.map.fitBounds([[10, -12], [25, 4]], {animate: false})")
        slider = pg.page.locator("input.cm-time-from")
        slider.evaluate("(s) => { s.value = s.max; s.dispatchEvent(new Event('input', {bubbles: true})); }")
        pg.page.wait_for_function(f"conflictMap.shownCount() < {n}")
        shown = pg.js("conflictMap.shownCount()")
        pg.js("conflictMap.map.fire('moveend')")
        assert pg.js("conflictMap.drawnCount()") == shown
        assert pg.js("id => conflictMap.openPopup(id)", "E12345") is True
        assert pg.errors == []
        _shot(pg, "map_20k_popup.png")
    finally:
        pg.close()


def test_chromium_wrapper_is_usable() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    assert shutil.which(CHROMIUM)


@pytest.mark.shared
def test_real_acled_events_over_real_boundaries(browser: Any, tmp_path: Path, acled_dev: Path,
                                                mali_admin2: Path) -> None:
    import geopandas as gpd

    from conflict_map.io import read_events

    events = read_events(acled_dev)
    regions = gpd.read_file(mali_admin2)
    path = _save(tmp_path, events, regions=regions, tiles=None, title="ACLED Mali 2017-2018 (dev file)")
    pg = Page(browser, path)
    try:
        located = int(events.geometry.notna().sum())
        assert pg.js("conflictMap.eventCount") == located
        assert pg.js("conflictMap.drawnCount()") == located
        assert pg.page.locator("path.leaflet-interactive").count() == len(regions)
        ids = pg.js("conflictMap.eventIds()")
        for eid in ids[:: max(1, len(ids) // 40)]:
            assert pg.js("id => conflictMap.openPopup(id)", eid) is True
            assert pg.page.locator(".leaflet-popup-content .cm-popup-evidence").count() == 1  # ACLED notes
        assert pg.errors == []
        pg.js("conflictMap.map.closePopup(); conflictMap.map.fitBounds(conflictMap.map.options.maxBounds || "
              "[[10, -12.5], [25, 4.5]], {animate: false})")
        _shot(pg, "map_acled_dev.png")
    finally:
        pg.close()


def test_compressed_details_in_a_browser_without_decompression(browser: Any, tmp_path: Path) -> None:
    # Firefox < 113 and Safari < 16.4 have no DecompressionStream: the map must still work, and its
    # popups say why the details are missing
    path = _save(tmp_path, frame(plain_events()), tiles=None, compress_text=True)
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.add_init_script("delete window.DecompressionStream;")
        page.route("http*://**", lambda route: route.abort())
        page.goto(path.as_uri())
        page.wait_for_function("window.conflictMap && window.conflictMap.ready === true", timeout=15000)
        assert page.evaluate("typeof window.DecompressionStream") == "undefined"
        assert page.evaluate("conflictMap.drawnCount()") == 6
        eid = page.evaluate("conflictMap.eventIds()[0]")
        assert page.evaluate("id => conflictMap.openPopup(id)", eid) is True
        text = page.locator(".leaflet-popup-content").inner_text()
        assert "this browser cannot read them" in text and "Coordinates" in text
        assert errors == []
    finally:
        context.close()
