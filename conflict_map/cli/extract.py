"""``conflict-map extract``: news text → events (GeoJSON or CSV by the output's extension)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ._echo import echo_rejected
from .options import country_option, gazetteer_options, published_option, show_progress


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Events file: .geojson or .csv (also .gpkg, .parquet).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the run report (JSON) here.")
@gazetteer_options
@published_option
@country_option
def extract_cmd(inputs: tuple[Path, ...], output: Path, report_path: Path | None,
                geonames: tuple[Path, ...], places: tuple[Path, ...], online: bool,
                published: date | None, country: tuple[str, ...]) -> None:
    """Extract typed, dated, located events from news texts (no regions, no map)."""
    from ..errors import InputError
    from ..io import write_events
    from ..io._atomic import write_text_atomic
    from ..pipeline import input_kind, run

    for p in inputs:
        if input_kind(p) != "text":
            raise InputError(f"{p}: extract reads news text; use 'conflict-map export' for events tables")
    result = run(inputs, None, geonames=geonames, places=places, country=country,
                 published=published, online=online, with_regions=False, progress=show_progress())
    write_events(result.events, output)
    if report_path is not None:
        write_text_atomic(report_path, _json(result.report))
    echo_rejected(result.report["rejected"])
    c = result.report["counts"]
    click.echo(f"{c.get('events', 0)} events ({c.get('located', 0)} located) from {c.get('records', 0)} "
               f"records; {c.get('rejected', 0)} rejected -> {output}", err=True)


def _json(report: dict) -> str:
    import json

    return json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n"
