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
