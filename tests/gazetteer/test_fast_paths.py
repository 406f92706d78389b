"""The gazetteer's faster internals give exactly what the plain forms give."""

from __future__ import annotations

import numpy as np

from gazetteer import Gazetteer
from gazetteer.core import _unique_cells


def test_unique_cells_are_numpy_unique_rows() -> None:
    rng = np.random.default_rng(0)
    for t in range(100):
        n = int(rng.integers(0, 500))
        lat = rng.uniform(-90, 90, n) if t % 2 else rng.uniform(-1, 1, n)
        lon = rng.uniform(-180, 180, n) if t % 3 else rng.uniform(-1, 1, n)
        want = np.unique(np.round(np.stack([lat, lon], axis=1) * 2) / 2, axis=0)
        got = _unique_cells(np.round(lat * 2), np.round(lon * 2))
        assert got.shape == want.shape and np.array_equal(got, want)


def test_variant_key_first_characters(tiny: Gazetteer) -> None:
    keys = tiny.index.vkeys
    want = [ord(k[0]) if k else 0 for k in keys]
    assert tiny._vkey_first_chars().tolist() == want
