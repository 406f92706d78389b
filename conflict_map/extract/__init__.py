"""Event extraction: news articles -> ACLED-style events with provenance.

The stages, one module each: :mod:`.sentences` (splitting), :mod:`.lexicon` (EN/FR cues),
:mod:`.classify` (type and sub-type with ACLED's precedence), :mod:`.actors` (actors and inter codes),
:mod:`.dates` (dates and ``time_precision``), :mod:`.fatalities` (deaths, ranges, splits) and
:mod:`.places` (event places, filtered and resolved with the gazetteer).

Examples
--------
>>> from conflict_map.extract import extract_events
>>> from conflict_map.model import Article
>>> from datetime import date, timedelta
>>> art = Article(id="a1", text="Gunmen killed three Malian civilians on Monday.",
...               published=date(2025, 7, 2))
>>> ex = extract_events([art], gazetteer=None)
>>> e = ex.events[0]
>>> (e.event_type, e.sub_event_type, e.event_date, e.fatalities, e.actor2)
('Violence against civilians', 'Attack', '2025-06-30', 3, 'Civilians (Mali)')
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Iterable, Sequence

from gazetteer.countries import country_name, named_as_border

from ..io.articles import markup_text
from ..model import Article, Event

from .actors import _DEMONYM_RE, Actor, actor_name, allies_of, assign_actors, countries_named, find_actors
from .classify import _PLURAL_EVENTS, Cue, find_cues, is_denial, is_history, pick_type, refers_to_past
from .dates import _TOLL_REVISED, DateMatch, find_dateline, resolve_date
from .fatalities import count_deaths, split_total, victim_sides
from .lexicon import DENIAL, HAD_BEEN, NO_FIGHTING
from .places import (CountryFilter, PlaceMention, ResolvedPlace, candidate_places, check_situated,
                     SPEAKS_AFTER, only_situates, resolve_places, where_someone_speaks)
from .sentences import Sentence, split_sentences

__all__ = ["Extraction", "extract_events"]

_YEAR_IN = re.compile(r"(?:19|20)\d\d")
_AND = re.compile(r"\b(?:and|et)\b")
_BETWEEN = re.compile(r"\b(?:between|entre)\b")
#: a day counted from the event told before: "a day earlier", "two days later", "la veille", "le lendemain"
_RELATIVE_DAY = re.compile(
    r"\b(?:(?:(?P<n>a|one|two|three|un|deux|trois)\s+(?:days?|jours?)\s+(?P<dir>earlier|before|later|after|plus\s+t[ôo]t|"
    r"plus\s+tard|auparavant|avant|apr[èe]s))|(?:the\s+)?(?P<dir2>previous|next|following)\s+day|"
    r"(?:la\s+)?(?P<dir3>veille)|(?:le\s+)?(?P<dir4>lendemain)|(?:le\s+)?(?P<dir5>surlendemain)|"
    r"(?:l['’])?(?P<dir6>avant-veille))\b", re.IGNORECASE)
_REL_N = {"a": 1, "one": 1, "un": 1, "two": 2, "deux": 2, "three": 3, "trois": 3}
#: a sentence that says it tells another incident: "Separately, ...", "Dans un autre incident, ..." (not
#: "Elsewhere" or "Par ailleurs": as often another account of the same attacks, "Elsewhere, an official
#: wrote that the towns of Nioro and Gogui had been targeted")
_SEPARATE = re.compile(
    r"\b(?:separately|s[ée]par[ée]ment|unrelated|sans\s+(?:aucun\s+)?lien|the\s+same\s+day|le\s+m[êe]me\s+jour)\b|"
    r"^\W*(?:\d{1,2}[:h.]\d{2}\W*)?(?:separately|in\s+(?:a|another)\s+(?:separate\s+|different\s+)?(?:incident|attack|development)|"
    r"in\s+a\s+separate\s+\w+|s[ée]par[ée]ment|(?:on\s+)?(?:that|the)\s+same\s+day|(?:le|ce)\s+m[êe]me\s+jour|"
    r"(?:dans|lors\s+d['’])\s*(?:un|une)\s+autre\s+(?:incident|attaque|affaire))\b", re.IGNORECASE)
#: more of what the incident told before: "Les assaillants ont également emporté ... du bétail"
_DIGITS = re.compile(r"\d")
_ALSO = re.compile(r"\b(?:also|as\s+well|[ée]galement|aussi)\b", re.IGNORECASE)
#: a clause that looks back at an earlier incident: "Gunmen killed three civilians in Ménaka on Monday,
#: a day after an attack that left two soldiers dead in Ansongo" (the attack: Sunday)
_LOOKS_BACK = re.compile(
    r",\s+(?:(?P<n>a|one|two|three|un|deux|trois)\s+(?:days?|jours?)\s+(?:after|apr[èe]s)|(?P<next>au\s+lendemain)|"
    r"(?P<hours>(?:only\s+|just\s+|a\s+few\s+|quelques\s+)?hours?|heures?)\s+(?:after|apr[èe]s))\s+(?=[^\W\d])",
    re.IGNORECASE)
_BEFORE_WORDS = frozenset({"earlier", "before", "plus tôt", "plus tot", "auparavant", "avant", "previous", "veille",
                           "avant-veille"})
#: stands in for a missing publication date, only to tell apart differently dated incidents
_NO_REFERENCE = date(2000, 12, 31)


@dataclass
class Extraction:
    """What :func:`extract_events` found.

    ``events``; ``non_events``: one entry per article that gave no event, with why ("no event cue", or
    only background history, denials, ongoing situations — those sentences are listed); ``unresolved``:
    place names the gazetteer could not place (name, article id, sentence); ``stats``: articles,
    sentences, words, events, located, unlocated, skipped_sentences.
    """

    events: list[Event] = field(default_factory=list)
    non_events: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Spot:
    """A gazetteer mention moved to article offsets."""

    start: int
    end: int
    text: str


@dataclass
class _Incident:
    date: date | None
    precision: int | None
    expression: str
    explicit: bool
    sentences: list[Sentence] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    death_sents: list[Sentence] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    #: places named beside the event's own to situate it (used only when none of its own resolves)
    nearby: list[PlaceMention] = field(default_factory=list)


def _countries(country: Any) -> tuple[str, ...]:
    if country is None:
        return ()
    if isinstance(country, str):
        return tuple(c.strip().upper() for c in country.split(",") if c.strip())
    return tuple(str(c).upper() for c in country if c)


def _infer_country(gaz: Any, spotted: Sequence[Any], text: str = "") -> str:
    """The country a report is about, from the countries it names: by name (through the
    gazetteer), by demonym or national acronym ("Malian soldiers", "FAMa")."""
    counts = _named_countries(gaz, spotted, text)
    return counts.most_common(1)[0][0] if counts else ""




def _named_countries(gaz: Any, spotted: Sequence[Any], text: str) -> Counter[str]:
    """How often a report names each country: by name, demonym or national acronym."""
    counts: Counter[str] = Counter(countries_named(text))
    if gaz is None:
        return counts
    for m in spotted:
        if m.text[:1].isupper() and gaz.is_country(m.text):
            if named_as_border(text, m.start, m.end):
                continue  # "near the Niger border", "the border with Burkina Faso": orientation only
            try:
                counts[gaz.country_code(m.text)] += 1
            except Exception:  # noqa: BLE001 - an unknown country name is simply not counted
                continue
    return counts


def _resolution_context(text: str, incidents: Sequence[_Incident]) -> str:
    """The text place names are resolved with: the incidents' sentences, then the rest of the report (a
    background sentence may name the region: "Bosso, in the Diffa region, has been attacked since
    2015"), at most 3,000 characters."""
    told = " ".join(s.text for inc in incidents for s in inc.sentences)
    if len(told) >= 3000 or len(text) <= len(told) + 1:
        return told[:3000]
    return (told + " " + text)[:3000]


def _border_countries(gaz: Any, spotted: Sequence[Any], text: str) -> set[str]:
    """The countries a report names as the other side of a border ("the border with Burkina Faso")."""
    out: set[str] = set()
    for m in spotted:
        if m.text[:1].isupper() and gaz.is_country(m.text) and named_as_border(text, m.start, m.end):
            try:
                out.add(gaz.country_code(m.text))
            except Exception:  # noqa: BLE001 - an unknown country name is simply not counted
                continue
    return out


def _country_of_places(resolved: Iterable[Any]) -> str:
    """The country most of a report's resolved places lie in ("" when none resolved)."""
    counts: Counter[str] = Counter(rp.candidate.country for rp in resolved
                                   if rp.candidate is not None and rp.candidate.country)
    return counts.most_common(1)[0][0] if counts else ""


