"""``conflict-map map``: an events table to one standalone, offline-ready HTML map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .._progress import Stages
from ._echo import echo_rejected
from .options import regions_option, show_progress, tiles_options, tiles_value


@click.command("map")
@click.argument("events", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write (standalone: it needs no network).")
@regions_option
@tiles_options
@click.option("--title", "title", default=None, help="Map title (default: 'Conflict events').")
@click.option("--default-regions/--no-default-regions", "use_default", default=True, show_default=True,
              help="Without --regions, draw the embedded Natural Earth admin-1 boundaries (when "
                   "available) as the base and the choropleth.")
def map_cmd(events: Path, output: Path, regions: tuple[Path, ...], tiles: str,
            tiles_attribution: str | None, title: str | None, use_default: bool) -> None:
    """Draw EVENTS (.geojson, .csv, ... any events table conflict-map reads) on an interactive map."""
    import time

    from ..io import read_events
    from ..maps import make_map, save_map

    tiles_arg = tiles_value(tiles, tiles_attribution)  # checked before any work
    if output.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(f"{output.name!r}: a map is written as HTML (.html)", param_hint="'-o'")
    with Stages(4, show_progress()) as stages:
        stages.step(f"reading {events.name}")
        t0 = time.perf_counter()
        frame = read_events(events)
        stages.step("reading boundaries")
        boundaries = _boundaries(regions, use_default)
        t1 = time.perf_counter()
        stages.step("building the map")
        m = make_map(frame, regions=boundaries, title=title, tiles=tiles_arg,
                     tiles_attribution=tiles_attribution)
        save_map(m, output)
        t2 = time.perf_counter()
        stages.step("done")
    n_rejected = echo_rejected(frame.attrs.get("rejected", []), "rows")
    total = len(frame)
    located = int(frame.geometry.notna().sum() - frame.geometry.is_empty.sum()) if total else 0
    click.echo(f"{total} events ({total - located} unlocated, {n_rejected} rejected rows) -> {output} "
               f"(read {t1 - t0:.2f} s, map {t2 - t1:.2f} s)", err=True)


def _boundaries(regions: tuple[Path, ...], use_default: bool) -> Any:
    """The boundaries to draw: the given files, else the embedded default when asked and available."""
    boundaries = None
    if regions:
        from ..regions import read_regions

        boundaries = read_regions(list(regions))
    elif use_default:
        import logging

        from ..errors import RegionsError
        from ..regions import default_regions

        try:
            boundaries = default_regions()
        except RegionsError as exc:
            logging.getLogger(__name__).warning("no default boundaries: %s", exc)
    return boundaries
