"""make_map's result renders inline in a real Jupyter kernel (nbclient), with no CDN link."""

from __future__ import annotations

import pytest

from ..conftest import REPO

CODE = """
import sys
sys.path.insert(0, {repo!r})
from conflict_map.model import Event, events_to_frame
from conflict_map.maps import make_map
make_map(events_to_frame([Event("Battles", "Armed clash", "2024-03-01", 1, location="Gao",
                                latitude=16.27, longitude=-0.04, actor1="<script>x</script>")]),
         title="Notebook map")
"""


@pytest.mark.slow
def test_map_renders_inline_in_a_notebook() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(CODE.format(repo=str(REPO))))
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3")
    try:
        client.execute()
    except Exception as exc:  # no kernel spec on this machine
        if "No such kernel" in str(exc):
            pytest.skip(f"no python3 Jupyter kernel: {exc}")
        raise
    outputs = nb.cells[0].outputs
    html = next(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    assert "<iframe" in html and "conflictMapInit" in html
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html
    assert "<script>x</script>" not in html
