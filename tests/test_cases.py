"""Tests of casebook.cases: every part of one case as escaped cards with their pages."""

from __future__ import annotations

import re

import pytest

import casebook
from casebook.cases import case_parts

PARTS = ["figures", "opgave", "organisation", "highlights", "evaluation", "reflections", "voices"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_case_has_every_part_with_pages(book: casebook.Casebook, lang: str) -> None:
    for case_id in book.cases["case_id"]:
        parts = case_parts(book, case_id, lang=lang)
        assert list(parts) == PARTS
        for name in ("opgave", "organisation", "reflections"):
            assert re.search(r"\(p\. \d", parts[name]), (case_id, name)


def test_organisation_shows_every_fact_the_booklet_gives(book: casebook.Casebook) -> None:
    """staff_hours, business_case and facility were in the data and shown nowhere."""
    hambaken = case_parts(book, "hambaken", lang="nl")["organisation"]
    assert "zestien uur per week" in hambaken and "(p. 23)" in hambaken
    waalwijk = case_parts(book, "wijkpuntonderneming", lang="en")["organisation"]
    assert "six to eight wijkpunten" in waalwijk and "57 apartments" in waalwijk


def test_an_unknown_case_names_the_valid_ones(book: casebook.Casebook) -> None:
    with pytest.raises(ValueError, match=r"`case_id` must be one of \['doornakkers'"):
        case_parts(book, "eindhoven", lang="nl")
