"""Options shared by several commands, defined once."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path
from typing import Any, Callable

import click

F = Callable[..., Any]


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="conflict-map: %(levelname)s: %(message)s")


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _env_paths(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    if value:
        return value
    env = os.environ.get("CONFLICT_MAP_GEONAMES", "")
    return tuple(p for p in env.split(os.pathsep) if p)


def _country_codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for v in value:
        for cc in v.split(","):
            cc = cc.strip().upper()
            if not cc:
                continue
            if len(cc) != 2 or not cc.isalpha():
                raise click.BadParameter(f"{cc!r} is not a two-letter ISO country code")
            from gazetteer.countries import country_name

            if not country_name(cc):
                raise click.BadParameter(f"{cc!r} is not a known ISO 3166 country code (e.g. ML, BF, NE)")
            out.append(cc)
    return tuple(out)


existing_path = click.Path(exists=True, dir_okay=True, path_type=Path)

geonames_option = click.option(
    "--geonames", "geonames", multiple=True, type=existing_path, callback=_env_paths,
    help="GeoNames dump (ML.txt, ML.zip, allCountries.zip) or a folder of them. Repeatable. "
         "Default: $CONFLICT_MAP_GEONAMES (paths joined by the OS path separator).")
places_option = click.option(
    "--places", "places", multiple=True, type=existing_path,
    help="Extra gazetteer entries: a CSV of your own places, or an events table with coordinates "
         "(an ACLED export). Repeatable.")
regions_option = click.option(
    "--regions", "regions", multiple=True, type=existing_path,
    help="Admin boundaries in any format GDAL reads, any CRS. Repeatable (one per level, or one file "
         "with several levels).")
published_option = click.option(
    "--published", callback=_parse_date, metavar="YYYY-MM-DD",
    help="Reference date for relative dates when an input carries none.")
country_option = click.option(
    "--country", "country", multiple=True, callback=_country_codes, metavar="CC",
    help="ISO code of a country the reporting is about (a hint, not a filter). Repeatable.")
online_option = click.option(
    "--online/--offline", "online", default=False, show_default=True,
    help="Fall back to an online geocoder (Nominatim via geopy) for names the local gazetteer lacks.")


_NO_TILES = ("none", "no", "off", "")

tiles_option = click.option(
    "--tiles", "tiles", default="OpenStreetMap", show_default=True, metavar="NAME|URL|none",
    help="Background tiles of the map: a folium/xyzservices name, a URL template (with "
         "--tiles-attribution), or 'none' for a map that never goes online (drawn over the boundaries).")
tiles_attribution_option = click.option(
    "--tiles-attribution", "tiles_attribution", default=None, metavar="TEXT",
    help="Attribution of a tile URL template (required with a URL; shown as HTML in the map's credits, "
         "so give only text you trust).")


def tiles_options(f: F) -> F:
    """``--tiles`` and ``--tiles-attribution``."""
    return tiles_option(tiles_attribution_option(f))


def tiles_value(tiles: str, attribution: str | None) -> str | None:
    """The ``tiles`` argument of ``make_map``: ``None`` for none; a URL must come with its attribution."""
    if tiles.strip().lower() in _NO_TILES:
        return None
    if "{" in tiles and not attribution:
        raise click.BadParameter("a tile URL needs --tiles-attribution", param_hint="--tiles")
    return tiles


def gazetteer_options(f: F) -> F:
    """The options that choose gazetteer sources."""
    for opt in reversed((geonames_option, places_option, online_option)):
        f = opt(f)
    return f


def show_progress() -> bool:
    """Progress bars only on an interactive terminal."""
    import sys

    return sys.stderr.isatty()
