"""Actors named in ACLED's style, with inter codes (1 state ... 8 external).

A lexicon of aliases in English and French maps what reports write ("an al-Qaeda affiliate", "FAMa",
"Malian soldiers", "Dozo hunters") to ACLED's actor names; ``{country}`` is filled with the country
the report is about. :func:`assign_actors` orders them into actor 1 / actor 2 for an event type.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from .lexicon import StartFinder
from .lexicon import lower_pattern as _lower

__all__ = ["Actor", "find_actors", "assign_actors", "actor_name", "countries_named", "ACTOR_LEXICON"]

#: Demonyms (EN/FR, any case) and national forces' acronyms (as written) that name a country.
_DEMONYMS: tuple[tuple[str, str], ...] = (
    (r"malians?|malien(?:ne)?s?", "ML"),
    (r"burkinab[èe]s?", "BF"),
    (r"nig[ée]rien(?:ne)?s?", "NE"),
    (r"nigerians?|nig[ée]rian(?:e)?s?", "NG"),
    (r"senegalese|s[ée]n[ée]galais(?:es?)?", "SN"),
    (r"mauritanians?|mauritanien(?:ne)?s?", "MR"),
    (r"guineans?|guin[ée]en(?:ne)?s?", "GN"),
    (r"ivorians?|ivoirien(?:ne)?s?", "CI"),
    (r"chadians?|tchadien(?:ne)?s?", "TD"),
    (r"algerians?|alg[ée]rien(?:ne)?s?", "DZ"),
    (r"togolese|togolais(?:es?)?", "TG"),
    (r"beninese|b[ée]ninois(?:es?)?", "BJ"),
)
_ACRONYMS: dict[str, str] = {"FAMa": "ML", "FAMA": "ML", "FAN": "NE", "FANA": "BF"}


def _alternation(patterns: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    body = "|".join(f"(?P<c{i}>{p})" for i, p in enumerate(patterns))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


_DEMONYM_RE = _alternation((p for p, _ in _DEMONYMS), re.IGNORECASE)
_ACRONYM_RE = _alternation(re.escape(a) for a in _ACRONYMS)


_BORDER_DEMONYM = re.compile(r"\bfronti[èe]re\s+$", re.IGNORECASE)
_BORDER_NOUN_AFTER = re.compile(r"\s+(?:border|frontier|borderlands?)\b", re.IGNORECASE)


def countries_named(text: str) -> list[str]:
    """ISO2 codes of the countries ``text`` names by demonym or national acronym, in order.

    Examples
    --------
    >>> countries_named("Malian soldiers and Burkinabè VDP; the FAMa said... a fan of it")
    ['ML', 'BF', 'ML']
    >>> countries_named("près de la frontière malienne, near the Nigerien border")
    []
    """
    found = [(m.start(), _DEMONYMS[int(m.lastgroup[1:])][1]) for m in _DEMONYM_RE.finditer(text)
             if m.lastgroup and not _BORDER_DEMONYM.search(text, max(0, m.start() - 14), m.start())
             and not _BORDER_NOUN_AFTER.match(text, m.end())]  # ("la frontière malienne", "the Malian border")
    found += [(m.start(), _ACRONYMS[m.group()]) for m in _ACRONYM_RE.finditer(text)]
    return [cc for _, cc in sorted(found)]

def actor_name(template: str, country: str) -> str:
    """An ACLED actor name from a template with ``{country}``, for an ISO2 country code.

    With no known country the country part is left out rather than guessed.

    Examples
    --------
    >>> actor_name("Military Forces of {country}", "BF"), actor_name("Civilians ({country})", "NE")
    ('Military Forces of Burkina Faso', 'Civilians (Niger)')
    >>> actor_name("Military Forces of {country}", ""), actor_name("Civilians ({country})", "")
    ('Military Forces', 'Civilians')
    """
    from gazetteer.countries import country_name

    name = country_name(country) if len(country or "") == 2 else (country or "")
    if name:
        return template.format(country=name)
    return template.replace(" of {country}", "").replace(" ({country})", "").replace("{country}", "").strip()

#: actor_name for the names of find_actors (a pure function of its arguments: computed once)
_cached_actor_name = functools.lru_cache(maxsize=4096)(actor_name)

_DEMONYM = r"(?:malian|malien(?:ne)?s?|burkinab[èe]|burkinabe|nigerien|nig[ée]rien(?:ne)?s?|senegalese|s[ée]n[ée]galais)"

#: (pattern, ACLED actor name, inter code). Order matters: the first matching alias names a span.
ACTOR_LEXICON: list[tuple[str, str, int]] = [
    (r"JNIM|GSIM|Jama'?’?at Nus?rat al-Islam wal-?Muslimin|Group for (?:the )?Support of Islam and Muslims|"
     r"Groupe de soutien à l'islam et aux musulmans|al-Qaeda[- ](?:linked|affiliated?)(?: group| militants?| jihadists?)?|"
     r"al-Qaeda affiliate|affili[ée] à al-Qa[ïi]da|Katiba Macina|Macina Liberation Front|FLM|Ansar Dine|Ansar Eddine|"
     r"AQIM|Al Mourabitoune|Al-Mourabitoun", "JNIM: Group for Support of Islam and Muslims", 2),
    (r"Islamic State (?:in the )?(?:Greater )?Sahara|Islamic State Sahel|IS Sahel|ISGS|EIGS|ISSP|"
     r"[ÉE]tat islamique (?:au|dans le) (?:Grand )?Sahara|IS-Sahel|"
     # in reports on the Sahel, "the Islamic State" is its Sahel branch
     r"(?:the )?Islamic State(?! (?:(?:in|of) )?(?:the )?(?:Iraq|Syria|West Africa))|(?:l['’])?[ÉE]tat islamique(?! en Afrique de l['’]Ouest)",
     "Islamic State (Greater Sahara)", 2),
    (r"ISWAP|Islamic State (?:West Africa|in West Africa)(?: Province)?|[ÉE]tat islamique en Afrique de l['’]Ouest|"
     r"EIAO|Iswap", "Islamic State West Africa Province (ISWAP)", 2),
    (r"Boko Haram|JAS|Jama'?atu Ahlis Sunna Lidda'?awati wal-Jihad", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    (r"Wagner(?: Group)?|Africa Corps|Russian (?:mercenaries|instructors|forces)|mercenaires russes",
     "Wagner Group", 8),
    (r"MINUSMA|UN peacekeepers?|peacekeepers?|casques bleus|blue helmets",
     "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali", 8),
    (r"Barkhane|French (?:forces|troops|soldiers|army)|forces fran[çc]aises|soldats fran[çc]ais|Serval|Takuba",
     "Military Forces of France", 8),
    (r"G5[- ]Sahel(?: joint force)?|FC-G5S", "G5 Sahel Joint Force", 8),
    (r"GATIA", "GATIA: Imghad Tuareg and Allies Self-Defense Group", 3),
    (r"CMA|Coordination of (?:Azawad )?Movements(?: of (?:the )?Azawad)?|Coordination des mouvements de l'Azawad|"
     r"CSP-PSD|Strategic Framework", "CMA: Coordination of Movements of the Azawad", 2),
    (r"MSA|Movement for the Salvation of (?:the )?Azawad", "MSA: Movement for the Salvation of Azawad", 3),
    (r"Plateforme|Platform coalition", "Platform", 3),
    (r"MNLA", "MNLA: National Movement for the Liberation of Azawad", 2),
    # the rebel coalition that succeeded the CMA in 2024
    (r"FLA|Front de lib[ée]ration de l['’]Azawad|Azawad Liberation Front", "FLA: Azawad Liberation Front", 2),
    (r"Dan Na Ambassagou", "Dan Na Ambassagou", 4),
    (r"Dozos?(?: hunters| militia(?:men)?)?|chasseurs dozos?|traditional hunters", "Dozo Communal Militia ({country})", 4),
    (r"Dogon (?:militia(?:men)?|hunters|self-defen[cs]e)|milice dogon", "Dogon Ethnic Militia ({country})", 4),
    (r"Fulani (?:militia(?:men)?|self-defen[cs]e)|Peul(?:h)? (?:militia|milice)", "Fulani Ethnic Militia ({country})", 4),
    (r"Koglweogo", "Koglweogo Militia", 4),
    (r"VDP|Volunteers for the Defen[cs]e of the Homeland|Volontaires pour la d[ée]fense de la patrie",
     "VDP: Volunteers for the Defense of the Homeland", 3),
    (r"(?:national )?police(?:men| officers?| forces)?|gendarm(?:es|erie)|national guard|garde nationale|"
     r"policiers?|forces de l'ordre|riot police|customs officers?|douaniers?", "Police Forces of {country}", 1),
    (rf"FAMa|FDS|(?:the )?(?:{_DEMONYM} )?(?:army|armed forces|military|soldiers|troops|defen[cs]e and security forces|"
     rf"security forces|defen[cs]e forces)|arm[ée]e(?: {_DEMONYM})?|militaires?(?: {_DEMONYM})?|soldats(?: {_DEMONYM})?|"
     r"forces arm[ée]es(?: \w+)?|forces de d[ée]fense et de s[ée]curit[ée]|junta|authorities|government",
     "Military Forces of {country}", 1),
    (r"(?:jihadists?|militants?|gunmen|armed men|assailants|terrorists?|insurgents?|fighters|rebels?|bandits?|"
     r"unknown (?:armed )?(?:men|individuals|assailants)|unidentified (?:armed )?(?:men|gunmen|group)|"
     r"hommes arm[ée]s(?: non identifi[ée]s)?|individus arm[ée]s|djihadistes|jihadistes|terroristes|assaillants|"
     r"groupes? arm[ée]s?|HANI)", "Unidentified Armed Group ({country})", 3),
    (r"protesters|demonstrators|manifestants|marchers", "Protesters ({country})", 6),
    (r"rioters|[ée]meutiers|casseurs|angry (?:youths|crowd|mob)|mob", "Rioters ({country})", 5),
    (r"civilians?|villagers?|residents|inhabitants|herders?|herdsmen|shepherds|farmers|traders|merchants|"
     r"passengers|travell?ers|women|children|civils|villageois|habitants|[ée]leveurs|bergers|commer[çc]ants|"
     r"passagers|chief|imam|mayor|teachers?|worshippers|marabouts?", "Civilians ({country})", 7),
]
_COMPILED = [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.IGNORECASE if not p.isupper() else 0), n, c)
             for p, n, c in ACTOR_LEXICON]
_ALL = re.compile("(?<![\\w-])(?:" + "|".join(f"(?P<a{i}>{p})" for i, (p, _, _) in enumerate(ACTOR_LEXICON))
                  + ")(?![\\w-])", re.IGNORECASE)
_ALL_LOWER = re.compile(_lower(_ALL.pattern))
#: where _ALL_LOWER matches (the same positions), found fast
_ALL_STARTS = StartFinder(_ALL_LOWER.pattern)


@dataclass(frozen=True)
class Actor:
    """An actor as ACLED names it, its inter code and where it was mentioned."""

    name: str
    inter: int
    start: int = 0
    text: str = ""


def find_actors(text: str, country: str = "") -> list[Actor]:
    """Actors mentioned in ``text``, in order of mention (one entry per mention).

    Examples
    --------
    >>> [(a.name, a.inter) for a in find_actors("JNIM attacked FAMa positions near Boni.", "ML")]
    [('JNIM: Group for Support of Islam and Muslims', 2), ('Military Forces of Mali', 1)]
    >>> find_actors("Des hommes armés ont tué trois civils.", "ML")[-1].name
    'Civilians (Mali)'
    """
    out: list[Actor] = []
    low = text.lower()
    matches = _ALL_STARTS.finditer(_ALL_LOWER, low) if len(low) == len(text) else _ALL.finditer(text)
    for m in matches:
        i = int((m.lastgroup or "a0")[1:])
        pat, name, inter = ACTOR_LEXICON[i]
        tok = text[m.start():m.end()]
        # short upper-case acronyms (CMA, MSA, FDS) must be written in capitals
        if len(tok) <= 5 and tok.isalpha() and not tok.isupper() and pat.split("|")[0].isupper():
            continue
        if (name.startswith("Unidentified") and out and not out[-1].name.startswith("Unidentified")
                and not text[out[-1].start + len(out[-1].text):m.start()].strip(" '’s")):
            continue  # "Wagner fighters", "JNIM militants": the named group, not another one
        out.append(Actor(_cached_actor_name(name, country), inter, m.start(), tok))
    return out


def allies_of(actor: Actor | None, actors: Iterable[Actor]) -> list[str]:
    """The state's allies named beside its force (ACLED's associated actors): foreign forces and
    auxiliaries ("Malian soldiers and Wagner fighters killed 12 civilians": Wagner Group)."""
    if actor is None or actor.inter != 1:
        return []
    return list(dict.fromkeys(a.name for a in actors if _state_side(a) and a.inter != 1 and a.name != actor.name))


def _state_side(a: Actor) -> bool:
    """State forces, foreign forces (inter 8: Barkhane, MINUSMA, Wagner) and the state's auxiliaries (VDP)."""
    return a.inter in (1, 8) or a.name.startswith("VDP:")


