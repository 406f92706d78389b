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
