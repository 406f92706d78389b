"""Property-based fuzzing of the readers and the extractor: no crash, every record accounted for.

Fixed seed (``derandomize=True``) and a bounded number of examples, so CI is repeatable and quick.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflict_map.errors import ConflictMapError
from conflict_map.io.articles import read_articles

FUZZ = settings(derandomize=True, max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_text, children, max_size=4),
    max_leaves=12,
)
_record = st.fixed_dictionaries(
    {},
    optional={"id": st.one_of(_text, st.integers()), "title": _text, "text": _text,
              "url": _text, "published": st.one_of(_text, st.just("2024-03-01"), st.integers()),
              "source": _text, "lang": st.sampled_from(["en", "fr", "", "xx"])},
)


@FUZZ
@given(data=st.binary(max_size=2000), ext=st.sampled_from([".txt", ".html", ".jsonl", ".json"]))
def test_readers_never_crash_on_arbitrary_bytes(tmp_path: Path, data: bytes, ext: str) -> None:
    path = tmp_path / f"input{ext}"
    path.write_bytes(data)
    try:
        articles, rejected = read_articles([path])
    except ConflictMapError:
        return  # a clear, typed error for the whole file is an acceptable outcome
    for r in rejected:
        assert r.reason
    for a in articles:
        assert isinstance(a.text, str)


@FUZZ
@given(lines=st.lists(st.one_of(_record.map(json.dumps), _json_value.map(json.dumps), _text),
                      min_size=1, max_size=12))
def test_every_jsonl_line_is_an_article_or_a_rejection(tmp_path: Path, lines: list[str]) -> None:
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, rejected = read_articles([path])
    nonblank = [i for i, ln in enumerate(lines, 1) if ln.strip()]
    origins = {a.origin for a in articles} | {r.origin for r in rejected}
    assert len(articles) + len(rejected) == len(nonblank)
    assert origins == {f"{path}:{i}" for i in nonblank}


@pytest.mark.slow
def test_very_large_text_input_is_read(tmp_path: Path) -> None:
    para = "Soldiers clashed with militants near the town on Tuesday. " * 50
    path = tmp_path / "big.txt"
    path.write_text(("\n\n".join([para] * 400)) + "\n", encoding="utf-8")  # ~1.2 MB
    articles, rejected = read_articles([path])
    assert not rejected
    assert sum(len(a.text) for a in articles) > 1_000_000


def test_non_utf8_text_is_read_or_rejected_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Des affrontements ont eu lieu à Ségou le 3 février.".encode("latin-1"))
    articles, rejected = read_articles([path])
    assert not rejected and "Ségou" in articles[0].text


_WORDS = st.sampled_from([
    "attacked", "killed", "clashes", "in", "near", "Mopti", "Gao", "Ségou", "on", "Tuesday", "hier",
    "soldiers", "militants", "JNIM", "army", "protest", "arrested", "dozens", "12", "three", "le",
    "3", "septembre", "l'armée", "tués", "à", "Kidal", "drone", "strike", "IED", ",", ".", "\n",
    "Gen", "Moussa", "border", "with", "Senegal", "capital", "Bamako", "since", "2012", "(", ")",
])
_report_text = st.one_of(_text, st.lists(_WORDS, max_size=80).map(" ".join))


@FUZZ
@given(texts=st.lists(_report_text, min_size=1, max_size=4))
def test_extractor_never_crashes_and_accounts_for_every_article(texts: list[str]) -> None:
    from datetime import date

    from gazetteer import Gazetteer

    from conflict_map.extract import extract_events
    from conflict_map.model import Article

    gaz = _embedded_gazetteer(Gazetteer)
    articles = [Article(id=f"a{i}", text=t, published=date(2024, 3, 14)) for i, t in enumerate(texts)]
    result = extract_events(articles, gaz)
    with_events = {e.source_id for e in result.events}
    explained = {n.get("article_id") for n in result.non_events}
    for a in articles:
        assert a.id in with_events or a.id in explained, f"article {a.id} vanished"
    for e in result.events:
        assert e.event_date is None or len(e.event_date) == 10


_GAZ: list = []


def _embedded_gazetteer(cls):  # one index for every example: building it is the slow part
    if not _GAZ:
        _GAZ.append(cls.default())
    return _GAZ[0]


_cell = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.sampled_from(["", "12", "-3", "1.5", "30 December 2018", "2018-12-30", "16-Feb-21",
                     "Battles", "Armed clash", "Riots/Protests", "14.45", "-11.44", "abc"]),
)
_ACLED_HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "event_type",
                 "sub_event_type", "actor1", "actor2", "inter1", "inter2", "interaction",
                 "country", "admin1", "location", "latitude", "longitude", "geo_precision",
                 "source", "notes", "fatalities"]


@FUZZ
@given(rows=st.lists(st.lists(_cell, min_size=len(_ACLED_HEADER), max_size=len(_ACLED_HEADER)),
                     min_size=1, max_size=15))
def test_every_acled_row_is_an_event_or_a_rejection(tmp_path: Path, rows: list[list[str]]) -> None:
    import csv

    from conflict_map.io import read_events

    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(_ACLED_HEADER)
        w.writerows(rows)
    try:
        gdf = read_events(path)
    except ConflictMapError:
        return
    rejected = gdf.attrs.get("rejected", [])
    assert all(r["reason"] for r in rejected)
    # blank rows are not records; every other row is an event or a rejection
    assert len(gdf) + len(rejected) >= len(rows) - sum(1 for r in rows if not any(c.strip() for c in r))