def extract_events(articles: Iterable[Article], gazetteer: Any, country: Any = None,
                   published: date | None = None) -> Extraction:
    """Extract ACLED-style events from articles.

    Parameters
    ----------
    articles : iterable of Article
        The reports (see :func:`conflict_map.io.articles.read_articles`).
    gazetteer : gazetteer.Gazetteer or None
        Resolves place names; ``None`` leaves every event unlocated.
    country : str or sequence of str, optional
        ISO2 code(s) of the countries the reports are about (a hint for places and actor names).
    published : date, optional
        Reference date for articles without a publication date.

    Returns
    -------
    Extraction
        ``events`` (ordered per source by where their evidence starts), ``non_events``,
        ``unresolved`` names and ``stats``.
    """
    hints = _countries(country)
    out = Extraction()
    n_art = n_sent = n_words = 0
    tied: list[tuple[int, list[Any]]] = []  # (index in out.events, same-named places it could be at)
    for art in articles:
        n_art += 1
        n_words += len(art.text.split())  # the same count as re.findall(r"\S+")
        evs, sents = _extract_one(art, gazetteer, hints, published, out)
        n_sent += sents
        for e, ties in evs:
            if ties:
                tied.append((len(out.events), ties))
            out.events.append(e)
    if tied:
        _break_ties(out.events, tied)
    located = sum(1 for e in out.events if e.located)
    out.stats = {"articles": n_art, "sentences": n_sent, "words": n_words, "events": len(out.events),
                 "located": located, "unlocated": len(out.events) - located,
                 "skipped_sentences": out.stats.get("skipped_sentences", 0)}
    return out


