"""Tests of casebook.start: the landing page's case overview and data summary."""

from __future__ import annotations

import pytest

import casebook


def test_case_overview_in_both_languages(book: casebook.Casebook) -> None:
    nl = casebook.case_overview(book, lang="nl")
    en = casebook.case_overview(book, lang="en")
    assert nl.index.tolist() == [1, 2, 3, 4, 5]
    assert list(nl.columns) == ["Casus", "Stad", "Wijk(en)", "Organisatievorm", "Pagina's"]
    assert list(en.columns) == ["Case", "City", "Neighbourhood(s)", "Organisational form", "Pages"]
    assert nl.loc[2, "Wijk(en)"] == "Groenewoud / Kruiden- en Kleurenbuurt"  # Tilburg is a city
    assert nl.loc[1, "Pagina's"] == "6–12"
    assert en.loc[5, "Organisational form"].startswith("Facility service provider")


def test_language_is_checked(book: casebook.Casebook) -> None:
    with pytest.raises(
        ValueError, match=r"`lang` must be one of \['nl', 'en'\], but 'de' was passed"
    ):
        casebook.case_overview(book, lang="de")


def test_data_summary_counts_every_table(book: casebook.Casebook) -> None:
    summary = casebook.data_summary(book, lang="en")
    assert summary.index.tolist() == [r for r in summary.index if r in casebook.TABLES]
    assert len(summary) == len(casebook.TABLES)
    assert summary.loc["lessons", "rows"] == 27
    assert summary.loc["cases", "what a row is"].startswith("one of the five collaborations")
    dutch = casebook.data_summary(book)
    assert dutch.index.name == "tabel" and list(dutch.columns) == ["rijen", "wat een rij is"]
    assert dutch.loc["lessons", "rijen"] == 27
    assert not dutch["wat een rij is"].str.startswith(("Elke rij", "Each row")).any()
    # shown whole in a notebook: pandas would cut these texts at 50 characters
    longest = max(dutch["wat een rij is"], key=len)
    assert len(longest) > 50 and longest in dutch._repr_html_()
