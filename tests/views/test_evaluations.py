"""Tests of casebook.views.evaluations: the EvaluationView's selections, findings and downloads."""

from __future__ import annotations

import itertools

import pandas as pd

import casebook
from casebook import evaluations as ev
from casebook.views import EvaluationView

CASES = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]

SELECTIONS = [list(c) for n in (1, 2, 5) for c in itertools.combinations(CASES, n)]


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
        # picked from the table built once: the same as building it for these cases
        built = ev.organisation_table(book, cases=cases, lang="nl")
        pd.testing.assert_frame_equal(
            view.tables["organisation"].set_index(view.tables["organisation"].columns[0]),
            built.rename_axis(view.tables["organisation"].columns[0]),
        )
        assert view.timeline_figure is not None
        # a card per result figure, in the order of the table behind the download
        cards = view.results_html.value.count('<div class="cb-result" ')
        assert cards == len(view.tables["results"])
    view.themes.value = ("collaboration",)
    assert list(view.findings_figure.data[0].y) == ["Samenwerking"]
    view.themes.value = ()
    assert view.findings_figure is None
    view.cases.value = ()
    assert "Kies minstens één casus" in view.message.value and view.tables == {}
    assert view.results_html.value == "" and view.findings_figure is None


def test_view_cell_findings_language_and_downloads(book: casebook.Casebook) -> None:
    view = EvaluationView(book, lang="nl")
    assert "niet in wetenschappelijke zin vergelijkbaar" in view.caveat.value
    view.finding_case.value = "hambaken"
    view.finding_theme.value = "professional_autonomy"
    found = view.findings_html.value
    assert found.count("<tr><td") == 2 and '<td data-label="Pagina">24</td>' in found
    view.finding_case.value = "helmond_oost"
    assert "Geen bevindingen" in view.findings_html.value
    view.language.value = "en"
    assert "not comparable in a scientific sense" in view.caveat.value
    assert "No findings" in view.findings_html.value
    assert view.downloads.value.count("download=") == 5
    assert isinstance(view.tables["timeline"], pd.DataFrame)


def test_readers_with_the_same_cases_share_what_was_built_once(book: casebook.Casebook) -> None:
    """A class opening the page: the first reader's timeline, cards, tables and downloads serve
    the next (View.remember); their tables are copies; other cases build their own."""
    one, two = EvaluationView(book), EvaluationView(book)
    assert one.timeline_figure is not None and two.timeline_figure is one.timeline_figure
    assert two.results_html.value == one.results_html.value
    assert (
        two.downloads.value == one.downloads.value
        and "evaluaties_findings.csv" in two.downloads.value
    )
    assert two.tables["overview"] is not one.tables["overview"]
    two.tables["overview"].iloc[0, 0] = "changed by a reader"
    assert EvaluationView(book).tables["overview"].equals(one.tables["overview"])
    two.cases.value = two.cases.value[:2]
    assert two.timeline_figure is not one.timeline_figure
    assert len(two.tables["overview"]) < len(one.tables["overview"])


def test_the_findings_cell_offers_only_the_cases_and_themes_ticked(
    book: casebook.Casebook,
) -> None:
    """Unticking the case whose findings are open closes them: the cell moves to a case still
    ticked, and its dropdowns list only what is ticked (the finding of an unticked case stayed
    on the page)."""
    view = EvaluationView(book)
    view.finding_case.value = "hambaken"
    view.cases.value = tuple(c for c in view.cases.value if c != "hambaken")
    assert view.finding_case.value != "hambaken"
    assert "hambaken" not in [value for _, value in view.finding_case.options]
    assert "Hambaken" not in view.findings_html.value
    view.themes.value = ("collaboration",)
    assert [value for _, value in view.finding_theme.options] == ["collaboration"]
    assert view.finding_theme.value == "collaboration"
    view.language.value = "en"  # relabelled: still only what is ticked
    assert [value for _, value in view.finding_theme.options] == ["collaboration"]
    view.cases.value = tuple(view._case_ids)
    assert [value for _, value in view.finding_case.options] == view._case_ids
