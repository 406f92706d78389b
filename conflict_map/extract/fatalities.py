"""Reported deaths from English and French text: digits, number words, vague quantities, ranges.

Only deaths count (injuries do not; "casualties" alone counts 0); the lowest figure is kept, the range
is returned beside it (EVENTS.md). A total for several places is split by :func:`split_total`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import StartFinder, lower_pattern

__all__ = ["Deaths", "parse_number", "count_deaths", "split_total"]

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "un": 1, "une": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
    "aucun": 0, "aucune": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six_": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60,
}
_VAGUE = {
    "several": 3, "many": 3, "a few": 3, "few": 3, "some": 3, "numerous": 3, "a number of": 3,
    "dozens": 12, "dozens of": 12, "a dozen": 12, "tens": 10, "tens of": 10, "scores": 20, "hundreds": 100,
    "hundreds of": 100,
    "several dozen": 12, "plusieurs dizaines": 12, "dizaines": 12, "plusieurs centaines": 100,
    "plusieurs": 3, "quelques": 3, "de nombreux": 3, "de nombreuses": 3, "des dizaines": 12,
    "une dizaine": 10, "une douzaine": 12, "une vingtaine": 20, "une trentaine": 30, "une quarantaine": 40,
    "une cinquantaine": 50, "une centaine": 100, "des centaines": 100, "une quinzaine": 15, "une soixantaine": 60,
}
_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
         r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
         r"un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|"
         r"trente|quarante|cinquante|soixante|cents?)")
_NUMBER = (r"(?:\d{1,5}|une (?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|"
           r"centaine)|"
           # ("et" joins only "vingt et un", "soixante et onze": "quinze et vingt-cinq" is a range, "six à
           # Djibasso et deux à Barani" two figures)
           rf"(?:{_WORD}(?:[\s\-]+(?:et[\s\-]+(?:un|une|onze)\b|{_WORD})){{0,4}})|a dozen|several dozen|dozens|tens|"
           r"scores|hundreds|"
           r"plusieurs dizaines|des dizaines|dizaines|plusieurs centaines|several|many|"
           r"a few|numerous|plusieurs|quelques|de nombreux|de nombreuses|des centaines)")
_QUAL = (r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|an estimated|approximately|a total of|au total|en tout|"
         r"between|au moins|plus de|environ|pr[èe]s de|quelque|entre)\s+)?")
_NUM_RE = re.compile(
    rf"(?<![\w.,])(?P<q>{_QUAL})(?P<a>{_NUMBER})(?:\s*(?:to|-|–|and|or|à|et|ou)\s*(?P<b>{_NUMBER}))?(?![\w])",
    re.IGNORECASE,
)
_BETWEEN = re.compile(rf"\b(?:between|entre)\s+(?P<a>{_NUMBER})\s+(?:and|et)\s+(?P<b>{_NUMBER})\b", re.IGNORECASE)

_DEATH = re.compile(
    r"^(?:killed|dead|deaths?|died|bodies|corpses|lives|fatalities|slain|murdered|executed|perished|"
    r"neutrali[sz]ed|neutralis[ée]e?s?|"  # (army communiqués: "31 terrorists neutralised", ACLED counts them)
    r"[ée]gorg[ée]e?s?|beheaded|d[ée]capit[ée]e?s?|"
    r"tu[ée]e?s?|morts?|d[ée]c[èe]s|d[ée]c[ée]d[ée]s?|cadavres|corps|assassin[ée]s?|ex[ée]cut[ée]s?|victimes|"
    r"vie)$",  # ("deux militaires ont perdu la vie")
    re.IGNORECASE,
)
_INJURY = re.compile(r"^(?:wounded|injured|hurt|casualties|livestock|cattle|oxen|cows?|sheep|goats?|camels?|donkeys?|animals|bless[ée]s?|missing|disparus?|arrested|detained|"
                     r"abducted|kidnapped|captured|enlev[ée]s?|arr[êe]t[ée]s?)$", re.IGNORECASE)
_KILL_VERB = re.compile(
    r"\b(?:(?:killing|killed|kills|kill|death toll (?:(?:rose|rising|climbed) )?(?:of|to|at)|claimed the lives of|"
    r"left|leaving|tuant|tu[ée]|faisant|a fait|ont fait|bilan (?:de|d'au moins|provisoire de)|toll of|toll at|"
    r"(?:shot|gunned|shooting|gunning) dead|gunned down|gunning down|lost|losing|perdu|executed|massacred|assassinated|murdered|ex[ée]cut[ée]|abattu|killing of|"
    r"neutrali[sz]ed|neutralis[ée]|neutralising|neutralizing|neutralis(?:er|e)|neutralize|tuer|abattre|[ée]liminer|"
    r"deaths? of|(?:corpses|bodies|remains) of|lynched|beheaded|slaughtered|stabbed to death|"
    r"co[ûu]t[ée] la vie [àa]|(?:la |the )?pertes? (?:de|d['’])|the loss of|loss of|"
    r"number of (?:dead|deaths|victims|fatalities) (?:at|to|of)|nombre de (?:morts|victimes) (?:à|de)|"
    r"(?:number|toll) of (?:\w+ ){0,2}?(?:killed|dead) (?:at|to)|"
    # a killing as a noun: "the summary execution of 20 men", "l'exécution sommaire de 20 hommes"
    r"(?:summary\s+|extrajudicial\s+)?(?:executions?|killings?|murders?|massacre) of|"
    r"(?:ex[ée]cutions?|meurtres?|massacre|assassinats?)(?:\s+(?:sommaires?|extrajudiciaires?))?\s+de)\s+|"
    r"(?:ex[ée]cutions?|meurtres?|massacre|assassinats?)(?:\s+(?:sommaires?|extrajudiciaires?))?\s+d['’]\s*)"
    # a day between the verb and its figure: "ont tué lundi quatre civils", "killed on Monday four"
    r"(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|yesterday|hier|overnight|last night)(?:\s+(?:night|evening|morning|soir|matin))?"
    r",?\s+)?[\"“”«»‘’']?\s*$",  # ('killed "more than 40 terrorists"', "avoir « neutralisé » 23 terroristes")
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    r"\s*-?\s*(?:km|kilom\w*|miles?|m\b|%|per ?cent|pour ?cent|years?|ans|huts?|houses?|homes?|shops?|granar\w*|"
    r"cars?|weapons|arms|rifles|guns|boats?|pirogues?|carts?|schools?|buildings?|hours?|heures?|h\b|days?|jours?|"
    r"weeks?|semaines?|months?|mois|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|"
    r"d[ée]cembre|times|fois|st\b|nd\b|rd\b|th\b|er\b|o'clock|a\.m|p\.m|vehicles?|motorbikes?|motorcycles?|"
    r"incidents?|events?|attacks?|attaques?|[ée]v[ée]nements?|"
    r"barracks|positions?|towns?|villages?|localit\w*|cattle|head|kg|tons?|cfa|fcfa|francs|dollars|euros|"
    r"ieds?|mines?|bombs?|engins?|explosi\w*|devices?|obus|shells?|rockets?|roquettes?)"
    r"(?![a-z])",  # "9 villages", not "9 villagers"
    re.IGNORECASE,
)
_ZERO = re.compile(r"\b(?:no (?:one|casualties|deaths|fatalities|victims)|nobody (?:was )?(?:killed|hurt)|"
                   r"no-one|aucun(?:e)? (?:mort|victime|perte)|sans faire de victimes?|no (?:\w+ )?(?:were|was) killed)\b",
                   re.IGNORECASE)
_ANIMALS = re.compile(r"\s+(?:\w+\s+)?(?:oxen|cattle|cows?|sheep|goats?|camels?|donkeys?|animals|heads|livestock|"
                      r"b[œo]ufs|vaches|moutons|ch[èe]vres|chameaux|t[êe]tes)\b", re.IGNORECASE)
_PERSON = (r"(?:officer|commander|chief|imam|man|woman|boy|girl|child|civilian|soldier|trader|merchant|herder|farmer|"
           r"driver|teacher|mayor|notable|councill?or|guide|agent|gendarme|policeman|leader|member|individual|person|"
           r"youth|student|nurse|marabout|shepherd|herdsman|fisherman|jihadist|militant|militiaman|assailant|villager|"
           r"resident|peacekeeper|guard|contractor|businessman|official|employee|worker|pastoralist|father|son|"
           r"brother|husband|wife|elder|village head|secretary|deputy|prefect|judge|journalist|doctor|homme|femme|"
           r"enfant|civil|soldat|militaire|commer[cç]ant|berger|[ée]leveur|chef|notable)")
#: one more victim after a counted group: "killed six Nigerien soldiers and a civilian guide"
_AND_ONE = re.compile(r"\s+(?:[\w'-]+\s+){1,3}?(?:and|et)\s+(?P<one>(?:a|an|one|un|une)\s+(?:[\w'-]+\s+){0,2}?"
                      + _PERSON + r")\b(?!s)", re.IGNORECASE)
_SINGLE = re.compile(
    r"\b(?:killed|killing|shot dead|gunned down|assassinated|assassinating|executed|executing|murdered|murdering|"
    r"lynched|beheaded|stabbed to death|tu[ée]|tuant|abattu|assassin[ée]|ex[ée]cut[ée])\s+"
    r"(?:(?:(?:a|an|the|his|her|one|un|une|le|la|l')\s+)?(?:[\w'-]+\s+){0,3}?" + _PERSON + r"\b(?!s)|(?:him|her)\b)",
    re.IGNORECASE)
_SINGLE_PASSIVE = re.compile(
    r"\b(?:(?:a|an|one|the)\s+(?:[\w'-]+\s+){0,3}?(?:was|has been|had been|got|is)\s+(?:reportedly\s+|also\s+)?"
    r"(?:shot dead|killed|assassinated|executed|murdered|found dead|beheaded|lynched|stabbed to death|slaughtered|"
    r"beaten to death|burned alive|burnt alive)|"
    # "a mob beat a suspected thief to death"
    r"\bbeat\s+(?:a|an|one)\s+(?:[\w'-]+\s+){0,3}?to\s+death|"
    + _PERSON + r"\s+(?:[\w'-]+\s+){0,6}?(?:was\s+)?(?:killed|assassinated|murdered|shot dead)\s+(?:by|at|in|on|with)\b|"
    r"\b(?:un|une)\s+(?:[\w'-]+\s+){0,3}?(?:a|avait)\s+[ée]t[ée]\s+(?:tu[ée]e?|abattue?|assassin[ée]e?|ex[ée]cut[ée]e?|"
    r"[ée]gorg[ée]e?|battue?\s+à\s+mort|lynch[ée]e?\s+à\s+mort|br[ûu]l[ée]e?\s+vif|br[ûu]l[ée]e?\s+vive)(?!\w))")
_COMPANIONS = re.compile(
    r"(?:,|\band|\bwith)\s+(?:his|her|their)\s+(?:(?P<n>two|three|four|five|six|\d+)\s+)?"
    r"(?:sons?|brothers?|drivers?|wife|wives|children|daughters?|associates?|guides?|companions?|bodyguards?|"
    r"nephews?|relatives?|apprentices?|assistants?|colleagues?|cousins?|friends?)\b")
_INCLUDING = re.compile(r"(?:including|among them|among whom|of whom|dont|parmi lesquels|parmi eux|of them)\s+"
                        # ("among them my cousin and two women": the two women are of the eleven)
                        r"(?:[^.;:\d]{0,40}?(?:\band|\bet|,)\s+)?$", re.IGNORECASE)
_ADDRESS_BEFORE = re.compile(r"\b(?:secteur|quartier|sector|zone|RN|route nationale|national road|n°|no\.|num[ée]ro|lot|"
                             r"rue|avenue|street|cit[ée]|block|bloc|km|PK|point kilom[ée]trique)\s*$", re.IGNORECASE)
_ADDRESS_BITS = StartFinder(r"secteur|quartier|sector|zone|rn|route nationale|national road|n°|no\.|num|lot|rue|avenue|"
                            r"street|cit|block|bloc|km|pk|point kilom")
_INCLUDING_BITS = StartFinder(r"including|among|of whom|dont|parmi|of them")
_MONTH_BEFORE = re.compile(
    r"\b(?:jan(?:uary|vier)?|janv|feb(?:ruary)?|f[ée]v(?:rier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|"
    r"july?|juil(?:let)?|aug(?:ust)?|ao[ûu]t|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|"
    r"d[ée]c(?:embre)?)\.?\s+$",  # ("mardi 12 villageois" is a weekday, not "mar.")
    re.IGNORECASE)
_ASIDE = re.compile(r"\([\w'’/-]+(?:\s[\w'’/-]+)?\)")  # "(VDP)", "(Bambara)", "(members of...)" is not one
_LISTED = re.compile(r"(?:,|&|\band|\bet|\bor|\bou)\s*$", re.IGNORECASE)
_TOKEN = re.compile(r"[\w'’]+|[;:.()\[\]]")
_STOP = {";", ":", ".", "(", ")", "[", "]"}
#: what had been done to victims, then their death: "(abducted) by Dozos the day before were found dead"
_FOUND_DEAD = re.compile(r"\s+(?:earlier\s+|the\s+day\s+before\s+|la\s+veille\s+)?(?:by|par)\s+[^.;:]{0,70}?\b"
                         r"(?:were|was|have\s+been|had\s+been|ont\s+[ée]t[ée]|a\s+[ée]t[ée])\s+(?:later\s+|subsequently\s+|"
                         r"all\s+|retrouv[ée]s?\s+)?(?:found\s+dead|killed|executed|murdered|tu[ée]s|ex[ée]cut[ée]s|morts)\b",
                         re.IGNORECASE)
#: between two victim groups of one verb: a noun phrase, maybe a place, then "and" or a comma
_LIST_GAP = re.compile(r"[^.;:()]{0,60}?(?:\band|\bet|,)\s+(?:d['’]\s*)?$", re.IGNORECASE)
#: what follows a figure that continues such a list: victims, or where ("... and 5 in Arbinda")
_LIST_NEXT = re.compile(
    r"\s+(?:(?:\w+\s+)?(?:civilians?|soldiers?|people|persons?|villagers?|militants?|jihadists?|assailants?|"
    r"fighters?|herders?|farmers?|traders?|women|men|children|members?|policemen|gendarmes?|troops|militiamen|"
    r"civils?|soldats?|personnes?|militaires?|assaillants?|terroristes?|villageois|femmes|enfants)\b|"
    r"(?:in|at|near|à|dans|près|c[ôo]t[ée]|du\s+c[ôo]t[ée]|on\s+the\s+side|among|parmi)\b)", re.IGNORECASE)
#: verbs that give a result, not a killing: "left 14 dead" counts, "left 14 wounded" does not
_RESULT_ONLY = re.compile(r"\b(?:left|leaving|faisant|a fait|ont fait|avait fait)\s+$", re.IGNORECASE)
#: a figure given as the whole toll: another account of the same deaths, not more deaths
#: a sentence that is a toll by its heading: "Provisional toll: on the friendly side, 4 killed ...; on the
#: enemy side, 31 terrorists neutralised", "Bilan : côté ami, 3 morts ; côté ennemi, 12 tués" (each side a part)
_TOLL_HEADING = re.compile(r"^\W*(?:(?:provisional|final|official|latest|new|human)\s+)?(?:death\s+)?(?:toll|bilan)"
                           r"(?:\s+(?:provisoire|officiel|d[ée]finitif|humain))?\s*:", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\b(?:toll|bilan|number of (?:dead|deaths|victims|fatalities)|nombre de (?:morts|victimes)|"
                          r"number of (?:\w+ ){0,2}?(?:killed|dead)|"
                          # another source's figure: "d'autres sources évoquent entre 15 et 25 morts"
                          r"(?:other|d['’]autres|autres)\s+sources?)\b"
                          r"[^.;]{0,30}$", re.IGNORECASE)  # ("a revu le bilan à la hausse : au moins 34")
_NEG_WORDS = re.compile(r"(?:^|\s)(?:not|no|never|pas|aucun)\s+\w*\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Deaths:
    """Deaths reported in a text: the conservative figure, the range, and the spans counted."""

    low: int
    high: int
    spans: tuple[tuple[int, int], ...] = ()
    #: each victim group counted one by one: (start, end, low, high) in the sentence (none when a toll
    #: gives another account of the same deaths)
    parts: tuple[tuple[int, int, int, int], ...] = ()
    #: the sentence gives only a toll ("the toll rose to 30"): another account of deaths told elsewhere
    toll_only: bool = False

    @property
    def fatalities(self) -> int:
        return self.low


_SPACES = re.compile(r"\s+")
_WORD_GAPS = re.compile(r"[\s\-]+")


def parse_number(text: str) -> int:
    """A count from digits, English or French words, or a vague quantity.

    Raises
    ------
    ValueError
        When the text is not a count.

    Examples
    --------
    >>> parse_number("eighty"), parse_number("quatre-vingts"), parse_number("dozens"), parse_number("twenty-one")
    (80, 80, 12, 21)
    >>> parse_number("soixante-dix-sept"), parse_number("deux cents"), parse_number("une dizaine")
    (77, 200, 10)
    """
    t = _SPACES.sub(" ", text.strip().lower())
    if t.isdigit():
        return int(t)
    if t in _VAGUE:
        return _VAGUE[t]
    words = [w for w in _WORD_GAPS.split(t) if w and w != "et" and w != "and"]
    if not words:
        raise ValueError(f"not a number: {text!r}")
    total, current = 0, 0
    for w in words:
        if w in ("hundred", "cent", "cents"):
            current = max(current, 1) * 100
        elif w in ("vingt", "vingts") and current in (4,):
            current = 80
        elif w == "six":
            current += 6
        elif w in _UNITS:
            v = _UNITS[w]
            if current >= 60 and v in (10, 11, 12, 13, 14, 15, 16, 17, 18, 19) and current % 100 in (60, 80):
                current += v
            elif current and current % 10 == 0 and v < 10 and current % 100 != 0:
                current += v
            elif current and current % 100 == 0 and v < 100:
                current += v
            elif current and current >= 60 and current % 100 in (60, 80) and v >= 10:
                current += v
            elif current:
                total += current
                current = v
            else:
                current = v
        else:
            raise ValueError(f"not a number: {text!r}")
    return total + current


#: any word about deaths; a sentence without one reports none (a cheap first test)
_ANY_DEATH = re.compile(r"kill|dead|death|died|bod(?:y|ies)|corps|lives|la vie|fatal|slain|murder|ex[ée]cut|perish|tu[ée]|perte|loss|"
                        r"tuant|mort|d[ée]c[èée]|cadavre|assassin|victim|lynch|behead|slaughter|stabb|toll|abattu|"
                        r"massac|shot|gunned|bilan|neutrali|gorg|capit|alive|vif|vive")
_NUM_RE_L = re.compile(lower_pattern(_NUM_RE.pattern))
_SINGLE_L = re.compile(lower_pattern(_SINGLE.pattern))
# where those match in lower-cased text, found fast (same positions; the matches are read with the above)
_ANY_DEATH_S = StartFinder(_ANY_DEATH.pattern)
_COMPANIONS_S = StartFinder(_COMPANIONS.pattern)
_SINGLE_S = StartFinder(_SINGLE_L.pattern)
_SINGLE_PASSIVE_S = StartFinder(_SINGLE_PASSIVE.pattern)


#: a killing verb and one singular victim, whatever the noun: "assassinated the head of a bus company"
_SINGLE_NP = (r"(?P<art>(?:a|an|one|the|un|une|le|la)\s+|l['’]\s*)(?P<np>(?:[\w'’-]+\s+){0,3}?)(?P<head>[\w'’-]+)"
              r"(?=\s*(?:$|[,.;:()]|\s(?:of|in|at|on|near|from|who|whom|and|with|while|as|after|before|during|"
              r"de|du|des|d['’]|à|au|dans|près|qui|et|avec|lors|pendant)\b))")
_SINGLE_ANY = re.compile(
    r"\b(?:killed|killing|shot dead|gunned down|assassinated|assassinating|executed|executing|murdered|murdering|"
    r"lynched|beheaded|stabbed to death|slit the throat of|tu[ée]|tuant|abattu|assassin[ée]|ex[ée]cut[ée])"
    r"(?:\s+(?:and|et)\s+\w+)?\s+" + _SINGLE_NP)  # ("killed and buried a herder")
_AND_SINGLE = re.compile(r"\s+(?:and|et)\s+" + _SINGLE_NP)
_SINGLE_ANY_S = StartFinder(_SINGLE_ANY.pattern)
#: heads that are not a person killed ("killed the engine", "killed an unknown number of")
_NOT_PERSON = frozenset(
    "number total estimated unknown vehicle truck car motorbike motorcycle engine animal cow ox sheep goat camel "
    "donkey horse dog cattle livestock process deal project plan bill idea lights time hope momentum talks "
    "day night morning evening week month year same following other rest previous next "
    "kilometers kilometres km meters metres miles distance few couple dozen handful series group lot family "
    "kilomètres mètres dizaine groupe famille "
    "nombre total jour nuit matin soir semaine mois année lendemain veille véhicule camion moto animal vache mouton chèvre chameau âne cheval chien projet".split())


def _more_singles(low: str, pos: int) -> list[re.Match[str]]:
    """Further singular victims listed after one: "executed a mechanic and an electricity provider"."""
    out = []
    while (m := _AND_SINGLE.match(low, pos)) is not None:
        out.append(m)
        pos = m.end()
    return out


def _value(text: str, qual: str) -> tuple[int, int] | None:
    try:
        n = parse_number(text)
    except ValueError:
        return None
    return n, n


def _clause(toks: list[str]) -> list[str]:
    """The tokens up to the next stop (";", ".", a parenthesis...)."""
    out = []
    for t in toks:
        if t in _STOP:
            break
        out.append(t)
    return out


#: whose deaths a figure counts, by the word after it
_SIDES = (
    ("state", re.compile(r"\b(?:soldiers?|troops|gendarmes?|police\w*|guards?|peacekeepers?|VDP|FDS|militaires?|soldats?|"
                         r"policiers?|casques bleus|army)\b", re.IGNORECASE)),
    ("armed", re.compile(r"\b(?:assailants?|militants?|jihadists?|terrorists?|fighters?|attackers?|insurgents?|bandits?|"
                         r"assaillants?|terroristes?|jihadistes?|djihadistes?|combattants?|rebels?|militiam[ae]n|miliciens?)\b",
                         re.IGNORECASE)),
    ("civilian", re.compile(r"\b(?:civilians?|villagers?|people|persons?|residents?|worshippers?|passengers?|women|"
                            r"children|civils?|villageois|personnes?|habitants?|fid[èe]les|femmes|enfants)\b",
                            re.IGNORECASE)),
)


def victim_sides(sentence: str, ends: Iterable[int]) -> set[str]:
    """Whose deaths the figures ending at ``ends`` count ("state", "armed", "civilian"), from the words
    right after each (or, for "15 of them", the group named before: "pursued the attackers and killed 15
    of them")."""
    out: set[str] = set()
    for end in ends:
        after = sentence[end:end + 30]
        if _OF_THEM.match(after):
            after = sentence[max(0, end - 50):end]
            near = [(m.end(), side) for side, rx in _SIDES for m in rx.finditer(after)]
            if near:
                out.add(max(near)[1])
            continue
        for side, rx in _SIDES:
            m = rx.search(after)
            if m and m.start() <= 12:
                out.add(side)
                break
    return out


_OF_THEM = re.compile(r"\s+(?:of\s+them|d['’]entre\s+eux|parmi\s+eux)\b", re.IGNORECASE)


def count_deaths(sentence: str) -> Deaths:
    """Deaths reported in one sentence (sum over distinct victim groups, lowest figures).

    Examples
    --------
    >>> count_deaths("Gunmen killed 12 civilians and wounded three others.").low
    12
    >>> d = count_deaths("The toll ranges from about 20 to 50 dead."); (d.low, d.high)
    (20, 50)
    >>> count_deaths("L'attaque a fait quatre-vingts morts et dix blessés.").low
    80
    >>> count_deaths("Five soldiers were killed, including two officers; no civilians were hurt.").low
    5
    """
    low = high = 0
    toll: tuple[int, int] | None = None  # figures given as the whole toll
    verb_end = -1  # the end of the last figure a killing verb right before it counted
    spans: list[tuple[int, int]] = []
    parts: list[tuple[int, int, int, int]] = []
    toll_spans: list[tuple[int, int]] = []
    last_end = -2  # the end of the last figure counted
    last_toll = False  # whether that figure was a toll's
    lowered = sentence.lower()
    if _ANY_DEATH_S.search(lowered) < 0:
        return Deaths(0, 0, ())
    fast = len(lowered) == len(sentence)
    heading = ("toll" in lowered or "bilan" in lowered) and _TOLL_HEADING.match(sentence) is not None
    # (whether the sentence holds the words of these checks at all: most hold none)
    address_i = _ADDRESS_BITS.search(lowered) >= 0
    including_i = _INCLUDING_BITS.search(lowered) >= 0
    for m in (_NUM_RE_L.finditer(lowered) if fast else _NUM_RE.finditer(sentence)):
        a, b = m.group("a"), m.group("b")
        q = (m.group("q") or "").strip().lower()
        if _MONTH_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) or (
                address_i and _ADDRESS_BEFORE.search(sentence, max(0, m.start() - 20), m.start())):
            continue  # ("mardi 12", "le secteur 13", "la RN 1": a date or an address, not a count)
        a_low = a.lower()
        if a_low in ("a", "an", "un", "une", "et", "no", "one") and not b:
            # "a"/"one" alone is too often an article or a pronoun: only right after a killing verb,
            # or "one" just before a death word ("one killed")
            if not (_KILL_VERB.search(sentence[max(0, m.start() - 40):m.start()])
                    or (a_low == "one" and any(_DEATH.match(t) for t in
                                               _TOKEN.findall(sentence[m.end():m.end() + 50])[:5]))):
                continue
        if _NOT_COUNT_AFTER.match(sentence, m.end()):
            continue
        if including_i and _INCLUDING.search(sentence, max(0, m.start() - 70), m.start()):
            continue
        if _ANIMALS.match(sentence, m.end()):
            continue
        va = _value(a, q)
        if va is None:
            continue
        vb = _value(b, q) if b else None
        lo = va[0]
        hi = vb[0] if vb else va[0]
        if vb and hi < lo:
            lo, hi = hi, lo
        counted = listed = False
        before = sentence[max(0, m.start() - 40):m.start()]
        if _KILL_VERB.search(before) and not _NEG_WORDS.search(before) and not _RESULT_ONLY.search(before):
            counted = True
            verb_end = m.end()  # a list that goes on after this figure shares this verb
        else:
            # ("20 soldiers and volunteers (VDP) were killed": a short aside does not end the clause)
            window = _ASIDE.sub(" ", sentence[m.end():m.end() + 110])
            toks = _TOKEN.findall(window)
            for k, tm in enumerate(_TOKEN.finditer(window)):
                if k >= 12:
                    break
                tok = tm.group()
                # "16 militiamen and 4 civilians were killed": later figures of a list share the verb
                if tok in _STOP or (tok.isdigit() and k and not _LISTED.search(window, 0, tm.start())):
                    break  # (a figure not listed with this one has its own death word: "2 posts ... 1 killed")
                if _DEATH.match(tok):
                    counted = True
                    if k == 0:
                        verb_end = m.end()  # ("six morts côté dozo et neuf côté peul": the list goes on)
                    break
                if _INJURY.match(tok):
                    # "eight men abducted by Dozos the day before were found dead": the victims' fate is told
                    # after what had been done to them
                    counted = k > 0 and _FOUND_DEAD.match(window, tm.end()) is not None
                    break
            if not counted and last_end == verb_end >= 0 and _LIST_GAP.match(sentence, verb_end, m.start()) \
                    and _LIST_NEXT.match(sentence, m.end()) and not any(_INJURY.match(t) for t in _clause(toks)):
                # "killed 11 civilians in Mopti and two soldiers in Boni": the next group of one verb
                # (not "... and 3 people wounded", which has its own)
                counted = True
                verb_end = m.end()
                listed = True
        if counted:
            last_end = m.end()
        # (a list that goes on from a toll's figure is more of the toll: "le bilan est de six morts côté dozo et
        # d'au moins neuf côté peul")
        if counted and (heading or _TOLL_BEFORE.search(before) or (listed and last_toll)):
            last_toll = True
            # a toll ("the toll is 2 soldiers and 3 assailants") is another account of the deaths the
            # sentence counts one by one ("12 soldiers were killed, local sources put the toll at 30")
            toll = (toll[0] + lo, toll[1] + hi) if toll else (lo, hi)
            spans.append(m.span())
            toll_spans.append(m.span())
        elif counted:
            last_toll = False
            low += lo
            high += hi
            spans.append(m.span())
            parts.append((m.start(), m.end(), lo, hi))
            one = _AND_ONE.match(sentence, m.end()) if verb_end == m.end() else None
            if one is not None:
                # "killed six soldiers and a civilian guide": one more victim of the same verb
                low += 1
                high += 1
                spans.append((one.start("one"), one.end()))
                parts.append((one.start("one"), one.end(), 1, 1))
    # "killed a trader", "shot dead the village chief": one victim, unless a count follows
    for m in (_SINGLE_S.finditer(_SINGLE_L, lowered) if fast else _SINGLE.finditer(sentence)):
        if _NEG_WORDS.search(sentence[max(0, m.start() - 20):m.start()]):
            continue
        if any(m.start() <= a <= m.end() + 25 for a, _ in spans):
            continue
        if _ANIMALS.match(sentence, m.end() - 1):
            continue
        # "shot dead a nurse and a driver": the further victims listed after the first
        more = [g for g in _more_singles(lowered, m.end()) if g.group("head") not in _NOT_PERSON]
        k = 1 + len(more)
        low += k
        high += k
        spans.append((m.start(), more[-1].end() if more else m.end()))
        parts.append((m.start(), more[-1].end() if more else m.end(), k, k))
    # "a civilian was killed", "a boy was shot dead": one victim
    for m in (_SINGLE_PASSIVE_S.finditer(_SINGLE_PASSIVE, lowered) if fast else _SINGLE_PASSIVE.finditer(sentence)):
        if any(a < m.end() and b > m.start() for a, b in spans) or "number of" in m.group().lower():
            continue  # ("an official put the number of soldiers killed at ten": no one victim)
        low += 1
        high += 1
        spans.append(m.span())
        parts.append((m.start(), m.end(), 1, 1))
    # "assassinated the subprefect of X", "killed a Bozo and an elderly Fulani": one victim per singular
    # noun phrase a killing verb takes, whatever the noun (the lists above cannot name every role)
    for m in (_SINGLE_ANY_S.finditer(_SINGLE_ANY, lowered) if fast else _SINGLE_ANY.finditer(lowered)):
        if _NEG_WORDS.search(sentence[max(0, m.start() - 20):m.start()]):
            continue
        pos, k = m.end(), 0
        for g in (m, *_more_singles(lowered, m.end())):
            if g.group("head") in _NOT_PERSON or any(a < g.end() and b > g.start() for a, b in spans) \
                    or any(g.start() <= a <= g.end() + 25 for a, _ in spans):
                break
            k += 1
            pos = g.end()
        if k:
            low += k
            high += k
            spans.append((m.start(), pos))
            parts.append((m.start(), pos, k, k))
    # "... killed a father and his two sons": the companions named after a single victim
    for m in (_COMPANIONS_S.finditer(_COMPANIONS, lowered) if fast else _COMPANIONS.finditer(sentence)):
        if not any(a < m.start() and m.start() - a < 120 for a, _ in spans):
            continue
        n = m.group("n")
        k = 1
        if n:
            try:
                k = parse_number(n)
            except ValueError:
                k = 1
        low += k
        high += k
        spans.append(m.span())
        parts.append((m.start(), m.end(), k, k))
    if toll is not None and low:
        mine = victim_sides(sentence, (p[1] for p in parts))
        theirs = victim_sides(sentence, (e for _, e in toll_spans))
        if mine and theirs and not mine & theirs:
            # "a revu le bilan : 34 militaires ont perdu la vie, et plusieurs dizaines d'assaillants ont été
            # neutralisés": the other side's dead are more of the toll, not another account of it
            toll, low, high = (toll[0] + low, toll[1] + high), 0, 0
    toll_only = toll is not None and not low
    if toll is not None:
        # the toll and the victims counted one by one are two accounts of the same deaths: the lowest
        low, high = (min(low, toll[0]), max(high, toll[1])) if low else toll
        parts = []
    return Deaths(low, high, tuple(spans), tuple(parts), toll_only)


def split_total(total: int, n: int) -> list[int]:
    """A total split evenly across ``n`` events, the remainder to the first.

    Examples
    --------
    >>> split_total(80, 7)
    [14, 11, 11, 11, 11, 11, 11]
    """
    if n <= 0:
        return []
    base, rem = divmod(total, n)
    return [base + rem] + [base] * (n - 1)
