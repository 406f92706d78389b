"""Event dates from English and French expressions, relative to a reference date (EVENTS.md).

The reference is the article's dateline date when it has one, else its publication date. Absolute
dates (``on 3 September``, ``le 3 septembre``, ``December 30``, ``30 December 2018``, ``mardi 1er
juillet``) and relative ones (``yesterday``, ``on Tuesday``, ``Tuesday night``, ``dans la nuit de
mardi à mercredi``, ``last week``, ``over the weekend``, ``last month``, ``early August``) are
resolved here with our own rules; ``since 1 August`` marks an ongoing situation, not a daily event.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .lexicon import SAID, StartFinder, lower_pattern

__all__ = ["DateMatch", "resolve_date", "find_dateline", "MONTHS", "WEEKDAYS"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # French abbreviations (AFP datelines: "12 fév 2026")
    "janv": 1, "fév": 2, "fev": 2, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}

_MON = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|" \
       r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|" \
       r"ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|janv|f[ée]vr?|avr|juil|d[ée]c)"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|" \
      r"samedi|dimanche)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e)?"
_DAYNUM2 = _DAYNUM.replace("?P<day>", "?P<day2>")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR2 = _YEAR.replace("?P<year>", "?P<year2>")

_RULES: list[tuple[str, str]] = [
    ("since", rf"\b(?:since|depuis)\s+(?:(?:the|le)\s+)?(?:{_DAYNUM}\s+(?:of\s+)?{_MON}|{_MON2}\.?\s+{_DAYNUM2})"),
    ("night_fr", rf"\bnuit\s+(?:du\s+|de\s+)?(?P<wd>{_WD})(?:\s+(?:{_DAYNUM}\s+{_MON}?)?)?\s+(?:au|à|a)\s+"),
    ("night_num", rf"\b(?:night\s+of\s+(?:the\s+)?|nuit\s+du\s+){_DAYNUM}\s+(?:to|au|-|and|à)\s+(?:the\s+)?{_DAYNUM2}\s+(?:of\s+)?{_MON}(?:\s+{_YEAR})?"),
    ("dmy", rf"\b(?:{_WD},?\s+)?(?:(?:the|le)\s+)?{_DAYNUM}\s+(?:of\s+)?{_MON}\.?,?(?:\s+{_YEAR})?\b"),
    ("mdy", rf"\b(?:{_WD},?\s+)?{_MON2}\.?\s+{_DAYNUM2}\b(?!\s*(?:km|kilo|miles|%))(?:,?\s+{_YEAR2})?"),
    ("early", rf"\b(?P<part>early|late|mid|end of|beginning of|d[ée]but|fin|mi)[\s\-]+(?:(?:of|d['e]|de)\s*)?{_MON}\b(?:\s+{_YEAR})?"),
    ("in_month", rf"\b(?:in|en|au mois d['e]|during|durant)\s*{_MON}\b(?:\s+{_YEAR})?"),
    ("daybefore", r"\b(?:the day before yesterday|avant-hier)\b"),
    ("yesterday", r"\b(?:yesterday|hier|last night|overnight|la nuit derni[èe]re|dans la nuit(?!\s+(?:du|de|d'))(?:\s+derni[èe]re)?)\b"),
    ("today", r"\b(?:today|aujourd'hui|this morning|this afternoon|this evening|tonight|ce matin|"
              r"cet apr[èe]s-midi|ce soir|earlier today)\b"),
    ("ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven|several|a few)\s+days?\s+ago\b|"
            r"\bil y a (?P<nfr>\d+|deux|trois|quatre|cinq|quelques)\s+jours\b"),
    ("weekday", rf"\b(?:on|(?P<last>last|this past)|le|ce|dans la nuit de|night of)?\s*(?P<wd>{_WD})\b"
                # ("mardi 12 mars" is a full date; "ont tué mardi 12 villageois" a weekday)
                rf"(?!,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+)?{_MON.replace('?P<mon>', '?:')})"
                # ("on Monday, June 30": the full date)
                rf"(?!,?\s+{_MON.replace('?P<mon>', '?:')}\s+\d{{1,2}}\b)"
                rf"(?P<dernier>\s+(?:dernier|pass[ée]))?"),
    ("lastweek", r"\b(?:last week|la semaine derni[èe]re|the previous week)\b"),
    ("weekend", r"\b(?:over the weekend|this weekend|last weekend|at the weekend|(?:ce|le) week-end(?: dernier)?)\b"),
    ("thisweek", r"\b(?:earlier this week|this week|cette semaine|en d[ée]but de semaine)\b"),
    ("lastmonth", r"\b(?:last month|le mois dernier|the previous month|in the past (?:two|three|few) (?:or (?:two|three) )?weeks|"
                  r"(?:au cours|durant|pendant|lors) des (?:deux|trois|quelques) derni[èe]res semaines)\b"),
    ("pastweek", r"\b(?:(?:over|in|during|within) the (?:past|last) (?:week|seven days|7 days)|"
                 r"(?:au cours de |durant |pendant )?la semaine [ée]coul[ée]e|(?:au cours |durant |pendant )?(?:de )?ces "
                 r"(?:sept|7) derniers jours)\b"),
    ("monthpart", r"\b(?:(?P<part>early|earlier|late|later|mid)[\s-]+(?P<which>this|last) month|"
                  r"(?:au\s+|[àa]\s+la\s+)?(?P<partfr>d[ée]but|fin|mi)[\s-]+(?:de\s+ce|du)\s+mois(?P<dernier>\s+dernier)?)\b"),
]
_PATTERN = re.compile(
    "|".join(f"(?P<r_{name}>{re.sub(r'[(][?]P<[a-z0-9]+>', '(?:', pat)})" for name, pat in _RULES),
    re.IGNORECASE,
)
# group names inside each rule repeat; compile them separately to read their groups
_SUB = {name: re.compile(pat, re.IGNORECASE) for name, pat in _RULES}
_PATTERN_L = re.compile(lower_pattern(_PATTERN.pattern))
_SUB_L = {name: re.compile(lower_pattern(p.pattern)) for name, p in _SUB.items()}
#: where _PATTERN_L matches (the same positions), found fast
_STARTS_L = StartFinder(lower_pattern("|".join(re.sub(r"[(][?]P<[a-z0-9]+>", "(?:", pat) for _, pat in _RULES)))
_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "several": 3,
            "a few": 3, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "quelques": 3}

_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-ZÀ-Ö][A-ZÀ-Ö'’\- ]{{2,40}}|[A-Z][a-zà-ÿ]+(?:[ \-][A-Z][a-zà-ÿ]+)?)\s*"
    # the country after the town: "GAO, Mali, Oct 8 (Sahel Wire) –", "MOPTI, Mali –"
    rf"(?:,\s*(?!{_MON.replace('?P<mon>', '?:')}\b)(?-i:[A-ZÀ-Ö][a-zà-ÿ]+(?:[ \-][A-ZÀ-Ö][a-zà-ÿ]+)?|[A-ZÀ-Ö]{{3,}}))?\s*"
    rf"(?:\([^)]{{1,30}}\)\s*)?(?:,\s*(?P<when>(?:{_MON2}\.?\s+{_DAYNUM2}|{_DAYNUM}\s+{_MON})(?:,?\s+(?:19|20)\d\d)?)?)?"
    rf"\s*(?:\([^)]{{1,30}}\)\s*)?[–—\-:]\s",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """A resolved date expression.

    ``since`` marks an ongoing situation from that day (no daily event); ``statement`` the day a
    statement was made ("authorities said on Thursday"), which dates the event only when nothing else
    does; ``precision`` is ACLED's ``time_precision`` (1 day, 2 week, 3 month).
    """

    date: date
    precision: int
    expression: str
    start: int
    since: bool = False
    statement: bool = False


def _month_day(ref: date, month: int, day: int, year: int | None) -> date | None:
    y = year if year is not None else ref.year
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    if year is None and d > ref:
        try:
            d = date(y - 1, month, day)
        except ValueError:
            return None
    return d


def _last_weekday(ref: date, wd: int) -> date:
    return ref - timedelta(days=(ref.weekday() - wd) % 7)


def _month_in_past(ref: date, month: int, year: int | None) -> int:
    if year is not None:
        return year
    return ref.year if month <= ref.month else ref.year - 1


def _resolve(name: str, m: re.Match[str], ref: date) -> tuple[date, int] | None:
    g = m.groupdict()
    if name == "night_num":
        d = _month_day(ref, MONTHS[g["mon"].lower()], int(g["day"]), int(g["year"]) if g.get("year") else None)
        return (d, 1) if d else None
    if name in ("dmy", "mdy", "since"):
        mon = g.get("mon") or g.get("mon2")
        day = g.get("day") or g.get("day2")
        year = g.get("year") or g.get("year2")
        if not mon or not day:
            return None
        month = MONTHS.get(mon.lower().rstrip("."))
        if month is None:
            return None
        d = _month_day(ref, month, int(day), int(year) if year else None)
        return (d, 1) if d else None
    if name == "night_fr" or name == "weekday":
        d = _last_weekday(ref, WEEKDAYS[g["wd"].lower()])
        if d == ref and (g.get("last") or g.get("dernier")):
            d -= timedelta(days=7)  # "last Thursday", "jeudi dernier" written on a Thursday: a week ago
        return d, 1
    if name == "early":
        month = MONTHS[g["mon"].lower()]
        y = _month_in_past(ref, month, int(g["year"]) if g.get("year") else None)
        part = g["part"].lower()
        if part in ("early", "beginning of", "début", "debut"):
            return date(y, month, 1), 3
        if part in ("mid", "mi"):
            return date(y, month, 15), 3
        return date(y, month, calendar.monthrange(y, month)[1]), 3
    if name == "in_month":
        month = MONTHS[g["mon"].lower()]
        y = _month_in_past(ref, month, int(g["year"]) if g.get("year") else None)
        return date(y, month, 15), 3
    if name == "daybefore":
        return ref - timedelta(days=2), 1
    if name == "yesterday":
        return ref - timedelta(days=1), 1
    if name == "today":
        return ref, 1
    if name == "ago":
        n = g.get("n") or g.get("nfr") or "3"
        k = int(n) if n.isdigit() else _WORDNUM.get(n.lower(), 3)
        return ref - timedelta(days=k), (1 if n.isdigit() or n.lower() in _WORDNUM and n.lower() not in
                                         ("several", "a few", "quelques") else 2)
    if name == "lastweek":
        monday = ref - timedelta(days=ref.weekday() + 7)
        return monday + timedelta(days=3), 2
    if name == "weekend":
        sat = _last_weekday(ref, 5)
        return sat, 2
    if name == "thisweek":
        monday = ref - timedelta(days=ref.weekday())
        return monday + (ref - monday) // 2, 2
    if name == "pastweek":
        return ref - timedelta(days=3), 2
    if name == "monthpart":
        part = (g.get("part") or g.get("partfr") or "").lower()
        first = ref.replace(day=1)
        if (g.get("which") or "").lower() == "last" or g.get("dernier"):
            first = (first - timedelta(days=1)).replace(day=1)
        if part in ("early", "earlier", "début", "debut"):
            return first, 3
        if part == "mi" or part == "mid":
            return min(first.replace(day=15), ref), 3
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return min(last, ref), 3
    if name == "lastmonth":
        if m.group().lower().startswith(("in the past", "au cours", "durant", "pendant", "lors")):
            t = ref - timedelta(days=14)
            return date(t.year, t.month, 15), 3
        t = ref.replace(day=1) - timedelta(days=1)
        return date(t.year, t.month, 15), 3
    return None


def resolve_date(text: str, reference: date) -> DateMatch | None:
    """The first date expression of ``text`` resolved against ``reference``.

    Returns ``None`` when the text has no usable date expression (only a year, "recently").

    Examples
    --------
    >>> ref = date(2025, 7, 1)  # a Tuesday
    >>> resolve_date("The attacks on Tuesday targeted Diboli.", ref).date
    datetime.date(2025, 7, 1)
    >>> m = resolve_date("dans la nuit de samedi à dimanche", ref); (m.date, m.precision)
    (datetime.date(2025, 6, 28), 1)
    >>> resolve_date("Le 3 septembre, des hommes armés ont attaqué Boni.", ref).date
    datetime.date(2024, 9, 3)
    >>> m = resolve_date("Mara has been in detention since 1 August", date(2025, 8, 11)); (m.date, m.since)
    (datetime.date(2025, 8, 1), True)
    >>> resolve_date("Late August saw clashes", date(2025, 9, 10)).date
    datetime.date(2025, 8, 31)
    >>> m = resolve_date("Boni a été attaqué mardi dernier", ref); (m.date, m.expression)
    (datetime.date(2025, 6, 24), 'mardi dernier')
    """
    low = text.lower()
    fast = len(low) == len(text)
    subs, scan = (_SUB_L, low) if fast else (_SUB, text)
    for m in (_STARTS_L.iter_matches(_PATTERN_L, low) if fast else _PATTERN.finditer(text)):
        name = m.lastgroup[2:] if m.lastgroup else ""
        sub = subs[name].match(scan, m.start())
        if sub is None:
            continue
        if name == "weekday" and not _weekday_ok(sub):
            continue
        if name == "in_month" and sub.group("mon").lower() in ("may", "mar") and not sub.group().lower().startswith(("in ", "en ")):
            continue
        got = _resolve(name, sub, reference)
        if got is None:
            continue
        d, prec = got
        found = DateMatch(d, prec, text[sub.start():sub.end()].strip(), sub.start(), since=(name == "since"))
        if _STATEMENT_BEFORE.search(scan, max(0, sub.start() - 30), sub.start()):
            # "the army said on Thursday that it had killed 30 ... over the past week": the day of the
            # statement; the event's own day, when the sentence gives one, comes after it
            later = resolve_date(text[sub.end():], reference) if sub.end() < len(text) else None
            if later is not None and not _RANGE_START.search(text, 0, sub.end() + later.start):
                # (an operation "from Sunday to Thursday" is dated by the statement that ends it)
                return DateMatch(later.date, later.precision, later.expression, later.start + sub.end(),
                                 since=later.since)
            return replace(found, statement=True)
        if _TOLL_REVISED.search(scan, sub.end(), min(len(scan), sub.end() + 80)):
            # "Lundi soir, une source a revu le bilan à la hausse": the day the toll was revised
            return replace(found, statement=True)
        return found
    return None


#: a toll revised or updated: its day is a statement's, not the event's
_TOLL_REVISED = re.compile(r"\b(?:(?:revu|r[ée]vis[ée]|relev[ée]|revised|raised|updated|increased)\s+"
                           r"(?:\w+\s+){0,3}?(?:le\s+|the\s+)?(?:bilan|toll|death toll|number of dead)|"
                           r"(?:bilan|toll)\s+(?:\w+\s+){0,3}?(?:rose|climbed|increased|s['’]est\s+alourdi|a\s+grimp[ée]|"
                           r"est\s+pass[ée]))\b", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:from|between|du|entre)(?:\s+(?:the|le))?\s*$", re.IGNORECASE)
#: a reporting verb right before a date: the date of a statement, not of the event it reports
_STATEMENT_BEFORE = re.compile(rf"\b(?:{SAID}|told(?:\s+\w+){{0,2}})\s*$", re.IGNORECASE)


def _weekday_ok(m: re.Match[str]) -> bool:
    # bare weekday names are dates; "Tuesday's attack" too. Nothing to reject yet, kept as a hook.
    return True


def find_dateline(text: str, published: date | None) -> tuple[date | None, int]:
    """A dateline at the start of an article (``BAMAKO, July 3 (Reuters) –``): its date and end offset.

    The date is resolved against ``published`` (its year, or the latest such day before it). Returns
    ``(None, 0)`` when the article has no dateline; ``(None, end)`` when it has one without a date.

    Examples
    --------
    >>> find_dateline("BAMAKO, July 3 (Reuters) – Gunmen attacked...", date(2025, 7, 4))
    (datetime.date(2025, 7, 3), 27)
    >>> find_dateline("BAMAKO (Reuters) - Gunmen attacked...", date(2025, 7, 4))
    (None, 19)
    """
    m = _DATELINE.match(text)
    if not m:
        return None, 0
    place = m.group("place")
    if not (place.isupper() or m.group("when")):
        return None, 0
    if not m.group("when"):
        return None, m.end()
    ref = published or date.today()
    sub = resolve_date(m.group("when"), ref)
    return (sub.date if sub else None), m.end()
