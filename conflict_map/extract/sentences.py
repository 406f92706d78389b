"""Sentence splitting for English and French news text, with character offsets.

Rules, not a model: a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing quotes
or brackets) before whitespace and an upper-case letter, a digit or an opening quote, unless the word
before the point is a known abbreviation (``Gen.``, ``Col.``, ``M.``, ``Mme.``, ``Jan.``) or a single
initial. Paragraph breaks always end a sentence.
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
    r"""([.!?…]+["'”’»)\]]*)\s+(?=["'“‘«(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n\s*\n|\n(?=\s*[A-ZÀ-ÖØ-Þ"“«])"""
)
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÿ.]+)$")
#: a sentence glued to the next without a space ("raged on.Elsewhere")
_GLUED = re.compile(r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ö][a-zà-ÿ])")


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
    cuts: list[int] = []
    for m in _GLUED.finditer(text):
        cuts.append(m.start())
    for m in _BOUNDARY.finditer(text):
        if m.group(1):
            punct_start = m.start(1)
            if text[punct_start] == "." and len(m.group(1)) == 1:
                w = _WORD_BEFORE.search(text, max(0, punct_start - 12), punct_start)
                if w:
                    word = w.group(1).lower().rstrip(".")
                    if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                        continue
            cuts.append(m.end(1))
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
