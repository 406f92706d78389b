"""Sentence splitting for English and French news text, with character offsets.

Rules, not a model: a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing quotes
or brackets) before whitespace and an upper-case letter, a digit or an opening quote, unless the word
before the point is a known abbreviation (``Gen.``, ``Col.``, ``M.``, ``Mme.``, ``Jan.``) or a single
initial. Paragraph breaks always end a sentence, and so does a line break before a capital, a digit or a
list bullet ("• On 11 March, ...", "- Tillabéri: ...", "16:45 - ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

_ABBREV = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep pres st mt no nos vol fig
    jan feb mar apr jun jul aug sep sept oct nov dec approx est etc vs cf al inc ltd co corp dept
    m mme mlle mm me gal lieut cdt cne sgt adj ex ste min hon rev jr sr u.s u.n e.g i.e""".split()
)

_BOUNDARY = re.compile(
    r"""([.!?…]+["'”’»)\]]*)\s+(?=["'“‘«(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n\s*\n|\n(?=\s*[A-ZÀ-ÖØ-Þ"“«0-9•·▪●◦‣►*–—-])"""
)
# The same boundaries, written to start with one character class so that the regex engine skips in C
# the characters that start none (a punctuation's run is ``m.start()`` to ``m.end("rest")``; ``rest``
# does not take part when the boundary is a line break)
_BOUNDARY_FAST = re.compile(
    r"""[.!?…\n](?:(?<=[.!?…])(?P<rest>[.!?…]*["'”’»)\]]*)\s+(?=["'“‘«(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])|"""
    r"""(?<=\n)\s*\n|(?<=\n)(?=\s*[A-ZÀ-ÖØ-Þ"“«0-9•·▪●◦‣►*–—-]))"""
)
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÿ.]+)$")
#: a sentence glued to the next without a space ("raged on.Elsewhere")
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ö][a-zà-ÿ])")
#: the same places: the cut is the end of the punctuation found first (``m.end()``)
_GLUED_FAST = re.compile(r"[.!?](?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ö][a-zà-ÿ])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it sits in the article (``text == article[start:end]``)."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with their character offsets.

    Examples
    --------
    >>> [s.text for s in split_sentences("Gen. Traoré arrived. Clashes broke out in Gao! Calm.")]
    ['Gen. Traoré arrived.', 'Clashes broke out in Gao!', 'Calm.']
    >>> split_sentences("Tirs à Mopti. M. Diarra a parlé.")[1].start
    14
    """
    cuts: list[int] = [m.end() for m in _GLUED_FAST.finditer(text)]
    for m in _BOUNDARY_FAST.finditer(text):
        punct_end = m.end("rest")
        if punct_end >= 0:  # after punctuation (-1: a line break)
            punct_start = m.start()
            if text[punct_start] == "." and punct_end - punct_start == 1:
                w = _WORD_BEFORE.search(text, max(0, punct_start - 12), punct_start)
                if w:
                    word = w.group(1).lower().rstrip(".")
                    if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                        continue
            cuts.append(punct_end)
        else:
            cuts.append(m.start())
    cuts.sort()
    out: list[Sentence] = []
    start = 0
    for cut in cuts + [len(text)]:
        if cut <= start:
            continue
        _add(text, start, cut, out)
        start = cut
    return out


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
