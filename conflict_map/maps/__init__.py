"""Interactive maps of events: ``make_map`` (a folium.Map) and ``save_map`` (one standalone HTML file).

folium is imported only when a map is made (PEP 562 lazy attributes), so importing this package is light.
"""

from __future__ import annotations

from typing import Any

__all__ = ["make_map", "save_map", "render_map"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
