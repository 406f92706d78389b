"""Spotting: every span of a text whose normalised form is a name the index knows.

A scan over the text's word tokens with a dict from a name's first token to the longest name
starting with it; at each position the longest known name wins and the scan jumps past it. No regex
per name, one dict look-up per token in the common case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from .model import Mention
from .normalize import _LETTERS, _MARKS

__all__ = ["Spotter"]

_WORD = re.compile(r"[^\W_]+")
_FOLD = str.maketrans(_LETTERS)


class Spotter:
    """Finds known names in text.

    Parameters
    ----------
    names : collection of str
        Normalised names (words separated by single spaces).
    aliases : dict
        Token forms that differ from the normalised name (names written with apostrophes, which
        separate words in text: "n tillit" -> "ntillit").
    min_chars : int
        Names shorter than this are not spotted (single letters and initials).

    Examples
    --------
    >>> s = Spotter({"nioro du sahel", "nioro", "kayes"}, {})
    >>> [(m.text, m.normalized) for m in s.spot("Raids on Nioro-du-Sahel and Kayes.")]
    [('Nioro-du-Sahel', 'nioro du sahel'), ('Kayes', 'kayes')]
    """

    def __init__(self, names: Collection[str], aliases: dict[str, str], min_chars: int = 2,
                 vkeys: Collection[str] | None = None) -> None:
        self._aliases = aliases
        self._vkeys = vkeys
        self._names = names
        longest: dict[str, int] = {}
        for collection in (names, aliases):
            for n in collection:
                if len(n) < min_chars:
                    continue
                parts = n.split(" ")
                if len(parts) > longest.get(parts[0], 0):
                    longest[parts[0]] = len(parts)
        self._longest = longest
        self._min_chars = min_chars
        self._fold_cache: dict[str, str] = {}

    def _fold(self, token: str) -> str:
        f = self._fold_cache.get(token)
        if f is None:
            f = token.casefold()
            if not f.isascii():
                f = _MARKS.sub("", unicodedata.normalize("NFKD", f)).translate(_FOLD)
            if len(self._fold_cache) < 500_000:
                self._fold_cache[token] = f
        return f

    def spot(self, text: str, variants: bool = False, capitalized: bool = False) -> list[Mention]:
        """Longest known names first, non-overlapping, on word boundaries, in text order.

        With ``variants=True`` a capitalised word (or two) that is not a known name but whose
        variant key is one (e.g. "Gogoui" for "Gogui") is spotted too; its ``normalized`` is its
        own normalised form. With ``capitalized=True`` only spans whose first letter is a capital
        are returned (proper names; "in", "area" and "convoy" are villages somewhere).
        """
        spans = [(m.start(), m.end(), self._fold(m.group())) for m in _WORD.finditer(text)]
        out: list[Mention] = []
        longest = self._longest
        names, aliases = self._names, self._aliases
        i, n = 0, len(spans)
        while i < n:
            k = longest.get(spans[i][2])
            if k is None and not variants:
                i += 1
                continue
            hit = 0
            norm = ""
            for j in range(min(k or 0, n - i), 0, -1):
                cand = " ".join(s[2] for s in spans[i:i + j]) if j > 1 else spans[i][2]
                if cand in names:
                    norm, hit = cand, j
                    break
                alias = aliases.get(cand)
                if alias is not None:
                    norm, hit = alias, j
                    break
            if hit and len(norm) >= self._min_chars and (not capitalized or text[spans[i][0]].isupper()):
                start, end = spans[i][0], spans[i + hit - 1][1]
                out.append(Mention(start, end, text[start:end], norm))
                i += hit
            elif variants and self._vkeys is not None and text[spans[i][0]].isupper():
                i += self._variant(text, spans, i, out)
            else:
                i += 1
        return out

    def _variant(self, text: str, spans: list[tuple[int, int, str]], i: int, out: list[Mention]) -> int:
        from .normalize import variant_key

        assert self._vkeys is not None
        for j in (2, 1):
            if i + j > len(spans) or not all(text[s[0]].isupper() for s in spans[i:i + j]):
                continue
            norm = " ".join(s[2] for s in spans[i:i + j])
            if len(norm) >= max(4, self._min_chars) and variant_key(norm) in self._vkeys:
                start, end = spans[i][0], spans[i + j - 1][1]
                out.append(Mention(start, end, text[start:end], norm))
                return j
        return 1
