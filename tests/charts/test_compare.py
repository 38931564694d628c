"""Tests of casebook.charts.compare: one indicator, small multiples and the coverage matrix."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import casebook
from casebook import compare
from casebook.charts import compare as charts
from casebook.theme import DEFAULT_THEME


def _by_name(fig: go.Figure) -> dict[str, object]:
    return {trace.name.replace("<br>", " "): trace for trace in fig.data}


def test_chart_titles_units_and_notes_in_english(
    book: casebook.Casebook, neighbourhoods: list[str]
) -> None:
    table = compare.indicator_table(book, lang="en")
    fig = charts.compare_indicator(
        table, areas=neighbourhoods, indicator="social_rent_share", lang="en"
    )
    assert fig.layout.title.text.replace("<br>", " ") == (
        "Share of social rented housing by neighbourhood"
    )
    assert fig.layout.xaxis.title.text.replace("<br>", " ") == "Share of social rented housing (%)"
    notes = fig.layout.annotations[0].text
    assert "≈ = approximate" in notes
    assert _by_name(fig)["Kruiden- en Kleurenbuurt"].text[0] == "≈ 85%"


def test_derived_figure_says_it_is_derived(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    fig = charts.compare_indicator(
        table_nl, areas=neighbourhoods, indicator="corporation_unit_share", lang="nl"
    )
    notes = fig.layout.annotations[0].text.replace("<br>", " ")  # wrapped to fit a phone
    assert "corporation_units / dwellings × 100" in notes
    assert "(afgeleid)" in fig.layout.title.text


def test_counts_get_no_city_line(table_nl: pd.DataFrame) -> None:
    fig = charts.compare_indicator(
        table_nl, areas=["groenewoud"], indicator="inhabitants", lang="nl"
    )
    assert not fig.layout.shapes


def test_small_multiples_give_each_panel_its_own_scale(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    inds = ["inhabitants", "mutation_rate", "social_rent_share", "rent_mean", "price_level"]
    fig = charts.small_multiples(table_nl, areas=neighbourhoods, indicators=inds, lang="nl")
    y_axes = [k for k in fig.layout.to_plotly_json() if k.startswith("yaxis")]
    assert len(y_axes) == 4  # the statement 'price_level' has no panel
    for key in y_axes:
        assert fig.layout[key].matches is None and fig.layout[key].rangemode == "tozero"
    assert len(fig.data) == 4 * len(neighbourhoods)
    titles = [a.text for a in fig.layout.annotations if a.yshift == 8]
    assert titles[0] == "Inwoners (aantal)" and titles[3] == "Gemiddelde huur (euro)"


def test_each_area_keeps_its_colour_everywhere(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    colours = DEFAULT_THEME.area_colours(neighbourhoods)
    one = charts.compare_indicator(table_nl, areas=["hambaken"], indicator="inhabitants", lang="nl")
    both = charts.compare_indicator(
        table_nl, areas=["helmond_oost", "hambaken"], indicator="inhabitants", lang="nl"
    )
    many = charts.small_multiples(
        table_nl, areas=neighbourhoods, indicators=["inhabitants", "mutation_rate"], lang="nl"
    )
    for fig in (one, both, many):
        for trace in fig.data:
            if trace.name == "Hambaken":
                assert trace.marker.color == colours["hambaken"]
    assert len(set(colours.values())) == len(neighbourhoods)


def test_coverage_matrix_shows_gaps(table_nl: pd.DataFrame) -> None:
    fig = charts.coverage_matrix(table_nl, lang="nl")
    heat = fig.data[0]
    n_ind, n_area = table_nl["indicator"].nunique(), table_nl["area_id"].nunique()
    assert len(heat.z) == n_ind and len(heat.z[0]) == n_area
    cov = compare.coverage(table_nl)
    order = ["not_reported", "text", "range", "approx", "number", "derived"]
    for i, ind in enumerate(cov.index):
        for j, area in enumerate(cov.columns):
            assert order[heat.z[i][j]] == cov.loc[ind, area]
            assert (heat.text[i][j] == "—") == (cov.loc[ind, area] == "not_reported")


def test_empty_selections_return_a_message_not_an_error(table_nl: pd.DataFrame) -> None:
    for fig in (
        charts.compare_indicator(table_nl, areas=[], indicator="inhabitants", lang="nl"),
        charts.small_multiples(table_nl, areas=["hambaken"], indicators=[], lang="nl"),
        charts.coverage_matrix(table_nl, areas=[], lang="nl"),
    ):
        assert not fig.data and fig.layout.annotations[0].text.startswith("Kies minstens")


def test_every_chart_is_a_valid_plotly_figure(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    for fig in (
        charts.compare_indicator(
            table_nl, areas=neighbourhoods, indicator="mutation_rate", lang="nl"
        ),
        charts.small_multiples(
            table_nl, areas=neighbourhoods, indicators=["mutation_rate", "rent_range"], lang="nl"
        ),
        charts.coverage_matrix(table_nl, lang="nl"),
    ):
        go.Figure(fig.to_dict())  # validates every property again; raises on anything invalid


def test_rows_selected_by_the_caller_give_the_same_chart(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    for indicator in ("social_rent_share", "mutation_rate", "inhabitants"):
        areas = neighbourhoods[:3]
        rows = compare.select(table_nl, areas=areas, indicators=[indicator], lang="nl")
        given = charts.compare_indicator(table_nl, areas=areas, indicator=indicator, rows=rows)
        own = charts.compare_indicator(table_nl, areas=areas, indicator=indicator)
        assert given.to_plotly_json() == own.to_plotly_json(), indicator


def test_a_kept_table_index_gives_the_same_chart(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    index = compare.table_index(table_nl)
    for indicator in dict.fromkeys(table_nl["indicator"]):
        for areas in (neighbourhoods, neighbourhoods[1:3]):
            kept = charts.compare_indicator(table_nl, areas=areas, indicator=indicator, index=index)
            own = charts.compare_indicator(table_nl, areas=areas, indicator=indicator)
            assert kept.to_plotly_json() == own.to_plotly_json(), indicator
