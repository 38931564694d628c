"""Evaluation results side by side: the pure functions, the charts, and the view."""

from __future__ import annotations

import html
import itertools

import pandas as pd
import pytest

import casebook
from casebook import evaluations as ev
from casebook.charts import evaluations as evalcharts
from casebook.views import EvaluationView

CASES = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]
SELECTIONS = [list(c) for n in (1, 2, 5) for c in itertools.combinations(CASES, n)]


@pytest.mark.parametrize("cases", SELECTIONS, ids=lambda c: "+".join(c))
def test_result_figures_for_every_selection(book: casebook.Casebook, cases: list[str]) -> None:
    figures = ev.result_figures(book, cases=cases, lang="nl")
    expected = book.evaluation_figures[book.evaluation_figures["case_id"].isin(cases)]
    assert sorted(figures["figure_id"]) == sorted(expected["figure_id"])
    fig = evalcharts.results_panels(figures, case_ids=CASES, lang="nl")
    if figures.empty:  # Helmond-Oost has no result figure at all
        assert not fig.data and "geen resultaatcijfers" in fig.layout.annotations[0].text
        return
    assert len(fig.data) == len(figures)
    for trace, row in zip(fig.data, figures.to_dict("records"), strict=True):
        # data text is HTML-escaped in figures ('> 125' becomes '&gt; 125'; plotly shows '>')
        assert trace.y[0] == row["value"] and trace.text[0] == html.escape(row["display"])
    # every panel has its own y axis: no two figures share a scale
    y_axes = {trace.yaxis for trace in fig.data}
    assert len(y_axes) == len(figures)


def test_figures_keep_qualifiers_and_approximations(book: casebook.Casebook) -> None:
    figures = ev.result_figures(book, cases=CASES, lang="nl").set_index("figure_id")
    assert figures.loc["doornakkers_praat_participants", "display"] == "≥ 50 bewoners per keer"
    assert figures.loc["wijkpuntonderneming_volunteer_signups", "display"] == "> 125 aanmeldingen"
    assert figures.loc["hambaken_youth_caseload", "display"] == "≈ 15 jongeren"
    assert figures.loc["doornakkers_agreements_met", "display"] == "90%"
    fig = evalcharts.results_panels(figures.reset_index(), case_ids=CASES, lang="nl")
    hatched = {tr.text[0]: tr.marker.pattern.shape for tr in fig.data}
    assert hatched["≈ 15 jongeren"] == "/" and hatched["90%"] == ""


@pytest.mark.parametrize("cases", SELECTIONS, ids=lambda c: "+".join(c))
def test_findings_matrix_for_every_selection(book: casebook.Casebook, cases: list[str]) -> None:
    for themes in (None, ["collaboration"], ["governance", "building"]):
        matrix = ev.findings_matrix(book, cases=cases, themes=themes)
        assert list(matrix.columns) == cases
        fnd = book.evaluation_findings
        for group in matrix.index:
            for case in cases:
                values = set(
                    fnd.loc[(fnd["theme_group"] == group) & (fnd["case_id"] == case), "valence"]
                )
                cell = matrix.loc[group, case]
                if not values:
                    assert cell == "not_evaluated"
                elif len(values) == 1:
                    assert cell == values.pop()
                else:
                    assert cell == "mixed"


def test_cases_without_evaluation_are_not_evaluated_everywhere(book: casebook.Casebook) -> None:
    matrix = ev.findings_matrix(book, cases=["helmond_oost"])
    assert set(matrix["helmond_oost"]) == {"not_evaluated"}
    assert ev.overview(book, cases=["helmond_oost"]).empty


def test_findings_heatmap_codes_cells(book: casebook.Casebook) -> None:
    matrix = ev.findings_matrix(book, cases=CASES)
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = evalcharts.findings_heatmap(
        matrix, case_names=names, selected=("governance", "mom"), lang="en"
    )
    heat = fig.data[0]
    gov = list(matrix.index).index("governance")
    assert heat.text[gov][CASES.index("helmond_oost")] == "—"
    assert heat.text[gov][CASES.index("doornakkers")] == "negative"
    assert fig.layout.shapes[0].x0 == CASES.index("mom") - 0.5


