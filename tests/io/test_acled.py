"""Event table readers: ACLED in every form EVENTS.md lists, UCDP GED, generic CSV; rejected rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflict_map.errors import FormatError, RecordError
from conflict_map.io import read_events
from conflict_map.io.acled import read_acled
from conflict_map.io.table import detect_csv_kind, read_csv_table
from conflict_map.model import ACLED_COLUMNS

CURRENT_HEADER = ",".join(ACLED_COLUMNS)


def _write(tmp_path: Path, name: str, text: str, bom: bool = False) -> Path:
    p = tmp_path / name
    p.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return p


def _current_row(eid: str = "MLI1001", date: str = "01 July 2025", **over: str) -> str:
    vals = dict(zip(ACLED_COLUMNS, [
        eid, date, "2025", "1", "Political violence", "Battles", "Armed clash",
        "JNIM: Group for Support of Islam and Muslims", "", "Rebel group",
        "Military Forces of Mali (2021-)", "", "State forces", "State forces-Rebel group", "",
        "466", "Western Africa", "Mali", "Kayes", "Kayes", "Kayes", "Diboli", "14.1472", "-11.2253", "1",
        "AFP", "International", "On 1 July 2025, JNIM attacked an army post in Diboli.", "10", "",
        "1751500000"]))
    vals.update(over)
    return ",".join(f'"{vals[c]}"' if "," in vals[c] else vals[c] for c in ACLED_COLUMNS)


def test_current_export_with_bom(tmp_path: Path) -> None:
    p = _write(tmp_path, "acled.csv", CURRENT_HEADER + "\n" + _current_row() + "\n", bom=True)
    assert detect_csv_kind(read_csv_table(p).header) == "acled"
    ev = read_events(p)
    row = ev.iloc[0]
    assert row["event_id"] == "MLI1001" and row["event_date"] == "2025-07-01"
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 1, 12)
    assert row["latitude"] == 14.1472 and ev.geometry[0].x == -11.2253
    assert (row["iso"], row["country_code"], row["fatalities"], row["timestamp"]) == (466, "ML", 10, 1751500000)
    assert ev.attrs["rejected"] == [] and ev.attrs["warnings"] == []


@pytest.mark.parametrize("date", ["31 December 2020", "2020-12-31", "31-12-2020", "31-Dec-20"])
def test_date_forms(tmp_path: Path, date: str) -> None:
    p = _write(tmp_path, "a.csv", CURRENT_HEADER + "\n" + _current_row(date=date, year="2020") + "\n")
    assert read_events(p)["event_date"].tolist() == ["2020-12-31"]


def test_older_export_numeric_codes_and_legacy_columns(tmp_path: Path) -> None:
    header = ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
              "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,"
              "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
              "source_scale,notes,fatalities,timestamp,iso3")
    row = ("7001,466,MLI9,9,16-Feb-21,2021,1,Violence against civilians,Attack,Unidentified Armed Group "
           "(Mali),,3,Civilians (Mali),,7,37,Western Africa,Mali,Mopti,Bankass,Dimbal,Dimbal,14.06,-3.69,1,"
           "RFI,International,Gunmen killed two civilians.,2,1613500000,MLI")
    ev = read_events(_write(tmp_path, "old.csv", header + "\n" + row + "\n"))
    r = ev.iloc[0]
    assert (r["inter1"], r["inter2"], r["interaction"]) == (3, 7, 37)
    assert r["event_date"] == "2021-02-16" and r["disorder_type"] == "Political violence"
    assert r["civilian_targeting"] == "Civilian targeting"
    for legacy in ("data_id", "event_id_no_cnty", "iso3"):
        assert legacy not in ev.columns


def test_civilians_targeted_is_renamed(tmp_path: Path) -> None:
    p = _write(tmp_path, "a.csv", CURRENT_HEADER + "\n" +
               _current_row(civilian_targeting="Civilians targeted") + "\n")
    assert read_events(p).loc[0, "civilian_targeting"] == "Civilian targeting"


def test_monadic_export_is_folded_into_dyadic_events(tmp_path: Path) -> None:
    header = ("event_id_cnty,event_date,year,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
              "interaction,country,latitude,longitude,fatalities")
    rows = [
        "MLI5,2019-03-23,2019,Violence against civilians,Attack,Dan Na Ambassagou,,4,47,Mali,14.3,-4.1,160",
        "MLI5,2019-03-23,2019,Violence against civilians,Attack,Civilians (Mali),Fulani Ethnic Group (Mali),7,47,"
        "Mali,14.3,-4.1,160",
        "MLI6,2019-03-24,2019,Battles,Armed clash,JNIM,,2,12,Mali,15.0,-2.0,1",
        "MLI6,2019-03-24,2019,Battles,Armed clash,Military Forces of Mali,,1,12,Mali,15.0,-2.0,1",
    ]
    ev = read_events(_write(tmp_path, "monadic.csv", header + "\n" + "\n".join(rows) + "\n"))
    assert ev["event_id"].tolist() == ["MLI5", "MLI6"]
    assert ev.loc[0, "actor2"] == "Civilians (Mali)" and ev.loc[0, "assoc_actor_2"] == "Fulani Ethnic Group (Mali)"
    assert (ev.loc[1, "inter1"], ev.loc[1, "inter2"], ev.loc[1, "interaction"]) == (2, 1, 12)
    assert any("monadic" in w["message"] for w in ev.attrs["warnings"])


@pytest.mark.parametrize("old,notes,new", [
    ("Battle-No change of territory", "Clashes.", ("Battles", "Armed clash")),
    ("Battle-Non-state actor overtakes territory", "", ("Battles", "Non-state actor overtakes territory")),
    ("Remote violence", "A roadside IED hit a convoy.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Remote violence", "Mortar shells fell on the camp.", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Riots/Protests", "Students held a peaceful march.", ("Protests", "Peaceful protest")),
    ("Riots/Protests", "Rioters burned tyres and vandalised shops.", ("Riots", "Violent demonstration")),
    ("Strategic development", "Soldiers arrested a suspect.", ("Strategic developments", "Arrests")),
    ("Violence against civilians", "Gunmen abducted a chief.", ("Violence against civilians", "Abduction/forced disappearance")),
])
def test_pre_2019_event_types(tmp_path: Path, old: str, notes: str, new: tuple[str, str]) -> None:
    header = "event_id_cnty,event_date,year,event_type,actor1,inter1,actor2,inter2,interaction,latitude,longitude,notes,fatalities"
    row = f"MLI1,2015-05-01,2015,{old},A,2,B,1,12,14.0,-4.0,{notes},0"
    ev = read_events(_write(tmp_path, "old.csv", header + "\n" + row + "\n"))
    assert (ev.loc[0, "event_type"], ev.loc[0, "sub_event_type"]) == new
    assert any("event_type" == w.get("field") or "sub_event_type" == w.get("field") for w in ev.attrs["warnings"])


def test_derived_fields_are_recomputed_and_disagreements_reported(tmp_path: Path) -> None:
    p = _write(tmp_path, "a.csv", CURRENT_HEADER + "\n" + _current_row(
        year="2024", disorder_type="Demonstrations", interaction="17") + "\n")
    ev = read_events(p)
    assert (ev.loc[0, "year"], ev.loc[0, "disorder_type"], ev.loc[0, "interaction"]) == (
        2025, "Political violence", 12)
    fields = sorted(w["field"] for w in ev.attrs["warnings"])
    assert fields == ["disorder_type", "interaction", "year"]
    assert all(w["origin"].endswith(":2") for w in ev.attrs["warnings"])


def test_rejected_rows_have_line_and_reason(tmp_path: Path) -> None:
    rows = [
        _current_row("MLI1"),
        _current_row("MLI2", date="not a date"),
        _current_row("MLI3", latitude="123.0"),
        _current_row("MLI4", event_type="Parade", sub_event_type=""),
        _current_row("MLI5", fatalities="many"),
        _current_row("MLI6", notes='line one\nline two'.replace(",", "")),
        _current_row("MLI7", inter1="Aliens"),
    ]
    # a quoted multi-line note moves the following rows' line numbers
    rows[5] = rows[5].replace("line one\nline two", '"line one\nline two"')
    ev = read_events(_write(tmp_path, "bad.csv", CURRENT_HEADER + "\n" + "\n".join(rows) + "\n"))
    assert ev["event_id"].tolist() == ["MLI1", "MLI6"]
    rej = {r["record_id"]: r for r in ev.attrs["rejected"]}
    assert rej["MLI2"]["origin"].endswith("bad.csv:3") and "date" in rej["MLI2"]["reason"]
    assert "out of range" in rej["MLI3"]["reason"]
    assert "Parade" in rej["MLI4"]["reason"]
    assert rej["MLI5"]["origin"].endswith(":6")
    assert rej["MLI7"]["origin"].endswith(":9") and "Aliens" in rej["MLI7"]["reason"]
    with pytest.raises(RecordError, match="bad.csv:3"):
        read_acled(tmp_path / "bad.csv", on_error="raise")
    assert read_acled(tmp_path / "bad.csv", on_error="ignore").attrs["rejected"] == []


@pytest.mark.shared
def test_shared_dev_file_form(acled_dev: Path) -> None:
    """The ../shared development file: actors and assoc_actors joined by " | ", numeric interaction."""
    ev = read_events(acled_dev)
    assert len(ev) == 1224 and ev.attrs["rejected"] == []
    first = ev.iloc[0]
    assert first["actor1"].startswith("JNIM") and first["actor2"].startswith("Military Forces of Mali")
    assert first["assoc_actor_1"] == "Katiba Macina" and first["assoc_actor_2"] == ""
    # inter codes follow from the interaction and ACLED's actor naming when unambiguous
    assert (first["inter1"], first["inter2"], first["interaction"]) == (2, 1, 12)
    assert (ev["country"] == "Mali").all() and (ev["iso"] == 466).all()
    assert ev["event_date"].str.match(r"^201[78]-\d\d-\d\d$").all()
    assert ev.geometry.notna().all()
    # external forces (France, MINUSMA) are 8, unidentified armed groups 3: only truly ambiguous
    # pairs (two non-state groups of different kinds) stay without inter codes
    assert ev["inter1"].notna().mean() >= 0.95
    assert not [w for w in ev.attrs["warnings"] if w.get("field") == "interaction"]


def test_ucdp_ged(tmp_path: Path) -> None:
    header = ("id,relid,year,active_year,type_of_violence,conflict_name,dyad_name,side_a,side_b,"
              "source_office,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,"
              "country,region,date_prec,date_start,date_end,best,high,low")
    rows = [
        "101,MLI-1,2017,1,1,Mali:Government,Government of Mali - JNIM,Government of Mali,JNIM,AFP,1,"
        "Gao town,,Gao region,Gao cercle,16.27,-0.04,Mali,Africa,1,2017-01-18 00:00:00.000,2017-01-18,77,80,70",
        "102,MLI-2,2017,1,3,JNIM - civilians,JNIM - civilians,JNIM,Civilians,RFI,6,Mali,,,,17.0,-4.0,Mali,"
        "Africa,4,2017-02-01,2017-02-28,3,3,3",
        "103,MLI-3,2017,1,9,x,x,A,B,,1,,,,,16,-1,Mali,Africa,1,2017-02-01,2017-02-01,1,1,1",
    ]
    p = _write(tmp_path, "ged.csv", header + "\n" + "\n".join(rows) + "\n")
    ev = read_events(p)
    assert ev.attrs["format"] == "ucdp"
    assert ev["event_id"].tolist() == ["UCDP101", "UCDP102"]
    assert (ev.loc[0, "event_type"], ev.loc[0, "fatalities"], ev.loc[0, "fatalities_low"]) == ("Battles", 77, 70)
    assert ev.loc[1, "actor2"] == "Civilians (Mali)" and ev.loc[1, "inter2"] == 7
    assert ev.geometry[1] is None and ev.loc[1, "time_precision"] == 3  # country-level: unlocated
    assert ev.attrs["rejected"][0]["origin"].endswith("ged.csv:4")


def test_generic_csv_with_coordinates(tmp_path: Path) -> None:
    p = _write(tmp_path, "mine.csv", "id;Lat;Lon;Date;Deaths;event_type;comment\n"
                                     "a;14,5;-4,2;03/07/2025;2;Battles;first\n"
                                     "b;;;2025-07-04;0;Battles;unlocated\n"
                                     "c;14.5;-4.2;2025-07-05;-1;Battles;bad\n")
    ev = read_events(p)
    assert ev.attrs["format"] == "generic"
    assert ev["event_id"].tolist() == ["a", "b"]
    assert (ev.loc[0, "latitude"], ev.loc[0, "longitude"], ev.loc[0, "event_date"]) == (14.5, -4.2, "2025-07-03")
    assert ev.loc[0, "comment"] == "first" and ev.geometry[1] is None
    assert "negative" in ev.attrs["rejected"][0]["reason"]


def test_generic_csv_without_locations_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="latitude"):
        read_events(_write(tmp_path, "x.csv", "a,b\n1,2\n"))
    with pytest.raises(FormatError, match="gazetteer"):
        read_events(_write(tmp_path, "y.csv", "town,date\nKayes,2025-07-01\n"))


@pytest.mark.slow  # builds the embedded gazetteer index once per session (about 20 s)
def test_generic_csv_with_place_names_uses_the_gazetteer(tmp_path: Path) -> None:
    from gazetteer import Gazetteer

    p = _write(tmp_path, "towns.csv", "town,date,fatalities\nKayes,2025-07-01,3\nNowhereville Qzx,2025-07-02,0\n")
    ev = read_events(p, gazetteer=Gazetteer.default, country="ML")
    assert ev.loc[0, "location"] == "Kayes" and ev.loc[0, "country_code"] == "ML"
    assert abs(ev.loc[0, "latitude"] - 14.45) < 0.1 and abs(ev.loc[0, "longitude"] + 11.44) < 0.1
    assert ev.geometry[1] is None and ev.loc[1, "location_flags"] == "unresolved"
    assert any("Nowhereville" in w["message"] for w in ev.attrs["warnings"])


@pytest.mark.shared
def test_an_acled_row_with_a_place_and_no_coordinates_is_placed_with_the_gazetteer(tmp_path: Path) -> None:
    from gazetteer import Gazetteer

    rows = [_current_row("MLI1"), _current_row("MLI2", latitude="", longitude="", location="Kayes"),
            _current_row("MLI3", longitude="abc")]
    p = _write(tmp_path, "a.csv", CURRENT_HEADER + "\n" + "\n".join(rows) + "\n")
    ev = read_events(p, gazetteer=Gazetteer.default)
    kayes = ev[ev.event_id == "MLI2"].iloc[0]
    assert abs(kayes.latitude - 14.45) < 0.1 and abs(kayes.longitude + 11.44) < 0.1
    assert not any("MLI2" in str(w) and "unlocated" in w["message"] for w in ev.attrs["warnings"])
    assert ev.attrs["rejected"][0]["reason"] == "longitude 'abc' is not a number"
    # without a gazetteer the row is kept unlocated, with a warning
    ev = read_events(p)
    assert ev[ev.event_id == "MLI2"].geometry.iloc[0] is None
    assert any("unlocated" in w["message"] for w in ev.attrs["warnings"])


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.fixed_dictionaries({c: _cell for c in ("event_date", "event_type", "inter1",
                                                          "interaction", "latitude", "fatalities")}),
                min_size=1, max_size=5))
def test_any_cell_values_give_events_or_reasons_never_a_crash(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)  # a bare \r must be quoted
    w.writerow(ACLED_COLUMNS)
    for i, r in enumerate(rows):
        vals = dict(zip(ACLED_COLUMNS, [""] * len(ACLED_COLUMNS)), event_id_cnty=f"X{i}", actor1="A",
                    sub_event_type="Armed clash", longitude="1.0")
        vals.update(r)
        w.writerow([vals[c] for c in ACLED_COLUMNS])
    p = tmp_path / "fuzz.csv"
    p.write_text(buf.getvalue(), encoding="utf-8", newline="")
    ev = read_events(p)
    rejected = ev.attrs["rejected"]
    assert len(ev) + len(rejected) == len(rows)
    assert all(r["reason"] and r["origin"].startswith(str(p)) for r in rejected)


def test_unicode_line_separators_inside_a_field_do_not_split_records(tmp_path: Path) -> None:
    note = "first part\u2028second part\x0cthird\x1dfourth"
    p = _write(tmp_path, "a.csv", CURRENT_HEADER + "\n" + _current_row(notes=note) + "\n" +
               _current_row("MLI2") + "\n")
    ev = read_events(p)
    assert ev["event_id"].tolist() == ["MLI1001", "MLI2"] and ev.loc[0, "notes"] == note
