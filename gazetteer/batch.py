"""Resolving many names at once: same-named places the text cannot tell apart go to the batch's area.

Several villages often share a name ("Mamba", "Gawa", "Daga" in Mali alone), and a short report may
give nothing to tell them apart: the ranking ends in an exact tie and the index's order decides. A batch
of reports or table rows is usually about one theatre, though. :func:`resolve_batch` resolves every
name, keeps the places resolved without doubt as anchors, and moves a tied name to the candidate with
clearly more anchors around it (:func:`break_tie`). Nothing changes for names that are not tied, and a
tie the batch does not clearly break keeps the index's order.

Examples
--------
>>> from gazetteer import Gazetteer
>>> gaz = Gazetteer.default()
>>> [r[0].name for r in resolve_batch(gaz, ["Gao", "Kidal"], country="ML")]
['Gao', 'Kidal']
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .core import Gazetteer
    from .model import Candidate

__all__ = ["TIE", "Anchors", "break_tie", "resolve_batch", "resolve_queries", "ties_of"]

#: a candidate whose score is at least this share of the best one's is tied with it
TIE = 0.999
#: anchors within this distance of a candidate count for it
RADIUS_KM = 25.0
#: a tie is broken only by clear evidence: at least this many anchors around the other candidate, and
#: this many times as many (each count plus one) as around the first
MIN_ANCHORS = 3
RATIO = 3.0
#: a top candidate with at least this score and no tie is an anchor
SURE = 0.6


def ties_of(cands: Sequence[Candidate], tie: float = TIE) -> list[Candidate]:
    """The candidates tied with ``cands[0]``: the same name matched, the same feature class, a score
    within ``tie`` of it (``[]`` when there is none)."""
    if len(cands) < 2:
        return []
    top = cands[0]
    return [c for c in cands[1:] if c.score >= tie * top.score and c.matched == top.matched
            and c.feature_class == top.feature_class]


def break_tie(options: Sequence[tuple[float, float]], anchor_lat: np.ndarray, anchor_lon: np.ndarray,
              radius_km: float = RADIUS_KM, min_anchors: int = MIN_ANCHORS,
              ratio: float = RATIO) -> tuple[int, list[int]]:
    """Which of tied places ``options`` (first = the current choice) the anchors point to.

    Returns the chosen index (0 unless another option clearly has more anchors within ``radius_km``)
    and the anchor count of each option.

    Examples
    --------
    >>> import numpy as np
    >>> lat, lon = np.array([15.5, 15.52, 15.48, 15.51]), np.array([-1.2, -1.21, -1.19, -1.2])
    >>> break_tie([(13.0, -10.0), (15.55, -1.15)], lat, lon)
    (1, [0, 4])
    >>> break_tie([(13.0, -10.0), (15.55, -1.15)], lat[:2], lon[:2])  # too few to say
    (0, [0, 2])
    """
    import numpy as np

    from .ranking import haversine_km

    counts = [int(np.count_nonzero(haversine_km(la, lo, anchor_lat, anchor_lon) <= radius_km))
              if len(anchor_lat) else 0 for la, lo in options]
    best = max(range(len(options)), key=lambda i: (counts[i], -i))
    if best and counts[best] >= min_anchors and counts[best] + 1 >= ratio * (counts[0] + 1):
        return best, counts
    return 0, counts


class Anchors:
    """Places known to belong to a batch, asked which of tied places they point to (:func:`break_tie`).

    Examples
    --------
    >>> a = Anchors([(15.5, -1.2)] * 3)
    >>> bool(a), a.pick([(13.0, -10.0), (15.55, -1.15)])
    (True, (1, [0, 3]))
    >>> bool(Anchors([])), Anchors([]).pick([(13.0, -10.0), (15.55, -1.15)])
    (False, (0, [0, 0]))
    """

    def __init__(self, points: Iterable[tuple[float, float]]) -> None:
        import numpy as np

        pts = list(points)
        self.lat = np.array([p[0] for p in pts], dtype=float)
        self.lon = np.array([p[1] for p in pts], dtype=float)

    def __bool__(self) -> bool:
        return bool(len(self.lat))

    def pick(self, options: Sequence[tuple[float, float]]) -> tuple[int, list[int]]:
        """``break_tie(options, ...)`` with these anchors."""
        return break_tie(options, self.lat, self.lon)


def resolve_batch(gaz: Gazetteer, names: Sequence[str], country: str | Sequence[str] | None = None,
                  contexts: Sequence[str | None] | None = None, *,
                  anchors: Iterable[tuple[float, float]] = (), limit: int = 10) -> list[list[Candidate]]:
    """Resolve ``names`` (one context each, optional) and break the ties between same-named places
    with the batch's other places.

    Parameters
    ----------
    gaz : Gazetteer
    names : sequence of str
    country : str or sequence of str, optional
        Countries the batch is about (as in :meth:`Gazetteer.resolve`).
    contexts : sequence of str or None, optional
        The text around each name.
    anchors : iterable of (lat, lon), optional
        Places already known to belong to the batch (e.g. rows of a table that have coordinates).
    limit : int
        At most this many candidates per name.

    Returns
    -------
    list of list of Candidate
        As :meth:`Gazetteer.resolve` for each name; a tie broken by the batch puts the chosen place
        first, with the reason added.
    """
    contexts = list(contexts) if contexts is not None else [None] * len(names)
    if len(contexts) != len(names):
        raise ValueError(f"{len(names)} names but {len(contexts)} contexts")
    results = [gaz.resolve(n, country=country, context=c, limit=max(limit, 10)) for n, c in zip(names, contexts)]
    tied = [ties_of(r) for r in results]
    if not any(tied):
        return [r[:limit] for r in results]
    known = Anchors([*anchors, *((r[0].lat, r[0].lon) for r, t in zip(results, tied)
                                 if r and not t and r[0].score >= SURE and r[0].feature_class == "P")])
    if known:
        for i, t in enumerate(tied):
            if not t:
                continue
            options = [results[i][0], *t]
            k, counts = known.pick([(c.lat, c.lon) for c in options])
            if k:
                chosen = options[k]
                why = (f"{len(options)} places named so tie; the batch has {counts[k]} places within "
                       f"{RADIUS_KM:.0f} km of this one, {counts[0]} of the first")
                rest = [c for c in results[i] if c is not chosen]
                results[i] = [replace(chosen, reasons=(*chosen.reasons, why)), *rest]
    return [r[:limit] for r in results]


def resolve_queries(gaz: Gazetteer, queries: Sequence[tuple[str, str | Sequence[str] | None, str | None]], *,
                    anchors: Iterable[tuple[float, float]] = (), limit: int = 10) -> list[list[Candidate]]:
    """:func:`resolve_batch` for queries that each carry their own country hint: ``(name, country,
    context)`` triples, resolved as one batch per distinct hint, answers in the queries' order.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> out = resolve_queries(Gazetteer.default(), [("Gao", "ML", None), ("Djibo", "BF", None)], limit=1)
    >>> [(r[0].name, r[0].country) for r in out]
    [('Gao', 'ML'), ('Djibo', 'BF')]
    """
    points = list(anchors)
    out: list[list[Candidate]] = [[] for _ in queries]
    groups: dict[object, list[int]] = {}
    for i, (_, hint, _) in enumerate(queries):
        groups.setdefault(tuple(hint) if isinstance(hint, (list, tuple)) else hint, []).append(i)
    for hint, idx in groups.items():
        got = resolve_batch(gaz, [queries[i][0] for i in idx], country=hint or None,  # type: ignore[arg-type]
                            contexts=[queries[i][2] for i in idx], anchors=points, limit=limit)
        for i, cands in zip(idx, got):
            out[i] = cands
    return out
