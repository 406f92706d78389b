"""Event places: spotting toponyms, dropping persons, organisations and orientation-only places.

Candidates come from two sources: the gazetteer's spotter (known names) and capitalised words in
place contexts ("in X", "near X", "the towns of X, Y and Z", "à X", "près de X") so that spellings
the gazetteer lacks verbatim still reach its fuzzy resolution. A candidate is dropped when it is a
person (a title before it, "said X", a first-name/surname run), an organisation or actor, a country,
or a place named only to orient the reader (a dateline, "the capital X", "the border with X", "a
former governor of X region", inside a parenthesis of admin context).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from gazetteer.batch import ties_of
from gazetteer.normalize import normalize_name
from gazetteer.ranking import haversine_km

from .lexicon import SAID, StartFinder, lower_pattern, lowered

__all__ = ["PlaceMention", "ResolvedPlace", "candidate_places", "resolve_places", "check_situated", "only_situates",
           "SPEAKS_AFTER"]

#: a capitalised name of up to three words ("#GoromGorom": a hashtag too)
_CAP = r"#?[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+(?:du|de|des|el|al|ag|ould|N'|d')?\s*[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,2}"
_PREP = (r"(?:in|at|near|around|outside|between|into|à|dans|près de|pres de|vers|entre|aux environs de|non loin de|"
         r"villages? of|towns? of|cit(?:y|ies) of|localit(?:y|ies) of|village de|localit[ée]s? de|commune of|commune de|"
         r"area of|outskirts of|km (?:\w+ )?from|(?:north|south|east|west)(?:-?(?:east|west))? of|"
         r"(?:nord|sud)(?:-(?:est|ouest))? de|capital(?: city)?(?: of)?,?|capitale,?|vicinity of|region of|cercle of|circle of|r[ée]gion de|cercle de|km (?:\w+ )?of|"
         r"attacked|targeted|struck|raided|hit|overran|seized|captured|stormed|shelled|attaqu[ée]s?|vis[ée]s?|frapp[ée]s?|"
         r"(?:camp|base|poste?|garrison|garnison|d[ée]tachement|caserne|village|ville|localit[ée]|commune|cercle|hamlet|"
         r"market|march[ée])"
         r"(?:\s+(?:militaire|hebdomadaire|central|centrale|principal|weekly|main|local|de b[ée]tail))?\s+(?:de|d'|du|of))")
_CTX = re.compile(rf"(?<![\w])(?:{_PREP}|À|Au|Aux|Dans|Près de|Vers|Entre|In|At|Near|Around|Outside|Between|"
                  # French typed without accents: "A Ouahigouia, des individus armes ..." (a name and a comma)
                  rf"A(?=\s+[A-ZÀ-Ö][\w'’-]+(?:\s+[A-ZÀ-Ö][\w'’-]+)?\s*,))\s+(?:the\s+|la\s+|le\s+)?(?:(?:town|village|city|locality|hamlet|commune|"
                  rf"ville|localit[ée]|[Cc]ercle|[Cc]ircle|[Rr]egion|[Rr]égion|[Cc]ommune|[Dd]istrict|[Pp]rovince)s?\s+"
                  rf"(?:of\s+|de\s+|du\s+)?)?(?P<names>{_CAP}(?:\s*(?:,|and|et|or|ou)\s+{_CAP})*)")
_SPLIT = re.compile(r"\s*(?:,|\band\b|\bet\b|\bor\b|\bou\b)\s*")
_TITLE = re.compile(
    r"(?:\b(?:Gen|General|Général|Col|Colonel|Lt|Lieutenant|Capt|Captain|Capitaine|Cpl|Sgt|Sergeant|Maj|Major|"
    r"Commander|Cdt|President|Président|Minister|Ministre|Prime Minister|Premier ministre|PM|Mr|Mrs|Ms|Dr|"
    r"Imam|Sheikh|Cheick|Chief|Mayor|Maire|Governor|Gouverneur|Senator|Deputy|Député|MP|spokesperson|"
    r"spokesman|porte-parole|leader|chef|Mme|Mlle|M|Me|Pr|Professor|Judge|juge|Ambassador)\.?\s+)$"
)
_SAID = re.compile(r"\b(?:said|says|told|according to|selon|a déclaré|a dit|explained|added|wrote)\s+$", re.IGNORECASE)
_ORIENT_BEFORE = re.compile(
    r"(?:\bcapital(?:\s+city)?(?:\s+of)?,?|\bcapitale,?|\bborders?\s+(?:with|of)|\bfronti[èe]re\s+(?:avec|de)|"
    r"\bformer\s+(?:\w+\s+){0,2}(?:governor|mayor|prefect|minister)\s+of|\bancien\s+(?:gouverneur|maire|pr[ée]fet)\s+de|"
    r"\bnatives?\s+of|\bborn\s+in|\bbased\s+in|\bheadquartered\s+in|\bcitizens?\s+of|\bembassy\s+(?:of|in)|"
    r"\bambassade\s+(?:du|de)|\bgovernment\s+of|\bpresident\s+of|\bminister\s+of|"
    # where someone spoke, not where the event was: "told reporters in Kati", "speaking in Bamako"
    r"\b(?:told\s+(?:\w+\s+){0,2}|speaking\s+(?:to\s+(?:\w+\s+){0,2})?|said\s+|declared\s+|announced\s+|"
    r"a\s+d[ée]clar[ée]\s+|a\s+annonc[ée]\s+)(?:in|at|from|à|depuis)|\bpress\s+conference\s+in|"
    r"\bconf[ée]rence\s+de\s+presse\s+à)\s+(?:the\s+|la\s+|le\s+)?$",
    re.IGNORECASE,
)
_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\baround|\boutside|\boutskirts\s+of|\bvicinity\s+of|\barea\s+of|\bkm\s+(?:\w+\s+)?(?:of|from)|"
    r"\bbetween|\bprès\s+de|\baux\s+environs\s+de|\bnon\s+loin\s+de|\bentre|\bà\s+\d+\s*km\s+(?:\w+\s+)?de|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|nord|sud|est|ouest)(?:-\w+)?\s+of|"
    r"\bsurroundings\s+of|\bregion\s+of|\bcircle\s+of|\bcercle\s+(?:of|de)|\br[ée]gion\s+de)\s+(?:the\s+|la\s+|le\s+)?$|"
    # elided: "près d'Ansongo", "à 20 km à l'est d'Ansongo"
    r"(?:\bprès|\benvirons|\bnon\s+loin|\bkm|\best|\bouest|\bnord|\bsud)\s+d['’]$",
    re.IGNORECASE,
)
#: a first-level region named as such (a cercle, commune or district is "a small part of a region": 2)
_REGION_BEFORE = re.compile(r"\b(?:region|r[ée]gion|province)\s+(?:of|de|du|d['’])\s*(?:the\s+|la\s+|le\s+)?$",
                            re.IGNORECASE)
_REGION_AFTER = re.compile(r"\s+(?:region|r[ée]gion|province)\b", re.IGNORECASE)
_ADMIN_AFTER = re.compile(r"\s+(?:region|r[ée]gion|cercle|circle|district|province|commune|prefecture|"
                          r"neighbou?rhood|quarter|quartier|"
                          r"département|department)\b|"
                          # "Missabougou, a neighbourhood of Bamako", "Niamakoro, un quartier de Bamako"
                          r",\s+(?:a|an|un|une)\s+(?:neighbou?rhood|quarter|suburb|quartier|banlieue)\s+(?:of|de|d['’])",
                          re.IGNORECASE)
#: "Gao Region", "Cercle de Koro": a name that says it is an admin unit
_ADMIN_LAST = re.compile(r"(?:^|\s)(?:Region|R[ée]gion|Cercle|Circle|District|Province|Commune|Prefecture)(?:\s|$)")
#: "the Ganguel area (of Tenenkou)": around that place, at precision 2 (not an admin unit: ACLED codes the
#: event to it more often than to the town after "of", 11 to 4 on its Mali 2017-2018 notes)
_AREA_AFTER = re.compile(r"\s+(?:area|zone|surroundings|vicinity|outskirts)\b", re.IGNORECASE)
_ADMIN_BEFORE = re.compile(r"(?:\bregion\s+of|\bcercle\s+(?:of|de)|\bcircle\s+of|\br[ée]gion\s+de|\bprovince\s+(?:of|du|de)|"
                           r"\bcommune\s+(?:of|de)|\bdistrict\s+of|\b(?:le|du|au)\s+quartier\s+(?:de|d['’]))"
                           r"\s+(?:the\s+|la\s+|le\s+)?$", re.IGNORECASE)
_OFFSET = re.compile(
    r"(?P<km>\d+(?:[.,]\d+)?)\s*(?:km|kilomet(?:er|re)s?|kilomètres)\s+(?:to\s+the\s+|au\s+)?"
    r"(?P<dir>north-?east|north-?west|south-?east|south-?west|north|south|east|west|nord-est|nord-ouest|sud-est|"
    r"sud-ouest|nord|sud|est|ouest|NE|NW|SE|SW|N|S|E|W)\s+(?:of|from|de|d')\s*(?:the\s+)?(?:\w+\s+(?:of\s+)?)?$",
)
# the same checks, found with StartFinder (the IGNORECASE ones on lower-cased text; see _has)
_TITLE_F = StartFinder(_TITLE.pattern)
_SAID_F = StartFinder(lower_pattern(_SAID.pattern))
_ORIENT_F = StartFinder(lower_pattern(_ORIENT_BEFORE.pattern))
_NEAR_F = StartFinder(lower_pattern(_NEAR_BEFORE.pattern))
_ADMIN_BEFORE_F = StartFinder(lower_pattern(_ADMIN_BEFORE.pattern))


def _has(finder: StartFinder, pattern: re.Pattern[str], text: str, low: str | None) -> bool:
    """``bool(pattern.search(text))`` for an IGNORECASE ``pattern``; ``low`` is ``lowered(text)``."""
    return finder.search(low) >= 0 if low is not None else pattern.search(text) is not None


_BEARING = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1), "nord": (1, 0), "sud": (-1, 0),
            "est": (0, 1), "ouest": (0, -1), "n": (1, 0), "s": (-1, 0), "e": (0, 1), "w": (0, -1)}

#: capitalised words that are not places even where the gazetteer knows a homonym.
_STOP = frozenset("""the a an on in at of and or but for to from by with this that these those it its his her their
there here he she they we i you our my le la les un une des du de et ou mais pour par avec dans sur ce cette ces il elle ils
elles nous on en au aux lors selon after before during when while since as according however also other another some
monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi dimanche
january february march april may june july august september october november december janvier février mars avril mai
juin juillet août septembre octobre novembre décembre islam islamic state army police president minister general
north south east west northern southern eastern western central nord sud est ouest centre center centre
god allah facebook twitter whatsapp bbc afp reuters rfi ap un uno minusma barkhane jnim gsim fama fds isgs eigs
cma msa gatia mnla ecowas cedeao g5 sahel africa west african afrique de l'ouest al qaeda qaida isis isil daesh
christmas ramadan tabaski eid new year red cross croix rouge human rights watch amnesty red crescent coup prime
far further farther meanwhile later earlier elsewhere nearby overall côté cote fin début debut milieu marche manifestation frappe attaque embuscade former reportedly presumed suspected unknown unidentified several two three four five
malian malians malien maliens malienne burkinabe burkinabè nigerien nigérien french français française russian
fulani peul peulh peuls peulhs fula dogon dogons bambara bambaras bozo bozos tuareg tuaregs touareg touaregs arab
arabs arabe songhai songhay sonrai dawsahak daoussahak bellah imghad ifoghas moor moors maure mossi hausa haoussa
djerma zarma kel katiba ansar dine mourabitoun council islamic high national
guard operation force forces mission united nations union minister ministry governor court
one six seven eight nine ten dozens hundreds
plus moins parmi environ près tous toutes chaque certains certaines aucun aucune quelques plusieurs
over under about around near between throughout within without across amid amidst despite following until upon
meanwhile earlier later yesterday today tonight last next early late overnight once
pendant depuis après avant durant vers hier aujourd'hui cependant toutefois ainsi alors puis enfin lorsque""".split())
#: a name right after these words names an armed group, even when it is also a place's name.
_GROUP_BEFORE = re.compile(r"\b(?:katiba|katibat|brigade|kataib)\s+$", re.IGNORECASE)
#: a name at the end of an organisation's name ("Front de libération de l'Azawad", "Coordination des
#: mouvements de l'Azawad", "Movement for the Salvation of Azawad"): the group, not a place
_ORG_BEFORE = re.compile(
    r"\b(?:Front|Mouvement|Movement|Coordination|Council|Conseil|Alliance|Union|Groupe|Group|Plateforme|Platform|"
    r"Coalition|Association|Brigade|Battalion|Bataillon|Rassemblement|Congr[eè]s|Parti|Party|Directorate|"
    r"Direction|Agency|Agence|Office|Commission|Committee|Comit[ée]|Ministry|Minist[eè]re|Authority|Autorit[ée]|"
    r"Institute|Institut|Bank|Banque|Fund|Fonds|Radio|Television|T[ée]l[ée]vision)\b"
    r"(?:\s+[\w'’-]+){0,6}?\s+(?i:de|du|des|for|of|pour)\s+(?i:la\s+|l['’]|le\s+|the\s+)?$")
