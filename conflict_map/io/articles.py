"""Reading news reports: plain text (one or several articles), HTML pages and JSON records.

Every input becomes :class:`~conflict_map.model.Article` records; a malformed record inside a batch
file becomes a :class:`~conflict_map.model.Rejected` with its reason while the rest is read.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
import warnings
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..errors import FormatError, InputNotFoundError
from ..model import Article, Rejected

__all__ = ["read_articles", "split_articles", "parse_published", "ARTICLE_READERS", "DuplicateIdWarning"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_WORDS = re.compile(r"^\s*(\d{1,2})(?:er|st|nd|rd|th)?[\s\-]+([A-Za-zéû]+)\.?[\s\-,]+(\d{2,4})\s*$")
_MDY_WORDS = re.compile(r"^\s*([A-Za-zéû]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\s*$")
_DMY_NUM = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")

#: Lines that separate articles inside one text file (listing pages, copy-pasted feeds).
_SEPARATOR = re.compile(
    r"^\s*(?:read\s+more|read\s+the\s+full\s+(?:story|article)|continue\s+reading|lire\s+la\s+suite|"
    r"lire\s+plus|en\s+savoir\s+plus|[-=_*~#]{3,}|(?:\*\s*){3,})\s*[.:»>]*\s*$",
    re.IGNORECASE,
)
_TITLE_MAX = 200


def parse_published(value: Any) -> date:
    """A publication date from ISO text, ``30 December 2018``, ``December 30, 2018`` or ``30/12/2018``.

    Raises
    ------
    ValueError
        When the value is not a recognisable date.

    Examples
    --------
    >>> parse_published("2025-07-01T08:30:00Z"), parse_published("1er juillet 2025")
    (datetime.date(2025, 7, 1), datetime.date(2025, 7, 1))
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    m = _ISO.match(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY_WORDS.match(text)
    if m and m.group(2).lower() in _MONTHS:
        return date(_year(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MDY_WORDS.match(text)
    if m and m.group(1).lower() in _MONTHS:
        return date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _DMY_NUM.match(text)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    raise ValueError(f"not a date: {value!r}")


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _decode(raw: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM), else cp1252, else latin-1: reports are never lost to encoding."""
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _read(path: Path) -> str:
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file")
    if path.is_dir():
        raise FormatError(f"{path}: is a folder, not a file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return _decode(raw, str(path))


def split_articles(text: str) -> list[tuple[str, str]]:
    """Split a text holding one or several articles into ``(title, body)`` pairs.

    Articles are separated by "Read More"-style lines or rules (``---``); a short first line without
    final punctuation is the title (a repeated title line is dropped).

    Examples
    --------
    >>> split_articles("Clash in Gao\\n\\nFighting broke out.\\n\\nRead More\\n\\nNext\\n\\nCalm day.")
    [('Clash in Gao', 'Fighting broke out.'), ('Next', 'Calm day.')]
    """
    chunks: list[list[str]] = [[]]
    for line in text.splitlines():
        if _SEPARATOR.match(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    out = []
    for lines in chunks:
        paras = [ln.strip() for ln in lines if ln.strip()]
        if not paras:
            continue
        title = ""
        if len(paras) > 1 and len(paras[0]) <= _TITLE_MAX and not paras[0].endswith((".", "!", "?", ":", "”", '"')):
            title = paras.pop(0)
            while paras and paras[0] == title:
                paras.pop(0)
        body = "\n".join(paras).strip()
        if body:
            out.append((title, body))
    return out


#: A publication line at the top of a pasted article: "Published: 2024-03-14", "Posted on March 14,
#: 2024", "Publié le 16 mars 2024", "Date : 16/03/2024".
_PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|posted|updated|last\s+updated|date|publi[ée]e?|mis\s+[àa]\s+jour|mise\s+[àa]\s+jour)"
    r"(?:\s+(?:on|le|:))?\s*:?\s*(?P<date>.+?)\s*$",
    re.IGNORECASE,
)
_PUBLISHED_SCAN = 3  # lines at the top of an article's body where a publication line may stand


def _published_line(body: str) -> tuple[date | None, str]:
    r"""The date of a publication line among the first lines of ``body``, and the body without it.

    Examples
    --------
    >>> _published_line("Published: 2024-03-14\nSoldiers clashed.")
    (datetime.date(2024, 3, 14), 'Soldiers clashed.')
    >>> _published_line("Publié le 16 mars 2024\nDes tirs.")[0]
    datetime.date(2024, 3, 16)
    >>> _published_line("Date palms burned in Gao.")
    (None, 'Date palms burned in Gao.')
    """
    lines = body.split("\n")
    for i, line in enumerate(lines[:_PUBLISHED_SCAN]):
        m = _PUBLISHED_LINE.match(line)
        if not m:
            continue
        try:
            found = parse_published(m.group("date"))
        except ValueError:
            continue
        return found, "\n".join(lines[:i] + lines[i + 1:]).strip()
    return None, body


def _read_txt(path: Path, published: date | None) -> tuple[list[Article], list[Rejected]]:
    text = _read(path)
    parts = split_articles(text)
    many = len(parts) > 1
    arts = []
    for i, (title, body) in enumerate(parts):
        aid = f"{path.stem}-{i + 1}" if many else path.stem
        own, body = _published_line(body)
        if not body:
            continue
        arts.append(Article(id=aid, text=body, title=title, published=own or published,
                            origin=str(path)))
    if not arts:
        return [], [Rejected(origin=str(path), reason="no text", record_id=path.stem)]
    return arts, []


class _HTMLText(HTMLParser):
    """The readable text of a page: boilerplate elements are skipped, blocks become lines."""

    _SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg",
             "iframe", "button", "select", "template", "figure"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "pre", "dd", "dt", "td", "main"}
    _BOILER = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|header|sidebar|aside|share|sharing|"
                         r"social|cookies?|consent|gdpr|rgpd|related|recommended|read-?more|more-stories|"
                         r"most-read|trending|comments?|advert\w*|ads|publicit[ée]|promo|newsletter|"
                         r"breadcrumbs?|subscribe|abonnement|tags?|"
                         # French page furniture: "à lire aussi", "voir aussi", "les plus lus", "partager"
                         r"a-lire(?:-aussi)?|lire-aussi|voir-aussi|sur-le-meme-sujet|plus-lus|partager|partage)"
                         r"(?:$|[\s_-])", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.in_article = 0
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self._in_h1 = False
        self.meta: dict[str, str] = {}
        self.time_dt = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
            return
        if tag == "time" and a.get("datetime") and not self.time_dt:
            self.time_dt = a["datetime"]
        if tag in ("br", "img", "hr", "input", "link"):
            if tag == "br":
                self._emit("\n")
            return
        skip = tag in self._SKIP or bool(self._BOILER.search(f"{a.get('class', '')} {a.get('id', '')}"
                                                              f" {a.get('role', '')}"))
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        if tag == "article":
            self.in_article += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self._in_h1 = True
        if tag in self._BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self._in_h1 = False
        # close up to the matching tag (HTML is often not well nested)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, skip in self.stack[i:]:
                    if skip:
                        self.skip_depth -= 1
                    if t == "article":
                        self.in_article -= 1
                del self.stack[i:]
                break
        if tag in self._BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self._in_h1:
            self.h1 += data
        self._emit(data)

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        if self.in_article:
            self.article_parts.append(s)


def _site_from_title(title: str) -> str:
    """The site name a page title ends with ("Attack in Boni | Sahel Daily", "... - RFI"), or ""."""
    for sep in (" | ", " – ", " — ", " - "):
        if sep in title:
            last = title.rsplit(sep, 1)[1].strip()
            if 1 <= len(last.split()) <= 4 and len(last) <= 40:
                return last
    return ""


def _clean_lines(parts: Iterable[str]) -> str:
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in "".join(parts).split("\n")]
    return "\n".join(ln for ln in lines if ln)


_META_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "date",
                   "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date",
                   "sailthru.date", "parsely-pub-date")


def _read_html(path: Path, published: date | None) -> tuple[list[Article], list[Rejected]]:
    text = _read(path)
    p = _HTMLText()
    p.feed(text)
    p.close()
    body = _clean_lines(p.article_parts) if p.article_parts else ""
    if len(body) < 200:
        body = _clean_lines(p.parts)
    title = (p.meta.get("og:title") or p.h1 or p.title).strip()
    title = re.sub(r"\s+", " ", title)
    if body.startswith(title) and title:
        body = body[len(title):].lstrip()
    pub = published
    for key in _META_DATE_KEYS:
        if key in p.meta:
            try:
                pub = parse_published(p.meta[key])
                break
            except ValueError:
                continue
    else:
        if p.time_dt:
            try:
                pub = parse_published(p.time_dt)
            except ValueError:
                pass
    if not body:
        return [], [Rejected(origin=str(path), reason="no readable text in the page", record_id=path.stem)]
    # the outlet: og:site_name, else the last part of the <title> ("Attack in Boni | Sahel Daily")
    site = p.meta.get("og:site_name", "") or _site_from_title(re.sub(r"\s+", " ", p.title).strip())
    return [Article(id=path.stem, text=body, title=title, url=p.meta.get("og:url", ""), published=pub,
                    source=site, lang=p.meta.get("og:locale", "")[:2],
                    origin=str(path))], []


_TEXT_KEYS = ("text", "body", "content", "notes", "article")
#: HTML markup in a text field (tags, not a "<" in prose)
_MARKUP = re.compile(r"</?(?:p|div|br|b|i|u|a|span|strong|em|h[1-6]|li|ul|ol|table|tr|td|article|section|"
                     r"script|style|img|figure|blockquote|header|footer|nav)\b[^<>]*>", re.IGNORECASE)


def markup_text(text: str) -> str | None:
    """The readable text of a text holding HTML markup (scripts, styles and tags dropped), or ``None``
    when it has none ("a < b" in prose is not markup).

    Examples
    --------
    >>> markup_text("<p>Gunmen <b>killed</b> five.</p><script>alert(1)</script>")
    'Gunmen killed five.'
    >>> markup_text("5 < 6") is None
    True
    """
    if "<" not in text or not _MARKUP.search(text):
        return None
    p = _HTMLText()
    p.feed(text)
    p.close()
    return _clean_lines(p.parts)


def _record(rec: Any, origin: str, default_id: str, published: date | None) -> Article:
    from ..errors import RecordError

    if not isinstance(rec, dict):
        raise RecordError("record is not a JSON object")
    text = next((rec[k] for k in _TEXT_KEYS if isinstance(rec.get(k), str) and rec[k].strip()), None)
    if text is None:
        raise RecordError("record has no text")
    pub = published
    raw_pub = rec.get("published") or rec.get("date") or rec.get("published_at")
    if raw_pub not in (None, ""):
        try:
            pub = parse_published(raw_pub)
        except (ValueError, TypeError) as exc:
            raise RecordError(f"bad publication date {raw_pub!r}") from exc
    rid = rec.get("id")
    readable = markup_text(text)
    if readable is not None:
        # HTML inside a JSON field ("tué <b>6 civils</b>"): its readable text, as for an HTML page
        text = readable
        if not text:
            raise RecordError("record's HTML text has no readable text")
    return Article(
        id=str(rid) if rid not in (None, "") else default_id,
        text=text.strip(), title=str(rec.get("title") or ""), url=str(rec.get("url") or ""),
        published=pub, source=str(rec.get("source") or ""), lang=str(rec.get("lang") or ""),
        origin=origin,
    )


def _take(rec: Any, origin: str, default_id: str, published: date | None,
          arts: list[Article], rej: list[Rejected]) -> None:
    """One JSON record: an article, or a rejection with its reason (never both, never neither)."""
    from ..errors import RecordError

    try:
        arts.append(_record(rec, origin, default_id, published))
    except RecordError as exc:
        rid = str(rec.get("id", "")) if isinstance(rec, dict) else ""
        rej.append(Rejected(origin=origin, reason=str(exc), record_id=rid or default_id))


def _read_jsonl(path: Path, published: date | None) -> tuple[list[Article], list[Rejected]]:
    text = _read(path)
    arts: list[Article] = []
    rej: list[Rejected] = []
    # JSON Lines separates records by "\n" only; str.splitlines would also split on form feeds and
    # Unicode line separators inside a record, and line numbers in the report would drift.
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            rej.append(Rejected(origin=origin, reason=f"bad JSON: {exc.msg}", record_id=f"{path.stem}-{n}"))
            continue
        _take(rec, origin, f"{path.stem}-{n}", published, arts, rej)
    return arts, rej


def _read_json(path: Path, published: date | None) -> tuple[list[Article], list[Rejected]]:
    text = _read(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if lists:
            data = lists[0]
        else:
            data = [data]
    if not isinstance(data, list):
        raise FormatError(f"{path}: expected a JSON array of records or an object holding one")
    arts, rej = [], []
    for i, rec in enumerate(data, start=1):
        origin = f"{path}:{i}"
        _take(rec, origin, f"{path.stem}-{i}", published, arts, rej)
    return arts, rej


Reader = Callable[[Path, "date | None"], "tuple[list[Article], list[Rejected]]"]

#: extension -> article reader.
ARTICLE_READERS: dict[str, Reader] = {
    ".txt": _read_txt, ".text": _read_txt, ".md": _read_txt,
    ".html": _read_html, ".htm": _read_html, ".xhtml": _read_html,
    ".jsonl": _read_jsonl, ".ndjson": _read_jsonl,
    ".json": _read_json,
}


def read_articles(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    published: date | None = None,
) -> tuple[list[Article], list[Rejected]]:
    """Read news reports from text, HTML and JSON files.

    Parameters
    ----------
    paths
        One path or several; the format comes from the extension (``.txt``, ``.html``/``.htm``,
        ``.jsonl``, ``.json``).
    published
        Fallback publication date for records that carry none.

    Returns
    -------
    tuple
        ``(articles, rejected)``: readable records in input order, and malformed ones with a reason.

    Raises
    ------
    InputNotFoundError
        A path does not exist.
    FormatError
        A file has an unknown extension or cannot be parsed as a whole.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "r.jsonl").write_text('{"id": "a", "text": "Clashes in Gao."}\\n{bad\\n')
    >>> arts, rej = read_articles([d / "r.jsonl"])
    >>> [a.id for a in arts], rej[0].reason.startswith("bad JSON")
    (['a'], True)
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    arts: list[Article] = []
    rej: list[Rejected] = []
    for raw in paths:
        path = Path(raw)
        name = path.name.lower()
        ext = next((e for e in sorted(ARTICLE_READERS, key=len, reverse=True) if name.endswith(e)), None)
        if not path.exists():
            raise InputNotFoundError(f"{path}: no such file")
        if ext is None:
            known = ", ".join(sorted(ARTICLE_READERS))
            raise FormatError(f"{path}: unknown article format (expected one of {known})")
        a, r = ARTICLE_READERS[ext](path, published)
        arts.extend(a)
        rej.extend(r)
    return _unique_ids(arts), rej


class DuplicateIdWarning(UserWarning):
    """Two input records with the same id and different texts: the later one was given a new id."""


def _unique_ids(arts: list[Article]) -> list[Article]:
    """The records with their texts in Unicode's composed form (NFC), and unique ids.

    A later record that reuses an earlier one's id for another text becomes ``id#2`` (``#3``...),
    with a :class:`DuplicateIdWarning`, so that its events are not mixed with the first one's. The
    same text twice keeps its id (one report fed twice)."""
    from dataclasses import replace

    first: dict[str, Article] = {}
    used = {a.id for a in arts}
    out = []
    for a in arts:
        if not unicodedata.is_normalized("NFC", a.text):
            a = replace(a, text=unicodedata.normalize("NFC", a.text))  # "Se\u0301gou" is "Ségou"
        seen = first.get(a.id)
        if seen is None:
            first[a.id] = a
        elif seen.text != a.text:
            k = 2
            while f"{a.id}#{k}" in used:
                k += 1
            new = f"{a.id}#{k}"
            used.add(new)
            warnings.warn(f"{a.origin or 'input'}: id {a.id!r} is already used by {seen.origin or 'an earlier record'} "
                          f"for another text; this record is read as {new!r}", DuplicateIdWarning, stacklevel=3)
            a = replace(a, id=new)
        out.append(a)
    return out
