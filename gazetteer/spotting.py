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
        self._names = names
        self._vkeys = vkeys
        # token-prefix table: a name's word sequence -> flags (1: it is a name, 2: a longer name
        # continues it); a text is scanned with one look-up per word in the common case
        trie: dict[str, int] = {}
        for collection in (names, aliases):
            for n in collection:
                if len(n) < min_chars:
                    continue
                trie[n] = trie.get(n, 0) | 1
                cut = n.rfind(" ")
                while cut > 0:
                    prefix = n[:cut]
                    flags = trie.get(prefix, 0)
                    if flags & 2:
                        break  # shorter prefixes are marked already
                    trie[prefix] = flags | 2
                    cut = n.rfind(" ", 0, cut)
        self._trie = trie
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
        fold = self._fold
        spans = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        out: list[Mention] = []
        trie, aliases = self._trie, self._aliases
        i, n = 0, len(spans)
        while i < n:
            if capitalized and not text[spans[i][0]].isupper():
                i += 1
                continue
            cur = spans[i][2]
            flags = trie.get(cur)
            if flags is None:
                if variants and self._vkeys is not None and text[spans[i][0]].isupper():
                    i += self._variant(text, spans, i, out)
                else:
                    i += 1
                continue
            best, best_norm = (i + 1, cur) if flags & 1 else (0, "")
            j = i + 1
            while flags & 2 and j < n:
                cur = f"{cur} {spans[j][2]}"
                flags = trie.get(cur)
                if flags is None:
                    break
                j += 1
                if flags & 1:
                    best, best_norm = j, cur
            if best:
                start, end = spans[i][0], spans[best - 1][1]
                norm = best_norm if best_norm in self._names else aliases.get(best_norm, best_norm)
                out.append(Mention(start, end, text[start:end], norm))
                i = best
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
