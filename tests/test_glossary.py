"""Tests of casebook.glossary: the terms in both languages, search, and terms marked in text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import casebook
from casebook.glossary import glossary_html, glosser, terms

ROOT = Path(__file__).resolve().parents[1]


def test_every_term_has_both_languages_and_pages(book: casebook.Casebook) -> None:
    g = book.glossary
    assert len(g) >= 25
    for column in ("term_nl", "term_en", "explanation_nl", "explanation_en", "pages"):
        assert g[column].notna().all() and (g[column].str.strip() != "").all(), column
    nl, en = terms(book, lang="nl"), terms(book, lang="en")
    assert list(nl["term"]) == sorted(nl["term"], key=str.lower) == list(en["term"])
    assert (nl["explanation"] != en["explanation"]).all()


def test_search_keeps_matching_terms_and_says_when_none(book: casebook.Casebook) -> None:
    term = book.glossary.iloc[0]
    found = terms(book, lang="en", query=term["term_nl"].upper())
    assert term["term_nl"] in set(found["term"])
    assert terms(book, lang="nl", query="zzzz").empty
    assert "Geen begrip met &#x27;zzzz&#x27;." in glossary_html(book, lang="nl", query="zzzz")
    page = glossary_html(book, lang="en")
    assert page.count("<dt") == len(book.glossary) and "(p. " in page


def test_terms_are_marked_as_whole_words_with_the_explanation(book: casebook.Casebook) -> None:
    row = book.glossary.iloc[0]
    term = row["term_nl"]
    for lang in ("nl", "en"):
        gloss = glosser(book, lang=lang)
        marked = gloss(f"In de {term.capitalize()} en in {term}s-achtige plekken.")
        hits = re.findall(
            r'<abbr class="cb-term" tabindex="0" title="([^"]*)">([^<]*)</abbr>', marked
        )
        assert [h[1] for h in hits] == [term.capitalize()]  # not inside a longer word
        explanation = row[f"explanation_{lang}"]
        assert casebook.markup.escape(explanation) in hits[0][0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_marking_escapes_the_text_first(book: casebook.Casebook, lang: str) -> None:
    gloss = glosser(book, lang=lang)
    marked = gloss(f"<img src=x onerror=alert(1)> {book.glossary.iloc[0]['term_nl']}")
    assert "<img" not in marked and "&lt;img src=x onerror=alert(1)&gt;" in marked
    assert gloss(None) == ""


def test_cards_mark_the_terms_they_use(book: casebook.Casebook) -> None:
    parts = casebook.cases.case_parts(book, "doornakkers", lang="nl")
    html = "".join(parts.values())
    assert '<abbr class="cb-term"' in html


def test_an_abbreviation_is_matched_in_capitals_only(book: casebook.Casebook) -> None:
    """ "seven" in "six to seven years" is not the SEV experiment with a plural ending (a walk
    through the pages found it explained so); SEV in capitals, and its possessive, still are."""
    from casebook.glossary import glosser

    for lang in ("nl", "en"):
        gloss = glosser(book, lang=lang)
        for text in ("six to seven years", "Seven cases", "zes à zeven jaar", "een sev"):
            assert "cb-term" not in gloss(text), (lang, text)
        assert gloss("an SEV experiment").count('class="cb-term"') == 1
        assert gloss("the SEV's reports").count('class="cb-term"') == 1
        marked = gloss("de corporaties van SEV")  # a word and an abbreviation in one text
        assert marked.count('class="cb-term"') == 2 and marked.endswith("SEV</abbr>")


def test_no_text_tells_a_reader_to_hover_only() -> None:
    """Issue 33, item 7: a phone has no hover. Every text of ours that tells a reader to move
    the mouse over something tells them to tap it too (the glossary's terms and the charts'
    cells answer a tap as well)."""
    import json

    from casebook.text import TEXT

    texts = [(key, lang, value) for key, both in TEXT.items() for lang, value in both.items()]
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for k, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] == "markdown":
                texts.append((f"{path.name} cell {k}", "", "".join(cell["source"])))
    for path in sorted((ROOT / "docs").glob("*.md")):
        texts.append((path.name, "", path.read_text(encoding="utf-8")))
    hover_only = [
        where
        for where, _, value in texts
        for sentence in re.split(r"(?<=[.;:!?)])\s", value)
        if re.search(r"\bbeweeg\b|\bhover (over|on)\b", sentence, re.IGNORECASE)
        and not re.search(r"\btik|\btap", sentence, re.IGNORECASE)
    ]
    assert hover_only == []


def test_an_english_entry_names_its_dutch_term_once_and_nests_no_brackets(
    book: casebook.Casebook,
) -> None:
    """The screenshot review (issue 33): the English glossary read "achter de voordeur (behind
    the front door (achter de voordeur))", the Dutch term twice and "))" after nearly every
    term."""
    html = glossary_html(book, lang="en")
    entries = re.findall(r"<dt[^>]*>(.*?)</dt>", html)
    assert len(entries) == len(book.glossary)
    assert not [e for e in entries if "))" in e]
    front = next(e for e in entries if "achter de voordeur" in e)
    assert front.count("achter de voordeur") == 1 and "behind the front door" in front
