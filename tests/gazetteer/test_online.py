"""The online fallback against a local Nominatim-like server (never the internet)."""

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from gazetteer import Gazetteer

pytestmark = pytest.mark.network

ANSWER = [{"place_id": 1, "lat": "14.80", "lon": "-1.32", "display_name": "Boulkessi, Mondoro, Mopti, Mali",
           "name": "Boulkessi", "class": "place", "type": "village", "importance": 0.4,
           "address": {"village": "Boulkessi", "state": "Mopti", "country_code": "ml"}}]


@pytest.fixture()
def server() -> Iterator[tuple[str, list[dict]]]:
    calls: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            q = parse_qs(url.query)
            calls.append({"path": url.path, "t": time.monotonic(), **{k: v[0] for k, v in q.items()}})
            body = json.dumps(ANSWER if "boulkessi" in q.get("q", [""])[0].lower() else []).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        yield f"127.0.0.1:{httpd.server_address[1]}", calls
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_online_fallback_is_used_cached_and_off_by_default(server, tiny_dir: Path, tmp_path: Path) -> None:
    domain, calls = server
    off = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=tmp_path / "c")
    assert off.resolve("Boulkessi") == [] and calls == []
    opts = {"domain": domain, "scheme": "http", "min_delay": 0.0}
    gaz = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=tmp_path / "c", online=True,
                                 online_options=opts)
    best = gaz.resolve("Boulkessi", country="ML")[0]
    assert (best.name, best.country, best.source, best.geonameid) == ("Boulkessi", "ML", "online:nominatim", None)
    assert best.admin1 == "Mopti" and best.feature_class == "P"
    assert len(calls) == 1 and calls[0]["countrycodes"] == "ml" and calls[0]["path"] == "/search"
    # local names never go online
    assert gaz.resolve("Sandaro")[0].geonameid == 102 and len(calls) == 1
    # cached: on disk, so a new process does not ask again
    again = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=tmp_path / "c", online=True,
                                   online_options=opts)
    assert again.resolve("Boulkessi", country="ML")[0].lat == pytest.approx(14.8) and len(calls) == 1
    assert gaz.resolve("Nowhere at all") == [] and "online geocoder found nothing" in gaz.explain("Nowhere at all")
    assert any(s["name"] == "online:nominatim" for s in gaz.sources)


def test_online_failure_is_reported_not_raised(tiny_dir: Path, tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gaz = Gazetteer.from_sources(geonames=[tiny_dir], embedded=False, cache_dir=tmp_path / "c", online=True,
                                 online_options={"domain": f"127.0.0.1:{port}", "scheme": "http",
                                                 "min_delay": 0.0, "timeout": 2})
    assert gaz.resolve("Boulkessi") == []
    assert "online geocoder failed" in gaz.explain("Boulkessi")


def test_online_requests_are_rate_limited(server, tmp_path: Path) -> None:
    from gazetteer.online import OnlineGeocoder

    domain, calls = server
    geo = OnlineGeocoder(tmp_path / "online.json", domain=domain, scheme="http", min_delay=0.4)
    assert geo.geocode("Boulkessi") and geo.geocode("Elsewhere") == [] and geo.geocode("Third") == []
    assert len(calls) == 3
    gaps = [b["t"] - a["t"] for a, b in zip(calls, calls[1:])]
    assert min(gaps) >= 0.35, gaps
