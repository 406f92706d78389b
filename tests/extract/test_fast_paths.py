"""The faster matchers give exactly what the plain patterns give (texts written for these tests)."""

from __future__ import annotations

import random
import re

import pytest

from conflict_map.extract import lexicon as lx
from conflict_map.extract.classify import find_cues, is_denial, is_history

TEXTS = [
    "Gunmen attacked an army post in Boni; clashes followed and two soldiers were killed.",
    "Des affrontements ont opposé l'armée aux jihadistes ; une mine terrestre a sauté près de Gao.",
    "JNIM threatened to attack the town. The army may withdraw. In May, troops retook the camp.",
    "Suspected militants set fire to houses, stole cattle and kidnapped the village chief.",
    "Protesters took to the streets; police fired tear gas and arrested 12 protesters.",
    "An airstrike hit a camp; the drone struck a convoy, and an IED exploded on the road.",
    "Les assaillants ont tué trois civils et emporté du bétail; des déplacés ont fui.",
    "counter-attack, re-taken, anti-mine terrestre, war-torn, self-defence militia, overran",
    "La foule en colère a lynché un voleur présumé. Mob justice; lynched a suspect.",
    "TROOPS RECAPTURED THE TOWN AFTER HEAVY FIGHTING; ſeized the base; dıed.",
    "", " ", "-attack", "attack-", "attackers attacked", "Mine artisanale", "marches in Bamako",
    "Still traumatised by last year's attack; the tenth anniversary; two years after, un an après, il y a 3 ans.",
    "On Monday, a year after the massacre; attacks on civilians are frequent; l'année dernière, 3 July, June 30.",
]


def _texts() -> list[str]:
    rnd = random.Random(7)
    out = list(TEXTS)
    joined = " ".join(TEXTS)
    for _ in range(400):
        i, j = sorted(rnd.randrange(len(joined) + 1) for _ in range(2))
        out.append(joined[i:j])
    return out


def test_cue_starts_match_the_cue_pattern() -> None:
    for text in _texts():
        low = text.lower()
        want = [(m.span(), m.lastgroup, m.group()) for m in lx.CUE_PATTERN_LOWER.finditer(low)]
        got = [(m.span(), m.lastgroup, m.group()) for m in lx.find_cue_matches(low)]
        assert got == want, text


@pytest.mark.parametrize("branches", [
    [r"clash\w*", r"[ée]meutes?", r"(?:took|seized) (?:full )?control", r"\w*\s?mine terrestre"],
    [r"(?:was |were )?(?:founded|formed)(?= (?:in|by))", r"s?hot", r"a|ab|abc", r"x(?:y|z)?w"],
])
def test_dispatch_pattern_same_language(branches: list[str]) -> None:
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(branches) + r")(?![\w])")
    fast = re.compile(r"(?<![\w-])" + lx.dispatch_pattern(branches) + r"(?![\w])")
    for text in ["clashes émeute emeutes took full control seized control une mine terrestre minesmine terrestre",
                 "was founded in 1990 formed by hot shot s abc ab a xw xyw xzw xyzw"]:
        for pos in range(len(text) + 1):
            assert bool(plain.match(text, pos)) == bool(fast.match(text, pos)), (text, pos)


def test_lowered_checks_agree_with_ignorecase() -> None:
    for text in _texts():
        assert is_denial(text) == bool(lx.DENIAL.search(text))
        if lx.HISTORY.search(text):
            assert is_history(text, 2025)
    assert find_cues("The army may withdraw from the camp.") == []  # "may": a possibility
    assert [c.sub_event_type for c in find_cues("In May, troops withdrew from the camp.")] == ["Change to group/activity"]


def test_classify_start_patterns_agree() -> None:
    from conflict_map.extract import classify as c

    plain_bool = {c._HURT_L: c._HURT, c._GROUND_L: c._GROUND, c._PROTEST_L: lx.PROTEST_CONTEXT,
                  c._HISTORY_L: lx.HISTORY, c._DENIAL_L: lx.DENIAL, c._RECALL_L: lx.RECALL,
                  c._NEWS_DAY_L: lx.NEWS_DAY, c._ANNIVERSARY_L: lx.ANNIVERSARY}
    pairs = [(c._MIL_START, c._MIL_L), (c._CIV_START, c._CIV_L), (c._MOB_START, c._MOB_L),
             (lx.CUE_STARTS, lx.CUE_PATTERN_LOWER)]
    for text in _texts() + ["Villagers beat and lynched him; youths torched a car. Soldiers and civilians fled."]:
        low = text.lower()
        for fast, plain in plain_bool.items():
            assert (fast.search(low) >= 0) == bool(plain.search(text)), (plain.pattern[:30], text)
            for pos in range(0, len(low), 11):
                w = plain.search(text, pos, len(low) - 3)
                assert fast.search(low, pos, len(low) - 3) == (w.start() if w else -1)
        for starts, full in pairs:
            want = [(m.span(), m.group()) for m in full.finditer(low)]
            assert [(m.span(), m.group()) for m in starts.finditer(full, low)] == want
            for pos in range(0, len(low), 7):
                w = full.search(low, pos)
                g = starts.first(full, low, pos)
                assert (w and w.span()) == (g and g.span())