def _extract_one(art: Article, gaz: Any, hints: tuple[str, ...], published: date | None,
                 out: Extraction) -> tuple[list[tuple[Event, list[Any]]], int]:
    """The events of one article (each with the same-named places it could equally be at), and its
    number of sentences."""
    text = art.text
    readable = markup_text(text)
    if readable is not None:
        text = readable  # HTML handed in directly (the readers strip it already): its readable text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # "Se\u0301gou" is "Ségou" (read_articles does this too)
    ref = art.published or published
    dl_date, dl_end = find_dateline(text, ref)
    if dl_date is not None:
        ref = dl_date
    sents = split_sentences(text)
    n_sents = len(sents)
    sents, looks_back = _clauses_looking_back(sents)
    sents, recalled = _old_relative_clauses(sents, ref)
    # the whole text is spotted only to guess the country; event sentences are spotted one by one
    # no default country: an unnamed one is taken from the report's resolved places further down
    # the countries given are a hint, not a filter: a place elsewhere is taken when the report names
    # its country ("Dori, Burkina Faso" in a run about Mali), or when no country is given at all
    # the title names countries too ("Burkina : ..."), not places of events
    ctext = f"{art.title}\n{text}" if art.title else text
    keep_to = CountryFilter(hints, lambda: _named_countries(gaz, gaz.spot(ctext, capitalized=True), ctext))
    rank_to = hints  # the countries candidates are ranked for
    if len(hints) == 1:
        cc = hints[0]
    else:
        cc = _infer_country(gaz, gaz.spot(ctext, capitalized=True) if gaz is not None else [], ctext)
        if hints and cc in hints:
            rank_to = (cc,)  # several countries given, the report names one ("Malian army"): it first
        elif hints:
            cc = hints[0]  # (several countries given, none named: the first)
    actors = find_actors(text, cc)
    actor_spans = [(a.start, a.start + len(a.text)) for a in actors]
    is_country = gaz.is_country if gaz is not None else None
    incidents: list[_Incident] = []
    skipped: list[dict[str, Any]] = []  # sentences with a cue that tell no new event, and why
    cur: _Incident | None = None
    ref_year = ref.year if ref else None
    told: set[int] = set()  # sentences that tell no new event (history, denials, ongoing situations)
    history_before: Sentence | None = None  # the last event sentence, when it told background history
    for si, s in enumerate(sents):
        cues = find_cues(s.text)
        if not cues and cur is not None and pick_type(cur.cues)[0] == "Protests":
            cues = find_cues(s.text, protest_context=True)  # "Police fired tear gas to disperse them."
        if not cues:
            # (history is only asked when it matters: both checks are pure functions of the text)
            if cur is not None and not is_history(s.text, ref_year):
                cur.death_sents.append(s)
                if not cur.explicit and ref is not None and (
                        _LEADING_DATE.match(s.text) or pick_type(cur.cues) == ("Strategic developments", "Agreement")):
                    # "... confirm the death of two members of its team. On Monday 14 April, a vehicle was
                    # stopped by armed men": a sentence that opens with a day sets the undated incident's
                    # (or, after a release told with the day of its announcement, "The men were handed over
                    # to the authorities in Gao on Saturday": the day of the release)
                    lead = resolve_date(s.text, ref)
                    if lead is not None and (lead.start <= 3 or pick_type(cur.cues)[1] == "Agreement") \
                            and not lead.statement and not lead.since:
                        cur.date, cur.precision, cur.expression, cur.explicit = (lead.date, lead.precision,
                                                                                 lead.expression, True)
            elif cur is None and ref is not None and _YEAR_IN.search(s.text):
                # "Le procès des accusés de l'attaque de Chinégodar, en janvier 2020, s'est poursuivi mardi.
                # Cette attaque avait coûté la vie à 89 soldats.": what follows may go on with that old event
                d = resolve_date(s.text, ref)
                if d is not None and (ref - d.date).days > 365:
                    history_before = s
            continue
        if id(s) in recalled or is_history(s.text, ref_year):
            skipped.append({"reason": "background history",
                                   "sentence": s.text})
            told.add(si)
            history_before = s
            continue
        if all(c.text.lower() in _PLURAL_EVENTS and _quoted(s.text, c.start) for c in cues) and not _DIGITS.search(s.text):
            # "« Nous sommes venus pour tourner la page des massacres », a déclaré un notable": events in general
            skipped.append({"reason": "events talked of in a quotation", "sentence": s.text})
            told.add(si)
            continue
        if s.text.rstrip(" \"'»”’)").endswith("?"):
            # "Craignez-vous de nouvelles attaques ?": a question tells nothing that happened
            skipped.append({"reason": "question", "sentence": s.text})
            told.add(si)
            continue
        if _CORRECTION.match(s.text):
            skipped.append({"reason": "correction notice", "sentence": s.text})
            told.add(si)
            continue
        if cur is None and refers_to_past(s.text, cues):
            # "Survivors say nobody has been tried for the massacre": an earlier event, named, not told
            skipped.append({"reason": "reference to an earlier event", "sentence": s.text})
            told.add(si)
            history_before = s
            continue
        if is_denial(s.text):
            # a denial reaches what follows it: "released on Tuesday ... and denied that any ransom had been
            # paid" still tells the release
            at = DENIAL.search(s.text)
            cues = [c for c in cues if at is not None and c.end <= at.start()]
            if not cues:
                skipped.append({"reason": "denial", "sentence": s.text})
                told.add(si)
                continue
        # without a reference date, expressions still tell incidents apart (their dates are dropped below);
        # a dateline's date is the reference, not the event's ("BAMAKO, July 2 - ... on Tuesday")
        released = next((c for c in cues if c.kind == "release"), None)
        if released is not None and pick_type(cues) == ("Strategic developments", "Agreement"):
            # "nationals kidnapped in May were released on Tuesday": the day of the release
            after = resolve_date(s.text[released.start:], ref or _NO_REFERENCE)
            dm = (replace(after, start=after.start + released.start) if after is not None
                  else _date_of(_without_dateline(s, dl_end), ref or _NO_REFERENCE, released.start))
        else:
            dm = _date_of(_without_dateline(s, dl_end), ref or _NO_REFERENCE, cues[0].start)
        if dm is not None and dm.since:
            skipped.append({"reason": f"ongoing situation ({dm.expression})",
                                   "sentence": s.text})
            told.add(si)
            continue
        if dm is not None and ref is not None and (ref - dm.date).days > 60 and (
                _HAD_DONE.search(s.text) or (ref - dm.date).days > 365):
            # "En août 2024, l'attaque de Barsalogho avait fait des centaines de morts" in a 2025 analysis:
            # what had happened months before, background; so is what a report dates over a year back
            skipped.append({"reason": f"background history ({dm.expression})", "sentence": s.text})
            told.add(si)
            history_before = s
            continue
        if dm is not None and cur is not None and all(c.tier == 7 for c in cues):
            dm = None  # "L'attaque n'avait pas été revendiquée jeudi": the day of what is said of the attack
        if dm is not None and dm.statement and cur is not None:
            # "..., authorities said on Thursday", "Lundi soir, une source a revu le bilan": the day of a
            # statement about the event told before, not a new event's day
            dm = None
        spotted = ([_Spot(m.start + s.start, m.end + s.start, m.text) for m in gaz.spot(s.text, capitalized=True)]
                   if gaz else [])
        own_nearby: list[PlaceMention] = []
        own = candidate_places(text, s.start, s.end, spotted, actor_spans, dl_end, is_country, own_nearby)
        if history_before is not None and dm is None and all(p.text in history_before.text for p in own) \
                and not _dated_recently(sents, history_before, ref):
            # "The December 2019 attack on the Inates camp killed 71 soldiers. Militants overran the camp after
            # hours of fighting.": no day and no place of its own, it goes on with the history told before
            skipped.append({"reason": "background history (goes on with the sentence before)", "sentence": s.text})
            told.add(si)
            continue
        rel = (_RELATIVE_DAY.search(s.text) if own and dm is None and cur is not None and cur.date is not None
               and id(s) not in looks_back else None)
        looked_back = own and dm is None and id(s) in looks_back and cur is not None and cur.date is not None
        if looked_back:
            # "..., a day after an attack in Ansongo": the incident looked back at, counted back from the
            # one the sentence told first
            back = looks_back[id(s)]
            dm = DateMatch(cur.date - timedelta(days=back[0]), cur.precision or 1, back[1], 0)
        elif rel is not None:
            # "A day earlier, a vehicle struck a mine near Gotheye": another event, a day counted from the
            # one told before. (Without a place of its own, "the two were killed the following day" ends
            # the event told before, which ACLED codes on its first day.)
            n = 2 if rel.group("dir5") or rel.group("dir6") else _REL_N.get((rel.group("n") or "one").lower(), 1)
            way = " ".join(next(g for g in rel.group("dir", "dir2", "dir3", "dir4", "dir5", "dir6") if g).lower().split())
            sign = -1 if way in _BEFORE_WORDS else 1
            dm = DateMatch(cur.date + timedelta(days=sign * n), cur.precision or 1, rel.group(), rel.start())
        # (places the incident told before already has are not new: "The attackers also looted shops in
        # Douentza" after a killing there is the same event, one event per actors, place and day)
        new_places = cur is not None and bool({p.text for p in own} - {p.text for p in cur.places})
        if new_places and dm is None and all(_quoted(s.text, c.start) for c in cues):
            # "« Ils ont brûlé nos greniers », témoigne une mère arrivée à Ouahigouya": a witness's words on
            # the incident told before, not another one where the witness is
            new_places = False
        # ("On the same day, JNIM militants shot dead two herders in Tillabéri" after IS Sahel's attack on its
        # checkpoint: other actors at the same place and day are another event)
        separate = (cur is not None and dm is None and _SEPARATE.search(s.text) is not None
                    and (new_places or _new_actors(actors, s, cur, armed=True)))
        # (a violent event of another kind by new actors at a new place is another incident too: "L'armée affirme
        # par ailleurs avoir détruit des bases terroristes dans la forêt de Kompienga au cours de frappes
        # aériennes" after gunmen shot traders in Diapaga)
        also = cur is not None and not new_places and _ALSO.search(s.text) is not None
        other = cur is not None and dm is None and not also and (
            separate or not _one_context(pick_type(cues), pick_type(cur.cues))
            or (new_places and pick_type(cues)[0] != pick_type(cur.cues)[0] and _new_actors(actors, s, cur)))
        if other and (new_places or _new_actors(actors, s, cur)):
            # "... In Mopti, police arrested four suspects": another kind of event, same day; without a
            # place of its own it happened where the one before did ("Police later arrested three men").
            # (Neither a place nor an actor of its own: more of the same event, "Several houses were
            # burned", one event per actors, place and day.)
            prev = cur
            cur = _Incident(cur.date, cur.precision, cur.expression, cur.explicit)
            if not own:
                cur.places, cur.nearby = list(prev.places), list(prev.nearby)
            incidents.append(cur)
        elif cur is None or looked_back or (dm is not None and cur.explicit and dm.date != cur.date) or (
                # "On Saturday, in Kaya, around 300 women marched" after Saturday's attack in Djibo: a sentence
                # dated on its own and set at a new place tells another incident, even on the same day
                dm is not None and not dm.statement and new_places and cur.explicit and dm.date == cur.date) or (
                # "À Ayorou, des hommes armés ont incendié des greniers la nuit dernière" after an undated
                # battle at Ouallam: another kind of event at a new place dates itself, not the battle
                dm is not None and not cur.explicit and new_places
                and not _one_context(pick_type(cues), pick_type(cur.cues))
                and any(not only_situates(text, p) for p in cur.places)) or (
                # "The army camp was attacked.\n\nA bus struck a mine yesterday near Namssiguia": a new
                # paragraph dated and placed on its own does not date the undated incident before it
                dm is not None and not cur.explicit and new_places and cur.sentences
                and pick_type(cues) != pick_type(cur.cues)
                and "\n\n" in text[cur.sentences[-1].end:s.start].replace("\r", "")) or (
                dm is not None and released is not None and pick_type(cues) == ("Strategic developments", "Agreement")
                and _family(pick_type(cur.cues)) != "Strategic developments"):
            # (a release on a day of its own is its own event: "He was released on May 21" after an abduction)
            if dm is None and cur is None and si > 0 and (si - 1) not in told and _LEADING_DATE.match(sents[si - 1].text) \
                    and not find_cues(sents[si - 1].text):
                # "On Monday 14 April, a vehicle was stopped by armed men near Gayéri. The nurse and the driver were
                # shot dead.": the sentence that sets the scene dates the incident
                scene = resolve_date(_without_dateline(sents[si - 1], dl_end), ref or _NO_REFERENCE)
                if scene is not None and not scene.statement and not scene.since:
                    dm = scene
            cur = _Incident(dm.date if dm else ref, dm.precision if dm else (1 if ref else None),
                            dm.expression if dm else "", dm is not None and not dm.statement)
            if dm is None and ref is not None:
                recent = _RECENTLY.search(s.text)
                if recent:
                    # "recently" gives no day (EVENTS.md): the report's date, at week precision
                    cur.precision, cur.expression = 2, recent.group()
            incidents.append(cur)
        elif dm is not None and not cur.explicit:
            cur.date, cur.precision, cur.expression, cur.explicit = dm.date, dm.precision, dm.expression, True
        cur.sentences.append(s)
        cur.cues.extend(cues)
        cur.death_sents.append(s)
        cur.places.extend(own)
        cur.nearby.extend(own_nearby)
        history_before = None
    if len(incidents) > 1 and any(c.kind == "release" for inc in incidents for c in inc.cues):
        # "... have been freed. The hostages had been seized in November": the abduction a release
        # report recalls is background, not a new event
        for inc in [i for i in incidents if i.cues and all(c.kind == "abd_told" for c in i.cues)
                    and _PLUPERFECT.search(" ".join(x.text for x in i.sentences))]:
            incidents.remove(inc)
            skipped.extend({"reason": "background history (the abduction of hostages since released)",
                            "sentence": x.text} for x in inc.sentences)
    if ref is None:
        for inc in incidents:
            if not _YEAR_IN.search(inc.expression):
                inc.date, inc.precision = None, None
    out.stats["skipped_sentences"] = out.stats.get("skipped_sentences", 0) + len(skipped)
    if not incidents:
        entry: dict[str, Any] = {"article_id": art.id, "reason": (
            "no new event (only background history, denials or ongoing situations)" if skipped else "no event cue")}
        if skipped:
            entry["sentences"] = skipped
        out.non_events.append(entry)
        return [], n_sents
    # resolve all places of the report together (co-mentioned places pull each other)
    all_mentions = [p for inc in incidents for p in inc.places]
    context = _resolution_context(text, incidents)
    resolved: dict[tuple[int, int], ResolvedPlace] = {}
    if gaz is not None and all_mentions:
        # "BURKINA FASO. In Kaya, ...", "In Mali, ... Niono and Léré. In Burkina Faso, ...": a place in a part
        # of the report that names its country first is looked for there, with that part as context
        segments = _country_segments(gaz, text, sents, hints)
        groups: dict[tuple[str, int], list[PlaceMention]] = {}
        rest = []
        for p in all_mentions:
            seg = next((g for g in segments if g[0] <= p.start < g[1]), None)
            if seg is None:
                rest.append(p)
            else:
                groups.setdefault((seg[2], seg[0]), []).append(p)
        batches = [(rest, rank_to or ((cc,) if cc else ()), context)] if rest else []
        for (seg_cc, seg_start), ms in groups.items():
            seg_end = next(g[1] for g in segments if g[0] == seg_start)
            batches.append((ms, (seg_cc,), text[seg_start:seg_end]))
        for ms, countries, ctx_text in batches:
            for rp in resolve_places(gaz, ms, countries, ctx_text, keep_to=keep_to):
                resolved[(rp.mention.start, rp.mention.end)] = rp
        for rp in (resolved[(p.start, p.end)] for p in all_mentions):
            if rp.candidate is None:
                out.unresolved.append({"name": rp.mention.text, "article_id": art.id,
                                       "sentence": _sentence_of(sents, rp.mention.start)})
        # a name the gazetteer lacks is placed by a shorter name inside it ("Gouma-Coura", "Sevare Airport")
        parts = [q for p in all_mentions if resolved[(p.start, p.end)].candidate is None for q in p.parts]
        if parts:
            got = {(rp.mention.start, rp.mention.end): rp for rp in resolve_places(
                gaz, parts, rank_to or ((cc,) if cc else ()), context, keep_to=keep_to)}
            for p in all_mentions:
                rp = next((got[(q.start, q.end)] for q in p.parts
                           if got.get((q.start, q.end)) and got[(q.start, q.end)].candidate is not None), None)
                if rp is not None and resolved[(p.start, p.end)].candidate is None:
                    resolved[(p.start, p.end)] = replace(rp, mention=p, precision=max(2, rp.precision))
        # "Inwelane, 18 km from Talataye": a place far from where the text puts it is another of that name
        for inc in incidents:
            for rp in check_situated(text, inc.places, inc.nearby, resolved, gaz, rank_to or ((cc,) if cc else ()), context,
                                     keep_to=keep_to):
                out.unresolved.append({"name": rp.mention.text, "article_id": art.id, "reason": rp.refused,
                                       "sentence": _sentence_of(sents, rp.mention.start)})
    if gaz is not None:
        # an incident none of whose own places resolves is coded to a place named beside it, else to where
        # an adjacent sentence says something happened (precision 2, flagged)
        lost_incs = [inc for inc in incidents if not any(
            (q.start, q.end) in resolved and resolved[(q.start, q.end)].candidate is not None for q in inc.places)]
        if lost_incs:
            around = _Around(text, sents, incidents, told, gaz, actor_spans, dl_end, is_country)
            for inc in lost_incs:
                inc.nearby.extend(around.places(inc))
        lost = [p for inc in lost_incs for p in inc.nearby if (p.start, p.end) not in resolved]
        if lost:
            for rp in resolve_places(gaz, lost, rank_to or ((cc,) if cc else ()), context, keep_to=keep_to):
                resolved[(rp.mention.start, rp.mention.end)] = rp
    if not hints and gaz is not None and any(rp.ties for rp in resolved.values()):
        # "à Koury, près de la frontière avec le Burkina Faso": of same-named places the text cannot
        # tell apart, not the one across the border it names
        across = _border_countries(gaz, gaz.spot(text, capitalized=True), text)
        for key, rp in list(resolved.items()):
            if rp.candidate is not None and rp.candidate.country in across:
                other = next((t for t in rp.ties if t.country not in across), None)
                if other is not None:
                    resolved[key] = replace(rp, candidate=other, lat=other.lat, lon=other.lon,
                                            ties=[t for t in rp.ties if t is not other])
    if len(hints) != 1:
        # the country the report's places lie in, over a country it merely names ("near the border with
        # Niger"): unnamed forces and civilians are of the country where the events happen, unless
        # the report says whose they are ("Malian soldiers", "the FAMa")
        place_cc = _country_of_places(resolved.values())
        if place_cc and place_cc != cc and cc not in countries_named(ctext):
            cc = place_cc
            actors = find_actors(text, cc)
    events: list[tuple[int, Event, list[Any]]] = []
    # actors of sentences that tell no event (background, denials) are no incident's actors: "the town has
    # been under a JNIM blockade since 2023" does not name the perpetrator of today's shelling
    told_spans = [(sents[i].start, sents[i].end) for i in told]
    live_actors = [a for a in actors if not any(b <= a.start < e for b, e in told_spans)] if told_spans else actors
    for inc in incidents:
        events.extend(_incident_events(art, inc, resolved, live_actors, cc, ref, text))
    events.sort(key=lambda t: t[0])
    return [(e, ties) for _, e, ties in events], n_sents


