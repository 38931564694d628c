"""Comparing neighbourhoods: pure functions, chart builders and the view, without a browser."""

from __future__ import annotations

import base64
import itertools
import re
import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

import casebook
from casebook import compare
from casebook.charts import compare as charts
from casebook.text import t
from casebook.theme import DEFAULT_THEME
from casebook.views import CompareView


@pytest.fixture(scope="module")
def table_nl(book: casebook.Casebook) -> pd.DataFrame:
    return compare.indicator_table(book, lang="nl")


@pytest.fixture(scope="module")
def neighbourhoods(table_nl: pd.DataFrame) -> list[str]:
    return [a for _, a in compare.area_choices(table_nl)]


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


# --- chart builders ------------------------------------------------------------------------


def _by_name(fig: go.Figure) -> dict[str, object]:
    return {trace.name.replace("<br>", " "): trace for trace in fig.data}


def _check_figure(
    fig: go.Figure, table: pd.DataFrame, areas: list[str], indicator: str, lang: str
) -> None:
    """The oracle: what the table says about each chosen area must be what the figure shows."""
    rows = table[(table["indicator"] == indicator) & table["area_id"].isin(areas)].set_index(
        "area_id"
    )
    names = table.drop_duplicates("area_id").set_index("area_id")["area"]
    unit = table.loc[table["indicator"] == indicator, "unit"].iloc[0]
    if unit == "text":
        assert fig.data[0].type == "table"
        expected = [
            rows.loc[a, "display"] if a in rows.index else t("not_reported", lang) for a in areas
        ]
        assert list(fig.data[0].cells.values[1]) == expected
        return
    traces = _by_name(fig)
    assert len(fig.data) == len(areas)
    texts = [a.text for a in fig.layout.annotations]
    for area_id in areas:
        trace = traces[names[area_id]]
        if area_id not in rows.index:
            assert trace.type == "bar" and trace.y == (None,)
            assert f"<i>{t('not_reported', lang)}</i>" in texts
            continue
        row = rows.loc[area_id]
        if row["status"] == "range":
            assert trace.type == "scatter" and trace.y[0] == row["high"]
            assert trace.error_y.arrayminus[0] == pytest.approx(row["high"] - row["low"])
        else:
            assert trace.type == "bar" and trace.y[0] == pytest.approx(row["value"])
            hatched = trace.marker.pattern.shape == "/"
            assert hatched == (row["status"] in ("approx", "derived"))
            assert trace.text[0] == row["display"]
    city = table[(table["indicator"] == indicator) & (table["area_kind"] == "city")]
    lines = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    if not city.empty and unit != "count":
        assert [s.y0 for s in lines] == [float(city["value"].iloc[0])]
    else:
        assert lines == []
    assert fig.layout.yaxis.rangemode == "tozero"


def test_every_indicator_for_every_one_two_and_all_area_selection(book: casebook.Casebook) -> None:
    """Drives the view: every indicator with every selection of one, two and all areas."""
    view = CompareView(book, lang="nl")
    table = compare.indicator_table(book, lang="nl")
    areas = [a for _, a in compare.area_choices(table)]
    selections = (
        [[a] for a in areas] + [list(p) for p in itertools.combinations(areas, 2)] + [areas]
    )
    indicators = [v for _, v in view.indicator.options]
    assert len(indicators) == table["indicator"].nunique()
    checked = messages = 0
    for indicator in indicators:
        view.indicator.value = indicator
        for selection in selections:
            view.areas.value = tuple(selection)
            expected = compare.selection_message(table, areas=selection, indicators=[indicator])
            if expected:
                assert view.message_text == expected and view.figure is None
                assert view.chart.outputs == ()
                messages += 1
                continue
            assert view.message_text is None
            _check_figure(view.figure, table, selection, indicator, "nl")
            assert view.chart.outputs[0]["data"]["application/vnd.plotly.v1+json"]["data"]
            checked += 1
    assert checked > 300 and messages > 100


def test_chart_titles_units_and_notes_in_english(
    book: casebook.Casebook, neighbourhoods: list[str]
) -> None:
    table = compare.indicator_table(book, lang="en")
    fig = charts.compare_indicator(
        table, areas=neighbourhoods, indicator="social_rent_share", lang="en"
    )
    assert fig.layout.title.text == "Share of social rented housing by neighbourhood"
    assert fig.layout.yaxis.title.text == "Share of social rented housing (%)"
    notes = fig.layout.annotations[0].text
    assert "≈ = approximate" in notes
    assert _by_name(fig)["Kruiden- en Kleurenbuurt"].text[0] == "≈ 85%"


