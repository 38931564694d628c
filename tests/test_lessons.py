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
