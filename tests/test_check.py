"""Tests of casebook.check: conditions, readings, weak spots, answers files and the summary."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import casebook
from casebook import check
from casebook.text import TEXT
from tests.helpers import IDS, _answers, said_in_both_languages


def test_conditions_cover_tops_van_delden_and_checkable_lessons(book: casebook.Casebook) -> None:
    frame = check.conditions(book, lang="en")
    assert frame["condition_id"].tolist() == IDS
    by_framework = frame.groupby("framework")["condition_id"].apply(list).to_dict()
    assert by_framework["tops_arise"] == ["urgency", "room_for_doers", "backing"]
    assert by_framework["tops_last"] == ["learning_structure"]
    assert by_framework["van_delden"] == ["intentionality", "activism", "connection"]
    # Tops' conditions are in the balloon on p. 11, Van Delden's on p. 20 (as lesson 25 says)
    assert set(frame.loc[frame["framework"].str.startswith("tops"), "page"]) == {11}
    assert set(frame.loc[frame["framework"] == "van_delden", "page"]) == {20}
    lessons = dict(zip(frame["condition_id"], frame["lesson_id"], strict=True))
    assert lessons["task_analysed"] == 3 and lessons["front_door"] == 18
    assert frame["question"].str.endswith("?").all()


def test_readings_are_categories_and_missing_is_not_assessed(book: casebook.Casebook) -> None:
    matrix = check.readings(book)
    assert list(matrix.index) == IDS
    assert list(matrix.columns) == book.cases.sort_values("number")["case_id"].tolist()
    assert set(matrix.to_numpy().ravel()) <= set(check.READINGS)
    # the booklet reports no evaluation for Helmond-Oost: nothing is read into it
    assert (matrix["helmond_oost"] == "not_assessed").all()
    assert matrix.loc["urgency", "doornakkers"] == "met"
    assert matrix.loc["connection", "mom"] == "not_met"
    hover = check.reading_hover(book, lang="en")
    assert hover[("backing", "doornakkers")].endswith("(p. 10, 11)")
    assert ("urgency", "helmond_oost") not in hover


def test_weak_spots_are_scores_one_and_two_weakest_first(book: casebook.Casebook) -> None:
    answers = _answers(urgency=2, backing=1, front_door=4, connection=None)
    weak = check.weak_spots(book, answers, lang="nl")
    assert weak["condition_id"].tolist() == ["backing", "urgency"]
    assert weak["lesson_id"].tolist() == [25, 25]
    assert check.weak_spots(book, _answers(), lang="nl").empty  # "don't know" is not weak


def test_save_and_read_round_trip(tmp_path: Path) -> None:
    answers = _answers(urgency=3, backing=1)
    path = check.save_answers(answers, tmp_path / "a.json", condition_ids=IDS)
    back = check.read_answers(path.read_bytes(), filename="a.json", condition_ids=IDS)
    assert back.scores == answers.scores and back.name == "Team Noord"
    assert back.saved_at  # stamped when saved
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_crash_while_saving_keeps_the_good_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    check.save_answers(_answers(urgency=4), target, condition_ids=IDS)
    before = target.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="No space left"):
        check.save_answers(_answers(urgency=1), target, condition_ids=IDS)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def _file(**change: object) -> bytes:
    payload = {"format": check.FORMAT, "name": "x", "saved_at": "", "answers": {"urgency": 2}}
    payload.update(change)
    return json.dumps(payload).encode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_file()[:-15], "not complete JSON"),  # half written
        (b"", "not complete JSON"),
        ("ü".encode("latin-1"), "not UTF-8"),
        (b"[1, 2]", "not an answers file"),
        (_file(format="casebook-check/9"), "not an answers file"),
        (_file(answers=[2, 3]), "must map each condition to a score"),
        (_file(answers={"atlantis": 2}), "unknown condition 'atlantis'"),
        (_file(answers={"urgency": 5}), "5 is not a score for condition 'urgency'"),
        (_file(answers={"urgency": "3"}), "'3' is not a score"),
        (_file(answers={"urgency": True}), "True is not a score"),
        (_file(name=["x"]), "must be text"),
        (b"x" * 200_000, "too large"),
    ],
)
def test_bad_answers_files_are_refused_with_file_and_reason(content: bytes, message: str) -> None:
    with pytest.raises(check.AnswersError, match=message) as err:
        check.read_answers(content, filename="mijn.json", condition_ids=IDS)
    assert str(err.value).startswith("mijn.json")


# One file per way of refusing an answers file: the key of the catalogue it is said with.
REFUSED: dict[str, bytes] = {
    "check.error.too_large": b"x" * 200_000,
    "upload.not_utf8": "ü".encode("latin-1"),
    "check.error.not_json": b'{"format": ',
    "check.error.not_answers": b"[1, 2]",
    "check.error.not_a_map": _file(answers=[2, 3]),
    "check.error.unknown_condition": _file(answers={"atlantis": 2}),
    "check.error.not_score": _file(answers={"urgency": 5}),
    "check.error.not_text": _file(name=["x"]),
}


@pytest.mark.parametrize("key", sorted(REFUSED))
def test_every_refusal_is_said_in_both_languages(key: str) -> None:
    with pytest.raises(check.AnswersError) as err:
        check.read_answers(REFUSED[key], filename="mijn.json", condition_ids=IDS)
    problem = err.value.problem
    assert problem.key == key
    said_in_both_languages(problem)  # every placeholder filled, or text() raises
    assert str(err.value) == str(problem) and err.value.text("nl").startswith("mijn.json: ")


def test_the_refusals_cover_every_key_of_the_check() -> None:
    assert {k for k in REFUSED if k.startswith("check.error.")} == {
        k for k in TEXT if k.startswith("check.error.")
    }


@pytest.mark.parametrize(
    ("key", "nl", "en"),
    [
        (
            "check.error.not_json",
            "mijn.json: is geen volledige JSON (regel 1, kolom 12: Expecting value); "
            "misschien is het bestand halverwege afgebroken",
            "mijn.json: the file is not complete JSON (line 1, column 12: Expecting value); "
            "it may have been cut off",
        ),
        (
            "check.error.not_score",
            "mijn.json: 5 is geen score voor conditie 'urgency' (1, 2, 3, 4, of null voor weet "
            "niet)",
            "mijn.json: 5 is not a score for condition 'urgency' (1, 2, 3, 4, or null for don't "
            "know)",
        ),
        (
            "check.error.not_a_map",
            'mijn.json: "answers" moet bij elke conditie een score geven, zoals '
            '{"urgency": 3, "backing": null}',
            'mijn.json: "answers" must map each condition to a score, such as '
            '{"urgency": 3, "backing": null}',
        ),
        (
            "check.error.too_large",
            "mijn.json: het bestand is te groot voor een antwoordenbestand",
            "mijn.json: the file is too large to be an answers file",
        ),
    ],
)
def test_a_refusal_in_dutch_and_in_english(key: str, nl: str, en: str) -> None:
    with pytest.raises(check.AnswersError) as err:
        check.read_answers(REFUSED[key], filename="mijn.json", condition_ids=IDS)
    assert (err.value.text("nl"), err.value.text("en")) == (nl, en)


def test_names_are_cleaned_on_the_way_in_and_out() -> None:
    back = check.read_answers(
        _file(name="<script>alert(1)</script>Team"), filename="a.json", condition_ids=IDS
    )
    assert "<" not in back.name and ">" not in back.name


def test_summary_is_one_escaped_self_contained_page(book: casebook.Casebook) -> None:
    answers = check.Answers(scores={"urgency": 1}, name="Team <b>Zuid</b>")
    page = check.summary_html(book, answers, lang="en")
    assert page.startswith("<!DOCTYPE html>") and "<b>Zuid</b>" not in page
    assert "Team &lt;b&gt;Zuid&lt;/b&gt;" in page
    assert "read lesson 25" in page and "Pressure of the task" in page
    assert "src=" not in page and "http" not in page  # loads nothing from elsewhere
    assert page.count("<tr>") == 1 + len(IDS)
