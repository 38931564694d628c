"""Words the teacher's key and the glossary quote from the booklet stand in the booklet's text.

The key and the glossary mark the booklet's own words with double quotes („…”, “…” or "…"); their
English texts quote the Dutch and translate it after the quote. Everything else is in our own
words, so every double-quoted phrase must be found in the booklet. The booklet's text lies outside
the repository (../shared); without it the check against it is skipped. Its page markers are too
few for a page-exact check, so a quote is looked for in the whole text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import casebook

ROOT = Path(__file__).resolve().parents[1]
KEYS = [ROOT / "docs" / "docentensleutel.md", ROOT / "docs" / "teacher-key.md"]
GLOSSARY_COLUMNS = ("term_en", "explanation_nl", "explanation_en")

# „…” (Dutch), “…” and "…": the closing mark may be any of the three, as typed.
_QUOTE = re.compile(r"[„“\"]([^„“”\"]+?)[”\"]")
_QUOTE_MARKS = str.maketrans({"„": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "‚": "'"})


def quotes(text: str) -> list[str]:
    """The phrases between double quotes in a text, in order (a quote may run over a line end)."""
    found = (re.sub(r"\s+", " ", m.group(1)).strip() for m in _QUOTE.finditer(text))
    return [q for q in found if re.search(r"\w", q)]  # '„…”' names the marks, quotes nothing


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTE_MARKS)).strip().lower()


def booklet_forms(text: str) -> list[str]:
    """The booklet's text normalised twice: a word broken at a line end joined, and with its hyphen.

    ('te-\\nrugtrekkende' reads 'terugtrekkende'; 'systeem-\\nwereld' may be 'systeem-wereld'.)
    """
    joined = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", text)
    hyphen = re.sub(r"-[ \t]*\n\s*", "-", text)
    return [_normal(joined), _normal(hyphen)]


def stands_in(phrase: str, forms: list[str]) -> bool:
    """Whether a quoted phrase stands in the booklet as whole words (so 'leek' is not 'bleek')."""
    pattern = re.escape(_normal(phrase))
    pattern = (r"\b" if phrase[:1].isalnum() else "") + pattern
    pattern += r"\b" if phrase[-1:].isalnum() else ""
    return any(re.search(pattern, form) for form in forms)


def _quoted_phrases() -> list[tuple[str, str]]:
    """(where, phrase) for every quote in the key (both files) and the glossary's texts."""
    found = []
    for path in KEYS:
        text = path.read_text(encoding="utf-8")
        for m in _QUOTE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            found += [(f"{path.name}:{line}", q) for q in quotes(m.group(0))]
    glossary = casebook.load().table("glossary")
    for row in glossary.to_dict("records"):
        for column in GLOSSARY_COLUMNS:
            found += [(f"glossary {row['term_id']}.{column}", q) for q in quotes(str(row[column]))]
    return found


def test_quotes_are_found_in_every_style() -> None:
    text = "Zij „schat” het, “lijkt” het, \"leek\" het, „over een\nregel” en niet 'enkel' of „…”."
    assert quotes(text) == ["schat", "lijkt", "leek", "over een regel"]


def test_booklet_forms_join_words_broken_at_line_ends() -> None:
    forms = booklet_forms("voorkom rivaliteit en te-\nrugtrekkende bewegingen, systeem-\nwereld")
    assert stands_in("rivaliteit en terugtrekkende", forms)
    assert stands_in("systeem-wereld", forms)
    assert not stands_in("rivaliteit en bewegingen", forms)


def test_a_quote_must_be_whole_words() -> None:
    forms = booklet_forms("Het bleek ‘een pareltje’ te zijn.")
    assert stands_in("een pareltje", forms)
    assert not stands_in("leek", forms)


def test_the_key_and_the_glossary_quote_the_booklet() -> None:
    found = _quoted_phrases()
    # the key quotes the booklet in both languages, the glossary at least once (convenant)
    assert len(found) >= 20
    assert any(where.startswith("glossary") for where, _ in found)


def test_every_quoted_phrase_stands_in_the_booklet(seed_text: str) -> None:
    forms = booklet_forms(seed_text)
    wrong = [f"{where}: „{q}”" for where, q in _quoted_phrases() if not stands_in(q, forms)]
    assert not wrong, "quoted but not in the booklet:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    "misquote",
    [
        "vooral concurrentie tussen partners",  # p. 24 prints 'meer concurrentiegevoel'
        "in het hele land als voorbeeld rondgestuurd",  # p. 31: 'een pareltje'
        "is het de verwachting dat",  # p. 17 hedges: 'is het niet de verwachting dat'
    ],
)
def test_a_misquote_is_not_found(seed_text: str, misquote: str) -> None:
    assert not stands_in(misquote, booklet_forms(seed_text))
