"""Column-wise access to an events frame for the text writers (GeoJSON, CSV): one conversion per
column instead of one per value, with missing values as ``None``."""

from __future__ import annotations

from typing import Any, Sequence


def column_lists(frame: Any, names: Sequence[str]) -> list[list[Any]]:
    """The columns ``names`` of ``frame`` as Python lists of plain values (``None`` when missing)."""
    import numpy as np
    import pandas as pd

    out: list[list[Any]] = []
    n = len(frame)
    for name in names:
        if name not in frame.columns:
            out.append([None] * n)
            continue
        s = frame[name]
        if isinstance(s.dtype, pd.api.extensions.ExtensionDtype) and s.dtype.kind in "iuf":
            out.append(s.to_numpy(dtype=object, na_value=None).tolist())
        elif s.dtype.kind == "f":
            vals = s.to_numpy()
            lst = vals.astype(object)
            lst[np.isnan(vals)] = None
            out.append(lst.tolist())
        elif s.dtype.kind in "iub":
            out.append(s.tolist())
        else:
            lst = s.astype(object).tolist()
            out.append([None if _missing(v) else v for v in lst])
    return out


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    return type(v).__name__ in ("NAType", "NaTType")