#: a name right after these words names a military operation
_OPERATION_BEFORE = re.compile(r"\b(?:operation|opération|op\.)\s+['\"‘“«]?\s*$", re.IGNORECASE)
#: a capitalised word before these nouns names a people or a group, not a place ("Dogon civilians").
_PEOPLE_AFTER = re.compile(
    r"\s+(?:militants?|militiam[ae]n|militias?|civilians?|communit(?:y|ies)|tribal|ethnic|fishermen|herders?|herdsmen|"
    r"fraction|tribe|clan|youths?|traders?|villagers?|hunters|fighters|elements|members|jihadists|rebels|"
    r"soldiers|troops|forces|army|chief|leaders?|women|men|people|nationals?|civils|miliciens|combattants)\b",
    re.IGNORECASE)
_CODED_MORE = re.compile(r"\s*(?:,|and)\s+(?P<name>[A-ZÀ-Ö][\w'’\-]*(?:\s+[A-ZÀ-Ö][\w'’\-]*){0,2})(?=[\s,)])")
#: ACLED-style notes state the coded place explicitly: "(coded as Sebete at geoprecision 2)".
_CODED_AS = re.compile(
    r"\(\s*(?:respectively\s+)?coded\s+(?:(?:at|as)\s+(?:an?\s+)?approximate\s+location,?\s+(?:(?:as|at)\s+)?|"
    r"(?:as|at)\s+)"
    r"(?P<name>[A-ZÀ-Ö][\w'’\-]*(?:\s+[A-ZÀ-Ö][\w'’\-]*){0,2})"
    r"(?:\s+(?P<km>\d+(?:\.\d+)?)\s*km\s+(?P<dir>[NSEW]{1,2})\b)?(?=[\s,)])")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in an event sentence (offsets are in the article text)."""

    text: str
    start: int
    end: int
    precision: int = 1
    admin: bool = False
    #: (km north, km east) the text puts the event from this place ("25 km north of Boni")
    offset_km: tuple[float, float] | None = None
    #: move the point by ``offset_km``: only where the report itself codes a displaced point ("coded as
    #: Menaka 25km W"); otherwise the event is coded to the named place at precision 2, as ACLED does
    displace: bool = False
    #: shorter names inside this one, tried in its place when the gazetteer lacks it (:func:`_name_parts`)
    parts: tuple["PlaceMention", ...] = ()


@dataclass
class ResolvedPlace:
    """A mention with its chosen gazetteer candidate (``candidate`` is ``None`` when unresolved)."""

    mention: PlaceMention
    candidate: Any = None
    precision: int = 1
    lat: float | None = None
    lon: float | None = None
    reasons: list[str] = field(default_factory=list)
    #: other places the text cannot tell from ``candidate`` (:func:`gazetteer.batch.ties_of`)
    ties: list[Any] = field(default_factory=list)
    #: why the gazetteer's place was refused (it is not where the text puts it), for the event's note
    refused: str = ""


_CAP_BEFORE = re.compile(r"([A-ZÀ-Ö][a-zà-ÿ]+)\s+$")
# compiled once (module-level re.* calls look their pattern up in re's cache on every call)
_CAP_AFTER = re.compile(r"\s+([A-ZÀ-Ö][a-zà-ÿ]+)")
_APPOSITION_ROLE = re.compile(
    r"\s*,\s+(?:the|a|an|un|une|le|la)\s+(?:[\w’']+\s*(?:’s|'s)?\s+)?(?:spokes|leader|commander|chief|president|"
    r"minister|mayor|governor|official|resident|journalist|director|trader|merchant|teacher|farmer|herder|"
    r"driver|imam|notable|student|doctor|nurse|businessman|businesswoman|man|woman|father|mother|son|daughter|"
    r"brother|member|activist|politician|candidate|deputy|councill?or|commer[cç]ant|enseignant|éleveur|"
    r"chauffeur|maire|chef|élu|homme|femme|membre)\b", re.IGNORECASE)
#: "in the capital Bamako" names where the event happened ("northwest of the capital Bamako" orients)
_IN_CAPITAL = re.compile(r"(?:\b(?:in|at|across|throughout|into|streets\s+of)|\bà|\bdans)\s+(?:the\s+|la\s+)?"
                         r"(?:capital(?:\s+city)?(?:\s+of)?|capitale),?\s+(?:the\s+)?$")
#: ... unless the capital is where someone is based, born or represented ("based in the capital Bamako")
_SITUATED_BEFORE = re.compile(r"\b(?:based|headquartered|born|natives?|embassy|embassies|stationed|living|"
                              r"residing|installée?s?|basée?s?|née?s?|ambassade)\s+$")


def _in_capital(low_before: str) -> bool:
    """Whether lower-cased text ending right before a name puts the event in the capital named next."""
    m = _IN_CAPITAL.search(low_before)
    return m is not None and not _SITUATED_BEFORE.search(low_before, 0, m.start())


_SAID_AFTER = re.compile(r"\s+(?:said|told|says|added|declared|a déclaré|a dit|affirme)\b")
_NAME_WORDS = re.compile(r"[\s\-’']+")
_KATIBA_BEFORE = re.compile(r"\bKatiba\s+$")
_FORMER = re.compile(r"\bformer\b|\bancien", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+(?:and|et)\s+")
_BETWEEN_BEFORE = re.compile(r"\b(?:between|entre)\s+(?:the\s+\w+\s+of\s+)?$", re.IGNORECASE)
_COMMA_GAP = re.compile(r"\s*,\s*")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|et\b|or\b)\s*[A-ZÀ-Ö]")
_COMMA_BEFORE = re.compile(r",\s*$")


#: a preposition that puts what follows on the map ("in Gao, a trader was killed")
_LOCATIVE_END = re.compile(
    r"(?:\b(?:in|at|near|from|outside|around|between|towards?|à|dans|près\s+de|de|entre|vers)|"
    # "in the area of Kokry, the hamlet chief was killed": a place word names a place, not a person
    r"\b(?:area|village|town|city|locality|hamlet|commune|vicinity|outskirts|region|district|zone|camp|market|"
    r"zone|r[ée]gion|cercle|hameau|localit[ée]|ville|environs|march[ée])\s+(?:of|de|d'|du))\s+(?:the\s+)?$",
    re.IGNORECASE)
#: articles a sentence may start with: capitalised there, they make "Les habitants" look like a name
_ARTICLES = frozenset("the a an le la les l un une des du de".split())


#: a word that introduces a place ("IN BONI", "NEAR THE TOWN OF GAO", "À SÉGOU")
_PLACE_WORD_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|around|outside|of|from|to|into|towards|attacked|dans|près\s+de|de|du|vers|sur|"
    r"entre|between|and|et)|(?<!\w)à)\s+(?:the\s+|la\s+|le\s+|l['’])?(?:(?:town|village|city|localit[ée]|ville|commune|"
    r"region|r[ée]gion|cercle|camp|base)\s+(?:of\s+|de\s+|d['’])?)?$", re.IGNORECASE)


def _caps_text(article: str, start: int, end: int) -> bool:
    """Whether the words around a span are written in capitals ("ATTAQUE À SÉGOU: 5 MORTS")."""
    around = article[max(0, start - 30):start] + article[end:end + 30]
    letters = [c for c in around if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _common_noun_phrase(name: str) -> bool:
    """An article followed by lower-case words only ("Les habitants", "The residents"): a common noun
    phrase capitalised by its place in the sentence, not a place's name ("La Paz", "Les Abymes")."""
    words = [w for w in _NAME_WORDS.split(name) if w]
    return len(words) > 1 and words[0].lower() in _ARTICLES and all(w.islower() for w in words[1:])


