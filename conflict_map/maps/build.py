"""make_map and save_map: an events table to an interactive, standalone, safe Leaflet map."""

from __future__ import annotations

import hashlib
import html
import os
import re
from typing import TYPE_CHECKING, Any

from ..errors import MapError, TilesError

if TYPE_CHECKING:  # pragma: no cover
    import folium
    import geopandas as gpd

__all__ = ["make_map", "save_map", "render_map"]

_GEONAMES = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'
_NO_TILES = {"none", "no", "off", ""}


def _events_frame(events: Any) -> "gpd.GeoDataFrame":
    """The events in the model's schema; frames already in it are used as they are (fast path)."""
    import geopandas as gpd
    import shapely

    from ..model import EVENT_COLUMNS, conform_frame

    if isinstance(events, gpd.GeoDataFrame) and events.geometry.name in events.columns:
        crs_ok = events.crs is None or events.crs.to_epsg() == 4326
        if crs_ok and set(EVENT_COLUMNS) <= set(events.columns):
            g = events.geometry.to_numpy()
            present = g[~shapely.is_missing(g)]
            if not len(present) or (shapely.get_type_id(present) == 0).all():
                return events
    if isinstance(events, (list, tuple)):
        from ..model import events_to_frame

        return events_to_frame(events)
    return conform_frame(events)


def _regions_frame(regions: Any, region_name: str | None,
                   sources: list[dict[str, Any]]) -> tuple[Any, str | None, str | None]:
    """A frame of polygons, its name column and a label, from a GeoDataFrame or a ``Regions``."""
    layers = getattr(regions, "layers", None)
    if layers is None:
        label = None
        import geopandas as gpd

        if not isinstance(regions, gpd.GeoDataFrame):
            from ..errors import RegionsError

            raise RegionsError("regions must be a GeoDataFrame of admin boundaries or a Regions")
        if regions.attrs.get("sources"):
            sources.extend(s for s in regions.attrs["sources"] if isinstance(s, dict))
        return regions, region_name, label
    if not layers:
        from ..errors import RegionsError

        raise RegionsError("the regions hold no layer")
    layer = max(layers, key=lambda lay: (lay.deepest, len(lay.frame)))
    sources.extend(lay.source for lay in layers if isinstance(lay.source, dict))
    name = str(layer.source.get("name") or "") if isinstance(layer.source, dict) else ""
    return layer.frame, region_name or f"admin{layer.deepest}", (f"{name}, admin level {layer.deepest}"
                                                                  if name else None)


def _source_credit(source: dict[str, Any]) -> str:
    name = str(source.get("name") or source.get("path") or "admin boundaries")
    licence = str(source.get("licence") or "")
    return html.escape(f"{name} ({licence})" if licence else name)


