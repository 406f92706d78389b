"""read_articles: text files with several articles, HTML, JSON Lines and JSON."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_map.errors import FormatError, InputNotFoundError
from conflict_map.io.articles import read_articles


def test_txt_several_articles(tmp_path) -> None:
    p = tmp_path / "feed.txt"
    p.write_text("Clash in Gao\n\nClash in Gao\n\nFighting broke out in Gao.\n\nRead More\n\n"
                 "Protest in Bamako\n\nHundreds marched.\n\nRead More\n", encoding="utf-8")
    arts, rej = read_articles([p], published=date(2025, 1, 2))
    assert [(a.id, a.title, a.text) for a in arts] == [
        ("feed-1", "Clash in Gao", "Fighting broke out in Gao."), ("feed-2", "Protest in Bamako", "Hundreds marched.")]
    assert all(a.published == date(2025, 1, 2) for a in arts) and rej == []


def test_html_boilerplate_and_meta(tmp_path) -> None:
    p = tmp_path / "page.html"
    p.write_text("<html><head><title>Site | Attack</title>"
                 "<meta property='article:published_time' content='2025-07-01T10:00:00Z'></head>"
                 "<body><nav>Home News Sport</nav><article><h1>Attack on Boni</h1>"
                 "<p>Gunmen attacked Boni on Tuesday.</p><script>var x=1;</script>"
                 "<div class='share'>Share on Facebook</div></article><footer>© 2025</footer></body></html>",
                 encoding="utf-8")
    arts, _ = read_articles([p])
    a = arts[0]
    assert a.title == "Attack on Boni" and a.published == date(2025, 7, 1)
    assert "Gunmen attacked Boni" in a.text
    assert "Home" not in a.text and "Facebook" not in a.text and "var x" not in a.text


def test_jsonl_bad_records_rejected(tmp_path) -> None:
    p = tmp_path / "r.jsonl"
    p.write_text('{"id": "a", "text": "Clashes.", "published": "2025-07-01"}\n{bad\n'
                 '{"id": "c", "title": "t"}\n{"id": "d", "text": "x", "published": "yesterday-ish"}\n'
                 '{"text": "no id"}\n', encoding="utf-8")
    arts, rej = read_articles([p])
    assert [a.id for a in arts] == ["a", "r-5"]
    assert [r.origin.rsplit(":", 1)[1] for r in rej] == ["2", "3", "4"]
    assert "bad JSON" in rej[0].reason and "no text" in rej[1].reason and "date" in rej[2].reason


def test_json_array_and_object(tmp_path) -> None:
    p = tmp_path / "a.json"
    p.write_text('{"articles": [{"text": "One."}, {"text": "Two.", "published": "30 December 2018"}]}')
    arts, _ = read_articles(p)
    assert [a.id for a in arts] == ["a-1", "a-2"] and arts[1].published == date(2018, 12, 30)


def test_cp1252_fallback(tmp_path) -> None:
    p = tmp_path / "fr.txt"
    p.write_bytes("Des affrontements à Ségou.".encode("cp1252"))
    arts, _ = read_articles([p])
    assert "Ségou" in arts[0].text


def test_errors(tmp_path) -> None:
    with pytest.raises(InputNotFoundError):
        read_articles([tmp_path / "missing.txt"])
    (tmp_path / "x.docx").write_text("x")
    with pytest.raises(FormatError):
        read_articles([tmp_path / "x.docx"])
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(FormatError):
        read_articles([tmp_path / "bad.json"])


def test_seed_text_file(seeds_jsonl) -> None:
    arts, rej = read_articles([seeds_jsonl.parent / "000_b17f871958565f45.txt"])
    assert len(arts) == 3 and not rej
    assert arts[1].title.startswith("Mali Army Kills 80")


def test_a_reused_id_with_another_text_is_renamed_with_a_warning(tmp_path) -> None:
    import json as _json
    import warnings

    from conflict_map.io.articles import DuplicateIdWarning

    p = tmp_path / "r.jsonl"
    p.write_text("\n".join(_json.dumps(r) for r in [
        {"id": "a", "text": "Gunmen attacked a village on Monday."},
        {"id": "a", "text": "Protesters marched in the capital on Tuesday."},
        {"id": "a", "text": "Gunmen attacked a village on Monday."},  # the same report again: kept as is
        {"id": "a#2", "text": "A third text."},
    ]), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts, rej = read_articles([p])
    assert [a.id for a in arts] == ["a", "a#3", "a", "a#2"] and not rej
    assert [w.category for w in caught] == [DuplicateIdWarning]
    assert "r.jsonl:2" in str(caught[0].message) and "'a#3'" in str(caught[0].message)


def test_html_inside_a_json_text_field_is_read_as_text(tmp_path) -> None:
    p = tmp_path / "r.jsonl"
    p.write_text('{"id": "h", "text": "Des hommes armés ont tué <b>6 civils</b> mardi.<script>x()</script>"}\n'
                 '{"id": "e", "text": "<div><script>alert(1)</script></div>"}\n', encoding="utf-8")
    arts, rej = read_articles([p])
    assert [a.text for a in arts] == ["Des hommes armés ont tué 6 civils mardi."]
    assert [(r.record_id, r.reason) for r in rej] == [("e", "record's HTML text has no readable text")]


def test_decomposed_accents_are_composed(tmp_path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("Attaque à Se\u0301gou mardi.\n", encoding="utf-8")
    arts, _ = read_articles([p])
    assert arts[0].text == "Attaque à Ségou mardi."


def test_page_furniture_without_an_article_element_is_dropped(tmp_path) -> None:
    # no <article>: the whole page is read, minus the cookie banner and the French "à lire aussi" box
    p = tmp_path / "page.html"
    p.write_text("<html><body><div class='cookies'>Ce site utilise des cookies.</div>"
                 "<div class='article-body'><p>Des hommes armés ont tué deux civils à Gao mardi.</p></div>"
                 "<div class='a-lire-aussi'><ul><li>Tillabéri : 17 soldats tués</li></ul></div>"
                 "<div class='voir-aussi'>Niger : deux morts à Téra</div></body></html>", encoding="utf-8")
    arts, rejected = read_articles([p])
    assert [a.text for a in arts] == ["Des hommes armés ont tué deux civils à Gao mardi."] and not rejected


def test_the_site_name_at_the_end_of_a_page_title_is_the_source(tmp_path) -> None:
    p = tmp_path / "page.html"
    p.write_text("<html><head><title>Army convoy hit near Boni | Sahel Daily</title></head><body><article>"
                 "<p>A roadside bomb struck an army convoy near Boni on Saturday, killing three soldiers, a "
                 "military source said. Residents said the convoy was escorting fuel trucks to the town, which "
                 "has been under a blockade for months.</p></article></body></html>", encoding="utf-8")
    assert read_articles([p])[0][0].source == "Sahel Daily"
