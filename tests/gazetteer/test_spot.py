from gazetteer import Gazetteer, Mention


def test_spot_longest_first_word_boundaries(tiny: Gazetteer) -> None:
    text = "Attaques à Koro‑du‑Sahel, Kalo et Sandaro; Kalorama n'est pas un lieu. Mali."
    ms = tiny.spot(text)
    assert [m.text for m in ms] == ["Koro‑du‑Sahel", "Kalo", "Sandaro", "Mali"]
    assert all(isinstance(m, Mention) and text[m.start:m.end] == m.text for m in ms)
    assert ms[0].normalized == "koro du sahel"


def test_spot_apostrophe_names_and_elision(tiny: Gazetteer) -> None:
    ms = tiny.spot("Les combats de N’Golo et d'Sandaro")
    assert [m.normalized for m in ms] == ["ngolo", "sandaro"]


def test_spot_empty(tiny: Gazetteer) -> None:
    assert tiny.spot("") == []


def test_spot_capitalized_and_variants(tiny: Gazetteer) -> None:
    text = "Raids on Tigouibé and kalo, then Kalo"
    assert [m.text for m in tiny.spot(text)] == ["kalo", "Kalo"]
    assert [m.text for m in tiny.spot(text, capitalized=True)] == ["Kalo"]
    assert [m.text for m in tiny.spot(text, variants=True)] == ["Tigouibé", "kalo", "Kalo"]


def test_spot_fast_path_matches_the_word_scan() -> None:
    """The split-based spot gives exactly the mentions of the plain word-by-word scan (texts and
    names written for this test: ASCII and not, apostrophes, hyphens, overlapping names)."""
    import random

    from gazetteer.spotting import Spotter

    names = {"nioro du sahel", "nioro", "kayes", "koro", "koro du", "gao", "in", "area", "ntillit", "segou",
             "tin", "tin essako", "a b c", "b c", "strasse", "ss"}
    sp = Spotter(names, {"n tillit": "ntillit"})
    base = ("Raids on Nioro-du-Sahel and Kayes. Koro du Rip; in the area of N'Tillit, Ségou and SÉGOU; "
            "Tin-Essako, tin essako, TIN. A b c d, b c. Straße STRASSE İn ß ǅ ﬁ koro du du nioro du")
    rnd = random.Random(3)
    texts = [base, "", " ", "Gao", "gao-", "-gao", "Koro du", "Nioro du Sahel"]
    for _ in range(500):
        i, j = sorted(rnd.randrange(len(base) + 1) for _ in range(2))
        texts.append(base[i:j])
    for t in texts:
        for cap in (False, True):
            assert sp.spot(t, capitalized=cap) == sp._scan(t, False, cap), (t, cap)
