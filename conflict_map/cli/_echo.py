"""What every command says on stderr about records it could not use (they never vanish silently)."""

from __future__ import annotations

from typing import Any, Iterable

import click

#: How many rejected records are listed one per line before the rest are only counted.
MAX_LISTED = 20


def echo_rejected(rejected: Iterable[dict[str, Any]], what: str = "records") -> int:
    """List rejected records (origin and reason) on stderr; return how many there were."""
    items = list(rejected)
    for r in items[:MAX_LISTED]:
        click.echo(f"conflict-map: rejected {r.get('origin', '?')}: {r.get('reason', '')}", err=True)
    if len(items) > MAX_LISTED:
        click.echo(f"conflict-map: ... and {len(items) - MAX_LISTED} more rejected {what}", err=True)
    return len(items)