#: given names common in the Sahel's reporting: a name right after one is a person's ("Amadou Koufa"),
#: and so is a two-word name starting with one ("Ousmane Diallo", also a village in Côte d'Ivoire)
_GIVEN_NAMES = frozenset("""amadou amadoun ahmadou hamadoun hamadou mamadou moussa ousmane oumar omar ibrahim ibrahima
boubacar abdoulaye abdou abdoul aliou souleymane seydou sekou sékou modibo bakary adama yacouba mahamadou mohamed
mohammed mahamat iyad assimi hamidou idrissa lassana tiémoko dramane soumaila soumaïla soumeylou cheick cheickna
alassane salif karim fatoumata aminata mariam aïssata aissata kadidia oumou djeneba rokia hawa kadiatou""".split())


#: where a speaker is, not where something happened: "an official in Mondoro said", "un élu de Boni"
_SPEAKER_BEFORE = re.compile(r"\b(?:officials?|sources?|residents?|inhabitants?|elders?|spokes(?:man|woman|person)|"
                             r"mayor|governor|prefect|journalists?|correspondents?|witness(?:es)?|responsables?|"
                             r"habitants?|[ée]lus?|notables?|t[ée]moins?)\s+(?:\w+\s+)?(?:in|at|of|from|à|de|d['’])\s+$",
                             re.IGNORECASE)
