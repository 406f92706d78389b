"""resolve_batch: ties between same-named places broken by the batch's other places (a places table
written here; the names are invented)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.batch import resolve_batch, ties_of

PLACES = """name,latitude,longitude,country_code,feature_code
Sirako,13.00,-10.00,ML,PPL
Sirako,15.55,-1.15,ML,PPL
Talbi,15.50,-1.20,ML,PPLA2
Tobali,15.45,-1.25,ML,PPLA2
Wadi Karo,15.60,-1.10,ML,PPLA2
"""


@pytest.fixture(scope="module")
def gaz(tmp_path_factory):
    d = tmp_path_factory.mktemp("batch")
    (d / "p.csv").write_text(PLACES, encoding="utf-8")
    return Gazetteer.from_sources(places=[d / "p.csv"], embedded=False, cache_dir=d / "cache")


def test_alone_a_tie_keeps_the_index_order(gaz) -> None:
    cands = gaz.resolve("Sirako", country="ML")
    assert cands[0].lon == -10.0 and [c.lon for c in ties_of(cands)] == [-1.15]


def test_the_batch_breaks_the_tie(gaz) -> None:
    out = resolve_batch(gaz, ["Talbi", "Tobali", "Wadi Karo", "Sirako"], country="ML")
    assert [r[0].name for r in out[:3]] == ["Talbi", "Tobali", "Wadi Karo"]
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