def test_derived_figure_says_it_is_derived(
    table_nl: pd.DataFrame, neighbourhoods: list[str]
) -> None:
    fig = charts.compare_indicator(
        table_nl, areas=neighbourhoods, indicator="corporation_unit_share", lang="nl"
    )
    assert "corporation_units / dwellings × 100" in fig.layout.annotations[0].text
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


# --- the view ----------------------------------------------------------------------------


def test_view_switches_language_and_keeps_the_selection(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    view.areas.value = ("groenewoud", "kruiden_kleurenbuurt")
    view.indicator.value = "poor_households_share"
    view.language.value = "en"
    assert view.areas.value == ("groenewoud", "kruiden_kleurenbuurt")
    assert view.indicator.value == "poor_households_share"
    assert view.indicator.description == "Indicator"
    assert dict(view.indicator.options)["Poor households"] == "poor_households_share"
    assert view.figure.layout.title.text == "Poor households by neighbourhood"
    view.areas.value = ()
    assert view.message_text == "Choose at least one neighbourhood."
    assert "Choose at least one" in view.message.value


def test_view_group_filters_indicators(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    view.group.value = "income_work"
    values = [v for _, v in view.indicator.options]
    assert values == ["poor_households_share", "wwb_benefit_share", "jobseeking_youth_share"]
    assert view.indicator.value in values
    assert view.figure is not None


def test_view_modes(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    view.mode.value = "several"
    assert view.indicator.layout.display == "none" and view.indicators.layout.display == ""
    assert len(view.figure.data) == len(view.indicators.value) * len(view.areas.value)
    view.indicators.value = ()
    assert view.message_text == "Kies minstens één kenmerk."
    view.mode.value = "coverage"
    assert view.figure.data[0].type == "heatmap"
    view.mode.value = "profile"
    view.area.value = "helmond_oost"
    assert view.figure is None and view.chart.outputs == ()
    assert "Alle kenmerken van Helmond-Oost" in view.table_html.value
    table = compare.indicator_table(book, lang="nl")
    assert len(view.data) == (table["area_id"] == "helmond_oost").sum() == 11


def test_download_link_carries_the_data_behind_the_chart(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    view.indicator.value = "mutation_rate"
    match = re.search(
        r'download="([^"]+)" href="data:text/csv;charset=utf-8;base64,([^"]+)"', view.download.value
    )
    assert match and match.group(1).endswith(".csv")
    csv_text = base64.b64decode(match.group(2)).decode("utf-8")
    assert csv_text == compare.to_csv(view.data)
    assert "7-8% mutatiegraad" in csv_text and "niet vermeld" not in csv_text.split("\n")[0]


def test_view_never_shows_a_traceback(
    book: casebook.Casebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = CompareView(book, lang="en")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(charts, "compare_indicator", broken)
    view.indicator.value = "inhabitants"
    assert view.message_text == t("msg.error", "en") and view.figure is None


def test_hostile_text_is_escaped(data_copy: Path) -> None:
    path = data_copy / "areas.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "hambaken,hambaken,Hambaken,", 'hambaken,hambaken,"<img src=x onerror=alert(1)>",'
        ),
        encoding="utf-8",
    )
    book = casebook.load(data_copy)
    table = compare.indicator_table(book, lang="nl")
    fig = charts.compare_indicator(table, areas=["hambaken"], indicator="inhabitants", lang="nl")
    dumped = fig.to_json()
    assert "<img" not in dumped and "&lt;img src=x onerror=alert(1)&gt;" in dumped
    view = CompareView(book, lang="nl")
    view.mode.value = "profile"
    view.area.value = "hambaken"
    assert "<img" not in view.table_html.value
    shutil.rmtree(data_copy)


def test_group_dropdown_shows_all_groups_by_default(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    assert view.group.label == "Alle groepen"
    view.language.value = "en"
    assert view.group.label == "All groups"
    assert len(view.indicator.options) == compare.indicator_table(book)["indicator"].nunique()
