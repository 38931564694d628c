"""Tests of casebook.evaluations: result figures, findings, organisation and timeline tables."""

from __future__ import annotations

import html
import itertools
import re

import pytest

import casebook
from casebook import evaluations as ev
from casebook.charts import evaluations as evalcharts
from casebook.text import t

CASES = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]

SELECTIONS = [list(c) for n in (1, 2, 5) for c in itertools.combinations(CASES, n)]


def _cards(fragment: str) -> list[dict[str, str]]:
    """The result cards of ``results_cards``' HTML: case, value, label, source line, and the
    bar (its width and whether it is hatched; empty where there is none)."""
    found = []
    for card in re.findall(r'<div class="cb-result" style="--cb-case:([^"]+)">(.*?)</p></div>',
                           fragment, flags=re.S):  # fmt: skip
        colour, body = card
        part = dict(re.findall(r'<p class="cb-result-(\w+)">(.*?)(?:</p>|$)', body, flags=re.S))
        bar = re.search(r'<span( class="cb-hatched")? style="width:([\d.]+)%"', body)
        part.update(
            colour=colour,
            bar=bar.group(2) if bar else "",
            hatched="yes" if bar and bar.group(1) else "",
        )
        found.append(part)
    return found


@pytest.mark.parametrize("cases", SELECTIONS, ids=lambda c: "+".join(c))
def test_result_figures_for_every_selection(book: casebook.Casebook, cases: list[str]) -> None:
    figures = ev.result_figures(book, cases=cases, lang="nl")
    expected = book.evaluation_figures[book.evaluation_figures["case_id"].isin(cases)]
    assert sorted(figures["figure_id"]) == sorted(expected["figure_id"])
    fragment = evalcharts.results_cards(figures, case_ids=CASES, lang="nl")
    assert "<h3>Resultaten in cijfers" in fragment
    cards = _cards(fragment)
    if figures.empty:  # Helmond-Oost has no result figure at all
        assert not cards and "geen resultaatcijfers" in fragment
        return
    assert len(cards) == len(figures)
    colours = casebook.theme.DEFAULT_THEME.area_colours(CASES)
    for card, row in zip(cards, figures.to_dict("records"), strict=True):
        # data text is HTML-escaped ('> 125' becomes '&gt; 125')
        assert card["value"] == html.escape(row["display"])
        assert card["case"] == html.escape(row["case"])
        assert card["colour"] == colours[row["case_id"]]
        assert card["label"] == html.escape(row["label"])
        assert card["source"].endswith(f" · p. {row['page']}")
        # a bar for a percentage only, as long as the figure; never a shared scale for counts
        if row["unit"] == "percent":
            assert float(card["bar"]) == row["value"]
        else:
            assert card["bar"] == ""
    assert ("Een balk staat alleen bij een percentage" in fragment) == (
        (figures["unit"] == "percent").any()
    )


def test_figures_keep_qualifiers_and_approximations(book: casebook.Casebook) -> None:
    figures = ev.result_figures(book, cases=CASES, lang="nl").set_index("figure_id")
    assert figures.loc["doornakkers_praat_participants", "display"] == "≥ 50 bewoners per keer"
    assert figures.loc["wijkpuntonderneming_volunteer_signups", "display"] == "> 125 aanmeldingen"
    assert figures.loc["hambaken_youth_caseload", "display"] == "≈ 15 jongeren"
    assert figures.loc["doornakkers_agreements_met", "display"] == "90%"
    fragment = evalcharts.results_cards(figures.reset_index(), case_ids=CASES, lang="nl")
    cards = {html.unescape(c["value"]): c for c in _cards(fragment)}
    # a bound is hatched ('more than 95%'), an exact percentage is not; a count has no bar
    assert cards["> 95%"]["hatched"] == "yes" and cards["> 95%"]["bar"] == "95"
    assert cards["90%"]["hatched"] == "" and cards["90%"]["bar"] == "90"
    assert cards["≈ 15 jongeren"]["bar"] == ""
    assert "Gearceerd: het boekje geeft het cijfer bij benadering" in fragment
    # with no hatched bar among the cards, no note about hatching
    exact = figures.loc[["doornakkers_agreements_met"]].reset_index()
    assert "Gearceerd" not in evalcharts.results_cards(exact, case_ids=CASES, lang="nl")


