"""Scripts and stylesheets inlined into saved maps: Leaflet from PyPI's XStatic package, ours from templates/.

Nothing is fetched at run time and the repository holds no copy of third-party code: Leaflet is read
from the installed ``xstatic-leaflet`` package (BSD-2-Clause), our own event layer, legend, popups,
heat map and time filter come from ``conflict_map/maps/templates/`` (MIT, written for conflict-map).
"""

from __future__ import annotations

import base64
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import MapError

__all__ = ["Asset", "leaflet_assets", "own_assets", "third_party_notice", "short_notice", "script_safe",
           "LEAFLET_LICENCE"]


@dataclass(frozen=True)
class Asset:
    """One inlined asset: its text, and where it came from (name, version, licence)."""

    name: str
    kind: str  # "js" or "css"
    text: str
    version: str
    licence: str


def script_safe(text: str) -> str:
    """Make ``text`` safe to place between ``<script>`` (or ``<style>``) tags.

    Only the sequences that end the element or open a comment are touched.

    Examples
    --------
    >>> script_safe('a = "</script>";')
    'a = "<\\\\/script>";'
    """
    text = re.sub(r"</(script|style)", lambda m: "<\\/" + m.group(1), text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\!--")


def _strip_source_map(text: str) -> str:
    return re.sub(r"^\s*//[#@] sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", "", text,
                  flags=re.MULTILINE)


def _xstatic_dir(module: str, package: str) -> tuple[Path, str]:
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise MapError(f"{package} is not installed; install it with `pip install {package}`") from exc
    return Path(mod.BASE_DIR), str(mod.VERSION)


def _inline_images(css: str, base: Path) -> str:
    """Replace ``url(images/x.png)`` in a stylesheet by data URIs, so the file needs no sibling files."""

    def repl(m: re.Match[str]) -> str:
        rel = m.group(1).strip("'\"")
        path = base / rel
        if not path.is_file():
            return m.group(0)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\(((?:'|\")?images/[^)]+)\)", repl, css)


@functools.lru_cache(maxsize=1)
def leaflet_assets() -> tuple[Asset, Asset]:
    """Leaflet's minified script and its stylesheet from ``xstatic-leaflet``.

    Raises
    ------
    MapError
        When the package is not installed.

    Examples
    --------
    >>> js, css = leaflet_assets()
    >>> js.version.startswith("1."), js.licence, "L.map" in js.text or "version" in js.text
    (True, 'BSD-2-Clause', True)
    """
    base, version = _xstatic_dir("xstatic.pkg.leaflet", "xstatic-leaflet")
    try:
        js = (base / "leaflet.js").read_text(encoding="utf-8")
        css = (base / "leaflet.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise MapError(f"xstatic-leaflet is incomplete ({exc})") from exc
    js = script_safe(_strip_source_map(js))
    css = script_safe(_inline_images(_strip_source_map(css), base))
    return (Asset("leaflet", "js", js, version, "BSD-2-Clause"),
            Asset("leaflet", "css", css, version, "BSD-2-Clause"))


@functools.lru_cache(maxsize=1)
def own_assets() -> tuple[Asset, Asset]:
    """conflict-map's own event layer script and map stylesheet (``templates/``)."""
    from .._version import __version__

    folder = resources.files("conflict_map.maps") / "templates"
    js = (folder / "conflict_map.js").read_text(encoding="utf-8")
    css = (folder / "conflict_map.css").read_text(encoding="utf-8")
    return (Asset("conflict-map", "js", script_safe(js), __version__, "MIT"),
            Asset("conflict-map", "css", script_safe(css), __version__, "MIT"))


#: Leaflet's licence (BSD-2-Clause), reproduced with the copy of Leaflet inlined in every saved map.
LEAFLET_LICENCE = """Leaflet: BSD 2-Clause License
Copyright (c) 2010-2023, Volodymyr Agafonkin
Copyright (c) 2010-2011, CloudMade
All rights reserved.

Redistribution and use in source and binary forms, with or without modification, are
permitted provided that the following conditions are met:

   1. Redistributions of source code must retain the above copyright notice, this list of
      conditions and the following disclaimer.

   2. Redistributions in binary form must reproduce the above copyright notice, this list
      of conditions and the following disclaimer in the documentation and/or other materials
      provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE
GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED
AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF
ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."""


def short_notice() -> str:
    """The credit shown on the map itself (the full one is in a comment of the page)."""
    js, _ = leaflet_assets()
    return f"Leaflet {js.version} (BSD-2-Clause) \u00b7 conflict-map (MIT)"


def third_party_notice() -> str:
    """A one-line notice naming every inlined asset with its version and licence.

    Examples
    --------
    >>> "Leaflet" in third_party_notice() and "BSD-2-Clause" in third_party_notice()
    True
    """
    js, _ = leaflet_assets()
    return (f"Leaflet {js.version} (BSD-2-Clause, (c) Vladimir Agafonkin, CloudMade; from PyPI "
            f"xstatic-leaflet); event layer, legend, popups, heat map and time filter: conflict-map (MIT)")
