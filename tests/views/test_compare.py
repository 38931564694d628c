"""Tests of casebook.views.compare: the CompareView, its modes, downloads and own areas."""

from __future__ import annotations

import base64
import html
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
from casebook.views import CompareView
from tests.helpers import EXAMPLE, _edit


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
            assert trace.type == "bar" and trace.x == (None,)  # horizontal: values across
            assert f"<i>{t('not_reported', lang)}</i>" in texts
            continue
        row = rows.loc[area_id]
        if row["status"] == "range":
            assert trace.type == "scatter" and trace.x[0] == row["high"]
            assert trace.error_x.arrayminus[0] == pytest.approx(row["high"] - row["low"])
        else:
            assert trace.type == "bar" and trace.x[0] == pytest.approx(row["value"])
            assert trace.orientation == "h"
            hatched = trace.marker.pattern.shape == "/"
            assert hatched == (row["status"] in ("approx", "derived"))
            assert trace.text[0] == row["display"]
    city = table[(table["indicator"] == indicator) & (table["area_kind"] == "city")]
    lines = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    if not city.empty and unit != "count":
        assert [s.x0 for s in lines] == [float(city["value"].iloc[0])]
    else:
        assert lines == []
    assert fig.layout.xaxis.rangemode == "tozero"


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
    kept = compare.table_index(table)  # (the same answer as without: tests/test_compare.py)
    checked = messages = 0
    for indicator in indicators:
        view.indicator.value = indicator
        for selection in selections:
            view.areas.value = tuple(selection)
            expected = compare.selection_message(
                table, areas=selection, indicators=[indicator], index=kept
            )
            if expected:
                assert view.message_text == expected and view.figure is None
                assert view.chart.figure == {}
                messages += 1
                continue
            assert view.message_text is None
            _check_figure(view.figure, table, selection, indicator, "nl")
            assert view.chart.figure["data"]
            checked += 1
    assert checked > 300 and messages > 100


