"""A progress bar over a command's stages, on stderr, for interactive terminals only."""

from __future__ import annotations

from typing import Any

__all__ = ["Stages"]


class Stages:
    """``with Stages(3, enabled) as st: st.step("reading")...``: a bar of ``total`` stages; silent
    unless ``enabled`` (the command line enables it when stderr is a terminal).

    Examples
    --------
    >>> with Stages(2, enabled=False) as st:
    ...     st.step("reading")
    ...     st.step("done")
    """

    def __init__(self, total: int, enabled: bool, label: str = "conflict-map") -> None:
        self.total, self.enabled, self.label, self._bar = total, enabled, label, None

    def __enter__(self) -> "Stages":
        if self.enabled:
            import sys

            import click

            self._bar = click.progressbar(length=self.total, label=self.label, file=sys.stderr,
                                          show_eta=False, item_show_func=lambda s: s)
            self._bar.__enter__()
        return self

    def step(self, label: str) -> None:
        """Show ``label`` as what is being done now and advance the bar by one stage."""
        if self._bar is not None:
            self._bar.update(1, label)

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