def _date_of(text: str, ref: date, cue: int) -> Any:
    """The date expression of a sentence that dates its event: the first one, unless it belongs to
    another clause than the event's word and that clause has a date of its own ("Goïta s'est rendu mardi
    à Ségou, où des affrontements ont fait 6 morts lundi": Monday)."""
    first = resolve_date(text, ref)
    while first is not None:
        end = first.start + len(first.expression)
        g = (_GENITIVE_BEFORE.search(text, max(0, first.start - 30), first.start)
             or _GENITIVE_AFTER.match(text, end))
        if g is None or min(g.start(), first.start) <= cue < max(g.end(), end):
            break  # ("The attack of 21 June on a mosque killed 34": the event's own word, dated)
        # "arrested suspects of last week's attack", "l'attaque de la semaine dernière": an earlier event
        nxt = resolve_date(text[end:], ref)
        first = replace(nxt, start=nxt.start + end) if nxt is not None else None
    if first is None:
        return None
    first_end = first.start + len(first.expression)
    if not (cue > first_end and _CLAUSE_BREAK.search(text, first_end, cue)):
        return first
    brk = _CLAUSE_BREAK.search(text, cue)
    own = resolve_date(text[cue:brk.start() if brk else len(text)], ref)
    return replace(own, start=cue + own.start) if own is not None else first


_EVENT_NOUN = (r"(?:[\w-]+\s+)?(?:attaque|attack|attentat|massacre|embuscade|ambush|raid|incident|assaut|assault|"
               r"killing|tuerie|enl[èe]vement|kidnapping|abduction|blast|explosion|bombing|strike|shelling|clash|"
               r"fighting)s?")
_GENITIVE_BEFORE = re.compile(r"\b" + _EVENT_NOUN + r"\s+(?:de|du|d['’]|of)\s+$", re.IGNORECASE)
_GENITIVE_AFTER = re.compile(r"['’]s?\s+" + _EVENT_NOUN + r"\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:which|that|who|whose|qui|dont|lequel|laquelle)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:où|where|when|which|while|whereas|tandis|alors que|lorsque)\b", re.IGNORECASE)


#: a sentence that opens with a date: "On Monday 14 April, ...", "Le 9 février, ...", "Dimanche, ..."
_LEADING_DATE = re.compile(r"\W*(?:on\s+|le\s+|the\s+)?(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                           r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|yesterday|hier)", re.IGNORECASE)
_RECENTLY = re.compile(r"\b(?:recently|in recent days|r[ée]cemment|ces derniers jours)\b", re.IGNORECASE)


def _without_dateline(s: Sentence, dateline_end: int) -> str:
    """The sentence's text with the part inside the article's dateline blanked (offsets kept)."""
    if s.start >= dateline_end:
        return s.text
    cut = min(len(s.text), dateline_end - s.start)
    return " " * cut + s.text[cut:]


class _Around:
    """The places of the sentences around an incident that tell no other incident: where an incident
    whose own sentences name no place (or none the gazetteer has) happened ("Renewed violence in Koro,
    Mopti Region. One Dogon killed...")."""

    def __init__(self, text: str, sents: Sequence[Sentence], incidents: Sequence[_Incident], told: set[int],
                 gaz: Any, actor_spans: Sequence[tuple[int, int]], dl_end: int, is_country: Any) -> None:
        self.text, self.sents, self.told, self.gaz = text, sents, told, gaz
        self.actor_spans, self.dl_end, self.is_country = actor_spans, dl_end, is_country
        self.index = {id(s): i for i, s in enumerate(sents)}
        self.taken = {self.index[id(s)] for inc in incidents for s in inc.sentences}
        self.incident_of = {self.index[id(s)]: inc for inc in incidents for s in inc.sentences}

    def places(self, inc: _Incident) -> list[PlaceMention]:
        """The places where the nearest such sentence (before the incident first) says something is or
        happened ("in X", "near X", not "fled to X" or "visited X"), ``[]`` if none."""
        first, last = self.index[id(inc.sentences[0])], self.index[id(inc.sentences[-1])]
        # the sentences inside the incident that tell no event first ("... confirm the death of two members of its
        # team. On 14 April, a vehicle was stopped by armed men 15 km from Gayéri. The nurse and the driver were
        # shot dead.")
        order = [i for i in range(first + 1, last) if i not in self.taken]
        for i in range(first - 1, max(-1, first - 1 - _NEARBY), -1):
            if i in self.taken:
                break
            order.append(i)
        for i in range(last + 1, min(len(self.sents), last + 1 + _NEARBY)):
            if i in self.taken:
                break
            order.append(i)
        told_before = next((i for i in range(first - 1, max(-1, first - 4), -1) if i in self.taken), None)
        if told_before is not None and _refers_to(inc, self.incident_of[told_before]):
            # "... battu à mort par une foule à Sikasso. La police a interpellé mardi trois personnes
            # soupçonnées d'avoir participé au lynchage": what refers to the incident told just before
            # happened where it did, when it names no place of its own (last resort, precision 2)
            order.append(told_before)
        for i in order:
            if i in self.told:
                continue
            s = self.sents[i]
            spotted = [_Spot(m.start + s.start, m.end + s.start, m.text)
                       for m in self.gaz.spot(s.text, capitalized=True)]
            found = [p for p in candidate_places(self.text, s.start, s.end, spotted, self.actor_spans, self.dl_end,
                                                 self.is_country)
                     if _LOCATIVE_BEFORE.search(self.text, max(0, p.start - 40),
                                                p.start - (self.text[p.start - 1:p.start] == "#"))  # ("in #Djibo")
                     and not where_someone_speaks(self.text, p.start, p.end)]
            if found:
                return found
        return []


