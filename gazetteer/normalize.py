"""Name normalisation: the one form used to index names and to look them up.

Two functions, used everywhere in the package:

- :func:`normalize_name` folds what writers vary without meaning anything: case, accents, every
  apostrophe and every hyphen or dash (including the non-breaking hyphen U+2011), punctuation and
  spacing. Exact look-ups use it.
- :func:`variant_key` goes further for spelling variants of transliterated names (French and English
  renderings of Bambara, Fulfulde, Tamasheq, Songhay and Arabic names): it drops particles
  (du, de, el...), maps digraphs to one spelling (ou/u, dj/j, kh/k...), collapses doubled letters and
  removes spaces. Variant and fuzzy look-ups use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_name", "variant_key", "tokens", "is_latin"]

# Combining marks left by NFKD decomposition (accents, cedillas, tildes...).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Apostrophes and look-alikes are removed so that "N'Tillit" and "Ntillit" meet.
_APOSTROPHES = "'\u2018\u2019\u201b\u02bc\u02bb\u02bd\u02b9\u00b4`\u2032\uff07"
# Letters that NFKD does not decompose, mapped to their usual Latin spelling.
_LETTERS = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ħ": "h", "ı": "i", "þ": "th",
            "ŀ": "l", "ŧ": "t", "ɛ": "e", "ɔ": "o", "ŋ": "ng", "ɲ": "ny", "ƴ": "y", "ɗ": "d", "ɓ": "b"}
_TRANSLATE = str.maketrans({**{a: None for a in _APOSTROPHES}, **_LETTERS})
# Anything that is not a letter or digit separates words: hyphens and dashes of every kind
# (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D), punctuation, underscores, spaces.
_SEPARATORS = re.compile(r"[\W_]+")

_PARTICLES = frozenset(
    "du de des d la le les l el al ad ag of the en".split()
)
# Order matters: longer digraphs first.
_DIGRAPHS = (
    ("tch", "ch"), ("sch", "ch"), ("sh", "ch"), ("dj", "j"), ("dh", "d"), ("kh", "k"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("qu", "k"), ("q", "k"), ("ck", "k"), ("c", "k"), ("ou", "u"),
    ("oo", "u"), ("w", "u"), ("y", "i"), ("z", "s"), ("x", "ks"),
)
_DOUBLABLE = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=262_144)
def normalize_name(name: str) -> str:
    """Fold case, accents, apostrophes, hyphens, dashes, punctuation and spacing.

    Parameters
    ----------
    name : str
        A place name as written.

    Returns
    -------
    str
        The normalised form: lower case ASCII where the name is Latin, words separated by one space.

    Examples
    --------
    >>> normalize_name("Nioro\u2011du\u2011Sahel")
    'nioro du sahel'
    >>> normalize_name("  Ségou ")
    'segou'
    >>> normalize_name("N’Tillit")
    'ntillit'
    >>> normalize_name("CÔTE D'IVOIRE")
    'cote divoire'
    """
    if name.isascii():
        # the same steps for ASCII text: NFKD and the marks change nothing, casefold() is lower(),
        # the only ASCII characters the table removes are the two apostrophes, and the words left
        # by separators are the runs of letters and digits
        return " ".join(_ASCII_WORDS.findall(name.lower().replace("'", "").replace("`", "")))
    return _normalize_any(name)


def _normalize_any(name: str) -> str:
    """:func:`normalize_name` for any text (the ASCII shortcut aside)."""
    s = unicodedata.normalize("NFKD", name)
    s = _MARKS.sub("", s).casefold().translate(_TRANSLATE)
    return " ".join(_SEPARATORS.sub(" ", s).split())


_ASCII_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=262_144)
def variant_key(name: str) -> str:
    """A coarser key under which spelling variants of one name meet.

    Particles are dropped (unless the name is nothing else), digraphs are mapped to one spelling,
    doubled letters are collapsed and spaces removed.

    Parameters
    ----------
    name : str
        A name, normalised or not.

    Returns
    -------
    str
        The variant key (may be empty for an empty name).

    Examples
    --------
    >>> variant_key("Gogoui") == variant_key("Gogui")
    True
    >>> variant_key("Nioro du Sahel")
    'niorosahel'
    >>> variant_key("Tombouctou") == variant_key("Tombuktu")
    True
    """
    words = normalize_name(name).split()
    kept = [w for w in words if w not in _PARTICLES] or words
    s = "".join(kept)
    for a, b in _DIGRAPHS:
        if a in s:
            s = s.replace(a, b)
    for c in _DOUBLABLE:
        if c + c in s:
            while c + c in s:
                s = s.replace(c + c, c)
    return s


def tokens(name: str) -> tuple[str, ...]:
    """The words of a name as the spotter sees them (apostrophes separate words there).

    Examples
    --------
    >>> tokens("N'Tillit")
    ('n', 'tillit')
    >>> tokens("Nioro-du-Sahel")
    ('nioro', 'du', 'sahel')
    """
    s = unicodedata.normalize("NFKD", name)
    s = _MARKS.sub("", s).casefold().translate(_LETTERS_ONLY)
    return tuple(_SEPARATORS.sub(" ", s).split())


_LETTERS_ONLY = str.maketrans(_LETTERS)


def is_latin(normalized: str) -> bool:
    """True when a normalised name is plain ASCII (Latin script), the scripts reports here use.

    Examples
    --------
    >>> is_latin("segou"), is_latin("сегу")
    (True, False)
    """
    return normalized.isascii()