def test_view_switches_language_and_keeps_the_selection(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    view.areas.value = ("groenewoud", "kruiden_kleurenbuurt")
    view.indicator.value = "poor_households_share"
    view.language.value = "en"
    assert view.areas.value == ("groenewoud", "kruiden_kleurenbuurt")
    assert view.indicator.value == "poor_households_share"
    assert view.indicator.description == "Indicator"
    assert dict(view.indicator.options)["Poor households"] == "poor_households_share"
    assert view.figure.layout.title.text.replace("<br>", " ") == "Poor households by neighbourhood"
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
    assert view.figure is None and view.chart.figure == {}
    assert "Alle kenmerken van Helmond-Oost" in view.table_html.value
    table = compare.indicator_table(book, lang="nl")
    assert len(view.data) == (table["area_id"] == "helmond_oost").sum() == 11


def test_download_link_carries_the_data_behind_the_chart(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    view.indicator.value = "mutation_rate"
    match = re.search(
        r'download="([^"]+)" style="[^"]*" href="data:text/csv;charset=utf-8;base64,([^"]+)"',
        view.download.value,
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


def _said(status: str) -> list[str]:
    """The message and each refusal of the own-neighbourhood status, as text."""
    return [html.unescape(x) for x in re.findall(r">([^<>]+)</(?:p|li)>", status)]


def test_a_refusal_is_said_in_the_language_of_the_page(book: casebook.Casebook) -> None:
    view = CompareView(book, own=[])
    broken = EXAMPLE.read_bytes().replace(b",12,", b",twaalf,")
    assert view.add_own_file("kapot.csv", broken) is None
    assert _said(view.own_status.value) == [
        t("own.refused", "nl"),
        "kapot.csv, rij 32, kolom 'value': 'twaalf' is geen getal",
    ]
    view.language.value = "en"  # the message shown is said again, in English
    assert _said(view.own_status.value) == [
        t("own.refused", "en"),
        "kapot.csv, row 32, column 'value': 'twaalf' is not a number",
    ]
    view.language.value = "nl"
    assert "kapot.csv, rij 32" in view.own_status.value
    # a neighbourhood added is said again too; removing it says nothing any more
    view.add_own_file("voorbeeld.csv", EXAMPLE.read_bytes())
    assert _said(view.own_status.value) == [
        "Toegevoegd als eigen gegevens: Voorbeeldwijk (fictief) (eigen gegevens)."
    ]
    view.language.value = "en"
    assert _said(view.own_status.value) == [
        "Added as your own data: Voorbeeldwijk (fictief) (your own data)."
    ]
    view.remove_own()
    view.language.value = "nl"
    assert view.own_status.value == ""


def test_a_teachers_refused_file_is_said_in_the_language_of_the_page(data_copy: Path) -> None:
    folder = data_copy / "eigen_wijken"
    folder.mkdir()
    (folder / "kapot.csv").write_bytes(_edit(social_rent_share={"value": "140"}))
    view = CompareView(casebook.load(data_copy), lang="en")
    assert _said(view.own_status.value)[1] == (
        "eigen_wijken/kapot.csv, row 9, column 'value': 140 is not a percentage between 0 and 100"
    )
    view.language.value = "nl"
    assert _said(view.own_status.value)[1] == (
        "eigen_wijken/kapot.csv, rij 9, kolom 'value': 140 is geen percentage tussen 0 en 100"
    )


def test_group_dropdown_shows_all_groups_by_default(book: casebook.Casebook) -> None:
    view = CompareView(book, lang="nl")
    assert view.group.label == "Alle groepen"
    view.language.value = "en"
    assert view.group.label == "All groups"
    assert len(view.indicator.options) == compare.indicator_table(book)["indicator"].nunique()


# --- a reader's own neighbourhood ---------------------------------------------------------


def test_the_view_shows_an_upload_and_refuses_a_broken_one(book: casebook.Casebook) -> None:
    view = CompareView(book, own=[])
    assert "eigen_wijk_sjabloon.csv" in view.own_help.value  # the template is offered
    area = view.add_own_file("voorbeeld.csv", EXAMPLE.read_bytes())
    assert area is not None and area.area_id in view.areas.value
    assert view.figure is not None
    assert "eigen gegevens" in view.own_note.value
    last = view.figure.data[-1].name.replace("<br>", " ")  # the own area comes last, marked
    assert last == "Voorbeeldwijk (fictief) (eigen gegevens)"
    before = (view.areas.value, [o.area_id for o in view.own])
    assert view.add_own_file("kapot.csv", _edit(inhabitants={"value": "veel"})) is None
    assert "kapot.csv, rij 2, kolom &#x27;value&#x27;" in view.own_status.value
    assert (view.areas.value, [o.area_id for o in view.own]) == before  # nothing lost
    view.language.value = "en"
    assert view.areas.options[-1][0] == "Voorbeeldwijk (fictief) (your own data)"
    view.remove_own()
    assert not view.own and all(not a.startswith("own_") for a in view.areas.value)


def test_readers_in_the_same_state_share_what_was_built_once(
    book: casebook.Casebook,
) -> None:
    """A class opening the page at once: the first reader's figure, table and CSV serve the
    next (View.remember), as the same figure and the same spec for the browser; a reader who
    changes a control gets what that state builds, and the shared table is never theirs to
    change. A reader's own neighbourhoods are never shared."""
    one, two = CompareView(book, own=[]), CompareView(book, own=[])
    assert one.figure is not None and two.figure is one.figure
    assert two.chart.figure is one.chart.figure  # the spec sent to the browser, made once
    assert two.data is not one.data and two.data.equals(one.data)
    assert two.download.value == one.download.value
    two.data.iloc[0, 0] = "changed by a reader"
    three = CompareView(book, own=[])
    assert three.data.equals(one.data)  # what a reader does to their copy stays theirs
    two.indicator.value = "social_rent_share"
    assert two.figure is not one.figure
    assert two.figure.layout.title.text != one.figure.layout.title.text
    two.indicator.value = one.indicator.value  # back: the remembered state again
    assert two.figure is one.figure
    two.language.value = "en"
    assert two.figure is not one.figure and "Turnover" in two.figure.layout.title.text

    mine = CompareView(book, own=[])
    mine.add_own_file("voorbeeld.csv", EXAMPLE.read_bytes())  # the reader's own neighbourhood
    shown = mine.figure
    assert shown is not None and shown is not one.figure
    mine.indicator.value = "social_rent_share"
    mine.indicator.value = one.indicator.value
    assert mine.figure is not one.figure and mine.figure is not shown  # built for them alone