#: an account that disputes another: "rejected the army's account", "conteste la version officielle"
_CONTESTED = re.compile(r"\b(?:reject\w*|disput\w*|contest\w*|deni\w*|deny|refut\w*|rejet\w*|d[ée]ment\w*|r[ée]fut\w*)\s+"
                        r"(?:[\w'’-]+\s+){0,3}?(?:account|version|claims?|toll|figures?|bilan|affirmations?|communiqu[ée])s?\b|"
                        r"\b(?:au\s+contraire|on\s+the\s+contrary|contrairement\s+(?:à|aux?)|contrary\s+to)\b",
                        re.IGNORECASE)
#: an incident told before, referred to by a definite event noun: "participé au lynchage", "the suspects in
#: the attack", "sa libération"
_BACK_REFERENCE = re.compile(r"\b(?:the|this|that|l['’]|le|la|cette|ce|au|du|sa|son|leur)\s*(?:(?P<violent>attack|attaque|"
                             r"lynchage|lynching|killing|massacre|abduction|enl[èe]vement|kidnapping|assassinat|"
                             r"assassination|meurtre|murder)|(?P<detention>arrest|arrestation|interpellation|lib[ée]ration|"
                             r"release|d[ée]tention|detention))s?\b", re.IGNORECASE)


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation (« », “ ”, or straight double quotes) of ``text``."""
    before = text[:pos]
    if before.count("«") > before.count("»") or before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _refers_to(inc: _Incident, before: _Incident) -> bool:
    """Whether an incident's sentences refer to the incident told before by its kind: "soupçonnées d'avoir
    participé au lynchage" after a lynching, "exiger sa libération" after an arrest (not "l'attaque du poste"
    after the arrest of its suspects)."""
    family = _family(pick_type(before.cues))
    for x in inc.sentences:
        for m in _BACK_REFERENCE.finditer(x.text):
            if (m.group("violent") and family in ("violent", "Riots")) or (
                    m.group("detention") and pick_type(before.cues)[1] == "Arrests"):
                return True
    return False
#: how many sentences before and after an incident are searched for its place when it names none
_NEARBY = 1
#: a place an adjacent sentence locates something at ("in X", "near X", "à X")
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|inside|within|across|throughout|dans|près\s+de|aux\s+environs\s+de|"
    r"non\s+loin\s+de|area\s+of|vicinity\s+of|outskirts\s+of|village\s+of|town\s+of|locality\s+of|"
    r"village\s+de|localit[ée]\s+de|km\s+(?:\w+\s+)?(?:from|of)|km\s+(?:\w+\s+)?d[eu])|(?<!\w)à)\s+(?:the\s+|la\s+|le\s+)?(?:(?:town|village|city|locality|hamlet|"
    r"ville|localit[ée])\s+(?:of\s+|de\s+)?)?$", re.IGNORECASE)

_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def _family(typed: tuple[str, str]) -> str:
    """Violent event types mix inside one event context; protests and strategic developments do not."""
    return "violent" if typed[0] in _VIOLENT else typed[0]


def _new_actors(actors: Sequence[Any], s: Sentence, cur: _Incident, armed: bool = False) -> bool:
    """Whether a sentence names actors the incident told before does not ("Police later arrested three
    suspects" after gunmen attacked; not "the assailants took 100 head of cattle"); with ``armed``, only
    forces and armed groups count (not the civilians they killed)."""
    mine = {a.name for a in actors if s.start <= a.start < s.end and (not armed or a.inter in (1, 2, 3, 4, 8))}
    if not mine:
        return False
    before = {a.name for a in actors for x in cur.sentences if x.start <= a.start < x.end}
    return bool(mine - before)


def _one_context(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether sentences so typed can tell one event: the same family, or a protest and a riot (a
    protest dispersed, then a youth killed, is one demonstration)."""
    return _family(a) == _family(b) or {a[0], b[0]} == {"Protests", "Riots"}


def _clauses_looking_back(sents: list[Sentence]) -> tuple[list[Sentence], dict[int, tuple[int, str]]]:
    """The sentences, with a clause that looks back at another incident ("..., a day after an attack that
    left two soldiers dead in Ansongo") cut off as a sentence of its own when both parts tell an event;
    and, by the ``id`` of each such clause, how many days before the first part it happened and the
    words that say so."""
    out: list[Sentence] = []
    back: dict[int, tuple[int, str]] = {}
    for s in sents:
        m = _LOOKS_BACK.search(s.text) if ("after" in s.text or "apr" in s.text or "lendemain" in s.text) else None
        if m is None or not find_cues(s.text[m.end():]) or not find_cues(s.text[:m.start()]):
            out.append(s)
            continue
        cut = s.start + m.start() + 1  # (the comma stays with the first part)
        out.append(Sentence(s.start, cut, s.text[:m.start() + 1]))
        k = len(s.text[m.start() + 1:]) - len(s.text[m.start() + 1:].lstrip())
        tail = Sentence(cut + k, s.end, s.text[m.start() + 1 + k:])
        days = 0 if m.group("hours") else _REL_N.get((m.group("n") or "one").lower(), 1)
        back[id(tail)] = (days, " ".join(m.group().strip(", ").split()))
        out.append(tail)
    return out, back


#: a part of a report that names its country first: "BURKINA FASO. ...", "NIGER : ...", "In Mali, ...", "Au Niger, ..."
_COUNTRY_LEAD = re.compile(r"^\W*(?:(?:in|au|aux|en|dans\s+le)\s+)?(?P<name>[A-ZÀ-Ö][\w'’-]+(?:\s+[A-ZÀ-Ö][\w'’-]+){0,2})"
                           r"\s*[,.:—–]", re.IGNORECASE)


def _country_segments(gaz: Any, text: str, sents: Sequence[Sentence],
                      hints: Sequence[str] = ()) -> list[tuple[int, int, str]]:
    """The parts of a report that start by naming their country ("BURKINA FASO. In Kaya, ...", "In Mali,
    armed groups attacked Niono and Léré. In Burkina Faso, ..."), as (start, end, ISO code); a part ends
    where the paragraph or the next such part starts. Only for reports with two such parts or more, or
    one about another country than the ones given ("In Mali, the army said separately ..." in a report on
    Niger)."""
    out: list[tuple[int, int, str]] = []
    open_: tuple[int, str] | None = None
    for s in sents:
        m = _COUNTRY_LEAD.match(s.text)
        cc = None
        if m is not None and gaz.is_country(m.group("name")):
            try:
                cc = gaz.country_code(m.group("name"))
            except Exception:  # noqa: BLE001 - a name the gazetteer holds as a country but cannot code
                cc = None
        para_break = open_ is not None and "\n\n" in text[open_[0]:s.start].replace("\r", "")
        if open_ is not None and (cc is not None or para_break):
            out.append((open_[0], s.start, open_[1]))
            open_ = None
        if cc is not None:
            open_ = (s.start, cc)
    if open_ is not None:
        out.append((open_[0], len(text), open_[1]))
    named = {c for _, _, c in out}
    return out if len(named) >= 2 or named - set(hints) else []


def _dated_recently(sents: Sequence[Sentence], upto: Sentence, ref: date | None) -> bool:
    """Whether a sentence before ``upto`` dates something of the report's own days (then a sentence after
    a background one may go on with those days: "On 11-12 March, joint forces carried out operations ...
    In the wake of the operation MSA said it had recovered weapons seized back in October. Seven militants
    were killed in the operation")."""
    if ref is None:
        return True
    for x in sents:
        if x.start >= upto.start:
            return False
        d = resolve_date(x.text, ref)
        if d is not None and abs((ref - d.date).days) <= 60:
            return True
    return False


def _old_relative_clauses(sents: list[Sentence], ref: date | None) -> tuple[list[Sentence], set[int]]:
    """The sentences, with a relative clause that recalls something dated long before the report cut off
    ("French forces arrested the mastermind of the attack which left 19 people dead in March 2016"), and
    the ``id`` of each such clause (background history)."""
    if ref is None:
        return sents, set()
    out: list[Sentence] = []
    old: set[int] = set()
    for s in sents:
        cut = None
        for m in _RELATIVE.finditer(s.text) if ("19" in s.text or "20" in s.text) else ():
            d = resolve_date(s.text[m.end():], ref)
            if d is not None and (ref - d.date).days > 60 and d.start < 120 and find_cues(s.text[:m.start()]):
                cut = m.start()
                break
        if cut is None:
            out.append(s)
            continue
        head = s.text[:cut].rstrip(" ,")
        out.append(Sentence(s.start, s.start + len(head), head))
        tail = Sentence(s.start + cut, s.end, s.text[cut:])
        old.add(id(tail))
        out.append(tail)
    return out, old


def _sentence_of(sents: Sequence[Sentence], pos: int) -> str:
    for s in sents:
        if s.start <= pos < s.end:
            return s.text
    return ""


#: an actor named as a source: "selon la gendarmerie", "according to the army"
_SOURCE_BEFORE = re.compile(r"\b(?:selon|d['’]apr[èe]s|according\s+to|cited\s+by|quoted\s+by)\s+(?:la\s+|le\s+|les\s+|l['’]|the\s+|des\s+)?"
                            r"(?:\w+\s+)?$", re.IGNORECASE)
_DATELINE_AGENCY = re.compile(r"^[^\n]{0,60}?\((?P<who>[A-Z][\w .&'’-]{1,30})\)\s*[–—:-]")


def _dateline_source(text: str) -> str:
    """The outlet a dateline names: "GAO, Mali, Oct 8 (Sahel Wire) –" gives "Sahel Wire"."""
    m = _DATELINE_AGENCY.match(text)
    return m.group("who").strip() if m else ""


#: a sentence that gives someone's account ("selon un communiqué", "a resident put the toll at", "évoque")
_ATTRIBUTED = re.compile(r"\b(?:selon|d['’]apr[èe]s|according\s+to|said|says|told|reported|claimed|[ée]voqu\w*|"
                         r"font\s+[ée]tat|fait\s+[ée]tat|parl\w*\s+de|affirm\w*|a\s+indiqu[ée]|ont\s+indiqu[ée]|"
                         r"put\s+the\s+(?:toll|number)|estimat\w*|sp(?:oke|eaks?|eaking)\s+of|talk\w*\s+of|"
                         r"mention\w*|cit(?:ed|es|ing))\b", re.IGNORECASE)
#: a sentence that adds victims ("three civilians were also killed")
_ADDITIVE = re.compile(r"\b(?:also|aussi|[ée]galement|another(?!\s+(?:source|account|report|estimate|toll|witness|resident|"
                       r"official|version))|other(?!\s+sources?)|others|autres?(?!\s+sources?)|"
                       r"in\s+addition|further|de\s+plus|as\s+well|en\s+outre|par\s+ailleurs|"
                       # the other side's dead: "acknowledged two dead in its own ranks"
                       r"(?:own|its|their)\s+ranks|(?:ses|leurs)\s+rangs|among\s+(?:the\s+)?(?:attackers|assailants|militants)|"
                       r"(?:c[ôo]t[ée]|parmi)\s+(?:des\s+)?(?:assaillants|terroristes))\b", re.IGNORECASE)


def _another_account(text: str, s: Sentence, inc: _Incident) -> bool:
    """Whether a later sentence of an incident gives another account of deaths already counted: it is
    attributed to someone, adds nothing ("also"), and names no event place of its own."""
    if s is inc.death_sents[0] or not _ATTRIBUTED.search(s.text) or _ADDITIVE.search(s.text):
        return False
    return not any(s.start <= p.start < s.end and not only_situates(text, p) for p in inc.places)


_PLUPERFECT = re.compile(HAD_BEEN + r"\b", re.IGNORECASE)
#: an event table's note that states the figure it coded: "(unknown fatalities coded as 10)"
_FATALITIES_CODED = re.compile(r"\bfatalities\s+(?:were\s+)?coded\s+(?:as|at)\s+(?:(?:the\s+|a\s+)?low(?:est)?\s+estimate\s+"
                               r"of\s+)?(?P<n>\d{1,4})\b", re.IGNORECASE)
#: a past tense that tells what had happened before: "l'attaque avait fait des centaines de morts", "had killed"
_HAD_DONE = re.compile(r"\b(?:had\s+(?:been\s+)?\w+(?:ed|en)|avai(?:en)?t\s+(?:[ée]t[ée]\s+)?\w+[ée]e?s?|"
                       r"avai(?:en)?t\s+(?:fait|tu[ée]|pris|commis))\b", re.IGNORECASE)
#: a correction notice: it withdraws figures, it reports nothing ("[This story was corrected on December 3 to
#: say that nine people, not 19, were killed.]", "Rectificatif : ...")
_CORRECTION = re.compile(r"^\W*(?:correction|corrigendum|erratum|rectificatif|clarification|mise\s+à\s+jour\s*:|"
                         r"(?:this|the|an\s+earlier\s+version\s+of\s+this)\s+(?:story|article|report)\s+(?:was|has\s+been|"
                         r"misstated|incorrectly|wrongly)|cet\s+article\s+a\s+[ée]t[ée]\s+(?:corrig|modifi))", re.IGNORECASE)
#: the report says nobody claimed the attack
_UNCLAIMED = re.compile(r"\b(?:no (?:group|one|organi[sz]ation) (?:has |had )?(?:yet )?claimed|(?:was|has not been|had not "
                        r"been|not been) claimed|unclaimed|n['’](?:a|ont|avait) (?:pas )?(?:encore )?[ée]t[ée] revendiqu[ée]e?s?|"
                        r"(?:aucun|nul) groupe n['’]a (?:encore )?revendiqu[ée]|non revendiqu[ée]e?s?)\b", re.IGNORECASE)
#: an actor its sentence says was harmed: "quatre VDP ont été tués", "three militiamen were killed"
_VICTIM_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:were|was|have\s+been|had\s+been|ont\s+[ée]t[ée]|a\s+[ée]t[ée]|avaient\s+[ée]t[ée])\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured|abducted|kidnapped|executed|shot|tu[ée]e?s?|bless[ée]e?s?|enlev[ée]e?s?|"
    r"ex[ée]cut[ée]e?s?|abattue?s?)\b", re.IGNORECASE)
