"""Tests of casebook.live: the lesson folders, atomic per-student shares, withdrawing, reading a
folder with garbage in it, and the same aggregation as the upload-based class view."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

import casebook
from casebook import check, live, logics
from casebook.text import TEXT


def _placement(book: casebook.Casebook, name: str, x: float) -> str:
    ids = logics.reading(book)["case_id"].tolist()
    positions = {c: (round(x, 1), round(-x + 0.1 * k, 1)) for k, c in enumerate(ids)}
    return logics.placements_csv(logics.placements_frame(positions, name=name))


def _ids(book: casebook.Casebook) -> tuple[list[str], list[str]]:
    cases = logics.reading(book)["case_id"].tolist()
    conditions = book.conditions.sort_values("number")["condition_id"].tolist()
    return cases, conditions


def _answers(conditions: list[str], name: str, score: int | None) -> str:
    scores = {c: (score if k % 2 == 0 else None) for k, c in enumerate(conditions)}
    return check.answers_json(check.Answers(scores=scores, name=name), condition_ids=conditions)


def test_every_live_text_is_in_both_languages() -> None:
    for key, value in live_texts().items():
        assert set(value) == {"nl", "en"} and all(value.values()), key
        assert key in TEXT


def live_texts() -> dict[str, dict[str, str]]:
    from casebook.text_live import LIVE_TEXT

    return LIVE_TEXT


def test_a_new_lesson_keeps_the_old_one(tmp_path: Path) -> None:
    first = live.current_lesson(tmp_path)
    assert live.current_lesson(tmp_path) == first  # the pointer holds
    (first / "x").write_text("kept")
    second = live.new_lesson(tmp_path)
    assert second != first and second.parent == first.parent == tmp_path / "lessons"
    assert live.current_lesson(tmp_path) == second
    assert (first / "x").read_text() == "kept" and list(second.iterdir()) == []
    (tmp_path / "current").write_text("../../etc")  # a pointer that is not a lesson id
    third = live.current_lesson(tmp_path)
    assert third.parent == tmp_path / "lessons" and third not in (first, second)


def test_a_name_from_anywhere_else_never_becomes_a_path(tmp_path: Path) -> None:
    for bad in ("../" + "a" * 29, "A" * 32, "a" * 31, "", "a" * 32 + "/x"):
        with pytest.raises(ValueError):
            live.submission_path(tmp_path, "placements", bad)
    with pytest.raises(ValueError, match="unknown kind"):
        live.submission_path(tmp_path, "../notes", live.new_student_id())


def test_share_refuses_what_the_teacher_could_not_read(
    book: casebook.Casebook, tmp_path: Path
) -> None:
    sid = live.new_student_id()
    with pytest.raises(ValueError):
        live.share(tmp_path, "placements", "not,a,placements,file\n", sid)
    with pytest.raises(ValueError):
        live.share(tmp_path, "check", "{}", sid)
    with pytest.raises(ValueError, match="at most"):
        live.share(tmp_path, "check", "x" * (live.MAX_BYTES + 1), sid)
    assert list(tmp_path.iterdir()) == []


def test_forty_students_share_at_once_and_none_is_lost(
    book: casebook.Casebook, tmp_path: Path
) -> None:
    cases, conditions = _ids(book)
    folder = live.new_lesson(tmp_path)
    ids = [live.new_student_id() for _ in range(40)]
    start, errors = threading.Barrier(40), []

    def student(k: int) -> None:
        try:
            start.wait()
            for round_ in range(3):  # each shares again twice: still one file each, the last
                live.share(folder, "placements", _placement(book, f"s{k}", (k % 10) / 10), ids[k])
                live.share(
                    folder, "check", _answers(conditions, f"s{k}", 1 + (k + round_) % 4), ids[k]
                )
        except Exception as err:  # pragma: no cover - what the assertion below shows
            errors.append(err)

    threads = [threading.Thread(target=student, args=(k,)) for k in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    lesson = live.read_lesson(folder, case_ids=cases, condition_ids=conditions)
    assert lesson.skipped == []
    assert lesson.students == 40
    assert sorted(lesson.placements["name"].unique()) == sorted(f"s{k}" for k in range(40))
    assert len(lesson.placements) == 40 * len(cases)
    assert len(lesson.answers) == 40
    last = {a.name: a.scores[conditions[0]] for _, a in lesson.answers}
    assert last == {f"s{k}": 1 + (k + 2) % 4 for k in range(40)}
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_student_withdraws_their_own_and_nothing_else(
    book: casebook.Casebook, tmp_path: Path
) -> None:
    cases, conditions = _ids(book)
    a, b = live.new_student_id(), live.new_student_id()
    live.share(tmp_path, "placements", _placement(book, "Ann", 0.5), a)
    live.share(tmp_path, "check", _answers(conditions, "Ann", 3), a)
    live.share(tmp_path, "placements", _placement(book, "Bo", -0.5), b)
    assert live.withdraw(tmp_path, a, "placements") == 1
    lesson = live.read_lesson(tmp_path, case_ids=cases, condition_ids=conditions)
    assert set(lesson.placements["name"]) == {"Bo"} and lesson.students == 2
    assert live.withdraw(tmp_path, a) == 1  # the check; the placement was gone already
    assert live.withdraw(tmp_path, a) == 0
    lesson = live.read_lesson(tmp_path, case_ids=cases, condition_ids=conditions)
    assert lesson.students == 1 and lesson.answers == []


def test_garbage_oversized_and_foreign_files_are_skipped_and_named(
    book: casebook.Casebook, tmp_path: Path
) -> None:
    cases, conditions = _ids(book)
    good = live.new_student_id()
    live.share(tmp_path, "placements", _placement(book, "Ann", 0.2), good)
    garbage = f"placements-{live.new_student_id()}.csv"
    (tmp_path / garbage).write_bytes(b"\xff\xfe garbage")
    big = f"check-{live.new_student_id()}.json"
    (tmp_path / big).write_bytes(b" " * (live.MAX_BYTES + 1))
    broken = f"check-{live.new_student_id()}.json"
    (tmp_path / broken).write_text('{"format": "casebook-check/1", "answers": {"nope": 9}}')
    crossed = f"check-{live.new_student_id()}.csv"  # a name of ours with the wrong suffix
    (tmp_path / crossed).write_text("x")
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / f"placements-{live.new_student_id()}.csv.d").mkdir()
    link = tmp_path / f"placements-{live.new_student_id()}.csv"
    link.symlink_to("/etc/hostname")
    # an atomic write in progress is not a submission yet, and not garbage either
    (tmp_path / f".placements-{good}.csv.abc123.tmp").write_text("half")
    lesson = live.read_lesson(tmp_path, case_ids=cases, condition_ids=conditions)
    assert set(lesson.placements["name"]) == {"Ann"}
    named = {p.file: p for p in lesson.skipped}
    assert set(named) == {
        garbage, big, broken, crossed, "notes.txt", link.name,
        *(p.name for p in tmp_path.iterdir() if p.is_dir()),
    }  # fmt: skip
    assert named["notes.txt"].key == named[link.name].key == "live.skip.foreign"
    assert named[big].key == "live.skip.too_large"
    assert named[garbage].key == "upload.not_utf8"
    assert named[broken].key == "check.error.unknown_condition"
    for problem in lesson.skipped:
        assert problem.file in problem.text("nl") and problem.file in problem.text("en")


def test_the_live_class_is_the_upload_class(book: casebook.Casebook, tmp_path: Path) -> None:
    """The same students' files, uploaded or shared, give the same class and the same summary."""
    cases, conditions = _ids(book)
    texts = {
        live.new_student_id(): _placement(book, n, x)
        for n, x in [("A", 0.3), ("B", -0.6), ("", 0.9)]
    }
    for sid, text in texts.items():
        live.share(tmp_path, "placements", text, sid)
    uploaded = logics.read_class(
        [(f"placements-{sid}.csv", text.encode()) for sid, text in sorted(texts.items())],
        case_ids=cases,
    )
    shared = live.read_lesson(tmp_path, case_ids=cases, condition_ids=conditions)
    pd.testing.assert_frame_equal(shared.placements, uploaded.placements)
    reading = logics.reading(book)
    got = logics.class_summary(shared.placements, reading)
    assert got["n"].tolist() == [3] * len(cases)
    pd.testing.assert_frame_equal(got, logics.class_summary(uploaded.placements, reading))
    # and the mean is the mean of what was shared (not a number from nowhere)
    xs = [0.3, -0.6, 0.9]
    assert got[f"{logics.AXES[0]}_mean"].iloc[0] == pytest.approx(sum(xs) / 3)