def test_result_cards_in_english_name_no_dutch(book: casebook.Casebook) -> None:
    figures = ev.result_figures(book, cases=CASES, lang="en")
    fragment = evalcharts.results_cards(figures, case_ids=CASES, lang="en")
    assert "<h3>Results in figures" in fragment and "Only a percentage has a bar" in fragment
    sources = [c["source"] for c in _cards(fragment)]
    # the evaluator the booklet does not name is "not named" in the reader's language
    assert any(s.startswith("Not named · p. ") for s in sources)
    assert not any("Niet genoemd" in s for s in sources)
    assert ev.evaluator_name(ev.UNNAMED, "en") == "Not named"
    assert ev.evaluator_name("Bureau GenP", "en") == "Bureau GenP"
    overview = ev.overview(book, cases=CASES, lang="en")
    assert "Niet genoemd" not in set(overview["Who"])
    assert "Not named" in set(overview["Who"])


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
    assert table.loc["Fte", "MOM"].startswith("1 — ") and "(p. 15)" in table.loc["Fte", "MOM"]
    assert table.loc["Fte", "Doornakkers"] == "niet vermeld"
    assert "€ 200.000" in table.loc["Jaarbudget", "MOM"]
    assert "€ 30.000" in table.loc["Bijdrage per partner", "MOM"]
    assert "Casade" in table.loc["Partners", "Wijkpuntonderneming"]
    assert table.loc["Aantal partners", "Hambaken"].startswith("5 — ")


def test_unknown_case_names_what_is_valid(book: casebook.Casebook) -> None:
    with pytest.raises(ValueError, match=r"`cases` must be among .* but \['atlantis'\] was passed"):
        ev.result_figures(book, cases=["atlantis"])
    with pytest.raises(ValueError, match="`themes` must be among"):
        ev.findings_matrix(book, cases=CASES, themes=["weather"])


def test_a_findings_subject_is_not_called_its_theme(book: casebook.Casebook) -> None:
    """The screenshot review (issue 33): the theme chosen above the table was "Demand
    orientation" and the row below said Theme "Residents". The chart's rows and the choice are
    themes; a finding's own subject within one is its topic."""
    from casebook.text import t

    for lang in ("nl", "en"):
        found = ev.findings(book, cases=["doornakkers"], themes=["demand_orientation"], lang=lang)
        assert t("col.theme", lang) not in found.columns and t("col.topic", lang) in found.columns
        theme = t("theme.demand_orientation", lang)
        assert theme not in set(found[t("col.topic", lang)])


@pytest.mark.parametrize(
    ("lang", "either"),
    [
        ("nl", "Visitatiecommissie wijkenaanpak of RIGO (het boekje zegt niet welke)"),
        ("en", "Visitatiecommissie wijkenaanpak or RIGO (the booklet does not say which)"),
    ],
)
def test_a_source_is_named_only_where_the_booklet_names_it(
    book: casebook.Casebook, lang: str, either: str
) -> None:
    """P. 10 names the visitation report and the RIGO study together and then gives findings
    and figures without saying which comes from which; only the committee's quote has its
    source. The findings and result cards say so, not "RIGO" or "Partners van het
    buurtcontract" (issue 34)."""
    found = ev.findings(book, cases=["doornakkers"], lang=lang)
    sources = found.set_axis(
        book.evaluation_findings.query("case_id == 'doornakkers'")["finding_id"]
    )[t("col.evaluator", lang)]
    assert all(sources[f"doornakkers_f{i}"] == either for i in (1, 2, 3, 4))
    assert all(
        sources[f"doornakkers_f{i}"] == "Visitatiecommissie wijkenaanpak" for i in (5, 6, 7, 8)
    )
    figures = ev.result_figures(book, cases=["doornakkers"], lang=lang).set_index("figure_id")
    for figure in ("doornakkers_agreements_met", "doornakkers_contract_number"):
        assert figures.loc[figure, "source"] == either
    shown = " ".join(found[t("col.evaluator", lang)]) + " ".join(figures["source"])
    assert "Partners van het buurtcontract" not in shown
    fragment = evalcharts.results_cards(figures.reset_index(), case_ids=["doornakkers"], lang=lang)
    assert f"{either} · p. 10" in html.unescape(fragment)
