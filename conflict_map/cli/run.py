"""``conflict-map run``: the whole pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ._echo import echo_rejected
from .options import (
    country_option,
    gazetteer_options,
    published_option,
    regions_option,
    show_progress,
    tiles_options,
    tiles_value,
)


@click.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(file_okay=False, path_type=Path),
              default=Path("outputs"), show_default=True,
              help="Folder for events.geojson, events.csv, map.html and report.json.")
@gazetteer_options
@regions_option
@published_option
@country_option
@tiles_options
@click.option("--title", default=None, help="Title of the map.")
def run_cmd(inputs: tuple[Path, ...], output: Path, geonames: tuple[Path, ...],
            places: tuple[Path, ...], online: bool, regions: tuple[Path, ...],
            published: date | None, country: tuple[str, ...], tiles: str,
            tiles_attribution: str | None, title: str | None) -> None:
    """Run the whole pipeline on news texts and events tables.

    INPUTS are news texts (.txt, .html, .jsonl, .json) and events tables (ACLED/UCDP CSV, GeoJSON,
    GeoPackage, GeoParquet). Writes events.geojson, events.csv, map.html and report.json to OUTPUT.
    """
    from ..pipeline import run

    tiles_arg = tiles_value(tiles, tiles_attribution)  # checked before any work
    result = run(inputs, output, geonames=geonames, places=places, regions=regions,
                 country=country, published=published, online=online,
                 tiles=tiles_arg, tiles_attribution=tiles_attribution, title=title,
                 progress=show_progress())
    echo_rejected(result.report["rejected"])
    c = result.report["counts"]
    click.echo(
        f"{c.get('events', 0)} events ({c.get('located', 0)} located, {c.get('unlocated', 0)} unlocated) "
        f"from {c.get('records', 0)} records; {c.get('rejected', 0)} rejected. Wrote {output}/",
        err=True,
    )