_TAKEOVERS = ("Non-state actor overtakes territory", "Government regains territory")


def _incident_events(art: Article, inc: _Incident, resolved: dict[tuple[int, int], ResolvedPlace],
                     actors: Sequence[Any], cc: str, ref: date | None = None,
                     art_text: str = "") -> list[tuple[int, Event, list[Any]]]:
    """The events of one incident; ``art_text`` is the article's text as read (offsets point into it)."""
    et, st = pick_type(inc.cues)
    lo_start = inc.sentences[0].start
    hi_end = inc.sentences[-1].end
    in_ctx = [a for a in actors if lo_start <= a.start < hi_end] or list(actors)
    if (et, st) == ("Strategic developments", "Arrests") and _armed_group_arrests(inc, in_ctx):
        # an armed group "arresting" people abducts them (EVENTS.md: arrests are made by the state)
        et, st = "Violence against civilians", "Abduction/forced disappearance"
    if st in _TAKEOVERS and NO_FIGHTING.search(art.text):
        # "took control of Timbuktu ... No clashes were reported": a transfer without fighting (EVENTS.md)
        et, st = "Strategic developments", "Non-violent transfer of territory"
    if art_text:
        # who tells ("selon la gendarmerie") and, in violence against civilians, who died ("quatre VDP
        # ont été tués ... par des individus armés") are not the perpetrators
        told_by = [a for a in in_ctx if _SOURCE_BEFORE.search(art_text, max(0, a.start - 25), a.start)
                   or (a.inter == 1 and SPEAKS_AFTER.match(art_text, a.start + len(a.text))
                       and (et in ("Riots", "Protests") or sum(1 for b in in_ctx if b.inter == 1) > 1))]
        hit = ([a for a in in_ctx if a.inter in (2, 3, 4) and _VICTIM_AFTER.match(art_text, a.start + len(a.text))]
               if et == "Violence against civilians" else [])
        # "No group has claimed the attack, but JNIM fighters are active in the area": not the perpetrator
        inc_text = " ".join(x.text for x in inc.sentences)
        unclaimed = ([a for a in in_ctx if a.inter in (2, 4) and not a.name.startswith("Unidentified")]
                     if ("claim" in inc_text or "revendiqu" in inc_text) and _UNCLAIMED.search(inc_text) else [])
        kept = [a for a in in_ctx if a not in told_by and a not in hit and a not in unclaimed]
        if len(kept) < len(in_ctx) and any(a.inter in (1, 2, 3, 4, 8) for a in kept):
            in_ctx = kept
        elif told_by or unclaimed:
            in_ctx = [a for a in in_ctx if a not in told_by and a not in unclaimed]
    a1, a2 = assign_actors(et, st, in_ctx, cc)
    # deaths: distinct figures over the incident's sentences (a repeated figure is one report)
    low = high = 0
    seen: set[int] = set()
    tolls: list[tuple[int, int]] = []
    revised: tuple[int, int] | None = None
    accounts: list[tuple[int, int]] = []
    sides: set[str] = set()  # whose deaths the sentences counted so far are
    for s in inc.death_sents:
        d = count_deaths(s.text)
        mine = victim_sides(s.text, (p[1] for p in d.parts))
        if d.low and low and (_CONTESTED.search(s.text) or _another_account(art_text or art.text, s, inc)
                              and not (mine and sides and not mine & sides)):
            # (an account that disputes the first is of the same dead, whoever it says they were: "the FLA
            # rejected the army's account, saying the strike killed nine civilians")
            accounts.append((d.low, d.high))  # "Selon le gouvernement, cinq civils ont été tués": the same deaths
        elif d.toll_only and _TOLL_REVISED.search(s.text):
            revised = (d.low, d.high)  # "a source a revu le bilan à la hausse : 34": the new toll replaces
        elif d.toll_only:
            tolls.append((d.low, d.high))  # "the toll stands at 25 to 40": another account, not more deaths
        elif d.low and d.low not in seen:
            seen.add(d.low)
            low += d.low
            high += d.high
            sides |= mine
    if tolls:
        t_low, t_high = min(t[0] for t in tolls), max(t[1] for t in tolls)
        low, high = (min(low, t_low), max(high, t_high)) if low else (t_low, t_high)
    if accounts:
        low, high = min(low, min(a[0] for a in accounts)), max(high, max(a[1] for a in accounts))
    if revised is not None:
        low, high = revised[0], max(high, revised[1])
    coded = _FATALITIES_CODED.search(" ".join(x.text for x in inc.death_sents))
    if coded is not None:
        # "Unknown fatalities coded as 10.", "Fatalities coded at low estimate of 3": a coder's own note
        low = high = int(coded.group("n"))
    # one event per place (by gazetteer id, else by name), in order of first mention
    places: list[tuple[PlaceMention, ResolvedPlace | None]] = []
    keys: set[Any] = set()
    for p in inc.places:
        rp = resolved.get((p.start, p.end))
        if rp is None or rp.candidate is None:
            continue
        c = rp.candidate
        key = (c.geonameid, c.name, c.lat, c.lon)  # user places have no GeoNames id
        if key in keys:
            # "on the Douentza-Hombori axis near Hombori": the mention that says where it happened, not the
            # road's end
            k = next(i for i, (_, q) in enumerate(places) if (q.candidate.geonameid, q.candidate.name,
                                                               q.candidate.lat, q.candidate.lon) == key)
            if only_situates(art_text or art.text, places[k][0]) and not only_situates(art_text or art.text, p):
                places[k] = (p, rp)
            continue
        keys.add(key)
        places.append((p, rp))
    fallback = ""
    refused = next(((p, r) for p in inc.places if (r := resolved.get((p.start, p.end))) is not None and r.refused),
                   None)
    if places and refused is not None and places[0][0].start > refused[0].start:
        # "Mariko, near Niono" and the gazetteer's only Mariko is far away: the event is coded to Niono
        p0, rp0 = places[0]
        places[0] = (p0, replace(rp0, precision=max(2, rp0.precision)))
        fallback = (f"; coded to {rp0.candidate.name}, named beside the event's place: {refused[1].refused} "
                    f"({refused[0].text})")
    if not places:
        rp = next((r for r in (resolved.get((p.start, p.end)) for p in inc.nearby)
                   if r is not None and r.candidate is not None), None)
        if rp is not None:
            rp = replace(rp, precision=max(2, rp.precision))
            places = [(rp.mention, rp)]
            own = [p.text for p in inc.places]
            where = ("named beside the event's place" if lo_start <= rp.mention.start < hi_end
                     else "named in an adjacent sentence")
            fallback = (f"; coded to {rp.candidate.name}, {where}: {refused[1].refused} ({refused[0].text})" if refused else
                        f"; coded to {rp.candidate.name}, {where}: the gazetteer does not have the event's own "
                        f"place ({', '.join(own)})" if own else
                        f"; coded to {rp.candidate.name}, {where}: the report names no place of its own for it")
    if len(places) > 1:
        # where someone speaks from or lives, a road's ends: only when no other place says where it was
        strong = [pp for pp in places if not only_situates(art_text or art.text, pp[0])]
        if strong and len(strong) < len(places):
            places = strong
        # "In the Gao region, a vehicle struck a mine on the road between Gao and Bourem": the town, not
        # the region that frames the sentence
        finer = [pp for pp in places if pp[1].precision < 3]
        if finer and len(finer) < len(places):
            places = finer
    if len(places) > 1 and not _several_incidents(inc, places):
        # one attack told with several place names (where it happened, where the victims came from,
        # the road it was on): one event, at the first place
        places = places[:1]
    common = dict(
        event_type=et, sub_event_type=st,
        event_date=inc.date.isoformat() if inc.date else None, time_precision=inc.precision,
        actor1=a1.name if a1 else "", inter1=a1.inter if a1 else None,
        assoc_actor_1="; ".join(allies_of(a1, in_ctx)),
        actor2=a2.name if a2 else "", inter2=(a2.inter if a2 else (0 if a1 else None)),
        civilian_targeting="Civilian targeting" if a2 is not None and a2.inter == 7 else "",
        source=art.source or _dateline_source(art_text or art.text), source_id=art.id, source_url=art.url,
        date_expression=inc.expression,
    )
    out: list[tuple[int, Event, list[Any]]] = []
    if not places:
        ev = Event(**common, fatalities=low, fatalities_low=low, fatalities_high=high,
                   country=country_name(cc), country_code=cc if cc else "",
                   evidence=" ".join(s.text for s in inc.sentences[:3]),
                   notes=_note(et, st, "", inc, low, high, None),
                   location_flags="unlocated")
        return [(lo_start, ev, [])]
    own = _per_place(inc, places, low, ref) if len(places) > 1 else None
    shares = [o[0] for o in own] if own else split_total(low, len(places))
    shares_hi = [o[1] for o in own] if own else split_total(high, len(places))
    base = common
    for k, ((p, rp), f_lo, f_hi) in enumerate(zip(places, shares, shares_hi)):
        common = base
        if own and own[k][2] is not inc:
            # the sentence gives this place a day of its own ("... and 5 in Arbinda on Wednesday")
            common = dict(common, event_date=own[k][2].date.isoformat() if own[k][2].date else None,
                          time_precision=own[k][2].precision, date_expression=own[k][2].expression)
        if own and (et, st) == ("Violence against civilians", "Attack") and own[k][3] == "military" \
                and base["inter1"] != 1:
            # "killed 8 civilians in Bandiagara and three gendarmes in Sévaré": at Sévaré, a battle
            force = next((x for x in in_ctx if x.inter == 1), None) or Actor(
                actor_name("Military Forces of {country}", rp.candidate.country), 1)
            common = dict(common, event_type="Battles", sub_event_type="Armed clash", actor2=force.name,
                          inter2=1, civilian_targeting="", assoc_actor_1=base.get("assoc_actor_1", ""))
        c = rp.candidate
        if cc and c.country and c.country != cc:
            # "the army" at Tassara, in Niger, in a report about Mali: the forces, civilians and gunmen of the
            # country where it happened, unless the text says whose ("Malian soldiers")
            common = dict(common, **{k: _in_country(common[k], who, cc, c.country)
                                     for k, who in (("actor1", a1), ("actor2", a2)) if who is not None})
        ev_sents = [s for s in inc.sentences if s.start <= p.start < s.end]
        first = ev_sents[0] if ev_sents else inc.sentences[0]
        evidence = " ".join(s.text for s in ([first] if first is inc.sentences[0] else [inc.sentences[0], first]))
        split = None if len(places) == 1 or own else (low, len(places), f_lo)
        ev = Event(
            **common, fatalities=f_lo, fatalities_low=f_lo, fatalities_high=f_hi,
            country=country_name(c.country) or c.country, country_code=c.country,
            admin1=c.admin1 or "", admin2=c.admin2 or "", location=c.name,
            latitude=round(rp.lat, 5), longitude=round(rp.lon, 5), geo_precision=rp.precision,
            geonameid=c.geonameid, place_mention=p.text, evidence=evidence,
            notes=_note(common["event_type"], common["sub_event_type"], c.name, own[k][2] if own else inc, f_lo, f_hi,
                        split)[:-1] + _offset_note(p, c.name)
            + fallback + ".",
            location_flags="nearby_place" if fallback else "",
        )
        out.append((first.start, ev, rp.ties))
    return out


