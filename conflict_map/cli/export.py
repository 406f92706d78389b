"""``conflict-map export``: convert an events table, optionally joined to admin regions.

The output format comes from the extension (.geojson .gpkg .parquet .csv). With ``--regions`` the
events get admin1/admin2/admin3 from those boundaries; without, only events that have no admin
names get the embedded Natural Earth admin-1 default (an ACLED export keeps ACLED's own names).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click

from .._progress import Stages
from ._echo import echo_rejected
from .options import country_option, gazetteer_options, regions_option, show_progress

log = logging.getLogger("conflict_map.cli.export")



def _level_field(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for v in value:
        level, eq, spec = v.partition("=")
        if not eq or not level.strip().isdigit() or not spec.strip():
            raise click.BadParameter(f"{v!r} is not LEVEL=NAME_FIELD[:CODE_FIELD]")
        name, _, code = spec.partition(":")
        out[int(level)] = (name.strip(), code.strip() or None)
    return out


@click.command("export")
@click.argument("events", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write; the format comes from its extension (.geojson .gpkg .parquet .csv).")
@regions_option
@click.option("--regions-field", "region_fields", multiple=True, callback=_level_field,
              metavar="LEVEL=NAME[:CODE]",
              help="Name (and code) field of an admin level in --regions when it is not detected, "
                   "e.g. 2=DISTRICT:DIST_CODE. Repeatable.")
@click.option("--max-distance-km", "max_distance_km", type=click.FloatRange(min=0), default=10.0,
              show_default=True,
              help="Events just outside every polygon go to the nearest one within this distance "
                   "(flagged in location_flags).")
@click.option("--no-default-regions", "no_default", is_flag=True,
              help="Without --regions, do not fill missing admin-1 names from the embedded Natural "
                   "Earth default.")
@gazetteer_options
@country_option
@click.option("--on-error", "on_error", type=click.Choice(["report", "raise"]), default="report",
              show_default=True, help="Unusable input rows: list them and go on, or stop at the first.")
def export_cmd(events: Path, output: Path, regions: tuple[Path, ...], region_fields: dict[int, Any],
               max_distance_km: float, no_default: bool, geonames: tuple[Path, ...],
               places: tuple[Path, ...], online: bool, country: tuple[str, ...], on_error: str) -> None:
    """Convert EVENTS (ACLED/UCDP/generic CSV, GeoJSON, GeoPackage, GeoParquet) to the -o file.

    Admin boundaries are political and may be disputed; the boundary source used is printed and
    written into GeoPackage and GeoParquet metadata.
    """
    from ..errors import RegionsError
    from ..io import _ext, WRITERS, read_events, write_events
    from ..regions import join_regions, read_regions

    _ext(output, WRITERS)  # refuse an unknown output format before any work
    kwargs: dict[str, Any] = {}
    if events.suffix.lower() == ".csv":  # the table readers; GIS formats take no options
        kwargs["on_error"] = on_error
        kwargs["gazetteer"] = lambda: _gazetteer(geonames, places, online, country)
        if country:
            kwargs["country"] = country
    warnings: list[str] = []
    with Stages(4, show_progress()) as stages:
        stages.step(f"reading {events.name}")
        frame = read_events(events, **kwargs)
        stages.step("joining admin regions")
        if regions:
            boundaries = read_regions(list(regions), region_fields or None)
            frame = join_regions(frame, boundaries, max_distance_km=max_distance_km)
        elif not no_default and len(frame):
            missing = (frame["admin1"].fillna("") == "") & frame.geometry.notna()
            if missing.any():
                try:
                    from ..regions.default import default_regions, find_admin1_codes

                    admin1_codes = find_admin1_codes(list(geonames))
                    frame = join_regions(frame, default_regions(admin1_codes), overwrite=False,
                                         max_distance_km=max_distance_km)
                except RegionsError as exc:
                    warnings.append(f"conflict-map: warning: admin-1 names not filled: {exc}")
        stages.step(f"writing {output.name}")
        write_events(frame, output)
        stages.step("done")
    rejected = frame.attrs.get("rejected", [])
    echo_rejected(rejected, "rows")
    for w in frame.attrs.get("warnings", []):
        log.info("%s: %s", w.get("origin"), w.get("message"))
    for line in warnings:
        click.echo(line, err=True)
    for s in frame.attrs.get("sources", []):
        if s.get("kind") == "boundaries":
            click.echo(f"conflict-map: boundaries: {s.get('name')} ({s.get('licence')}). {s.get('note', '')}",
                       err=True)
    click.echo(f"{len(frame)} events ({len(rejected)} rejected rows) -> {output}", err=True)


def _gazetteer(geonames: tuple[Path, ...], places: tuple[Path, ...], online: bool,
               country: tuple[str, ...]) -> Any:
    from gazetteer import Gazetteer

    return Gazetteer.from_sources(geonames=geonames, places=places, online=online,
                                  country=country[0] if len(country) == 1 else None)
