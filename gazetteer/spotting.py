"""Spotting: every span of a text whose normalised form is a name the index knows.

A scan over the text's word tokens with a dict from a name's first token to the longest name
starting with it; at each position the longest known name wins and the scan jumps past it. No regex
per name, one dict look-up per token in the common case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from itertools import accumulate, compress

from .model import Mention
from .normalize import _LETTERS, _MARKS

__all__ = ["Spotter"]

_WORD = re.compile(r"[^\W_]+")
#: splits a text into separators and words (words at the odd indexes), as _WORD finds them
_WORD_SPLIT = re.compile(r"([^\W_]+)")
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
        if variants and self._vkeys is not None:
            return self._scan(text, variants, capitalized)
        # words and separators alternate: one split in C, offsets from the running sum of their
        # lengths; ASCII text is folded at once (lower() keeps its length and its word boundaries)
        ascii_text = text.isascii()
        parts = _WORD_SPLIT.split(text.lower() if ascii_text else text)
        ends = list(accumulate(map(len, parts)))
        toks = parts[1::2]
        if not ascii_text:
            toks = list(map(self._fold, toks))
        trie, aliases, names = self._trie, self._aliases, self._names
        out: list[Mention] = []
        n = len(toks)
        i = 0  # the first word a new mention may start at
        for h in compress(range(n), map(trie.__contains__, toks)):
            if h < i:
                continue
            start = ends[2 * h]
            if capitalized and not text[start].isupper():
                continue
            best, best_norm = _longest(trie, toks, h, trie[toks[h]])
            if best:
                end = ends[2 * best - 1]
                norm = best_norm if best_norm in names else aliases.get(best_norm, best_norm)
                out.append(Mention(start, end, text[start:end], norm))
                i = best
        return out

    def _scan(self, text: str, variants: bool, capitalized: bool) -> list[Mention]:
        """:meth:`spot` by a scan of every word (used for ``variants=True``; the plain form of the
        fast path above, which gives the same mentions)."""
        fold = self._fold
        spans = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        words = [w for _, _, w in spans]
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
            best, best_norm = _longest(trie, words, i, flags)
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


def _longest(trie: dict[str, int], words: Sequence[str], h: int, flags: int) -> tuple[int, str]:
    """The longest indexed name made of ``words[h:]`` (``flags = trie[words[h]]``: 1 a name ends here,
    2 a longer name goes on): the index after its last word and the name, or ``(0, "")``."""
    cur = words[h]
    best, best_norm = (h + 1, cur) if flags & 1 else (0, "")
    j, n = h + 1, len(words)
    while flags & 2 and j < n:
        cur = f"{cur} {words[j]}"
        got = trie.get(cur)
        if got is None:
            break
        flags = got
        j += 1
        if flags & 1:
            best, best_norm = j, cur
    return best, best_norm