def _in_country(name: str, actor: Any, old: str, new: str) -> str:
    """An actor's name for an event in country ``new`` when the report's country is ``old``: the same,
    unless it is a generic force or group named after ``old`` and its mention names no nationality."""
    was = country_name(old)
    if not was or not (name.endswith(f"of {was}") or name.endswith(f"({was})")) or _DEMONYM_RE.search(actor.text or ""):
        return name
    return name[: len(name) - len(was) - (1 if name.endswith(")") else 0)] + country_name(new) + (
        ")" if name.endswith(")") else "")


_ARREST_NOUN = re.compile(r"(?:arrests?|arrestations?|detentions?|d[ée]tentions?|custody)$", re.IGNORECASE)


def _armed_group_arrests(inc: _Incident, actors: Sequence[Any]) -> bool:
    """Whether a non-state armed group is the one arresting ("JNIM militants arrested three chiefs"),
    not the one arrested ("thirty suspected jihadists arrested yesterday")."""
    from .classify import _target_window

    for s in inc.sentences:
        for c in find_cues(s.text):
            if c.sub_event_type != "Arrests":
                continue
            if _ARREST_NOUN.match(c.text):
                continue  # "the arrests", "la détention": not said who made them
            _, passive = _target_window(s.text, c.start, c.end)
            before = [a for a in actors if s.start <= a.start < s.start + c.start]
            if not passive and before and before[-1].inter in (2, 3) \
                    and s.start + c.start - (before[-1].start + len(before[-1].text)) <= 40:
                return True
    return False


