"""The whole pipeline: inputs → events → regions → outputs, with a report of what happened to each input.

``run`` is what ``conflict-map run`` calls; it is equally usable from Python and returns the events as
a GeoDataFrame together with the report, writing files only when an output folder is given.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ._progress import Stages
from .errors import FormatError, InputNotFoundError, RegionsError

if TYPE_CHECKING:  # pragma: no cover
    import folium
    import geopandas as gpd

    from gazetteer import Gazetteer

__all__ = ["run", "RunResult", "TEXT_EXTENSIONS", "input_kind"]

log = logging.getLogger(__name__)

#: Extensions read as news text; every other extension an events reader is registered for
#: (``conflict_map.io.READERS``) is read as an events table (``.json`` is looked into).
TEXT_EXTENSIONS = (".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson")


def _table_extensions() -> tuple[str, ...]:
    from .io import READERS

    return tuple(sorted(e for e in READERS if e != ".json"))

OUTPUT_FILES = ("events.geojson", "events.csv", "map.html", "report.json")


@dataclass
class RunResult:
    """What :func:`run` produced: the events table, the report, and where files were written."""

    events: "gpd.GeoDataFrame"
    report: dict[str, Any]
    outputs: dict[str, str] = field(default_factory=dict)

    def make_map(self, **kwargs: Any) -> "folium.Map":
        """The events on an interactive map (see :func:`conflict_map.maps.make_map`)."""
        from .maps import make_map

        return make_map(self.events, **kwargs)


def input_kind(path: str | os.PathLike[str]) -> str:
    """``"text"`` for news inputs, ``"table"`` for events tables; a ``.json`` file is looked into.

    Raises
    ------
    InputNotFoundError
        When the path does not exist.
    FormatError
        When the extension is not one conflict-map reads.
    """
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"{path}: no such file or folder")
    if p.is_dir():
        raise FormatError(f"{path}: is a folder; give the files inside it")
    name = p.name.lower()
    if name.endswith(TEXT_EXTENSIONS):
        return "text"
    tables = _table_extensions()
    if name.endswith(tables):
        return "table"
    if name.endswith(".json"):
        try:
            with open(p, "rb") as fh:
                head = fh.read(4096).decode("utf-8", "replace")
        except OSError as exc:
            raise FormatError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
        compact = "".join(head.split())
        return "table" if '"type":"FeatureCollection"' in compact[:200] else "text"
    raise FormatError(
        f"{path}: unknown input format (news text: {', '.join(TEXT_EXTENSIONS + ('.json',))}; "
        f"events tables: {', '.join(tables)})"
    )


def run(
    inputs: Sequence[str | os.PathLike[str]],
    output_dir: str | os.PathLike[str] | None = None,
    *,
    geonames: Sequence[str | os.PathLike[str]] = (),
    places: Sequence[str | os.PathLike[str]] = (),
    regions: Sequence[str | os.PathLike[str]] = (),
    country: Sequence[str] = (),
    published: date | None = None,
    online: bool = False,
    gazetteer: "Gazetteer | None" = None,
    tiles: str | None = "OpenStreetMap",
    tiles_attribution: str | None = None,
    title: str | None = None,
    with_regions: bool = True,
    progress: bool = False,
) -> RunResult:
    """Run the whole pipeline on news texts and events tables.

    Parameters
    ----------
    inputs
        News texts (.txt, .html, .jsonl, .json records) and events tables (ACLED/UCDP/our CSV,
        GeoJSON, GeoPackage, GeoParquet).
    output_dir
        When given, ``events.geojson``, ``events.csv``, ``map.html`` and ``report.json`` are written
        there atomically.
    geonames, places, online
        Gazetteer sources added to the embedded default (see :class:`gazetteer.Gazetteer`).
    regions
        Admin boundary files; without them the embedded admin-1 default is used when installed.
    country
        ISO codes of the countries the reporting is about (a ranking hint, not a filter).
    published
        Reference date for records that carry none.
    with_regions
        Join events to admin regions (``False`` keeps the admin names the inputs carry).
    progress
        Show a progress bar on stderr (the command line turns it on for terminals only).

    Returns
    -------
    RunResult
        The events GeoDataFrame, the report dictionary and the paths written.
    """
    from .report import Report

    paths = [Path(p) for p in inputs]
    if not paths:
        raise InputNotFoundError("no input given")
    kinds = [(p, input_kind(p)) for p in paths]  # fail fast, before any heavy work
    report = Report()
    seen: set[Path] = set()
    unique = []
    for p, k in kinds:
        key = p.resolve()
        if key in seen:
            report.warnings.append(f"{p}: given more than once; read once")
            continue
        seen.add(key)
        unique.append((p, k))
    kinds = unique
    texts = [p for p, k in kinds if k == "text"]
    tables = [p for p, k in kinds if k == "table"]
    stages = Stages(2 + bool(texts) + len(tables) + with_regions + (output_dir is not None),
                     enabled=progress)

    with stages:
        gaz = gazetteer
        if gaz is None:
            from gazetteer import Gazetteer

            stages.step("loading the gazetteer")
            gaz = Gazetteer.from_sources(geonames=tuple(geonames), places=tuple(places),
                                         embedded=True, online=online)

        frames = []
        if texts:
            stages.step("extracting events")
            frames.append(_events_from_texts(texts, gaz, report, country=tuple(country),
                                             published=published))
        for p in tables:
            stages.step(f"reading {p.name}")
            frames.append(_events_from_table(p, gaz, report))

        events = _concat(frames)
        boundaries = None
        if with_regions:
            stages.step("joining admin regions")
            events, boundaries = _join_regions(events, regions, report)
        report.sources["gazetteer"] = list(getattr(gaz, "sources", []))
        events.attrs["sources"] = _used_sources(report.sources)
        report.finish(events)

        outputs: dict[str, str] = {}
        if output_dir is not None:
            stages.step("writing outputs")
            outputs = _write_outputs(events, report, Path(output_dir), tiles=tiles, title=title,
                                     boundaries=boundaries, tiles_attribution=tiles_attribution)
        stages.step("done")
    return RunResult(events=events, report=report.to_dict(), outputs=outputs)


def _events_from_texts(paths: list[Path], gaz: Any, report: Any, *, country: tuple[str, ...],
                       published: date | None) -> "gpd.GeoDataFrame":
    from .dedup import dedup_events
    from .extract import extract_events
    from .io.articles import DuplicateIdWarning, read_articles
    from .model import events_to_frame

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DuplicateIdWarning)
        articles, rejected = read_articles(paths, published=published)
    report.warnings.extend(str(w.message) for w in caught if issubclass(w.category, DuplicateIdWarning))
    for p in paths:
        report.add_input(p, "text", sum(1 for a in articles if _from(a.origin, p)) +
                         sum(1 for r in rejected if _from(r.origin, p)))
    report.rejected.extend(r.to_dict() for r in rejected)
    extraction = extract_events(articles, gaz, country=country or None, published=published)
    report.add_extraction(extraction, articles)
    events = dedup_events(extraction.events)
    report.counts["events_before_dedup"] = report.counts.get("events_before_dedup", 0) + len(extraction.events)
    return events_to_frame(events)


def _from(origin: str, path: Path) -> bool:
    return origin == str(path) or origin.startswith(f"{path}:")


def _used_sources(sources: dict[str, Any]) -> list[dict[str, Any]]:
    """Credits for the outputs: the boundaries, and the gazetteer sources that hold places (the
    admin code tables are part of the GeoNames credit)."""
    out = [dict(s, kind=s.get("kind", "boundaries")) for s in sources.get("boundaries", [])]
    seen = set()
    for s in sources.get("gazetteer", []):
        licence = s.get("licence", "")
        if s.get("kind", "").endswith(("admin1", "admin2")) or not s.get("records"):
            continue
        key = (s.get("kind", ""), licence)
        if key in seen and s.get("kind") == "geonames":
            continue  # one GeoNames credit for many country dumps
        seen.add(key)
        name = "GeoNames" if s.get("kind") == "geonames" else s.get("name", "")
        out.append({"kind": "gazetteer", "name": name, "licence": licence})
    return out


def _events_from_table(path: Path, gaz: Any, report: Any) -> "gpd.GeoDataFrame":
    from .io import read_events

    gdf = read_events(path, gazetteer=gaz) if _accepts_gazetteer(path) else read_events(path)
    rejected = list(gdf.attrs.get("rejected", []))
    report.add_input(path, "table", len(gdf) + len(rejected))
    # (table rows are events as given: counted here too, so that the counts add up)
    report.counts["events_before_dedup"] = report.counts.get("events_before_dedup", 0) + len(gdf)
    report.rejected.extend(rejected)
    report.warnings.extend(gdf.attrs.get("warnings", []))
    return gdf


def _accepts_gazetteer(path: Path) -> bool:
    return path.name.lower().endswith(".csv")


def _concat(frames: list["gpd.GeoDataFrame"]) -> "gpd.GeoDataFrame":
    import pandas as pd

    from .model import conform_frame, empty_events_frame

    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_events_frame()
    if len(frames) == 1:
        return conform_frame(frames[0])
    return conform_frame(pd.concat([conform_frame(f) for f in frames], ignore_index=True))


def _join_regions(events: "gpd.GeoDataFrame", regions: Sequence[Any], report: Any
                  ) -> tuple["gpd.GeoDataFrame", Any]:
    """Events joined to the given boundaries, or to the embedded admin-1 default when none are
    given; returns the boundaries too, so the map draws the same ones."""
    from .regions import default_regions, join_regions, read_regions

    try:
        regs = read_regions(list(regions)) if regions else default_regions()
    except RegionsError as exc:
        if regions:
            raise
        report.warnings.append(f"admin regions not joined: {exc}")
        return events, None
    if not len(events):
        return events, regs
    # boundaries the user gives replace admin names; the embedded default only fills empty ones
    # (the gazetteer's GeoNames admin names and an ACLED export's own names are better witnesses)
    joined = join_regions(events, regs, overwrite=bool(regions))
    report.sources["boundaries"] = list(joined.attrs.get("sources", []))
    return joined, regs


def _write_outputs(events: "gpd.GeoDataFrame", report: Any, out: Path, *, tiles: str | None,
                   title: str | None, boundaries: Any = None,
                   tiles_attribution: str | None = None) -> dict[str, str]:
    from .io import write_events
    from .io._atomic import write_text_atomic
    from .maps import make_map, save_map

    # everything that can fail on the user's options (tiles) fails before the first file is written
    m = make_map(events, regions=boundaries, title=title, tiles=tiles,
                 tiles_attribution=tiles_attribution,
                 sources=report.sources.get("boundaries") or None)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in OUTPUT_FILES}
    write_events(events, paths["events.geojson"])
    write_events(events, paths["events.csv"])
    save_map(m, paths["map.html"])
    report.outputs = {k: str(v) for k, v in paths.items()}
    write_text_atomic(paths["report.json"], report.to_json())
    return {k: str(v) for k, v in paths.items()}