def test_score_distribution_counts_every_answer(book: casebook.Casebook) -> None:
    _, conditions = _ids(book)
    answers = [
        check.Answers(scores={conditions[0]: 4, conditions[1]: None}),
        check.Answers(scores={conditions[0]: 4, conditions[1]: 1}),
        check.Answers(scores={conditions[0]: 2}),
    ]
    frame = live.score_distribution(answers, conditions)
    assert frame.index.tolist() == conditions and frame.columns.tolist() == [0, 1, 2, 3, 4]
    assert frame.loc[conditions[0]].tolist() == [0, 0, 1, 0, 2]
    assert frame.loc[conditions[1]].tolist() == [2, 1, 0, 0, 0]
    assert (frame.sum(axis=1) == 3).all()


def test_export_names_no_student_id(book: casebook.Casebook, tmp_path: Path) -> None:
    cases, conditions = _ids(book)
    sid = live.new_student_id()
    live.share(tmp_path, "placements", _placement(book, "Ann", 0.4), sid)
    live.share(tmp_path, "check", _answers(conditions, "Ann", 2), sid)
    text = live.export_csv(live.read_lesson(tmp_path, case_ids=cases, condition_ids=conditions))
    lines = text.splitlines()
    assert (
        lines[0]
        == "lesson,kind,nickname,item,institutional_situational,instrumental_cultural,score"
    )
    assert len(lines) == 1 + len(cases) + len(conditions)
    assert sid not in text and "Ann" in text
    assert f"{tmp_path.name},placements,Ann,{cases[0]},0.4," in text


def test_class_mode_is_what_the_app_sets_while_it_builds_a_page() -> None:
    assert live.classroom() == live.Classroom() and live.class_dir() is None
    with live.in_classroom(live.Classroom(folder=Path("/x"), teacher=True)):
        assert live.class_dir() == Path("/x") and live.classroom().teacher
    assert live.class_dir() is None


def test_class_mode_sets_up_a_lesson_and_the_teachers_link(tmp_path: Path) -> None:
    from casebook.app import Settings, notebooks_dir
    from casebook.app.classroom import class_settings, teacher_link
    from casebook.pages import LIVE

    made, _ = class_settings(Settings(), ip="10.0.0.5", class_dir=tmp_path)
    secret = made.teacher_secret
    assert len(secret) >= 20
    assert teacher_link(made) == f"http://10.0.0.5:8866/live?token={made.token}&teacher={secret}"
    assert live.current_lesson(tmp_path).parent == tmp_path / "lessons"
    again, _ = class_settings(Settings(), ip="10.0.0.5", class_dir=tmp_path)
    assert again.teacher_secret != secret  # new at every start
    assert len(list((tmp_path / "lessons").iterdir())) == 2  # a new lesson, the old one kept
    assert (notebooks_dir() / LIVE.notebook).is_file()