def _per_place(inc: _Incident, places: Sequence[tuple[PlaceMention, Any]], low: int, ref: date | None
               ) -> list[tuple[int, int, _Incident, str]] | None:
    """Each place's own deaths (and day) when one sentence gives them place by place: "killed 11
    civilians in Mopti and two soldiers in Boni", "2 civilians in Djibo on Tuesday and 5 in Arbinda on
    Wednesday". ``None`` unless every place has figures of its own before it, after the previous place,
    and they make up all of the incident's deaths (then the total is split instead)."""
    s = next((s for s in inc.sentences if all(s.start <= p.start < s.end for p, _ in places)), None)
    if s is None or not low:
        return None
    d = count_deaths(s.text)
    if d.low != low or not d.parts:
        return None
    ordered = sorted(places, key=lambda t: t[0].start)
    if [p for p, _ in ordered] != [p for p, _ in places]:
        return None
    out: list[tuple[int, int, _Incident]] = []
    prev = 0
    used = 0
    for i, (p, _) in enumerate(places):
        a, b = p.start - s.start, p.end - s.start
        figs = [(lo, hi) for st, en, lo, hi in d.parts if prev <= st and en <= a]
        if not figs:
            return None
        used += len(figs)
        nxt = places[i + 1][0].start - s.start if i + 1 < len(places) else len(s.text)
        # a day written right after the place, before the next one's figures ("in Arbinda on Wednesday")
        stop = min([st for st, _, _, _ in d.parts if st >= b] + [nxt])
        dm = resolve_date(s.text[b:stop], ref) if ref is not None and i > 0 else None
        day = (_Incident(dm.date, dm.precision, dm.expression, True) if dm is not None and not dm.since
               and dm.date != inc.date else inc)
        # who this place's victims are: the nouns of its own figures ("three gendarmes in Sévaré")
        fig_text = " ".join(s.text[st:min(en + 40, a)] for st, en, _, _ in d.parts if prev <= st and en <= a)
        out.append((sum(lo for lo, _ in figs), sum(hi for _, hi in figs), day, _victims(fig_text)))
        prev = b
    return out if used == len(d.parts) else None


def _victims(text: str) -> str:
    """"military" or "civilian" for the victims a figure names ("three gendarmes"), "" when unsaid."""
    from .classify import _kind

    return _kind((text, False))


def _break_ties(events: list[Event], tied: Sequence[tuple[int, list[Any]]]) -> None:
    """Several places share a name and the text cannot tell them apart ("the village of Mamba"): take
    the one in the area the run's other reports are about, when it clearly has more of the run's events
    placed without doubt (precision 1, no tie) around it (:func:`gazetteer.batch.break_tie`). A tie the
    run does not clearly break keeps the gazetteer's order."""
    from gazetteer.batch import RADIUS_KM, Anchors

    skip = {i for i, _ in tied}
    anchors = Anchors([(e.latitude, e.longitude) for i, e in enumerate(events)
                       if i not in skip and e.located and e.geo_precision == 1])
    if not anchors:
        return
    for i, ties in tied:
        e = events[i]
        k, counts = anchors.pick([(e.latitude, e.longitude), *((c.lat, c.lon) for c in ties)])
        if not k:
            continue
        best = ties[k - 1]
        note = (f"; {len(ties) + 1} places are named {e.place_mention!r} and the text does not tell them apart: "
                f"this one has {counts[k]} of the run's other events within {RADIUS_KM:.0f} km, "
                f"the gazetteer's first choice {counts[0]}")
        events[i] = replace(
            e, event_id="", location=best.name, latitude=round(best.lat, 5), longitude=round(best.lon, 5),
            country=country_name(best.country) or best.country, country_code=best.country,
            admin1=best.admin1 or "", admin2=best.admin2 or "", geonameid=best.geonameid,
            notes=e.notes[:-1] + note + ".")


_PLURAL = re.compile(r"\b(?:attacks|assaults|raids|ambushes|explosions|strikes|airstrikes|incidents|bombings|"
                     r"attaques|embuscades|frappes|explosions|offensives|simultaneous|coordinated|simultan[ée]es?|"
                     r"coordonn[ée]es?|several (?:towns|villages|localities)|(?:towns|villages|localities|localit[ée]s) "
                     r"(?:of|de))\b", re.IGNORECASE)


_BEARING_BEFORE = re.compile(r"(?:\b(?:north|south|east|west|nord|sud|est|ouest)(?:-?(?:east|west|est|ouest))?\s+"
                             r"(?:of|de|d')|\bkm\s+(?:\w+\s+)?(?:of|from|de))\s+(?:the\s+)?$", re.IGNORECASE)


def _several_incidents(inc: _Incident, places: Sequence[tuple[PlaceMention, Any]]) -> bool:
    """Whether the places of an incident are several incidents (plural attacks, a list of towns)."""
    if any(_PLURAL.search(s.text) for s in inc.sentences):
        return True
    # "attacks on Diboli, Kayes and Sandere": places listed in one sentence with "and"
    for s in inc.sentences:
        inside = [p for p, _ in places if s.start <= p.start < s.end]
        if any(p.offset_km is not None or _BEARING_BEFORE.search(s.text, 0, p.start - s.start) for p in inside):
            continue  # "40 km north of X and 10 km south of Y" situates one place
        if len(inside) >= 2 and _AND.search(s.text[inside[0].end - s.start:inside[-1].start - s.start]) \
                and not _BETWEEN.search(s.text[:inside[0].start - s.start][-30:]):
            return True
    return False


def _offset_note(p: PlaceMention, name: str) -> str:
    """"; reported about 25 km N of Boni" for an offset the point does not carry."""
    if p.offset_km is None or p.displace:
        return ""
    dn, de = p.offset_km
    km = (dn * dn + de * de) ** 0.5
    bearing = ("N" if dn > 0.38 * km else "S" if dn < -0.38 * km else "") + \
        ("E" if de > 0.38 * km else "W" if de < -0.38 * km else "")
    return f"; reported about {km:.0f} km {bearing} of {name}, coded to {name} (precision 2)"


def _note(et: str, st: str, place: str, inc: _Incident, lo: int, hi: int,
          split: tuple[int, int, int] | None) -> str:
    where = f" at {place}" if place else " (place not located)"
    when = f" on {inc.date.isoformat()}" if inc.date else ""
    text = f"{st}{where}{when}"
    if inc.expression:
        text += f" ('{inc.expression}')"
    if lo:
        text += f"; {lo} fatalities" + (f" (range {lo}-{hi})" if hi > lo else "")
    if split is not None and split[0]:
        total, n, share = split
        text += (f"; a total of {total} reported deaths was split across the {n} places of this report "
                 f"(remainder to the first), {share} here")
    return text + "."