def test_organisation_side_by_side(book: casebook.Casebook) -> None:
    table = ev.organisation_table(book, cases=CASES, lang="nl")
    assert list(table.columns) == [
        "Doornakkers",
        "MOM",
        "Hambaken",
        "Helmond-Oost",
        "Wijkpuntonderneming",
    ]
    assert table.loc["Fte", "MOM"].startswith("1:") and "(p. 15)" in table.loc["Fte", "MOM"]
    assert table.loc["Fte", "Doornakkers"] == "niet vermeld"
    assert "€ 200.000" in table.loc["Jaarbudget", "MOM"]
    assert "€ 30.000" in table.loc["Bijdrage per partner", "MOM"]
    assert "Casade" in table.loc["Partners", "Wijkpuntonderneming"]
    assert table.loc["Aantal partners", "Hambaken"].startswith("5:")


def test_timeline_horizon_and_booklet_line(book: casebook.Casebook) -> None:
    events = ev.timeline_events(book, cases=CASES, lang="nl")
    starts = ev.case_starts(book)
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = evalcharts.timeline_chart(events, starts, case_ids=CASES, case_names=names, lang="nl")
    bands = [s for s in fig.layout.shapes if s.line.width == 22]
    assert len(bands) == 5
    mom = next(b for b in bands if b.y0 == "MOM")
    assert (mom.x0, mom.x1) == (pytest.approx(2008.75 + 6), pytest.approx(2008.75 + 7))
    booklet = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    assert booklet[0].x0 == pytest.approx(2011 + 4 / 12)
    # the evaluations in the booklet all came before any collaboration reached its horizon
    evaluations = events[events["kind"] == "evaluation"]
    for row in evaluations.to_dict("records"):
        start = float(starts.loc[starts["case_id"] == row["case_id"], "when"].iloc[0])
        assert row["when"] < start + 6 or row["case_id"] == "doornakkers"
    inferred = [tr for tr in fig.data if "circle-open" in tr.marker.symbol]
    assert inferred  # inferred years are drawn as open circles


def test_unknown_case_names_what_is_valid(book: casebook.Casebook) -> None:
    with pytest.raises(ValueError, match=r"`cases` must be among .* but \['atlantis'\] was passed"):
        ev.result_figures(book, cases=["atlantis"])
    with pytest.raises(ValueError, match="`themes` must be among"):
        ev.findings_matrix(book, cases=CASES, themes=["weather"])


def test_view_every_case_and_theme_selection(book: casebook.Casebook) -> None:
    view = EvaluationView(book, lang="nl")
    for cases in SELECTIONS:
        view.cases.value = tuple(cases)
        assert view.message.value == ""
        assert sorted(view.tables["results"]["figure_id"]) == sorted(
            ev.result_figures(book, cases=cases)["figure_id"]
        )
        assert list(view.tables["organisation"].columns)[1:] == [
            book.cases.set_index("case_id").loc[c, "short_name"] for c in cases
        ]
        assert view.timeline_figure is not None
    view.themes.value = ("collaboration",)
    assert list(view.findings_figure.data[0].y) == ["Samenwerking"]
    view.themes.value = ()
    assert view.findings_figure is None
    view.cases.value = ()
    assert "Kies minstens één casus" in view.message.value and view.tables == {}


def test_view_cell_findings_language_and_downloads(book: casebook.Casebook) -> None:
    view = EvaluationView(book, lang="nl")
    assert "niet in wetenschappelijke zin vergelijkbaar" in view.caveat.value
    view.finding_case.value = "hambaken"
    view.finding_theme.value = "professional_autonomy"
    assert view.findings_html.value.count("<tr>") == 2 and "<td>24</td>" in view.findings_html.value
    view.finding_case.value = "helmond_oost"
    assert "Geen bevindingen" in view.findings_html.value
    view.language.value = "en"
    assert "not comparable in a scientific sense" in view.caveat.value
    assert "No findings" in view.findings_html.value
    assert view.downloads.value.count("download=") == 5
    assert isinstance(view.tables["timeline"], pd.DataFrame)