def assign_actors(event_type: str, sub_event_type: str, actors: Iterable[Actor],
                  country: str = "") -> tuple[Actor | None, Actor | None]:
    """Actor 1 and actor 2 of an event from the actors of its context.

    Civilians are always actor 2 of violence against civilians; protesters and rioters are actor 1 of
    demonstrations; arrests are made by the state.

    Examples
    --------
    >>> a1, a2 = assign_actors("Violence against civilians", "Attack",
    ...                        find_actors("Gunmen killed two herders.", "ML"), "ML")
    >>> a1.name, a2.name
    ('Unidentified Armed Group (Mali)', 'Civilians (Mali)')
    """
    acts = list(actors)
    armed = [a for a in acts if a.inter in (1, 2, 3, 4, 8)]
    distinct: list[Actor] = []
    for a in armed:
        if all(a.name != d.name for d in distinct):
            distinct.append(a)
    civ = Actor(_cached_actor_name("Civilians ({country})", country), 7)
    uag = Actor(_cached_actor_name("Unidentified Armed Group ({country})", country), 3)
    state = Actor(_cached_actor_name("Military Forces of {country}", country), 1)
    specific = [a for a in distinct if not a.name.startswith("Unidentified")]
    if event_type == "Violence against civilians":
        # a named non-state group, else unnamed gunmen of the text, else a state force of the text (with
        # its allies as associates, see allies_of), else a foreign force
        # (the state's auxiliaries with the state's own forces: the forces, "soldiers and VDP executed")
        aux_with_state = any(a.inter == 1 for a in distinct)
        others = [a for a in distinct if a.inter in (2, 3, 4) and not (aux_with_state and _state_side(a))]
        perp = (next((a for a in others if not a.name.startswith("Unidentified")), None)
                or next(iter(others), None)
                or next((a for a in distinct if a.inter == 1), None) or (specific[0] if specific else None))
        return perp or uag, civ
    if event_type == "Protests":
        police = next((a for a in distinct if a.inter == 1), None)
        return Actor(_cached_actor_name("Protesters ({country})", country), 6), (police if sub_event_type != "Peaceful protest" else None)
    if event_type == "Riots":
        police = next((a for a in distinct if a.inter == 1), None)
        # (a mob's victims are civilians unless the text names a force: "a mob lynched two men")
        victim = police or (civ if sub_event_type == "Mob violence" or any(a.inter == 7 for a in acts) else None)
        return Actor(_cached_actor_name("Rioters ({country})", country), 5), victim
    if event_type == "Strategic developments" and sub_event_type == "Arrests":
        st = next((a for a in distinct if a.inter in (1, 8)), None) or state
        other = next((a for a in distinct if a.name != st.name), None)
        return st, other
    victims_civilian = any(a.inter == 7 for a in acts)
    if sub_event_type == "Air/drone strike" and not any(_state_side(a) for a in distinct):
        # only states fly aircraft here: an air strike with no force named is the state's, and the
        # group it struck is its target
        return state, (distinct[0] if distinct else (civ if victims_civilian else None))
    if not distinct:
        if event_type == "Strategic developments":
            return state, None
        if event_type == "Battles":
            return uag, state  # "le détachement de Djibo a été attaqué": a battle has two sides
        # "an IED struck a bus carrying civilians": the civilians are the targets
        return uag, (civ if victims_civilian and event_type == "Explosions/Remote violence" else None)
    if sub_event_type in ("Remote explosive/landmine/IED", "Suicide bomb") and all(_state_side(a) for a in distinct):
        # the forces a mine or a bomber struck are its targets; who planted it is not said
        return uag, distinct[0]
    # non-state attacker first when a state force is its target; otherwise mention order (a named
    # group before "fighters", "militants": "ISGS fighters clashed with JNIM militants"); who fired a
    # shell, a missile or a drone is the subject, named or not ("militants fired mortars at the camp")
    first = distinct[0] if event_type == "Explosions/Remote violence" or not specific else specific[0]
    second = (next((a for a in specific if a.name != first.name), None)
              or next((a for a in distinct if a.name != first.name), None))
    if event_type == "Battles" and second is not None and _state_side(first) and _state_side(second):
        # allies fight on one side ("VDP and Burkinabe soldiers repelled an attack", "Wagner and the
        # army"): the state's force is actor 1, its opponent a non-state actor of the text or unidentified
        if second.inter == 1 and first.inter != 1:
            first = second
        second = next((a for a in specific if not _state_side(a)), None) or uag
    if second is not None and first.inter == 1 and second.inter != 1 and event_type == "Battles":
        first, second = second, first
    if sub_event_type == "Government regains territory" and second is not None and second.inter == 1 \
            and first.inter != 1:
        first, second = second, first  # the government is the one that regains it
    if second is None and event_type in ("Battles",):
        second = uag if first.inter == 1 else state
    if second is None and event_type == "Explosions/Remote violence" and victims_civilian:
        second = civ  # "soldiers carried out a drone strike on a market, killing 12 civilians"
    return first, second
