"""The ``conflict-map`` command line: a thin layer over the Python API, one module per command.

Errors from the library become a one-line message on stderr and exit code 2 (bad input) or 1
(anything else that went wrong); success exits 0.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from .options import configure_logging

# command name -> "module:attribute"; imported when the command runs so `--help` stays fast.
COMMANDS: dict[str, str] = {
    "run": "conflict_map.cli.run:run_cmd",
    "extract": "conflict_map.cli.extract:extract_cmd",
    "map": "conflict_map.cli.map:map_cmd",
    "export": "conflict_map.cli.export:export_cmd",
    "gazetteer": "conflict_map.cli.gazetteer:gazetteer_group",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:  # a command whose module is not there yet
            if exc.name != module:
                raise
            return None


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflict-map", prog_name="conflict-map")
@click.option("-v", "--verbose", count=True, help="More log output (repeat for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def cli(verbose: int, quiet: bool) -> None:
    """Turn reporting on political violence into typed, dated, geolocated events and maps."""
    configure_logging(verbose, quiet)


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point: library errors become one line on stderr and a non-zero exit."""
    from gazetteer.errors import SourceError

    from ..errors import ConflictMapError, InputError

    try:
        return cli.main(args=argv, prog_name="conflict-map", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("conflict-map: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"conflict-map: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (InputError, SourceError) as exc:  # bad input: a file, a record, an option's value
        click.echo(f"conflict-map: error: {_one_line(exc)}", err=True)
        sys.exit(2)
    except (ConflictMapError, LookupError, OSError) as exc:
        click.echo(f"conflict-map: error: {_one_line(exc)}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug: one line, and the traceback with -vv
        import logging

        logging.getLogger("conflict_map").debug("unexpected error", exc_info=True)
        click.echo(f"conflict-map: internal error: {type(exc).__name__}: {_one_line(exc)} "
                   "(run with -vv for the traceback)", err=True)
        sys.exit(1)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
