"""Detection of admin name, code and level fields for the common boundary conventions."""

from __future__ import annotations

import pytest

from conflict_map.errors import RegionsError
from conflict_map.regions.fields import detect_fields, level_from_text


def test_ocha_cod_ab_old_style() -> None:
    f = detect_fields(["OBJECTID", "admin0Name", "admin0Pcod", "admin1Name", "admin1Pcod",
                       "admin2Name", "admin2Pcod", "admin2RefN", "admin2AltN"])
    assert f.levels == {1: ("admin1Name", "admin1Pcod"), 2: ("admin2Name", "admin2Pcod")}
    assert (f.country, f.country_code, f.convention) == ("admin0Name", "admin0Pcod", "OCHA COD-AB")


def test_ocha_cod_ab_new_style_prefers_english() -> None:
    f = detect_fields(["ADM3_FR", "ADM3_EN", "ADM3_PCODE", "ADM2_EN", "ADM2_PCODE", "ADM0_EN",
                       "ADM0_PCODE"])
    assert f.levels == {2: ("ADM2_EN", "ADM2_PCODE"), 3: ("ADM3_EN", "ADM3_PCODE")}
    assert f.country == "ADM0_EN" and f.country_code == "ADM0_PCODE"


def test_ocha_french_only() -> None:
    f = detect_fields(["ADM1_FR", "ADM1_PCODE"])
    assert f.levels == {1: ("ADM1_FR", "ADM1_PCODE")}


def test_gadm() -> None:
    f = detect_fields(["GID_0", "COUNTRY", "GID_1", "NAME_1", "NL_NAME_1", "GID_2", "NAME_2",
                       "VARNAME_2", "GID_3", "NAME_3", "TYPE_3"])
    assert f.levels == {1: ("NAME_1", "GID_1"), 2: ("NAME_2", "GID_2"), 3: ("NAME_3", "GID_3")}
    assert f.country == "COUNTRY" and f.convention == "GADM"


def test_geoboundaries_level_from_shape_type_or_file_name() -> None:
    cols = ["shapeName", "shapeISO", "shapeID", "shapeGroup", "shapeType"]
    assert detect_fields(cols, shape_type="ADM3").levels == {3: ("shapeName", "shapeID")}
    f = detect_fields(cols[:4], hint="geoBoundaries-MLI-ADM2_simplified.geojson")
    assert f.levels == {2: ("shapeName", "shapeID")} and f.country == "shapeGroup"
    with pytest.raises(RegionsError, match="level"):
        detect_fields(cols[:4], hint="boundaries.geojson")


def test_natural_earth_admin1_both_variants() -> None:
    assert detect_fields(["name", "iso_a2", "adm1_code", "admin"]).levels == {1: ("name", "adm1_code")}
    f = detect_fields(["iso_a2", "name", "fips", "woe_label", "adm0_a3", "admin", "gn_name"])
    assert f.levels == {1: ("name", "fips")}
    assert (f.country, f.country_code) == ("admin", "iso_a2")


def test_explicit_fields_and_unknown_field() -> None:
    f = detect_fields(["REGION", "DISTRICT", "DCODE"], name_fields={1: "REGION", 2: ("DISTRICT", "DCODE")})
    assert f.levels == {1: ("REGION", None), 2: ("DISTRICT", "DCODE")}
    with pytest.raises(RegionsError, match="NOPE"):
        detect_fields(["REGION"], name_fields={1: "NOPE"})


def test_nothing_recognisable_says_how_to_name_fields() -> None:
    with pytest.raises(RegionsError, match="name_fields"):
        detect_fields(["foo", "bar"])


def test_level_in_file_names() -> None:
    assert level_from_text("gadm41_MLI_3.gpkg") is None
    assert level_from_text("mli_admbnda_adm2_1m_gov.shp") == 2
    assert level_from_text("admin1.geojson") == 1
