"""Event detection and typing into ACLED's types and sub-types, with its precedence.

A sentence yields :class:`Cue` hits (explicit tactic words, generic "attack" words typed by their
target, killings typed by their victims); hits under a threat, plan or negation are dropped. Several
sentences of one event context are typed together by :func:`pick_type` (an airstrike inside a ground
battle is a Battle; a kidnapping followed by a killing is an Attack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from . import lexicon as lx

__all__ = ["Cue", "find_cues", "pick_type", "is_history", "is_denial", "classify"]

_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|got|été|a été|ont été)\s+$", re.IGNORECASE)
_BY_AFTER = re.compile(r"^\s*(?:by|par)\b", re.IGNORECASE)
#: a verb with no object after it ("post attacked around 19h", "checkpoint attacked.") is passive
_NO_OBJECT = re.compile(r"^\s*(?:[,.;:)]|$|(?:around(?!\s+\d+\s+[a-z]{3,})|at(?!\s+least)|in|en|on|last|this|earlier|overnight|"
                        r"yesterday|early|late|during|near|while|when|after|before|again|twice|with|hier|lors|depuis|"
                        r"le\s+(?:\d+|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mois|week))\b)",
                        re.IGNORECASE)  # ("killed at least five civilians", "around 20 villagers" are objects; "around 18h20" is not)
_EXPLOSIVE_TYPES = "Explosions/Remote violence"
_BARE_YEAR = re.compile(r"(?<![\d/\-])(?<!\d )((?:19|20)\d\d)(?![\d/\-])")
_DAY_MONTH_BEFORE = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th|er)?\s+[A-Za-zéû]+\.?,?\s*|[A-Za-zéû]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*)$")
_MONTHS = frozenset("""january february march april may june july august september october november december
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
decembre""".split())

_YEAR_PREP = frozenset("in since en depuis during until from of between and or since before after by".split())
#: rank of each (type, sub-type) in ACLED's table, used inside a tier.
_PREC = {k: i for i, k in enumerate(lx.CUE_KEYS)}
_PROTEST_TYPES = ("Protests", "Riots")
#: ordinary people as the authors of violence: a riot or mob, not an armed group
_MOB = re.compile(
    r"\b(?:locals|local (?:residents|people|population)|residents|villagers|youths?|young (?:people|men)|crowd|"
    r"inhabitants|population|mob|jeunes|habitants|foule|population locale)\b(?:\s+[\w'-]+){0,5}?\s+"
    r"(?:beat|lynch\w*|ransack\w*|torch\w*|burn\w*|set fire|attack\w*|ston\w*|vandali\w*|loot\w*|fought|clash\w*|"
    r"assault\w*|saccag\w*|incendi\w*|br[ûu]l\w*|lapid\w*)",
    re.IGNORECASE)
#: a ground component that makes an operation with explosives or air power a battle
_GROUND = re.compile(r"\b(?:small arms|armed assault|ground|gunfire|firing|assault|breach\w*|complex attack|followed by|"
                     r"(?<!air )(?<!air-)raid\w*|clash\w*|firefight|exchange of fire|fighting|combat)\b", re.IGNORECASE)
#: "neutralised an IED": a device made harmless, not fighters
_DEFUSED = re.compile(r"\s+(?:an?\s+|the\s+|two\s+|several\s+|un\s+|une\s+|des\s+)?(?:\w+\s+)?"
                      r"(?:ieds?|mines?|explosives?|explosive devices?|bombs?|engins?|obus)\b", re.IGNORECASE)
_HURT = re.compile(r"\b(?:wound\w*|injur\w*|bless[ée]\w*|hurt)\b", re.IGNORECASE)
# the same patterns for lower-cased text, without IGNORECASE (about three times faster)
# where these match is found with StartFinder (only whether they match is used for most)
_HURT_L = lx.StartFinder(lx.lower_pattern(_HURT.pattern))
_GROUND_L = lx.StartFinder(lx.lower_pattern(_GROUND.pattern))
_PROTEST_L = lx.StartFinder(lx.lower_pattern(lx.PROTEST_CONTEXT.pattern))
_HISTORY_L = lx.StartFinder(lx.lower_pattern(lx.HISTORY.pattern))
_RECALL_L = lx.StartFinder(lx.lower_pattern(lx.RECALL.pattern))
_NEWS_DAY_L = lx.StartFinder(lx.lower_pattern(lx.NEWS_DAY.pattern))
_ANNIVERSARY_L = lx.StartFinder(lx.lower_pattern(lx.ANNIVERSARY.pattern))
_DENIAL_L = lx.StartFinder(lx.lower_pattern(lx.DENIAL.pattern))
#: MODAL_BEFORE for lower-cased text; its one case-sensitive word ("may", not the month "May") is
#: looked for in the original text by _MODAL_MAY
#: letters every negation word holds (a cheap test before the negation regex)
_NEG_BITS = re.compile("no|n't|n’t|ni|sans|pas|aucun|jamais|never|without")
_MODAL_L = lx.StartFinder(lx.lower_pattern(lx.MODAL_BEFORE.pattern.replace("(?-i:may)|", "")))
# matches are read from these
_MIL_L = re.compile(lx.lower_pattern(lx.MILITARY_TARGET.pattern))
_CIV_L = re.compile(lx.lower_pattern(lx.CIVILIAN_TARGET.pattern))
_MOB_L = re.compile(lx.lower_pattern(_MOB.pattern))
_MIL_START = lx.StartFinder(_MIL_L.pattern)
_CIV_START = lx.StartFinder(_CIV_L.pattern)
_MOB_START = lx.StartFinder(_MOB_L.pattern)
#: a planned, feared or banned event, said after its word: "des affrontements sont redoutés", "a march
#: planned for Friday was banned", "une marche de l'opposition prévue vendredi a été interdite"
_PLANNED_AFTER = re.compile(
    r"(?:[\s,]+[\w'’-]+){0,3}?[\s,]+(?:(?:is|are|was|were|sont|est|sera|seront|had\s+been|has\s+been|have\s+been)\s+)?"
    r"(?:redout[ée]e?s?|craint(?:e|es|s)?|feared|expected|attendue?s?|pr[ée]vue?s?|planned|scheduled|"
    r"envisag[ée]e?s?|banned|interdite?s?|annul[ée]e?s?|cancel+ed|postponed|report[ée]e?s?)\b", re.IGNORECASE)
_RELEASE = re.compile(r"(?:were|was|have been|has been|had been|ont été|a été|avaient été|avait été)\s|the release|"
                      r"la lib[ée]ration|(?:hostages?|otages?|captives?|ex-otages?)\b", re.IGNORECASE)
#: an event word inside a trend, not an incident: "years of attacks have driven ...", "les attaques contre les
#: convois se sont multipliées", "attacks on schools have increased"
_TREND_BEFORE = re.compile(r"\b(?:years|months|decades|ann[ée]es|mois|wave|vague|s[ée]rie|series|spate)\s+(?:of|d['’]|de|des)\s*"
                           r"(?:\w+\s+)?$", re.IGNORECASE)
#: a kind of event talked about in general: "Attacks on convoys are also a way of showing who controls the road"
_GENERIC_AFTER = re.compile(r"(?:\s+(?:on|against|contre|sur|de|des|du|by|par)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:(?:are|remain|"
                            r"constitute|represent|sont|restent|constituent|repr[ée]sentent|demeurent)\s+(?:also\s+|often\s+|"
                            r"still\s+|aussi\s+|souvent\s+|toujours\s+|d[ée]sormais\s+|now\s+)?(?:a|an|one|the|part|un|une|le|la|"
                            r"les|l['’]|des|devenue?s)\b|accounted\s+for|account\s+for|made\s+up|comprised)",
                            re.IGNORECASE)
_TREND_AFTER = re.compile(r"[^.;]{0,60}?\b(?:(?:have|has)\s+(?:\w+\s+)?(?:multiplied|increased|intensified|risen|grown|"
                          r"surged|spread|driven|displaced|forced)|se\s+sont\s+(?:multipli[ée]e?s|intensifi[ée]e?s|"
                          r"accru(?:e?s)?|g[ée]n[ée]ralis[ée]e?s|[ée]tendue?s)|(?:sont|ont)\s+en\s+hausse)\b", re.IGNORECASE)
_TREND_BITS = lx.StartFinder(r"years|months|decades|ann[ée]es|mois|wave|vague|s[ée]rie|series|spate|multipli|increased|"
                             r"intensifi|risen|grown|surged|spread|driven|displaced|forced|accru|g[ée]n[ée]ralis|"
                             r"[ée]tendu|hausse")
_CHARGE_BITS = lx.StartFinder("partic|impliqu|involv|part|master|perpetr|author|organi|auteur|cerveau|commandit")
_ONGOING_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:continu\w*\s+(?:d['’]être|to\s+be)|keep\s+being|persist\w*|"
                            r"se\s+poursuiv\w*)", re.IGNORECASE)
_TALKED_OF_BEFORE = re.compile(r"\b(?:parl\w*|spoke|speaks?|talk\w*|d[ée]nonc\w*|denounc\w*|[ée]voqu\w*|mention\w*)\s+"
                               r"(?:[\w'’-]+\s+){0,8}?$", re.IGNORECASE)
#: events as a predicate: "Most were attacks on civilians around Dori" (a summary's share, no incident)
_PREDICATE_BEFORE = re.compile(r"\b(?:(?:were|are|was|is|sont|étaient|furent)\s+(?:mostly\s+|mainly\s+|surtout\s+|"
                               r"principalement\s+)?|(?:including|dont|among\s+them)\s+\d+\s+)$", re.IGNORECASE)
#: a cue the sentence puts in the conditional: "Un cessez-le-feu pourrait être proposé"
_MODAL_AFTER = re.compile(r"\s+(?:pourrai(?:t|ent)|devrai(?:t|ent)|could|might|would|may)\s+(?:être|be|bientôt|soon)\b",
                          re.IGNORECASE)
_ALLEGED_BEFORE = re.compile(r"\b(?:allegations?|all[ée]gations?)\s+(?:of|d['’]|de)\s*(?:[\w'’-]+\s+)?$", re.IGNORECASE)
_UNVERIFIED = re.compile(r"\b(?:not\s+(?:yet\s+|been\s+|able\s+to\s+|be\s+){0,4}verif\w*|unverified|unconfirmed|"
                         r"pas\s+(?:pu\s+)?(?:être\s+)?(?:v[ée]rifi|confirm)\w*|non\s+v[ée]rifi[ée]e?s?|non\s+confirm[ée]e?s?)",
                         re.IGNORECASE)
_PLURAL_EVENTS = frozenset("attacks attaques killings clashes affrontements ambushes embuscades kidnappings abductions "
                           "enlèvements enlevements raids assassinations assassinats massacres tueries".split())
#: attacks counted together are the ones told: "Les deux attaques ne sont pas liées", "both attacks"
_BOTH_BEFORE = re.compile(r"\b(?:(?:les|the|ces|these)\s+(?:deux|two|trois|three)|both)\s+$", re.IGNORECASE)
#: what a speaker's own organisation does ("we are suspending our activities") is no armed actor's change
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:we|our|nous|nos|notre)\b[^.;]{0,25}$", re.IGNORECASE)
_HABIT_BITS = lx.StartFinder(r"regularly|routinely|often|frequently|usually|r[ée]guli[èe]rement|souvent|fr[ée]quemment|"
                             r"habituellement|r[ée]p[ée]titivement")
_HABITUAL_BEFORE = re.compile(r"\b(?:regularly|routinely|often|frequently|usually|r[ée]guli[èe]rement|souvent|fr[ée]quemment|"
                              r"habituellement)\b(?:\s+[\w'’-]+){0,3}\s+$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:since|depuis)\s+(?:the|les|l['’]|la|le|ces|cette|these|this)\s*(?:\w+\s+)?$", re.IGNORECASE)
#: a protest named as such (a crowd alone is not one)
_PROTEST_WORD = re.compile(r"\b(?:protest\w*|demonstrat\w*|rally|rallies|sit-?in|manifest\w*|marche|rioters?|"
                           r"émeut\w*|riot\w*)\b", re.IGNORECASE)
#: a hostage named by a noun: the victim of an abduction told or told before, not an abduction by itself
_HOSTAGE_NOUN = re.compile(r"(?:otages?|hostages?)$", re.IGNORECASE)
_HAD_BEEN = re.compile(lx.HAD_BEEN + r"\s+$", re.IGNORECASE)
_PAST_FORM = re.compile(r"(?:ed|é|ée|és|ées)$", re.IGNORECASE)
_MODAL_MAY = re.compile(r"\bmay\b[^.;]{0,40}$")
assert "(?-i:may)|" in lx.MODAL_BEFORE.pattern
_lowered = lx.lowered
_PASSIVE_BEFORE_L = lx.StartFinder(lx.lower_pattern(_PASSIVE_BEFORE.pattern))


@dataclass(frozen=True)
class Cue:
    """One event cue in a sentence: its type, sub-type, tier (0 strongest) and span."""

    event_type: str
    sub_event_type: str
    tier: int
    start: int
    end: int
    text: str
    kind: str = "lex"
    hurt: bool = False
    ground: bool = False
    had_been: bool = False  # (an abduction told in the pluperfect: "workers who had been abducted in May")


_SOURCE_IN = re.compile(r"\b(?:selon|according\s+to|d['’]apr[èe]s)\b", re.IGNORECASE)


def _target_window(sentence: str, start: int, end: int) -> tuple[str, bool]:
    """The text naming the target of a verb, and whether it comes before the verb (passive)."""
    before = sentence[max(0, start - 70):start]
    after = sentence[end:end + 70]
    src = _SOURCE_IN.search(after) if ("selon" in after or "accord" in after or "d'apr" in after
                                       or "d’apr" in after) else None
    if src is not None:
        after = after[:src.start()]  # ("faisant trois morts, selon la police": the police tells, it is no target)
    if sentence[start:end].lower() in _ATTACK_NOUNS:
        # "an attack by gunmen on a Malian army post", "claimed an attack against FAMa soldiers": the
        # noun's target follows "on"/"against", whoever made it
        m = _NOUN_TARGET.match(after)
        if m:
            return after[m.end():], False
    low = _lowered(before)
    passive = _PASSIVE_BEFORE_L.search(low) >= 0 if low is not None else _PASSIVE_BEFORE.search(before)
    if _BY_AFTER.match(after) or passive or _NO_OBJECT.match(after):
        return before, True
    return after, False


#: an attack named as the cause of the one reported: another, earlier event
_AVENGED = re.compile(r"(?:\bin\s+(?:response|retaliation|reprisal|revenge)\s+(?:to|for)|\bto\s+avenge|\brevenge\s+for|"
                      # the attacks a measure answers: "a curfew following a series of attacks on villages"
                      r"\b(?:following|after|amid|suite\s+[àa]|apr[èe]s)\s+(?:a\s+|une\s+)?(?:series|wave|spate|string|s[ée]rie|"
                      r"vague|recrudescence)\s+(?:of|d['’]|de)|"
                      r"\ben\s+(?:r[ée]ponse|repr[ée]sailles?|repr[ée]saille)\s+(?:à|aux?|de)|\bpour\s+venger)\s+"
                      r"(?:an?\s+|the\s+|l['’]|une\s+|la\s+|les\s+|des\s+|their\s+|its\s+)?(?:\w+\s+)?$", re.IGNORECASE)
#: parties of a clash that are not armed groups, and words that say an armed group was one
_CIVIL_SIDE = re.compile(r"\b(?:youths?|students?|residents|protesters|demonstrators|supporters|traders|"
                         r"jeunes|[ée]tudiants?|[ée]l[èe]ves|habitants|manifestants|commer[cç]ants)\b", re.IGNORECASE)
_ARMED_SIDE = re.compile(r"\b(?:militants?|militia\w*|milices?|miliciens?|jihadists?|djihadistes?|gunmen|assailants?|"
                         r"fighters|combatants?|combattants?|terrorists?|terroristes?|rebels?|rebelles?|bandits?|"
                         r"dozos?|hunters|chasseurs|insurgents?|armed (?:men|group|individuals)|hommes arm[ée]s|"
                         r"self-defen[cs]e|auto-d[ée]fense|JNIM|GSIM|ISGS|EIGS|ISWAP|Katiba|Ansar\w*|armed(?! forces| and security)|arm[ée]s|"
                         r"fired (?:gun)?shots|gunshots|exchanges? of fire|[ée]changes? de tirs)\b", re.IGNORECASE)
#: an attack named as what suspects took part in: "soupçonnées d'avoir participé à l'attaque"
_CHARGE_BEFORE = re.compile(r"\b(?:(?:particip\w*|impliqu[ée]e?s?|involved|took\s+part|taking\s+part|having\s+taken\s+part)"
                            r"\s+(?:in|à|dans|au|aux)|(?:mastermind|masterminds|perpetrators?|authors?|organi[sz]ers?)\s+of|"
                            r"(?:auteurs?|cerveau|commanditaires?|organisateurs?)\s+(?:de|d['’]|du|des))"
                            r"\s+(?:the\s+|l['’]|la\s+|le\s+|les\s+|an?\s+|une?\s+)?$",
                            re.IGNORECASE)
#: an attack referred back to by who claimed, blamed or condemned it
_REFERS_BACK = re.compile(r"\b(?:blam\w*|claim\w*|responsibility\s+for|condemn\w*|denounc\w*|attribut\w*|revendiqu\w*|"
                          r"condamn\w*|d[ée]nonc\w*|imput\w*)\s+(?:[\w'’-]+\s+){0,6}?(?:for\s+|de\s+|à\s+)?"
                          r"(?:the|this|that|l['’]|cette|ces|these)\s*$", re.IGNORECASE)
#: an attack said to be claimed or not: "L'attaque n'avait pas été revendiquée jeudi", "The attack was claimed by"
_CLAIMED_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:n['’])?(?:a|avait|ont|had|has|was|is|wasn['’]t|hasn['’]t)\s+"
                            r"(?:pas\s+|not\s+|yet\s+|encore\s+|since\s+|been\s+|[ée]t[ée]\s+){0,3}"
                            r"(?:revendiqu|claimed|attributed|imput)", re.IGNORECASE)
_AVENGED_BITS = re.compile("respon|retali|repr|veng|series|s[ée]rie|wave|spate|string|vague|recrudes")  # (a cheap test before _AVENGED)
_PEOPLE = (r"(?:hostages?|nationals|men|women|people|persons|civilians?|workers|teachers|traders|passengers|"
           r"tourists|expatriates|journalists?|priests?|nuns?|otages|ressortissants|personnes|hommes|"
           r"femmes|civils|enseignants|journalistes|passagers)")
#: people as the object of "seized" ("seized two traders") or as its subject ("the hostages had been seized")
_PEOPLE_SEIZED_AFTER = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?" + _PEOPLE + r"\b", re.IGNORECASE)
_PEOPLE_SEIZED_BEFORE = re.compile(r"(?<!by )\b(?:" + _PEOPLE + r"|they|he|she|ils|elles|il|elle)\s+(?:[\w'-]+\s+){0,4}?(?:were|was|had\s+been|have\s+been|"
                                   r"ont\s+[ée]t[ée]|avaient\s+[ée]t[ée])\s+$", re.IGNORECASE)
_ATTACK_NOUNS = frozenset("attack attacks assault assaults raid raids incursion attaque attaques assaut offensive".split())
_NOUN_TARGET = re.compile(r"^\s*(?:(?:this|last|ce|cette|hier)\s+\w+\s+)?(?:(?:by|par|of|from|de)\s+[^,.;]{0,60}?\s+)?"
                          r"(?:on|upon|against|contre|sur|targeting|visant)\s+",
                          re.IGNORECASE)


#: shots as an attack word ("heavy gunfire around the military base"): an event only with a target named
_GUNFIRE = re.compile(r"(?:heavy |intense |sustained |sporadic )?(?:gunfire|gunshots)|tirs nourris|coups de feu",
                      re.IGNORECASE)


def _kind(window: str | tuple[str, bool]) -> str:
    """"military" or "civilian" for the target noun nearest to the verb, "" when none is named."""
    text, before = window if isinstance(window, tuple) else (window, False)
    low = text.lower()
    mils = _MIL_START.finditer(_MIL_L, low)
    civs = _CIV_START.finditer(_CIV_L, low)
    if mils and civs:
        if before:
            return "military" if mils[-1].end() > civs[-1].end() else "civilian"
        return "military" if mils[0].start() < civs[0].start() else "civilian"
    if mils:
        return "military"
    if civs:
        return "civilian"
    return ""


def is_history(sentence: str, reference_year: int | None = None) -> bool:
    """Whether a sentence tells background history rather than news (``in 2012, rebels seized Kidal``).

    Examples
    --------
    >>> is_history("In 2012, rebels seized Kidal.", 2025), is_history("On 3 May 2025, rebels seized Kidal.", 2025)
    (True, False)
    >>> is_history("It came a year after gunmen killed 50 people in Solhan.")
    True
    >>> is_history("On Monday, a year after the massacre, gunmen killed 5 people in Solhan.")
    False
    """
    low = _lowered(sentence)
    if (_HISTORY_L.search(low) >= 0 if low is not None else lx.HISTORY.search(sentence)):
        return True
    # (every anniversary sentence is a recall sentence: one search for most sentences)
    recall = (_RECALL_L.search(low) >= 0 and (_ANNIVERSARY_L.search(low) >= 0 or _NEWS_DAY_L.search(low) < 0)
              if low is not None else lx.RECALL.search(sentence) and (
                  lx.ANNIVERSARY.search(sentence) or not lx.NEWS_DAY.search(sentence)))
    if recall:
        return True  # "a year after jihadists killed 50 people in Solhan" (but "on Monday, a year after...")
    if "19" not in sentence and "20" not in sentence:
        return False  # no year to read (every _BARE_YEAR match holds one of these)
    for m in _BARE_YEAR.finditer(sentence):
        year = int(m.group(1))
        if reference_year is not None and year >= reference_year:
            continue
        prev = sentence[max(0, m.start() - 12):m.start()].strip().lower().split()
        if _DAY_MONTH_BEFORE.search(sentence, 0, m.start()) or (prev and prev[-1].strip(",") in _MONTHS):
            # a date: news unless two or more years before the report's ("in December 2024" in a January
            # 2025 report is news; "En juin 2021, ... un massacre" in a 2025 report is background)
            if reference_year is not None and year < reference_year - 1:
                return True
            continue
        # a year is history when it dates something ("in 2012", "since 2020"), not in a name ("Mirage 2000")
        if prev and prev[-1].strip(",(") in _YEAR_PREP:
            return True
    return False


#: a named earlier event as the object of justice, memory or inquiry: "tried for the massacre", "survivors of
#: the attack", "l'enquête sur l'attaque", "les victimes de la tuerie"
_ABOUT_PAST = re.compile(
    r"\b(?:tried|jug[ée]e?s?|prosecut\w*|poursuivi\w*|justice|investigat\w*|enqu[êe]t\w*|inquiry|probe|trials?|"
    r"proc[èe]s|commemorat\w*|comm[ée]mor\w*|survivors?|rescap[ée]e?s?|memory|m[ée]moire|victims|victimes|"
    r"responsib\w*|accountab\w*|impunit\w*)\s+(?:[\w'’-]+\s+){0,4}?(?:(?:for|into|of|over|de|du|des|sur|à|pour)\s+)?"
    r"(?:the|this|that|these|l['’]|la\s|le\s|les\s|cette|ce\s|ces|our|their|nos|leurs)\s*$", re.IGNORECASE)


_PAST_BITS = lx.StartFinder(r"tried|jug|prosecut|poursuivi|justice|investigat|enqu|inquiry|probe|trial|proc|commemor|"
                            r"comm[ée]mor|surviv|rescap|memory|m[ée]moire|victims|victimes|responsib|accountab|impunit")
_DIGIT = re.compile(r"\d")


def refers_to_past(sentence: str, cues: Sequence[Cue]) -> bool:
    """Whether every event word of a sentence names an earlier event as the object of justice, memory or
    an inquiry ("Survivors say nobody has been tried for the massacre"), with no figure of its own.

    Examples
    --------
    >>> s = "Survivors say nobody has been tried for the massacre."
    >>> refers_to_past(s, find_cues(s))
    True
    >>> s = "Gunmen killed 5 survivors of the massacre."
    >>> refers_to_past(s, find_cues(s))
    False
    """
    if not cues or _PAST_BITS.search(sentence.lower()) < 0 or _DIGIT.search(sentence):
        return False
    return all(_ABOUT_PAST.search(sentence, max(0, c.start - 80), c.start) for c in cues)


def is_denial(sentence: str) -> bool:
    """Whether the sentence denies the reported fact (``the army denied that civilians were killed``)."""
    low = _lowered(sentence)
    return bool(_DENIAL_L.search(low) >= 0 if low is not None else lx.DENIAL.search(sentence))


#: what a foiled plot was: a coup ("foiled a coup plot", "déjoué une tentative de coup d'État")
_COUP_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:coup\b|putsch|plot\s+to\s+(?:overthrow|topple|destabili[sz]e)|"
                         r"(?:tentative|projet)\s+de\s+(?:coup|putsch|d[ée]stabilisation))", re.IGNORECASE)


def find_cues(sentence: str, protest_context: bool = False) -> list[Cue]:
    """Event cues in one sentence, threats/plans/negations removed. ``protest_context``: the sentence
    follows a protest ("Police fired tear gas to disperse them" needs no protest word of its own).

    Examples
    --------
    >>> [(c.sub_event_type, c.tier) for c in find_cues("Gunmen attacked an army post in Boni.")]
    [('Armed clash', 3)]
    >>> find_cues("JNIM threatened to attack the town.")
    []
    """
    cues: list[Cue] = []
    fast = _lowered(sentence)
    low = sentence.lower() if fast is None else fast
    mob = _MOB_START.first(_MOB_L, fast) if fast is not None else _MOB.search(sentence)
    if fast is not None:
        matches: Iterable[re.Match[str]] = lx.find_cue_matches(fast)
    else:  # a character whose lower case changes length (or matches differently): keep offsets right
        matches = list(lx.CUE_PATTERN.finditer(sentence))
    if not mob and not matches:
        return cues  # no cue: the sentence-level checks below are not needed
    hurt = _HURT_L.search(low) >= 0
    # asked only by the cues that use them (pure functions of the sentence: -1 not yet asked)
    ground_i = civil_i = -1
    protest_i = 1 if protest_context else -1
    trend_i = _TREND_BITS.search(low) >= 0
    since_i = "since" in low or "depuis" in low
    habit_i = _HABIT_BITS.search(low) >= 0
    charge_i = _CHARGE_BITS.search(low) >= 0
    claim_i = "claim" in low or "revendiq" in low or "attribut" in low or "imput" in low
    if mob:
        vs = sentence.rfind(" ", mob.start(), mob.end()) + 1  # where the violent verb starts
        if lx.MODAL_BEFORE.search(sentence, max(mob.start(), vs - 45), vs) or lx.negated(sentence, vs):
            mob = None  # "residents said they feared an imminent assault": nothing happened
    if mob and not any(k in sentence for k in ("militants", "gunmen", "jihadists", "militiamen")):
        cues.append(Cue("Riots", "Mob violence", 1, mob.start(), mob.end(), sentence[mob.start():mob.end()], "mob", hurt))
    for m in matches:
        start, end = m.span()
        if fast is not None:
            lo = max(0, start - 45)
            modal = _MODAL_L.search(fast, lo, start) >= 0 or _MODAL_MAY.search(sentence, lo, start)
        else:
            modal = lx.MODAL_BEFORE.search(sentence, max(0, start - 45), start)
        if not modal and _NEG_BITS.search(low, max(0, start - 45), start) and lx.negated(sentence, start):
            continue
        if modal or (_PLANNED_AFTER.match(sentence, end) and not _PAST_FORM.search(m.group())):
            continue  # (a verb in the past tense happened: "attacked the expected convoy")
        group = m.lastgroup or ""
        if group == "atk" and _AVENGED_BITS.search(low, max(0, start - 40), start) \
                and _AVENGED.search(sentence, max(0, start - 40), start):
            continue  # "attacked the village in response to an attack on a checkpoint": an earlier event
        if trend_i and (_TREND_BEFORE.search(sentence, max(0, start - 30), start)
                        or (m.group()[:1].isalpha() and m.group().lower().startswith(("attack", "attaque", "violence",
                                                                                      "killing", "clash", "affront",
                                                                                      "incident", "enl"))
                            and _TREND_AFTER.match(sentence, end))):
            continue  # "years of attacks have driven thousands from their homes": a trend, not an incident
        if m.group()[-1:] == "s" and m.group().lower() in _PLURAL_EVENTS and (
                _GENERIC_AFTER.match(sentence, end) or _ONGOING_AFTER.match(sentence, end)
                or _TALKED_OF_BEFORE.search(sentence, max(0, start - 90), start)
                or _PREDICATE_BEFORE.search(sentence, max(0, start - 25), start)):
            # "Attacks on convoys are a way of showing who controls the road", "Des attaques continuent d'être
            # signalées", "a parlé des massacres", "dénoncent des enlèvements": events in general, no incident
            continue
        if _MODAL_AFTER.match(sentence, end):
            continue  # "Un cessez-le-feu pourrait être proposé": not (yet) an event
        if _ALLEGED_BEFORE.search(sentence, max(0, start - 40), start) and _UNVERIFIED.search(sentence):
            continue  # "allegations of sexual violence that it has not been able to verify"
        w50 = low[max(0, start - 50):start]  # (substring tests first: most cues pass every check)
        if habit_i and _HABITUAL_BEFORE.search(sentence, max(0, start - 30), start):
            continue  # "Fuel trucks are regularly stopped and burned": what keeps happening, not an incident
        if since_i and ("since" in w50 or "depuis" in w50) and _SINCE_BEFORE.search(sentence, max(0, start - 30), start):
            continue  # "ont fui la commune depuis les attaques de la semaine dernière": the cause, told elsewhere
        if charge_i and _CHARGE_BITS.search(w50) >= 0 and _CHARGE_BEFORE.search(sentence, max(0, start - 50), start):
            continue  # "suspected of taking part in the attack", "participé au lynchage": the charge, not an event
        if group == "atk":
            # "the ministry blamed ISSP for the attack": the attack told already; it types the event only
            # when nothing else in it does (lowest tier)
            back = (_REFERS_BACK.search(sentence, max(0, start - 60), start) is not None
                    or (claim_i and _CLAIMED_AFTER.match(sentence, end) is not None)
                    or _BOTH_BEFORE.search(sentence, max(0, start - 20), start) is not None)
            if _GUNFIRE.fullmatch(m.group()):
                # shots are at what follows them ("gunfire around the military base", not the residents who
                # report it); at nobody named ("des coups de feu ont été entendus") they are no event
                kind = _kind(sentence[end:end + 100])
                if not kind:
                    continue
            else:
                kind = _kind(_target_window(sentence, start, end))
            if kind == "military":
                if ground_i < 0:
                    ground_i = int(_GROUND_L.search(low) >= 0)
                cues.append(Cue("Battles", "Armed clash", 7 if back else 3, start, end, m.group(), "atk", hurt,
                                ground_i == 1))
            else:
                cues.append(Cue("Violence against civilians", "Attack", 7 if back else 4, start, end, m.group(), "atk",
                                hurt))
            continue
        if group == "kill":
            kind = _kind(_target_window(sentence, start, end))
            if kind == "civilian":
                cues.append(Cue("Violence against civilians", "Attack", 4, start, end, m.group(), "kill"))
            elif kind == "military":
                if ground_i < 0:
                    ground_i = int(_GROUND_L.search(low) >= 0)
                cues.append(Cue("Battles", "Armed clash", 3, start, end, m.group(), "kill", hurt, ground_i == 1))
            else:
                # a killing whose victims are not named as combatants: most often civilians
                cues.append(Cue("Violence against civilians", "Attack", 5, start, end, m.group(), "kill"))
            continue
        et, st = lx.CUE_KEYS[int(group[1:])]
        if et in _PROTEST_TYPES and st != "Mob violence":
            if et == "Protests" and st != "Peaceful protest" and protest_i < 0:
                protest_i = int(_PROTEST_L.search(low) >= 0)
            if protest_i != 1 and et == "Protests" and st != "Peaceful protest":
                continue
            if st == "Excessive force against protesters" and "crowd" in m.group().lower() \
                    and not _PROTEST_WORD.search(sentence):
                continue  # "gunmen stormed the market and opened fire on the crowd": not a protest
            tier = 1
        elif et == "Battles":
            tier = 0
            if civil_i < 0:
                civil_i = int(bool(_CIVIL_SIDE.search(sentence)) and not _ARMED_SIDE.search(sentence))
            if st == "Armed clash" and civil_i == 1:
                # "clashes between students", "clashes between police and youths": no armed group
                # fights, so a riot (EVENTS.md: violent demonstrations and mob violence)
                cues.append(Cue("Riots", "Violent demonstration", 1, start, end, m.group(), "lex", hurt))
                continue
            if _DEFUSED.match(sentence, end) and m.group().startswith("neutrali"):
                cues.append(Cue("Strategic developments", "Disrupted weapons use", 1, start, end, m.group()))
                continue
        elif et == _EXPLOSIVE_TYPES:
            tier = 2
        elif et == "Riots":
            tier = 1
        elif et == "Violence against civilians":
            tier = 4
            if st == "Abduction/forced disappearance" and (_HOSTAGE_NOUN.fullmatch(m.group())
                                                            or _target_window(sentence, start, end)[1]):
                # "two nationals kidnapped in May were released": the abduction describes the victims
                cues.append(Cue(et, st, tier, start, end, m.group(), "abd_told",
                                had_been=_HAD_BEEN.search(sentence, max(0, start - 24), start) is not None))
                continue
        elif st == "Looting/property destruction" and m.group().startswith(("seiz", "sais")) and (
                _PEOPLE_SEIZED_AFTER.match(sentence, end) or _PEOPLE_SEIZED_BEFORE.search(sentence, max(0, start - 60),
                                                                                        start)):
            # "the hostages had been seized in November", "seized two traders": people seized are
            # abducted, not goods
            passive = _PEOPLE_SEIZED_AFTER.match(sentence, end) is None
            cues.append(Cue("Violence against civilians", "Abduction/forced disappearance", 4, start, end,
                            m.group(), "abd_told" if passive else "lex"))
            continue
        elif st == "Disrupted weapons use":
            tier = 1
            if _COUP_AFTER.match(sentence, end):
                # "thwarted a coup plot": a foiled coup is a political development, not seized weapons
                st = "Other"
        else:
            tier = 6
            if st == "Change to group/activity" and _FIRST_PERSON_BEFORE.search(sentence, max(0, start - 30), start):
                continue
        cues.append(Cue(et, st, tier, start, end, m.group(),
                        "release" if st == "Agreement" and _RELEASE.match(m.group()) else "lex"))
    return cues


#: attack words that say people were harmed, not only raided: shooting at them, assaulting them
#: ("opened fire on the trucks and stripped the passengers", "looted shops, an imam was assaulted")
_HARM_WORD = re.compile(r"(?:opened fire|fired|shot at|assault|ouvert le feu|tir[ée])", re.IGNORECASE)


def pick_type(cues: Iterable[Cue]) -> tuple[str, str]:
    """The event type and sub-type of an event context from all its cues (ACLED's precedence).

    Raises
    ------
    ValueError
        When ``cues`` is empty.

    Examples
    --------
    >>> pick_type(find_cues("Militants kidnapped two traders and later executed them."))
    ('Violence against civilians', 'Attack')
    """
    cues = list(cues)
    if not cues:
        raise ValueError("no cues to type")
    has_protest = any(c.event_type == "Protests" for c in cues)
    has_riot = any(c.event_type == "Riots" for c in cues)
    if has_protest or has_riot:
        proto = [c for c in cues if c.event_type in _PROTEST_TYPES]
        strong_armed = [c for c in cues if c.tier == 0 and c.sub_event_type != "Armed clash"]
        violent = any(c.sub_event_type == "Looting/property destruction" or c.kind == "atk" for c in cues)
        if not strong_armed and not any(c.tier == 2 for c in cues):
            if has_riot or (has_protest and violent) or (has_protest and any(c.event_type == "Battles" and c.tier == 0 for c in cues)):
                mob = [c for c in proto if c.sub_event_type == "Mob violence"]
                if mob and not has_protest:
                    return ("Riots", "Mob violence")
                if has_protest and not has_riot and any(
                        c.sub_event_type == "Excessive force against protesters" for c in proto):
                    return ("Protests", "Excessive force against protesters")
                return ("Riots", "Violent demonstration")
            best = min(proto, key=lambda c: _PREC[(c.event_type, c.sub_event_type)])
            return (best.event_type, best.sub_event_type)
        cues = [c for c in cues if c.event_type not in _PROTEST_TYPES]
    # explicit explosive tactics take the generic "attack" (the attack was the explosion), unless the
    # operation had a ground component against an armed target ("complex attack ... small arms fire")
    tiers = sorted({c.tier for c in cues})
    if tiers[0] == 2 and 3 in tiers and any(c.tier == 3 for c in cues) and any(c.ground for c in cues):
        return ("Battles", "Armed clash")
    # "attacked ... and stripped the passengers of their belongings", nobody killed: looting
    looting = [c for c in cues if c.sub_event_type == "Looting/property destruction"]
    if looting and all(c.kind == "atk" and c.tier == 4 and not _HARM_WORD.match(c.text)
                       for c in cues if c.tier in (3, 4, 5)) and not any(
            c.tier in (0, 1, 2) for c in cues) and not any(c.kind == "lex" and c.tier == 4 for c in cues) \
            and not any(c.hurt for c in cues):
        return ("Strategic developments", "Looting/property destruction")

    release = next((c for c in cues if c.kind == "release"), None)
    if release is not None and all(c.kind == "abd_told" and (c.start < release.start or c.had_been) for c in cues
                                   if c.event_type == "Violence against civilians"):
        return ("Strategic developments", "Agreement")  # hostages released (EVENTS.md: an agreement)
    if tiers[0] == 0 and all(c.text.lower().startswith("neutrali") for c in cues if c.tier == 0) and any(
            c.sub_event_type == "Air/drone strike" for c in cues) and not any(c.ground for c in cues):
        return ("Explosions/Remote violence", "Air/drone strike")  # "a drone strike 'neutralised' terrorists"
    top = [c for c in cues if c.tier == tiers[0]]
    if tiers[0] == 4 and any(c.kind == "kill" for c in cues) \
            and any(c.sub_event_type == "Abduction/forced disappearance" for c in top):
        return ("Violence against civilians", "Attack")  # abducted, then killed: an attack (EVENTS.md)
    if tiers[0] == 4:
        # inside civilian violence, an attack outranks an abduction
        best = min(top, key=lambda c: _PREC[(c.event_type, c.sub_event_type)])
        return (best.event_type, best.sub_event_type)
    best = min(top, key=lambda c: (_PREC[(c.event_type, c.sub_event_type)], c.start))
    return (best.event_type, best.sub_event_type)


def classify(sentence: str) -> tuple[str, str] | None:
    """The type of a single sentence, or ``None`` when it has no event cue.

    Examples
    --------
    >>> classify("Des affrontements ont opposé l'armée aux jihadistes près de Boni.")
    ('Battles', 'Armed clash')
    >>> classify("Protesters took to the streets of Bamako; police fired tear gas.")
    ('Protests', 'Protest with intervention')
    """
    cues = find_cues(sentence)
    return pick_type(cues) if cues else None
