from hypothesis import given, strategies as st

from gazetteer import normalize_name, variant_key
from gazetteer.normalize import tokens


def test_every_hyphen_and_dash_is_a_space() -> None:
    for dash in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d":
        assert normalize_name(f"Nioro{dash}du{dash}Sahel") == "nioro du sahel"


def test_case_accents_apostrophes_space() -> None:
    assert normalize_name("  SÉGOU\t ") == "segou"
    assert normalize_name("N’Tillit") == normalize_name("N'Tillit") == normalize_name("Ntillit") == "ntillit"
    assert normalize_name("Côte d’Ivoire") == "cote divoire"
    assert normalize_name("Łódź") == "lodz"
    assert normalize_name("St. Louis") == "st louis"


def test_variant_key_meets_transliterations() -> None:
    assert variant_key("Gogoui") == variant_key("Gogui")
    assert variant_key("Tombouctou") == variant_key("Tombuktu")
    assert variant_key("Djenné") == variant_key("Jenne")
    assert variant_key("Nioro du Sahel") == variant_key("Nioro-Sahel")
    assert variant_key("Kidal") != variant_key("Kidira")


def test_particles_alone_are_kept() -> None:
    assert variant_key("El") == "el"


def test_tokens_split_apostrophes() -> None:
    assert tokens("N'Tillit") == ("n", "tillit")


@given(st.text(max_size=40))
def test_normalize_is_idempotent(s: str) -> None:
    n = normalize_name(s)
    assert normalize_name(n) == n
    assert n == n.strip() and "  " not in n


def test_ascii_shortcut_matches_the_general_steps() -> None:
    import random
    import string

    from gazetteer.normalize import _TRANSLATE, _normalize_any, normalize_name

    # the shortcut removes these two and nothing else of ASCII
    assert [chr(c) for c in _TRANSLATE if c < 128] == ["'", "`"]
    rnd = random.Random(5)
    alphabet = "".join(chr(c) for c in range(128))
    texts = [alphabet, string.printable, "N'Tillit", "Nioro-du-Sahel", "  a__b  ", "x`y", "\x0b\x1f\x7f", ""]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(30))) for _ in range(3000)]
    for t in texts:
        assert normalize_name.__wrapped__(t) == _normalize_any(t), repr(t)
