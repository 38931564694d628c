"""Tests of casebook.charts.compare: one indicator, small multiples and the coverage matrix."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import pytest

import casebook
from casebook import compare
from casebook.charts import compare as charts
from casebook.charts.base import alt_of
from casebook.own import read_own_area
from casebook.text import t
from casebook.theme import DEFAULT_THEME
from tests.charts.alt_reading import alt_rows, alt_summary
from tests.helpers import EXAMPLE


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


# The text alternatives (issue 36): what a screen reader hears of each chart, and its table.


def _alt(fig: go.Figure) -> tuple[str, list[str], dict[str, list[str]]]:
    """The figure's summary, its table's column headings and its rows by their name."""
    head, *body = alt_rows(fig)
    return alt_summary(fig), head, {row[0]: row[1:] for row in body}


def _plain(text: str) -> str:
    return html.unescape(text.replace("<br>", " ").replace("<i>", "").replace("</i>", ""))


def _drawn(fig: go.Figure, axis: str = "x") -> dict[str, str]:
    """Area name -> what the chart writes for it on the panel of ``axis``: the figure at its
    bar or whisker, or the 'not reported' written in its empty slot."""
    drawn = {}
    for trace in fig.data:
        if (trace.xaxis or "x") == axis and trace.text:
            drawn[_plain(trace.name)] = _plain(trace.text[0])
    for note in fig.layout.annotations:
        if note.xref == axis and note.showarrow is False and note.text.startswith("<i>"):
            where = note.x if isinstance(note.x, str) else note.y
            drawn[_plain(where)] = _plain(note.text)
    return drawn


def _values(fig: go.Figure, axis: str = "x") -> dict[str, float]:
    """Area name -> the single figure its bar draws on the panel of ``axis`` (not a range)."""
    values = {}
    for trace in fig.data:
        if (trace.xaxis or "x") != axis or trace.type != "bar":
            continue
        value = trace.x[0] if trace.orientation == "h" else trace.y[0]
        if value is not None:
            values[_plain(trace.name)] = value
    return values


@pytest.fixture(scope="module")
def own_tables(book: casebook.Casebook) -> dict[str, pd.DataFrame]:
    """The indicator table with the example own neighbourhood, in both languages."""
    area = read_own_area(EXAMPLE.read_bytes(), filename="voorbeeld.csv", book=book)
    return {lang: compare.indicator_table(book, lang=lang, own=[area]) for lang in ("nl", "en")}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("indicator", ["social_rent_share", "mutation_rate", "rent_mean"])
def test_one_indicator_alt_says_what_the_chart_draws(
    book: casebook.Casebook, lang: str, indicator: str
) -> None:
    table = compare.indicator_table(book, lang=lang)
    areas = [a for _, a in compare.area_choices(table)]
    fig = charts.compare_indicator(table, areas=areas, indicator=indicator, lang=lang)
    summary, _, rows = _alt(fig)
    drawn, values = _drawn(fig), _values(fig)
    assert {name: cells[0] for name, cells in rows.items()} == drawn
    top = max(values, key=values.get)
    low = min(values, key=values.get)
    if len(values) == 1:
        assert t("alt.only", lang, item=f"{top}: {drawn[top]}") in summary
    else:
        assert t("alt.highest", lang, item="").rstrip(".") + f"{top}: {drawn[top]}" in summary
        assert t("alt.lowest", lang, item="").rstrip(".") + f"{low}: {drawn[low]}" in summary
    missing = [name for name, said in drawn.items() if said == t("not_reported", lang)]
    for name in missing:
        assert name in summary.split(t("alt.missing", lang, items="").rstrip("."))[1]
    fewer = charts.compare_indicator(table, areas=areas[:3], indicator=indicator, lang=lang)
    assert _alt(fewer)[0] != summary


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_indicator_alt_says_the_readers_own_figures_as_own(
    own_tables: dict[str, pd.DataFrame], lang: str
) -> None:
    table = own_tables[lang]
    areas = [a for _, a in compare.area_choices(table)]
    own = table.loc[table["area_kind"] == "own", "area"].iloc[0]
    bare = own.removesuffix(t("own.marked", lang, name=""))
    # the example gives a range for owner-occupied dwellings and nothing for the price level
    for indicator, shown in (("owner_occupied_share", "30–35%"), ("price_level", None)):
        fig = charts.compare_indicator(table, areas=areas, indicator=indicator, lang=lang)
        summary, _, rows = _alt(fig)
        sentences = summary.split(". ")
        printed = [s for s in sentences if s.startswith(t("alt.ranges", lang, items="")[:12])]
        booklet = [s for s in sentences if s.startswith(t("alt.missing", lang, items="")[:12])]
        assert not any(bare in s for s in printed + booklet), summary  # not the booklet's
        if shown is None:
            assert t("alt.compare.own_missing", lang, items=bare) in summary
            assert rows[own][1] == t("alt.compare.own.not_reported", lang)
        else:
            assert t("alt.own", lang, items=f"{bare}: {shown}") in summary
            assert rows[own][:2] == [shown, t("alt.compare.own.range", lang)]
            assert _drawn(fig)[own] == shown


def test_one_indicator_alt_names_no_city_figure_the_chart_does_not_draw(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    fig = charts.compare_indicator(
        table_nl, areas=neighbourhoods, indicator="inhabitants", lang="nl"
    )
    summary, _, rows = _alt(fig)
    assert not fig.layout.shapes  # a city's head count is no yardstick: no line for it
    assert "Tilburg" not in summary and "Tilburg" not in rows
    share = charts.compare_indicator(
        table_nl, areas=neighbourhoods, indicator="wwb_benefit_share", lang="nl"
    )
    assert share.layout.shapes  # a share does get the city's line, and the alt says it
    assert "Tilburg: 4,2%" in _alt(share)[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_small_multiples_alt_says_each_panel(
    own_tables: dict[str, pd.DataFrame], lang: str
) -> None:
    table = own_tables[lang]
    areas = [a for _, a in compare.area_choices(table)]
    inds = ["inhabitants", "mutation_rate", "social_rent_share", "owner_occupied_share"]
    fig = charts.small_multiples(table, areas=areas, indicators=inds, lang=lang)
    summary, head, rows = _alt(fig)
    assert len(head) == 1 + len(inds) and len(rows) >= len(areas)
    for k, column in enumerate(head[1:]):
        axis = "x" if k == 0 else f"x{k + 1}"
        drawn, values = _drawn(fig, axis), _values(fig, axis)
        for name, said in drawn.items():
            assert rows[name][k] == said, (column, name)
        top = max(values, key=values.get)
        low = min(values, key=values.get)
        label = column.rsplit(" (", 1)[0]
        panel = summary.split(f"{label}: ")[1].split(". ")[0]
        if len(values) == 1:
            assert t("alt.compare.panel.only", lang, item=f"{top} {drawn[top]}") in panel
        else:
            assert t("alt.compare.panel.highest", lang, item=f"{top} {drawn[top]}") in panel
            assert t("alt.compare.panel.lowest", lang, item=f"{low} {drawn[low]}") in panel
        missing = [n for n, said in drawn.items() if said == t("not_reported", lang)]
        if len(missing) > 2:
            said = t("alt.compare.panel.missing_n", lang, n=len(missing), m=len(areas))
            assert said in panel
        elif missing:
            assert t("alt.compare.panel.missing", lang, items="") in panel
    # the own range is said as it is drawn, low to high
    assert "30–35%" in summary.split(head[4].rsplit(" (", 1)[0])[1]
    fewer = charts.small_multiples(table, areas=areas[:2], indicators=inds[:2], lang=lang)
    assert _alt(fewer)[0] != summary


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_coverage_alt_counts_what_each_area_reports(book: casebook.Casebook, lang: str) -> None:
    table = compare.indicator_table(book, lang=lang)
    areas = [a for _, a in compare.area_choices(table)]
    for chosen in (None, areas[:1], areas[2:4]):
        fig = charts.coverage_matrix(table, areas=chosen, lang=lang)
        heat = fig.data[0]
        summary, head, rows = _alt(fig)
        names = [_plain(x) for x in heat.x]
        assert head[1:] == names
        for i, label in enumerate(heat.y):
            cells = rows[_plain(label)]
            for j, text in enumerate(heat.text[i]):
                if text == "—":
                    assert cells[j] == t("not_reported", lang)
                else:  # the grid shortens a long figure: the table has it whole
                    assert cells[j].startswith(_plain(text).rstrip("…"))
        for j, name in enumerate(names):
            k = sum(1 for row in heat.z if row[j] != 0)  # 0: not reported
            assert t("alt.compare.coverage.count", lang, name=name, k=k) in summary
        nowhere = [_plain(y) for y, row in zip(heat.y, heat.z, strict=True) if not any(row)]
        if not nowhere:
            assert t("alt.compare.coverage.everywhere", lang) in summary
        elif len(nowhere) > 4:
            assert t("alt.compare.coverage.nowhere_n", lang, n=len(nowhere)) in summary
        else:
            assert t("alt.compare.coverage.nowhere", lang, items="")[:-2] in summary
            assert all(label in summary for label in nowhere)


def test_empty_selections_carry_their_message_as_alt(table_nl: pd.DataFrame) -> None:
    for fig in (
        charts.small_multiples(table_nl, areas=[], indicators=["inhabitants"], lang="en"),
        charts.small_multiples(table_nl, areas=["hambaken"], indicators=[], lang="en"),
        charts.coverage_matrix(table_nl.assign(), areas=[], lang="nl"),
    ):
        alt = alt_of(fig)
        assert alt is not None and alt["summary"] == _plain(fig.layout.annotations[0].text)
