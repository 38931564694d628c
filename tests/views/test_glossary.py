"""Tests of casebook.views.glossary: the glossary page in both languages, with its search box."""

from __future__ import annotations

import casebook


def test_the_view_switches_language_and_searches(book: casebook.Casebook) -> None:
    view = casebook.glossary_view(book)
    first = book.glossary.sort_values("term_nl").iloc[0]
    assert view.search.description == "Zoek"
    assert first["explanation_nl"][:30] in view.body.value.replace("&#x27;", "'")
    view.language.value = "en"
    assert view.search.description == "Search" and view.lang == "en"
    assert first["term_en"][:20] in view.body.value.replace("&#x27;", "'")
    view.search.value = "zzzz"
    assert "No term with" in view.body.value
    view.search.value = ""
    assert view.body.value.count("<dt") == len(book.glossary)
