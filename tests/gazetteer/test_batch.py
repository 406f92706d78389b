"""resolve_batch: ties between same-named places broken by the batch's other places (the invented
places table of tests/conftest.py)."""

from __future__ import annotations

import pytest

from gazetteer.batch import resolve_batch, ties_of


@pytest.fixture(scope="module")
def gaz(invented_gaz):
    return invented_gaz


def test_alone_a_tie_keeps_the_index_order(gaz) -> None:
    cands = gaz.resolve("Sirako", country="ML")
    assert cands[0].lon == -10.0 and [c.lon for c in ties_of(cands)] == [-1.15]


def test_the_batch_breaks_the_tie(gaz) -> None:
    out = resolve_batch(gaz, ["Talbi", "Tobali", "Kelta", "Sirako"], country="ML")
    assert [r[0].name for r in out[:3]] == ["Talbi", "Tobali", "Kelta"]
    assert out[3][0].lon == -1.15 and "the batch has 3 places within 25 km" in out[3][0].reasons[-1]
    assert out[3][1].lon == -10.0  # the other stays, second


def test_known_coordinates_count_as_anchors(gaz) -> None:
    out = resolve_batch(gaz, ["Sirako"], country="ML", anchors=[(15.5, -1.2)] * 3)
    assert out[0][0].lon == -1.15


def test_too_little_evidence_changes_nothing(gaz) -> None:
    out = resolve_batch(gaz, ["Talbi", "Sirako"], country="ML")
    assert out[1][0].lon == -10.0 and out[1] == gaz.resolve("Sirako", country="ML")


def test_contexts_must_match_names(gaz) -> None:
    with pytest.raises(ValueError, match="2 names but 1 contexts"):
        resolve_batch(gaz, ["Talbi", "Sirako"], contexts=["x"])
