"""Tests of casebook.errors: a problem said in either language, in English on the command line."""

from __future__ import annotations

import pytest

from casebook.errors import DataError, Problem, UploadError


def test_a_problem_from_the_catalogue_is_said_in_both_languages() -> None:
    problem = Problem.from_key("kapot.csv", 32, "value", "upload.not_number", value="'twaalf'")
    assert problem.text("nl") == "kapot.csv, rij 32, kolom 'value': 'twaalf' is geen getal"
    assert problem.text("en") == "kapot.csv, row 32, column 'value': 'twaalf' is not a number"
    assert str(problem) == problem.text("en")  # the command line and the data layer: English
    assert problem.message == "'twaalf' is not a number"
    assert problem.message_in("nl") == "'twaalf' is geen getal"


def test_where_says_only_what_is_known() -> None:
    whole_file = Problem.from_key("a.json", None, None, "upload.not_utf8")
    assert whole_file.text("nl") == "a.json: het bestand is geen UTF-8-tekst"
    whole_row = Problem.from_key("a.csv", 3, None, "upload.cells", expected=6, found=4)
    assert whole_row.text("nl") == "a.csv, rij 3: 6 cellen verwacht, 4 gevonden"
    assert whole_row.text("en") == "a.csv, row 3: expected 6 cells, found 4"


def test_a_value_may_share_a_name_with_a_parameter() -> None:
    """``row`` is where the problem is and, in its message, where the first one was."""
    problem = Problem.from_key("a.csv", 5, "indicator", "own.error.twice", indicator="'x'", row=2)
    assert problem.row == 5
    assert str(problem) == "a.csv, row 5, column 'indicator': 'x' is already given in row 2"
    assert problem.text("nl") == "a.csv, rij 5, kolom 'indicator': 'x' staat al in rij 2"


def test_a_problem_of_the_data_layer_keeps_its_english_message() -> None:
    problem = Problem("cases.csv", 4, "case_id", "'X' is not a valid id")
    assert str(problem) == "cases.csv, row 4, column 'case_id': 'X' is not a valid id"
    assert problem.key is None and problem.message_in("nl") == "'X' is not a valid id"


def test_problems_compare_and_hash_by_what_they_say() -> None:
    one = Problem.from_key("a.csv", 2, "value", "upload.not_number", value="'x'")
    two = Problem.from_key("a.csv", 2, "value", "upload.not_number", value="'x'")
    assert one == two and len({one, two}) == 1


def test_a_language_the_casebook_does_not_speak_is_refused() -> None:
    problem = Problem.from_key("a.json", None, None, "upload.not_utf8")
    with pytest.raises(ValueError, match="must be one of"):
        problem.text("de")


def test_an_upload_error_is_its_problem() -> None:
    problem = Problem.from_key("a.json", None, None, "upload.not_utf8")
    err = UploadError(problem)
    assert isinstance(err, ValueError) and err.problem is problem
    assert str(err) == "a.json: the file is not UTF-8 text"
    assert err.text("nl") == "a.json: het bestand is geen UTF-8-tekst"


def test_a_data_error_lists_every_problem_in_english() -> None:
    problems = [
        Problem.from_key("a.csv", 2, "value", "upload.not_number", value="'x'"),
        Problem("b.csv", None, None, "is missing"),
    ]
    assert str(DataError(problems, "data")) == (
        "The casebook data in data has 2 problems:\n"
        "  - a.csv, row 2, column 'value': 'x' is not a number\n"
        "  - b.csv: is missing"
    )
