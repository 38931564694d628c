"""Tests of casebook.evaluations: result figures, findings, organisation and timeline tables."""

from __future__ import annotations

import html
import itertools

import pytest

import casebook
from casebook import evaluations as ev
from casebook.charts import evaluations as evalcharts

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


def test_unknown_case_names_what_is_valid(book: casebook.Casebook) -> None:
    with pytest.raises(ValueError, match=r"`cases` must be among .* but \['atlantis'\] was passed"):
        ev.result_figures(book, cases=["atlantis"])
    with pytest.raises(ValueError, match="`themes` must be among"):
        ev.findings_matrix(book, cases=CASES, themes=["weather"])
