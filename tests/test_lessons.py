"""Tests of casebook.lessons: the lesson filters and the lessons-by-case matrix."""

from __future__ import annotations

import pytest

import casebook
from casebook import lessons


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"case_id": "hambaken"}, [0, 2, 9, 11, 14, 16, 17]),
        ({"logic_id": "institutional"}, [2, 15, 19, 20, 24, 25]),
        ({"tension_id": "funding"}, [0, 13]),
        ({"case_id": "mom", "logic_id": "cultural"}, [14, 21, 22]),
    ],
)
def test_lesson_filters(book: casebook.Casebook, filters: dict, expected: list[int]) -> None:
    assert lessons.lessons_for(book, **filters) == expected


def test_lessons_matrix_matches_the_references(book: casebook.Casebook) -> None:
    matrix = lessons.lessons_matrix(book)
    assert matrix.shape == (27, 5)
    assert matrix.loc[6, "doornakkers"] == "p. 12, p. 8"
    assert matrix.loc[0].tolist() == ["✓"] * 5
    assert matrix.loc[26].tolist() == [""] * 5


def _lessons_from_tables(
    book: casebook.Casebook, case_id: str | None, logic_id: str | None, tension_id: str | None
) -> list[int]:
    """The lessons a filter leaves, read straight from the tables with pandas (the oracle)."""
    ids = set(book.lessons["lesson_id"])
    if case_id is not None:
        refs = book.lesson_references
        ids &= set(refs.loc[refs["case_id"] == case_id, "lesson_id"])
    if logic_id is not None:
        links = book.lesson_logics
        ids &= set(links.loc[links["logic_id"] == logic_id, "lesson_id"])
    if tension_id is not None:
        links = book.lesson_tensions
        ids &= set(links.loc[links["tension_id"] == tension_id, "lesson_id"])
    return sorted(int(i) for i in ids)


def test_lesson_filters_with_a_kept_index_match_the_tables(book: casebook.Casebook) -> None:
    index = lessons.lesson_index(book)
    cases = [None, *book.cases["case_id"], "atlantis"]
    logics = [None, *book.logics["logic_id"]]
    tensions = [None, *book.tensions["tension_id"]]
    for case_id in cases:
        for logic_id in logics:
            for tension_id in tensions:
                filters = {"case_id": case_id, "logic_id": logic_id, "tension_id": tension_id}
                kept = lessons.lessons_for(book, **filters, index=index)
                assert kept == lessons.lessons_for(book, **filters), filters
                assert kept == _lessons_from_tables(book, **filters), filters


def test_a_lesson_card_with_kept_look_ups_is_the_same(book: casebook.Casebook) -> None:
    from casebook.glossary import glosser

    index = lessons.lesson_index(book)
    for lang in ("nl", "en"):
        gloss = glosser(book, lang=lang)
        for lesson_id in book.lessons["lesson_id"]:
            kept = lessons.lesson_card(book, int(lesson_id), lang=lang, index=index, gloss=gloss)
            assert kept == lessons.lesson_card(book, int(lesson_id), lang=lang)


def test_a_lesson_card_names_its_cases_logics_and_tensions(book: casebook.Casebook) -> None:
    card = lessons.lesson_card(book, 0, lang="en")
    refs = book.lesson_references[book.lesson_references["lesson_id"] == 0]
    names = book.cases.set_index("case_id")["short_name"]
    for case_id in refs["case_id"].dropna():
        assert f"<b>{names[case_id]}</b>" in card
    logic_names = book.logics.set_index("logic_id")["name_en"]
    linked = book.lesson_logics.loc[book.lesson_logics["lesson_id"] == 0, "logic_id"]
    for logic_id in linked:
        assert logic_names[logic_id] in card
    tension_names = book.tensions.set_index("tension_id")["name_en"]
    linked = book.lesson_tensions.loc[book.lesson_tensions["lesson_id"] == 0, "tension_id"]
    for tension_id in linked:
        assert tension_names[tension_id] in card