def make_map(events: Any, regions: Any = None, title: str | None = None,
             tiles: str | None = "OpenStreetMap", *, tiles_attribution: str | None = None,
             sources: list[dict[str, Any]] | None = None,
             region_name: str | None = None, regions_label: str | None = None,
             cluster_max_zoom: int = 10, width: str = "100%", height: str = "100%",
             compress_text: bool | str = "auto") -> "folium.Map":
    """An interactive map of events: a :class:`folium.Map` that renders inline in Jupyter.

    Events are drawn on a canvas, coloured and shaped by event type, sized by fatalities and grouped
    into clusters when zoomed out; the page has a legend with a toggle per event type, a time filter,
    a heat map toggle, popups built from text nodes, and (with ``regions``) a choropleth of events or
    fatalities per region over boundaries that keep the map readable without tiles. The data is
    embedded once as compact columns. ``window.conflictMap`` on the page exposes ``ready``,
    ``eventCount`` and ``openPopup(event_id)``.

    Parameters
    ----------
    events
        An events GeoDataFrame or DataFrame in the schema of :mod:`conflict_map.model` (other tables
        are brought to it with :func:`~conflict_map.model.conform_frame`), or a list of ``Event``.
        Unlocated events are not drawn but counted in the title.
    regions
        Admin boundaries: a GeoDataFrame with a name column, or a ``conflict_map.regions.Regions``
        (its deepest layer is used), or ``None``. Only regions near the events are kept. With
        ``tiles=None`` they are the only background: pass some (for instance
        ``conflict_map.regions.default_regions()``, as ``conflict-map map`` does) to keep the map
        readable offline.
    title
        The map's title (default "Conflict events"); shown as text, never as markup.
    tiles
        A folium tile name or URL template; ``None`` or ``"none"`` for no tiles (no network at all).
    tiles_attribution
        Attribution for a tile URL template (required by folium for custom URLs).
    sources
        Boundary sources to credit (dicts with ``name`` and ``licence``, as in
        ``Regions.sources`` or ``report.json``), also when no ``regions`` are drawn.
    region_name
        The regions' name column (found automatically when ``None``).
    regions_label
        What the boundaries are (for the legend and the attribution).
    cluster_max_zoom
        From this zoom on every event is drawn on its own.
    width, height
        Size of the map in the page.
    compress_text
        Deflate the popup texts in the page: ``True``, ``False`` or ``"auto"`` (when over 512 kB).

    Returns
    -------
    folium.Map
        The map; nothing is written (see :func:`save_map`).

    Raises
    ------
    SchemaError
        When the events table has values of the wrong kind.
    RegionsError
        When ``regions`` cannot be used.
    MapError
        When Leaflet (xstatic-leaflet) is not installed.

    Examples
    --------
    >>> from conflict_map.model import Event, events_to_frame
    >>> from conflict_map.maps import make_map
    >>> m = make_map(events_to_frame([Event("Battles", "Armed clash", "2024-03-01", 1, location="Gao",
    ...                                     latitude=16.27, longitude=-0.04, fatalities=3)]),
    ...              title="Example", tiles=None)
    >>> html = m.get_root().render()
    >>> "conflictMapInit" in html and "cdn.jsdelivr" not in html
    True
    """
    from .assets import leaflet_assets, short_notice
    from .choropleth import prepare_regions
    from .data import coordinates, encode_events
    from .layers import EventLayer, InlineAssets, StandaloneMap, fix_ids, snapshot_figure

    leaflet_assets()  # fail early, with a clear message, when Leaflet is not installed
    frame = _events_frame(events)
    region_block, region_index = None, None
    credits = [dict(s) for s in (sources or []) if isinstance(s, dict)]
    if regions is not None:
        polys, region_name, label = _regions_frame(regions, region_name, credits)
        lat, lon = coordinates(frame)
        region_block, region_index = prepare_regions(polys, lat, lon, name_column=region_name,
                                                     label=regions_label or label)
    encoded = encode_events(frame, region_index=region_index, regions=region_block,
                            compress_text=compress_text)
    title = "Conflict events" if title is None else str(title)
    if isinstance(tiles, str) and tiles.strip().lower() in _NO_TILES:
        tiles = None

    center, zoom = [15.0, 0.0], 2
    if encoded.bounds:
        zoom = 5
        (s, w), (n, e) = encoded.bounds
        center = [(s + n) / 2, (w + e) / 2]
    kwargs: dict[str, Any] = {"location": center, "zoom_start": zoom, "tiles": None, "control_scale": True,
                              "width": width, "height": height}
    m = StandaloneMap(**kwargs)
    if tiles is not None:
        import folium

        try:
            folium.TileLayer(tiles, attr=tiles_attribution, max_zoom=18, control=False).add_to(m)
        except (ValueError, KeyError) as exc:  # folium: unknown provider, or a URL without attribution
            raise TilesError(f"tiles {tiles!r} cannot be used: {exc} (a tile URL needs an attribution; "
                             "'none' draws no tiles)") from exc
    m.get_root().title = html.escape(title)

    attributions = [_GEONAMES]
    seen: list[str] = []
    for credit in credits:
        text = _source_credit(credit)
        if text not in seen:
            seen.append(text)
    if not seen and region_block is not None:
        seen.append(html.escape(region_block["label"]))
    if seen:
        attributions.append("Boundaries: " + "; ".join(seen))
    attributions.append(html.escape(short_notice()))
    config = {"title": title, "clusterMaxZoom": int(cluster_max_zoom), "tiles": tiles is not None,
              "minZoom": 2, "maxZoom": 18,
              "attribution": " | ".join(attributions)}
    InlineAssets().add_to(m)
    EventLayer(encoded, config).add_to(m)
    digest = hashlib.sha1()
    for part in (encoded.core, encoded.text, repr(sorted(config.items())), str(tiles), width, height):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    m._conflict_map_seed = digest.hexdigest()
    fix_ids(m.get_root(), m._conflict_map_seed)
    m._conflict_map_figure = snapshot_figure(m.get_root())
    return m


_EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//[^\"'\s>]+",
                       re.IGNORECASE)


def render_map(m: "folium.Map") -> str:
    """The standalone HTML of a map, with deterministic element ids.

    Raises
    ------
    MapError
        When the page would load a script or stylesheet from the network (a folium map not made by
        :func:`make_map`, or a plugin added to it).

    Examples
    --------
    >>> from conflict_map.model import Event, events_to_frame
    >>> m = make_map(events_to_frame([Event("Riots", "Mob violence", latitude=12.6, longitude=-8.0)]))
    >>> render_map(m) == render_map(m)
    True
    """
    from .layers import StandaloneMap

    if not isinstance(m, StandaloneMap) or getattr(m, "_conflict_map_seed", None) is None:
        raise MapError("save_map saves maps made by conflict_map.maps.make_map")
    m.prepare_render()
    root = m.get_root()
    page = root.render()
    found = _EXTERNAL.search(page)
    if found:
        raise MapError(f"the map would load {found.group(0)!r} from the network; it cannot be standalone")
    return page


def save_map(m: "folium.Map", path: str | os.PathLike[str]) -> None:
    """Write ``m`` to ``path`` as one standalone HTML file (every script and stylesheet inlined), atomically.

    Raises
    ------
    MapError
        When the map is not standalone (see :func:`render_map`).
    OutputError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from conflict_map.model import Event, events_to_frame
    >>> from conflict_map.maps import make_map, save_map
    >>> m = make_map(events_to_frame([Event("Riots", "Mob violence", "2024-01-05", latitude=12.6,
    ...                                     longitude=-8.0)]), tiles=None)
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> save_map(m, out)
    >>> "<script src=" in out.read_text(encoding="utf-8")
    False
    """
    from ..io._atomic import write_text_atomic

    page = render_map(m)
    try:
        write_text_atomic(path, page)
    except OSError as exc:
        from ..errors import OutputError

        if isinstance(exc, OutputError):
            raise
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