def test_date_starts_agree() -> None:
    from conflict_map.extract import dates as d

    texts = _texts() + ["On Tuesday night, 3 days ago, le 1er juillet, since 2 May, late August 2024, hier, "
                        "dans la nuit de samedi à dimanche, the night of 3 to 4 June, mardi 1er juillet 2025."]
    for text in texts:
        low = text.lower()
        want = [(m.span(), m.lastgroup) for m in d._PATTERN_L.finditer(low)]
        assert [(m.span(), m.lastgroup) for m in d._STARTS_L.finditer(d._PATTERN_L, low)] == want


def test_deaths_and_actor_starts_agree() -> None:
    from conflict_map.extract import actors as a
    from conflict_map.extract import fatalities as f

    pairs = [(f._SINGLE_S, f._SINGLE_L), (f._SINGLE_PASSIVE_S, f._SINGLE_PASSIVE), (f._COMPANIONS_S, f._COMPANIONS), (f._ANY_DEATH_S, f._ANY_DEATH), (a._ALL_STARTS, a._ALL_LOWER)]
    extra = ["Gunmen killed a trader and his two sons, between 12 and 15 soldiers, at least twenty-five civilians; "
             "a boy was shot dead, JNIM and FAMa, 3,5 km, 10-12 dead, one killed, quatre-vingts morts, l'armée malienne"]
    for text in _texts() + extra:
        low = text.lower()
        for starts, full in pairs:
            want = [(m.span(), m.lastgroup, m.group()) for m in full.finditer(low)]
            assert [(m.span(), m.lastgroup, m.group()) for m in starts.finditer(full, low)] == want, full.pattern[:40]


def test_place_and_passive_checks_agree() -> None:
    from conflict_map.extract import classify as c
    from conflict_map.extract import places as p

    checks = [(p._SAID_F, p._SAID, True), (p._ORIENT_F, p._ORIENT_BEFORE, True), (p._NEAR_F, p._NEAR_BEFORE, True),
              (p._ADMIN_BEFORE_F, p._ADMIN_BEFORE, True), (p._TITLE_F, p._TITLE, False),
              (c._PASSIVE_BEFORE_L, c._PASSIVE_BEFORE, True)]
    windows = ["near the capital ", "northwest of the ", "Gen. ", "the spokesman said ", "a former governor of ",
               "in the Cercle de ", "à 20 km au nord de ", "près de la ", "were ", "a été ", "Prime Minister ",
               "the region of the ", "le Président ", "entre ", "outskirts of ", "km north-east of "]
    texts = windows + [t[-60:] for t in _texts()] + [w.upper() for w in windows]
    for text in texts:
        low = lx.lowered(text)
        for finder, plain, ci in checks:
            got = finder.search(low if ci else text) >= 0 if (low is not None or not ci) else None
            if got is not None:
                assert got == bool(plain.search(text)), (plain.pattern[:30], text)


def test_lazy_matches_are_the_plain_matches() -> None:
    from conflict_map.extract import dates

    texts = _texts() + ["On 3 May 2018 and on Tuesday, 12 June, last week, il y a deux jours, since 1 August"]
    for text in texts:
        low = text.lower()
        for finder, full in ((dates._STARTS_L, dates._PATTERN_L), (lx.CUE_STARTS, lx.CUE_PATTERN_LOWER)):
            want = [(m.span(), m.lastgroup) for m in full.finditer(low)]
            assert [(m.span(), m.lastgroup) for m in finder.iter_matches(full, low)] == want, text
            assert [(m.span(), m.lastgroup) for m in finder.finditer(full, low)] == want, text


def test_sentence_boundaries_fast_patterns_agree() -> None:
    from conflict_map.extract import sentences as S

    texts = _texts() + [
        "Gen. Traoré arrived. Clashes broke out in Gao! Calm.", "Tirs à Mopti. M. Diarra a parlé.",
        "raged on.Elsewhere, troops... \u201cThey left.\u201d (Reuters) Then?! 12 died.\n\nNew para\n  B\nc",
        "a.b. C... D…E ! F?» G.) H.] 9 x\n\n\n\n\ny\n\u00c9t\u00e9. \u00c9t\u00e9", "ab.Cd ab!Cd a.Cd ab.CD",
    ]
    rnd = random.Random(11)
    alphabet = "aB .!?…\n\"'”’»)]“‘«([É9é"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(40))) for _ in range(3000)]
    for text in texts:
        assert [m.start() for m in S._GLUED.finditer(text)] == [m.end() for m in S._GLUED_FAST.finditer(text)], text
        want = [(m.start(), m.end(), m.start(1), m.end(1)) for m in S._BOUNDARY.finditer(text)]
        got = [(m.start(), m.end()) + ((m.start(), m.end("rest")) if m.end("rest") >= 0 else (-1, -1))
               for m in S._BOUNDARY_FAST.finditer(text)]
        assert got == want, text