#: a speech verb right after a name: where someone speaks from ("Kayes said"), or a force that is the
#: source of a report ("the gendarmerie said")
SPEAKS_AFTER = re.compile(rf"[\s,]+(?:\w+\s+){{0,2}}?(?:{SAID})\b", re.IGNORECASE)


_PATRONYM_AFTER = re.compile(r"\s+(?i:ould|ag|ben|bin|wuld)\s+[A-Za-zÀ-ÿ]")


def where_someone_speaks(article: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is where a speaker is ("according to an official in Talbi",
    "residents of Kelta, who said", "un élu joint depuis Mopti"), not where something happened."""
    return bool(_SPEAKER_BEFORE.search(article, max(0, start - 40), start) or SPEAKS_AFTER.match(article, end)
                or _REACHED_IN.search(article, max(0, start - 40), start))


#: where a speaker was reached: "joint depuis Mopti", "contacted by phone in Gao"
_REACHED_IN = re.compile(r"\b(?:joint|jointe|joints|contact[ée]e?s?|interrog[ée]e?s?|reached|contacted|interviewed|"
                         r"speaking|joignable)\s+(?:\w+\s+){0,3}?(?:depuis|à|from|in|at)\s+$", re.IGNORECASE)
#: an end of a road named by its towns: "the Kayes-Bamako road", "l'axe Gao-Ansongo"
_ROAD_AFTER = re.compile(r"(?:\s*-\s*[A-ZÀ-Ö][\w'’]+)*\s+(?:road|highway|axis|route)\b")
_ROAD_BEFORE = re.compile(r"\b(?:axe|axis|route|road|tronçon|highway)\s+(?:d[eu]\s+|de\s+l['’])?"
                          r"(?:[A-ZÀ-Ö][\w'’]+\s*-\s*)?$", re.IGNORECASE)


#: what starts a line or a list item before a heading ("- Tillabéri: ...")
_HEADING_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[•·▪●◦‣►*–—-][ \t]*)?$")


_HEADING_AFTER = re.compile(r"\s*(?::|[–—]|-(?=\s))\s")


def _is_heading(article: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` heads a line or a list item: "- Tillabéri: ...", "KAYES – ..."."""
    return (_HEADING_AFTER.match(article, end) is not None
            and _HEADING_BEFORE.search(article, max(0, start - 8), start) is not None)


def only_situates(article: str, m: PlaceMention) -> bool:
    """Whether a place of an event's sentence only situates it when the sentence names another: where
    someone speaks from or lives ("Residents of Hombori accused soldiers of killing 20 civilians in
    Kobou"), an end of a road ("on the Kayes-Bamako road near Diema"), where people fled to ("les
    déplacés se sont réfugiés à Ouahigouya")."""
    # (not a speech verb right after the place: "interpellées à Pissila, a annoncé le procureur" is an
    # attribution clause, the place is the event's)
    speaks = bool(_REACHED_IN.search(article, max(0, m.start - 40), m.start)
                  or (_SPEAKER_BEFORE.search(article, max(0, m.start - 40), m.start)
                      and _SPEECH_VERB.search(article, m.end, m.end + 80)))
    return (speaks or bool(_ROAD_AFTER.match(article, m.end))
            or bool(_ROAD_BEFORE.search(article, max(0, m.start - 30), m.start))
            or bool(_REFUGE_BEFORE.search(article, max(0, m.start - 50), m.start))
            or bool(_IN_CHARGE.search(article, max(0, m.start - 90), m.start)))


#: a place inside what suspects are charged with ("soupçonnées d'avoir participé à l'attaque ... contre un
#: poste de police de Kaya ont été interpellées à Pissila"): where the earlier event was, not the arrest
_IN_CHARGE = re.compile(r"\b(?:particip\w*|impliqu[ée]e?s?|involved|took\s+part|taking\s+part|suspected\s+of|"
                        r"soup[çc]onn[ée]e?s?\s+d)\b[^.;]{0,80}$", re.IGNORECASE)


#: what speakers do ("residents of Hombori accused soldiers"; not "residents in Niono took to the streets")
_SPEECH_VERB = re.compile(r"\b(?:said|say|says|told|tell|sp(?:oke|eaks?|eaking)|[ée]voqu\w*|parl\w*|fait\s+[ée]tat|"
                          r"font\s+[ée]tat|accus\w*|report\w*|claim\w*|denounc\w*|confirm\w*|"
                          r"d[ée]clar\w*|affirm\w*|d[ée]nonc\w*|rapport\w*|indiqu\w*|t[ée]moign\w*)\b",
                          re.IGNORECASE)


def _is_person(text: str, start: int, end: int, article: str) -> bool:
    if _PATRONYM_AFTER.match(article, end):
        return True  # "Baba ould Cheikh", "Mohamed Ag Intallah": a name with its father's
    before = article[max(0, start - 40):start]
    if _TITLE_F.search(before) >= 0 or _has(_SAID_F, _SAID, before, lowered(before)):
        return True
    first = text.split(None, 1)
    if len(first) > 1 and first[0].lower() in _GIVEN_NAMES:
        return True  # "Ousmane Diallo, a trader from Gao"
    prev_word = _CAP_BEFORE.search(before)
    if prev_word and prev_word.group(1).lower() in _GIVEN_NAMES:
        return True  # "Amadou Koufa's fighters", even at the start of a sentence
    # a run of capitalised words around the name (Moussa Mara, Abass Dembele) is a person's name
    prev = _CAP_BEFORE.search(before)
    nxt = _CAP_AFTER.match(article[end:end + 30])
    if (prev and prev.group(1).lower() not in _STOP and not _sentence_start(article, start - len(prev.group(0)))) \
            or (nxt and nxt.group(1).lower() not in _STOP and nxt.group(1) not in ("Region", "Province", "Cercle")):
        return True
    # the same name written elsewhere after a title or a first name ("Moussa Mara ... Mara has been")
    k = article.find(text)
    while k >= 0:
        e = k + len(text)
        if k != start and (k == 0 or not (article[k - 1].isalnum() or article[k - 1] == "-")) \
                and (e >= len(article) or not (article[e].isalnum() or article[e] == "-")):
            b = article[max(0, k - 40):k]
            p = _CAP_BEFORE.search(b)
            if _TITLE_F.search(b) >= 0 or (p and p.group(1).lower() not in _STOP
                                    and not _sentence_start(article, k - len(p.group(0)))):
                return True
        k = article.find(text, k + 1)
    after = article[end:end + 40]
    if _APPOSITION_ROLE.match(after) and not _LOCATIVE_END.search(before):
        return True  # "Ousmane Diallo, a trader", not "in Gao, a trader was killed"
    if _SAID_AFTER.match(after):
        # "Kayes said" is rare; "Dembele said" is common: only names not followed by "region" etc.
        return True
    return False


#: leading words that are not part of a place's name ("North-East Kidal", "The Kidal")
_LEAD_STOP = re.compile(r"(?:(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|The|Le|La)"
                        r"(?:-(?:East|West|Est|Ouest))?\s+)+")
#: a facility named after its town ("Sevare Airport", "Gao camp"): the town, when the facility is unknown
_FACILITY_LAST = re.compile(r"\s+(?:Airport|Airfield|Aéroport|Camp|Base|Market|Marché|Prison|Hospital|Hôpital|"
                            r"Bridge|Pont|Station|Checkpoint|Garrison|Barracks|Mosque|Mosquée|Memorial(?: Pyramid)?|Pyramid|Monument|"
                            r"Stadium|Stade|Square|University|Université|Palace|Palais|Cathedral|Cathédrale|Hotel|Hôtel)$")
_POSSESSIVE = re.compile(r"['’]s\s+")


def _name_parts(name: str, start: int, admin: bool) -> list[PlaceMention]:
    """Shorter names inside ``name`` that may place the event when the whole is not in the gazetteer:
    the town of a facility ("Sevare Airport"), the parts of a compound ("Tamalat-Azar", "Okoyeri-Bamgel"),
    the owner and the place of a possessive ("Kidal's Anefis")."""
    parts: list[PlaceMention] = []
    fac = _FACILITY_LAST.search(name)
    if fac:
        parts.append(PlaceMention(name[:fac.start()], start, start + fac.start(), 2, admin, None))
    pos = _POSSESSIVE.search(name)
    if pos:
        parts.append(PlaceMention(name[pos.end():], start + pos.end(), start + len(name), 2, admin, None))
        parts.append(PlaceMention(name[:pos.start()], start, start + pos.start(), 2, admin, None))
    if "-" in name and not parts:
        k = 0
        for piece in name.split("-"):
            if len(piece) >= 3 and piece[:1].isupper() and piece.lower() not in _STOP:
                parts.append(PlaceMention(piece, start + k, start + k + len(piece), 2, admin, None))
            k += len(piece) + 1
    return parts


def _sentence_start(article: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and article[k] in " \t\"“«'‘(":
        k -= 1
    return k < 0 or article[k] in ".!?\n:;"


def _in_parenthesis(article: str, start: int, lo: int) -> bool:
    if article.find("(", lo, start) < 0:
        return False  # no opening parenthesis before it in the sentence
    depth = 0
    for ch in reversed(article[lo:start]):
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return True
            depth -= 1
    return False


def candidate_places(article: str, sent_start: int, sent_end: int, spotted: Sequence[Any],
                     actor_spans: Sequence[tuple[int, int]] = (), dateline_end: int = 0,
                     is_country: Any = None, nearby: list[PlaceMention] | None = None) -> list[PlaceMention]:
    """Event-place candidates of one sentence (offsets in ``article``), orientation and persons removed.

    Parameters
    ----------
    article : str
        The article text.
    sent_start, sent_end : int
        The sentence's span.
    spotted : sequence of gazetteer Mentions
        ``gaz.spot(article)`` results (any inside the sentence are used).
    actor_spans : sequence of (start, end)
        Spans of actor names (never places).
    dateline_end : int
        End of the article's dateline (names inside it orient, they are not event places).
    is_country : callable, optional
        ``name -> bool``; countries are not event places.
    nearby : list, optional
        Receives, at precision 2, the places the sentence names beside its event places to situate them
        (admin context in parentheses, "X, Cercle", "4 km from Y", the other end of "between X and Y"):
        ACLED codes an event to such a place when its own place cannot be found.

    Examples
    --------
    >>> t = "Gen Abass Dembele said gunmen attacked Diboli and Sandere, near the capital Bamako."
    >>> [p.text for p in candidate_places(t, 0, len(t), [])]
    ['Diboli', 'Sandere']
    """
    found: dict[tuple[int, int], str] = {}
    for m in spotted:
        if sent_start <= m.start and m.end <= sent_end and m.text[:1].isupper():
            found[(m.start, m.end)] = m.text
    for m in _CTX.finditer(article, sent_start, sent_end):
        names_start = m.start("names")
        names = m.group("names")
        pos = 0
        for piece in _SPLIT.split(names):
            k = names.find(piece, pos) if piece else -1
            if k < 0:
                continue
            pos = k + len(piece)
            name = piece.strip()
            s = names_start + k + (len(piece) - len(piece.lstrip()))
            while " " in name and name.rsplit(None, 1)[1].lower() in _STOP:
                name = name.rsplit(None, 1)[0]  # "Bamako Saturday": a day or a month is not the name
            lead = _LEAD_STOP.match(name)
            if lead and lead.end() < len(name):
                name, s = name[lead.end():], s + lead.end()  # "North-East Kidal": the bearing is not the name
            if name[-2:] in ("'s", "’s"):
                name = name[:-2]  # "Kidal's outskirts"
            if name[:1] == "#":
                name, s = name[1:], s + 1  # "#GoromGorom"
            if not name or not name[0].isupper():
                continue
            e = s + len(name)
            overlap = [(a, b) for a, b in found if a < e and s < b]
            if not overlap:
                found[(s, e)] = name
            elif all(b - a < e - s and a >= s and b <= e for a, b in overlap):
                for k in overlap:
                    del found[k]
                found[(s, e)] = name
    out: list[PlaceMention] = []
    for (s, e), name in sorted(found.items()):
        low = name.lower()
        if low in _STOP or all(w in _STOP for w in _NAME_WORDS.split(low) if w):
            continue
        w24 = article[max(0, s - 24):s].lower()  # (substring tests first: most names pass every check)
        if ("kat" in w24 or "brigade" in w24) and _GROUP_BEFORE.search(article, max(0, s - 24), s):
            continue  # "Katiba Macina", "la katiba Serma": an armed group named after a place
        if "op" in w24 and _OPERATION_BEFORE.search(article, max(0, s - 24), s):
            continue  # "operation 'Panga'", "l'opération Serval": a military operation's name
        if _ORG_BEFORE.search(article, max(0, s - 90), s):
            continue  # "Front de libération de l'Azawad", "Movement for the Salvation of Azawad": a group's name
        if " " in name and _TITLE_F.search(name.split()[0] + " ") >= 0:
            continue
        if " " in name and _common_noun_phrase(name):
            continue  # "Les habitants de Djibo": an article and common nouns, not "Les Habitants" (Guadeloupe)
        caps = name.isupper() and _caps_text(article, s, e)
        heading = _is_heading(article, s, e)  # ("KAYES – Two traders were shot dead": a brief's item)
        if len(name) < 3 or (name.isupper() and len(name) <= 5 and not caps and not heading):
            continue  # "FAMa", "JNIM", "MNLA": acronyms, unless the text around is in capitals too
        if caps and not heading and not _PLACE_WORD_BEFORE.search(article, max(0, s - 40), s):
            continue  # in a text in capitals every word looks like a name: "WERE KILLED" is not Wéré
        if s < dateline_end:
            continue
        if any(a <= s < b for a, b in actor_spans):
            continue
        if is_country is not None and is_country(name):
            continue
        before = article[max(sent_start, s - 60):s]
        low_before = lowered(before)
        if _has(_ORIENT_F, _ORIENT_BEFORE, before, low_before) and not _in_capital(low_before):
            continue
        if _in_parenthesis(article, s, sent_start):
            if nearby is not None and not _is_person(name, s, e, article):
                nearby.append(PlaceMention(name, s, e, 2, True, None))
            continue
        if _is_person(name, s, e, article):
            continue
        if _PEOPLE_AFTER.match(article, e) or ("Katiba" in before and _KATIBA_BEFORE.search(before)):
            continue
        admin = bool(_ADMIN_AFTER.match(article, e) or _has(_ADMIN_BEFORE_F, _ADMIN_BEFORE, before, low_before)
                     or _ADMIN_LAST.search(name))
        if admin and _FORMER.search(before):
            continue
        precision = 2 if _has(_NEAR_F, _NEAR_BEFORE, before, low_before) or _AREA_AFTER.match(article, e) else 1
        if _ROAD_AFTER.match(article, e) or _ROAD_BEFORE.search(article, max(0, s - 30), s):
            precision = 2  # "on the Gao-Gossi road": somewhere along it
        if _REGION_BEFORE.search(before) or _REGION_AFTER.match(article, e):
            precision = 3  # "dans la région de Tombouctou", "in the Timbuktu region": only the region is known
        off = None
        om = _OFFSET.search(before) if ("km" in low_before or "kilom" in low_before) else None
        if om:
            km = float(om.group("km").replace(",", "."))
            d = om.group("dir").lower().replace("-", "")
            dy = sum(_BEARING.get(ch, (0, 0))[0] for ch in _dirs(d))
            dx = sum(_BEARING.get(ch, (0, 0))[1] for ch in _dirs(d))
            norm = math.hypot(dx, dy) or 1.0
            off = (km * dy / norm, km * dx / norm)
            precision = 2
        out.append(PlaceMention(name, s, e, precision, admin, off, parts=tuple(_name_parts(name, s, admin))))
    if any(not p.admin for p in out):
        if nearby is not None:
            nearby.extend(PlaceMention(p.text, p.start, p.end, 2, True, None) for p in out if p.admin)
        out = [p for p in out if not p.admin]
    # "- Tillabéri: two teachers were abducted at Waraou, in the Ouallam department": a list item's heading
    # says where the item is only when the item names no place of its own (then it comes last beside it)
    heads = [p for p in out if _is_heading(article, p.start, p.end)]
    # (not to a road's end: "FADA N'GOURMA – Un engin explosif désamorcé sur la route de Pama")
    if heads and any(p not in heads and not only_situates(article, p) for p in out):
        out = [p for p in out if p not in heads]
    else:
        heads = []
    kept = _drop_context_places(article, out)
    if nearby is not None and len(kept) < len(out):
        nearby.extend(PlaceMention(p.text, p.start, p.end, 2, p.admin, None) for p in out if p not in kept)
    out = kept
    coded = [m for m in _CODED_AS.finditer(article, sent_start, sent_end)]
    if coded:
        # the note says which place(s) the event is coded to, at precision 2
        if nearby is not None:
            nearby.extend(PlaceMention(p.text, p.start, p.end, 2, p.admin, None) for p in out)
        out = []
        for m in coded:
            if m.group("name").lower() not in _STOP:
                out.append(PlaceMention(m.group("name"), m.start("name"), m.end("name"), 2, False, _coded_offset(m),
                                       True))
            more = _CODED_MORE.match(article, m.end())
            if more and more.group("name").lower() not in _STOP:
                out.append(PlaceMention(more.group("name"), more.start("name"), more.end("name"), 2, False, None))
    if heads and nearby is not None:
        nearby.extend(PlaceMention(p.text, p.start, p.end, 2, p.admin, None) for p in heads)
    return out


_REFUGE = (r"\b(?:fled|fleeing|flee|evacuated|took\s+refuge|sought\s+refuge|settled|displaced|arrived|arriving)"
           r"\s+(?:\w+\s+){0,2}?(?:to|in|at|into)|\b(?:r[ée]fugi[ée]e?s|install[ée]e?s|arriv[ée]e?s?|d[ée]plac[ée]e?s|"
           r"fui|fuyant|[ée]vacu[ée]e?s)\s+(?:\w+\s+){0,2}?(?:à|a|vers|dans|jusqu['’]à)")
_REFUGE_BEFORE = re.compile(_REFUGE + r"\s+(?:the\s+|la\s+|le\s+)?$", re.IGNORECASE)
_WEAK_BEFORE = re.compile(
    r"(?:\btowards?|\bfrom|\bto|\broad\s+(?:to|from)|\baxis|\bvers|\ben\s+provenance\s+d[e']|\bcoming\s+from|"
    r"\breturning\s+from|\bheading\s+(?:to|for)|\ben\s+direction\s+d[e']|\bdirection\s+of|\bnot\s+far\s+from|"
    # where people fled to: "se sont réfugiés à Ouahigouya", "fled to Djibo", "arrivée à Kaya"
    + _REFUGE + r")\s+(?:the\s+|la\s+|le\s+)?$", re.IGNORECASE)


def _drop_context_places(article: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Keep the event places of a sentence: drop the second of "between X and Y", an apposition
    "X, Y" (Y situates X: a commune, cercle or region), and places only passed through ("towards Y",
    "from Y") when another place remains."""
    if len(places) < 2:
        return places
    drop: set[int] = set()
    for i in range(1, len(places)):
        a, b = places[i - 1], places[i]
        gap = article[a.end:b.start]
        if _AND_GAP.fullmatch(gap) and _BETWEEN_BEFORE.search(article[max(0, a.start - 40):a.start]):
            drop.add(i)
        elif _COMMA_GAP.fullmatch(gap) and not _LIST_GOES_ON.match(article[b.end:b.end + 8]) \
                and not _COMMA_BEFORE.search(article[max(0, a.start - 3):a.start]):
            drop.add(i)
    kept = [p for i, p in enumerate(places) if i not in drop]
    strong = [p for p in kept if not _WEAK_BEFORE.search(article[max(0, p.start - 40):p.start])]
    return strong or kept


def _coded_offset(m: re.Match[str]) -> tuple[float, float] | None:
    if not m.group("km"):
        return None
    km = float(m.group("km"))
    dy = sum(_BEARING[ch][0] for ch in m.group("dir").lower())
    dx = sum(_BEARING[ch][1] for ch in m.group("dir").lower())
    norm = math.hypot(dx, dy) or 1.0
    return (km * dy / norm, km * dx / norm)


def _dirs(d: str) -> list[str]:
    for full in ("north", "south", "east", "west", "nord", "sud", "est", "ouest"):
        d = d.replace(full, f"{full[0] if full in ('north', 'south', 'east', 'west') else _FR1[full]} ")
    return [x for x in d.split() if x] or list(d)


_FR1 = {"nord": "n", "sud": "s", "est": "e", "ouest": "w"}


class CountryFilter:
    """The countries an event place may lie in: the ones the user gave, and (worked out only when a
    place elsewhere comes up) the ones the report itself names. No country given: any."""

    def __init__(self, given: Sequence[str], named: Any = None) -> None:
        self.given = set(given)
        self._named = named  # a callable giving the countries the report names
        self._all: set[str] | None = None

    def __bool__(self) -> bool:
        return bool(self.given)

    def __contains__(self, cc: object) -> bool:
        if cc in self.given:
            return True
        if self._all is None:
            self._all = set(self._named()) if self._named is not None else set()
        return cc in self._all


def _acceptable(c: Any, country: Any, min_score: float) -> bool:
    """A candidate is an event place: not a country, in the report's countries, named exactly or close."""
    code = (c.feature_code or "").upper()
    if code.startswith("PCL") or code == "CONT":
        return False
    focus = country if isinstance(country, CountryFilter) else (
        {country} if isinstance(country, str) else set(country or ()))
    if focus and c.country not in focus:
        return False
    exact = bool(c.reasons) and (c.reasons[0].startswith("exact") or c.reasons[0].startswith("alternate"))
    return exact or c.score >= max(min_score, 0.5) or (c.score >= min_score and "variant" in (c.reasons or ("",))[0])


def resolve_places(gaz: Any, mentions: Sequence[PlaceMention], country: Any, context: str,
                   min_score: float = 0.3, keep_to: Any = None) -> list[ResolvedPlace]:
    """Resolve mentions of one report together; a candidate below ``min_score`` leaves it unresolved.

    ``country`` ranks candidates (a hint); only ``keep_to`` (the countries the user gave) refuses a
    place elsewhere. A country the extractor guessed from the text ("near the border with Niger",
    "Niger's defence ministry said") is a hint, never a filter: Ménaka stays in Mali.

    All of a report's names go to the gazetteer together, every time: a name resolved in one report is
    never reused for another (the co-mentioned places and the text differ), so a report is placed the
    same alone or in a run (tested).
    """
    if not mentions:
        return []
    names = [m.text for m in mentions]
    results: list[Any] = gaz.resolve_all(names, country=country, context=context)
    for i, cands in enumerate(results):
        if not cands:
            # the report's context can veto a spelling variant; the name alone may still fit
            results[i] = gaz.resolve(names[i], country=country)
    out = []
    for m, cands in zip(mentions, results):
        rp = ResolvedPlace(m, precision=m.precision)
        c = next((c for c in cands[:3] if _acceptable(c, keep_to, min_score)), None) if cands else None
        if c is not None:
            rp.candidate = c
            if c is cands[0] and not (m.displace and m.offset_km is not None):
                rp.ties = [t for t in ties_of(cands[:10]) if _acceptable(t, keep_to, min_score)]
            lat, lon = c.lat, c.lon
            if m.offset_km is not None and m.displace:
                dn, de = m.offset_km
                lat = lat + dn / 111.32
                lon = lon + de / (111.32 * max(0.1, math.cos(math.radians(lat))))
            rp.lat, rp.lon = lat, lon
            code = (c.feature_code or "").upper()
            if code.startswith("ADM1") or code in ("PCLI", "RGN"):
                rp.precision = 3
            elif code.startswith(("ADM2", "ADM3")) and rp.precision == 1:
                rp.precision = 2
            rp.reasons = list(c.reasons or [])
        out.append(rp)
    return out


#: what ties a place to the one after it that situates it: "X, 25 km from Y", "X near Y", "X, not far
#: from Y", "X, à 30 km de Y"
_SITUATED_GAP = re.compile(
    r"(?:\s+(?:village|town|city|camp|hamlet|area|locality|commune|site|market|checkpoint|well|forest|for[êe]t|zone))?"
    r"\s*[,(]?\s*(?:(?:a|an|the|un|une)\s+(?:[\w-]+\s+)?(?:hamlet|village|town|locality|camp|site|settlement|"
    r"hameau|localit[ée]|bourgade)\s+)?(?:(?:about|some|around|roughly|approximately|environ|à|a|at|located|situated|situ[ée]e?)\s+)*"
    r"(?:(?P<km>\d+(?:[.,]\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?)\s+(?:\w+(?:-\w+)?\s+)?(?:from|of|de|d['’]|du)|"
    r"near|nearby|close\s+to|not\s+far\s+from|outside|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of|"
    r"pr[èe]s\s+de|non\s+loin\s+de|aux\s+environs\s+de|à\s+proximit[ée]\s+de|"
    # "Tin-Alakan, southwest of Anderamboukane": a bearing without a distance
    r"(?P<bearing>(?:north|south|east|west)(?:-?(?:east|west))?\s+of|au\s+(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+d[eu])|"
    # "Waraou, in the Ouallam department", "dans la commune de Tessit": an admin area named after a town
    r"(?P<adm>in\s+the|dans\s+(?:la|le)\s+(?:commune|cercle|d[ée]partement|province|r[ée]gion)\s+d[eu]))"
    r"\s+(?:the\s+(?:town|village|city)\s+of\s+)?",
    re.IGNORECASE)
def _names_admin(name: str, c: Any) -> bool:
    """Whether ``name`` is the name of the candidate's region or district ("Mopti" for a place of the
    Mopti region)."""
    n = normalize_name(name)
    return bool(n) and any(n in normalize_name(a).split() for a in (c.admin1, c.admin2) if a)


#: how far from the place that situates it a place "near" it may be (km); "N km from": N x 1.5 + 15
_NEAR_KM = 50.0
#: how far from the town an area is named after, or from a place given only a bearing, a place may lie
_ADMIN_KM, _BEARING_KM = 150.0, 100.0
#: "N km from": the place may be up to N x _KM_SLACK + _KM_PAD km away (distances in reports are rough)
_KM_SLACK, _KM_PAD = 1.5, 15.0


def check_situated(article: str, mentions: Sequence[PlaceMention], nearby: Sequence[PlaceMention],
                   resolved: dict[tuple[int, int], ResolvedPlace], gaz: Any, country: Any, context: str,
                   keep_to: Any = None) -> list[ResolvedPlace]:
    """Hold each place to what the text says of its distance to the place after it ("Inwelane, 18 km
    from Talataye", "Mariko, near Niono"): a resolved place much farther from it is another place of
    that name. The same name is then looked for near it; when the gazetteer has none there, the place
    is left unresolved (with the reason in ``refused``) and the event falls to the place that situates
    it, at precision 2, as ACLED codes a village its gazetteer lacks.

    ``mentions`` are the event's own places, ``nearby`` the places named beside them (resolved here
    when they situate one). Returns the places refused (to report them as unresolved).
    """
    refused: list[ResolvedPlace] = []
    if not mentions or len(mentions) + len(nearby) < 2:
        return refused
    own = {(m.start, m.end) for m in mentions}
    ms = sorted({(m.start, m.end): m for m in [*mentions, *nearby]}.values(), key=lambda m: m.start)
    for a, b in zip(ms, ms[1:]):
        if b.start <= a.end or (a.start, a.end) not in own:
            continue
        gap = _SITUATED_GAP.fullmatch(article, a.end, b.start)
        if gap is None:
            continue
        ra = resolved.get((a.start, a.end))
        if ra is None or ra.candidate is None:
            continue
        if (b.start, b.end) not in resolved:
            resolved[(b.start, b.end)] = resolve_places(gaz, [b], country, context, keep_to=keep_to)[0]
        rb = resolved[(b.start, b.end)]
        if rb.candidate is None:
            continue
        if gap.group("adm") and gap.group("adm").lower().startswith("in") and not _ADMIN_AFTER.match(article, b.end):
            continue  # ("X, in the Y": only "in the Y department", "in the Y cercle" name an area)
        bound = (float(gap.group("km").replace(",", ".")) * _KM_SLACK + _KM_PAD if gap.group("km")
                 else _ADMIN_KM if gap.group("adm") else _BEARING_KM if gap.group("bearing") else _NEAR_KM)
        ca, cb = ra.candidate, rb.candidate
        d = float(haversine_km(ca.lat, ca.lon, cb.lat, cb.lon))
        if d <= bound or _names_admin(b.text, ca):
            continue  # ("Marina, near Mopti": in the Mopti region, which the city names too)
        near = [c for c in gaz.resolve(a.text, country=country, context=context, near=[(cb.lat, cb.lon)], limit=10)
                if _acceptable(c, keep_to, 0.3) and float(haversine_km(c.lat, c.lon, cb.lat, cb.lon)) <= bound]
        if near:
            c = near[0]
            resolved[(a.start, a.end)] = replace(
                ra, candidate=c, lat=c.lat, lon=c.lon, ties=[],
                reasons=[*(c.reasons or ()), f"the text puts it near {b.text}: {ca.name} ({d:.0f} km away) "
                                              f"is another place of that name"])
            continue
        why = f"the gazetteer's {ca.name} is {d:.0f} km from {cb.name}, where the text puts it"
        resolved[(a.start, a.end)] = no = ResolvedPlace(a, precision=a.precision, refused=why)
        refused.append(no)
    return refused
