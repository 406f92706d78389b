"""folium elements of a conflict map: a map without CDN links, inlined assets, the event layer.

Each element writes its text straight into the page (never through a template engine), so neither the
10 MB of event data nor any text inside it is parsed as a template.
"""

from __future__ import annotations

import html
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement

from .assets import LEAFLET_LICENCE, leaflet_assets, own_assets, third_party_notice
from .data import EncodedEvents

__all__ = ["StandaloneMap", "InlineAssets", "EventLayer", "RawHTML", "fix_ids", "snapshot_figure",
           "restore_figure"]


class RawHTML(Element):
    """Text placed in the page as it is: the caller guarantees it is safe there."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawHTML"
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class StandaloneMap(folium.Map):
    """A :class:`folium.Map` that links no CDN script or stylesheet (its assets are inlined instead)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # instance lists: folium's class-level defaults (Leaflet, jQuery, Bootstrap, Font Awesome and
        # awesome-markers from CDNs) are not used; Leaflet comes inlined from xstatic-leaflet.
        self.default_js = []
        self.default_css = []

    def prepare_render(self) -> None:
        """Fixed ids and a figure as it was before any render: every render gives the same page."""
        seed = getattr(self, "_conflict_map_seed", None)
        if seed is None:
            return
        root = self.get_root()
        fix_ids(root, seed)
        state = getattr(self, "_conflict_map_figure", None)
        if state is not None and root is self._parent:
            restore_figure(root, state)

    def _repr_html_(self, **kwargs: Any) -> str:
        self.prepare_render()
        return super()._repr_html_(**kwargs)


class InlineAssets(MacroElement):
    """Leaflet (from xstatic-leaflet) and conflict-map's own script and stylesheet, inlined in <head>."""

    def __init__(self) -> None:
        super().__init__()
        self._name = "InlineAssets"

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "InlineAssets must be inside a Figure"
        ljs, lcss = leaflet_assets()
        ojs, ocss = own_assets()
        notice = html.escape(third_party_notice() + "\n\n" + LEAFLET_LICENCE).replace("--", "- -")
        parts = [
            f"<!--\n{notice}\n-->",
            f"<style>/* Leaflet {lcss.version}, BSD-2-Clause */\n{lcss.text}</style>",
            f"<script>/* Leaflet {ljs.version}, BSD-2-Clause */\n{ljs.text}</script>",
            f"<style>{ocss.text}</style>",
            f"<script>{ojs.text}</script>",
        ]
        # A fixed name: rendering twice replaces the element instead of adding a second copy.
        figure.header.add_child(RawHTML("\n".join(parts)), name="conflict_map_assets")


class EventLayer(MacroElement):
    """The event data (once, as JSON in the page) and the call that draws it on the parent map."""

    def __init__(self, encoded: EncodedEvents, config: dict[str, Any]) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.encoded = encoded
        self.config = dict(config)

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "EventLayer must be inside a Figure"
        name = self.get_name()
        data_id, text_id = f"{name}_data", f"{name}_text"
        cfg = dict(self.config, dataId=data_id, textId=text_id,
                   textCompressed=self.encoded.text_compressed, bounds=self.encoded.bounds)
        text_type = "application/octet-stream" if self.encoded.text_compressed else "application/json"
        blocks = (f'<script type="application/json" id="{data_id}">{self.encoded.core}</script>\n'
                  f'<script type="{text_type}" id="{text_id}">{self.encoded.text}</script>')
        figure.html.add_child(RawHTML(blocks), name=name)
        from .data import json_for_html

        call = (f"window.conflictMapInit({self._parent.get_name()}, {json_for_html(cfg)});")
        figure.script.add_child(RawHTML(call), name=name)


def fix_ids(root: Element, seed: str) -> None:
    """Give every element under ``root`` an id derived from ``seed`` and its place in the tree.

    folium draws random ids (uuid4); fixed ids make the same map give byte-identical HTML. An id
    depends on the parent's id, the position among its siblings and the element's kind, so elements
    that folium adds while rendering (at the end of a parent's children) change no other id.
    """
    import hashlib

    def walk(el: Element, parent_id: str, index: int) -> None:
        el._id = hashlib.sha1(f"{seed}:{parent_id}:{index}:{el._name}".encode()).hexdigest()[:32]
        children = [(key, child, child.get_name()) for key, child in el._children.items()]
        for i, (_, child, _) in enumerate(children):
            walk(child, el._id, i)
        # children added without an explicit name are keyed by their (old) name: re-key them
        el._children.clear()
        for key, child, old in children:
            el._children[child.get_name() if key == old else key] = child

    walk(root, "root", 0)


def snapshot_figure(figure: Figure) -> dict[str, list[tuple[str, Element]]]:
    """What a figure's header, html and script hold before any rendering."""
    return {part: list(getattr(figure, part)._children.items()) for part in ("header", "html", "script")}


def restore_figure(figure: Figure, state: dict[str, list[tuple[str, Element]]]) -> None:
    """Put a figure's header, html and script back as :func:`snapshot_figure` saw them.

    Rendering adds to them (folium adds some entries under fresh random names on every render), so
    a second render would repeat those; starting from the snapshot makes every render the same.
    """
    for part, items in state.items():
        children = getattr(figure, part)._children
        children.clear()
        children.update(items)
