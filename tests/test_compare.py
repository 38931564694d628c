"""Tests of casebook.compare: the indicator table, selections, coverage and area profiles."""

from __future__ import annotations

import pandas as pd
import pytest

import casebook
from casebook import compare
from casebook.text import t

# --- the indicator table ------------------------------------------------------------------


def test_indicator_table_has_every_printed_and_derived_figure(
    book: casebook.Casebook, table_nl: pd.DataFrame
) -> None:
    derived = casebook.derived_indicators(book.indicators)
    assert len(table_nl) == len(book.indicators) + len(derived)
    assert table_nl.loc[table_nl["derived"], "group"].eq("derived").all()
    assert table_nl.loc[table_nl["derived"], "formula"].notna().all()
    assert table_nl.attrs["lang"] == "nl"
    row = table_nl.set_index(["area_id", "indicator"]).loc[("hambaken", "corporation_unit_share")]
    assert row["display"] == "74,8%" and row["status"] == "derived" and row["page"] == "21"


def test_statuses_follow_the_data(table_nl: pd.DataFrame) -> None:
    ind = table_nl.set_index(["area_id", "indicator"])
    assert ind.loc[("kruiden_kleurenbuurt", "social_rent_share"), "status"] == "approx"
    assert ind.loc[("hambaken", "mutation_rate"), "status"] == "range"
    assert ind.loc[("hambaken", "mutation_rate"), "display"] == "7–8%"
    assert ind.loc[("doornakkers", "price_level"), "status"] == "text"
    assert ind.loc[("tilburg", "inhabitants"), "display"] == "204.863"


def test_select_fills_gaps_with_not_reported_never_zero(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    rows = compare.select(table_nl, areas=neighbourhoods, indicators=["poor_households_share"])
    chosen = rows[rows["area_id"].isin(neighbourhoods)]
    assert chosen["area_id"].tolist() == neighbourhoods
    missing = chosen[chosen["status"] == "not_reported"]
    assert set(missing["area_id"]) == {
        "doornakkers",
        "hambaken",
        "helmond_oost",
        "baardwijk_laageinde_de_hoef",
    }
    assert missing["value"].isna().all() and (missing["display"] == "niet vermeld").all()
    assert rows[rows["area_kind"] == "city"]["area_id"].tolist() == ["tilburg"]


def test_select_names_what_is_valid(table_nl: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"`areas` must be among .* but \['atlantis'\] was passed"):
        compare.select(table_nl, areas=["atlantis"], indicators=["inhabitants"])
    with pytest.raises(ValueError, match="built with lang='nl'"):
        compare.select(table_nl, areas=["hambaken"], indicators=["inhabitants"], lang="en")


def _select_with_pandas(table: pd.DataFrame, areas: list[str], indicator: str) -> pd.DataFrame:
    """What select gives for one indicator, written out in pandas: the chosen areas' rows in
    the order chosen, then the reporting city references that were not chosen."""
    part = table[table["indicator"] == indicator]
    chosen = part.set_index("area_id").reindex(areas).reset_index()
    refs = part[(part["area_kind"] == compare.REFERENCE_KIND) & ~part["area_id"].isin(areas)]
    return pd.concat([chosen, refs], ignore_index=True)


def test_select_with_a_kept_index_gives_the_same_rows(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    index = compare.table_index(table_nl)
    indicators = list(dict.fromkeys(table_nl["indicator"]))
    for areas in (neighbourhoods, neighbourhoods[:2], neighbourhoods[-1:], ["tilburg"]):
        for indicator in indicators:
            rows = compare.select(table_nl, areas=areas, indicators=[indicator])
            kept = compare.select(table_nl, areas=areas, indicators=[indicator], index=index)
            pd.testing.assert_frame_equal(rows, kept)
            records = compare.select_records(
                table_nl, areas=areas, indicators=[indicator], index=index
            )
            pd.testing.assert_frame_equal(pd.DataFrame(records, columns=rows.columns), rows)
            expected = _select_with_pandas(table_nl, areas, indicator)
            assert rows["area_id"].tolist() == expected["area_id"].tolist(), indicator
            reported = rows["status"] != "not_reported"
            assert rows.loc[reported, "display"].tolist() == (
                expected.loc[expected["status"].notna(), "display"].tolist()
            )
    both = compare.select(table_nl, areas=neighbourhoods, indicators=indicators[:5], index=index)
    pd.testing.assert_frame_equal(
        both, compare.select(table_nl, areas=neighbourhoods, indicators=indicators[:5])
    )


def test_selected_records_are_copies(table_nl: pd.DataFrame) -> None:
    index = compare.table_index(table_nl)
    first = compare.select_records(
        table_nl, areas=["hambaken"], indicators=["inhabitants"], index=index
    )
    first[0]["display"] = "changed"
    again = compare.select_records(
        table_nl, areas=["hambaken"], indicators=["inhabitants"], index=index
    )
    assert again[0]["display"] != "changed"
    assert index.pairs["inhabitants"]["hambaken"]["display"] == again[0]["display"]


def test_select_with_an_index_names_what_is_valid(table_nl: pd.DataFrame) -> None:
    index = compare.table_index(table_nl)
    with pytest.raises(ValueError, match=r"`areas` must be among .* but \['atlantis'\] was passed"):
        compare.select(table_nl, areas=["atlantis"], indicators=["inhabitants"], index=index)
    with pytest.raises(ValueError, match=r"`indicators` must be among .* \['nothing'\] was"):
        compare.select_records(table_nl, areas=["hambaken"], indicators=["nothing"], index=index)
    with pytest.raises(ValueError, match="built with lang='nl'"):
        compare.select(
            table_nl, areas=["hambaken"], indicators=["inhabitants"], lang="en", index=index
        )


def test_selection_messages(table_nl: pd.DataFrame) -> None:
    assert compare.selection_message(table_nl, areas=[], indicators=["inhabitants"]) == t(
        "msg.no_areas", "nl"
    )
    msg = compare.selection_message(
        table_nl, areas=["hambaken"], indicators=["poor_households_share"]
    )
    assert msg == "Het boekje geeft voor 'Arme huishoudens' geen cijfer voor de gekozen wijken."
    assert (
        compare.selection_message(table_nl, areas=["hambaken"], indicators=["inhabitants"]) is None
    )
    index = compare.table_index(table_nl)
    for areas in ([], ["hambaken"], ["hambaken", "tilburg"]):
        for indicators in ([], ["poor_households_share"], ["inhabitants", "price_level"]):
            kwargs = {"areas": areas, "indicators": indicators}
            assert compare.selection_message(
                table_nl, **kwargs, index=index
            ) == compare.selection_message(table_nl, **kwargs)


def test_coverage_matches_the_table(table_nl: pd.DataFrame) -> None:
    cov = compare.coverage(table_nl)
    assert cov.loc["poor_households_share", "tilburg"] == "number"
    assert cov.loc["poor_households_share", "hambaken"] == "not_reported"
    assert cov.loc["mutation_rate", "hambaken"] == "range"
    reported = (cov != "not_reported").to_numpy().sum()
    assert reported == len(table_nl)


def test_area_profile_lists_all_figures_with_pages(table_nl: pd.DataFrame) -> None:
    profile = compare.area_profile(table_nl, "hambaken", lang="nl")
    assert len(profile) == (table_nl["area_id"] == "hambaken").sum()
    assert set(profile["Pagina"]) == {"21"}
    assert "7–8%" in profile["Waarde"].tolist()
    with pytest.raises(ValueError, match="`area_id` must be one of"):
        compare.area_profile(table_nl, "atlantis", lang="nl")
