"""Tests of casebook.views.live: sharing from the logics page and the check (class mode only),
withdrawing, and the teacher's live page behind its secret."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import casebook
from casebook import live, logics
from casebook.views.check import CheckView
from casebook.views.live import LiveView
from casebook.views.logics import LogicsView


@pytest.fixture
def class_mode(tmp_path: Path) -> Iterator[Path]:
    """Class mode as the app sets it while it builds a student's pages (a class folder)."""
    with live.in_classroom(live.Classroom(link="http://10.0.0.5:8866/", folder=tmp_path)):
        live.new_lesson(tmp_path)
        yield tmp_path


def _as_teacher() -> live.Classroom:
    """Class mode as the app sets it for the reader its guard let in as the teacher."""
    now = live.classroom()
    return live.Classroom(link=now.link, folder=now.folder, teacher=True)


def _files(root: Path) -> list[str]:
    return sorted(p.name for p in live.current_lesson(root).iterdir())


def test_outside_class_mode_nothing_is_offered(book: casebook.Casebook) -> None:
    assert live.classroom() == live.Classroom()  # as in JupyterLab, nbval and the book
    view = LogicsView(book)
    assert view.sharing.widget is None
    assert "casebook-share" not in repr(view.widget.children)
    teacher = LiveView(book, teacher=True)  # even the teacher: without a class, no live page
    assert not teacher.allowed and "--class" in teacher.status.value


def test_sharing_is_off_until_ticked_then_follows_the_page(
    book: casebook.Casebook, class_mode: Path
) -> None:
    view = LogicsView(book)
    assert view.sharing.widget in view.widget.children and not view.sharing.share.value
    assert _files(class_mode) == []  # drawing the page shared nothing
    assert "nickname" in view.sharing.what.value or "bijnaam" in view.sharing.what.value
    view.sharing.nickname.value = "Ann <b>"
    view.sharing.share.value = True
    assert _files(class_mode) == [f"placements-{view.sharing.student_id}.csv"]
    first = view._case_ids[0]
    view.move(first, 0.8, -0.4)  # a change of the page is shared again
    lesson = live.read_lesson(
        live.current_lesson(class_mode), case_ids=view._case_ids, condition_ids=[]
    )
    row = lesson.placements.set_index("case_id").loc[first]
    assert (row[logics.AXES[0]], row[logics.AXES[1]], row["name"]) == (0.8, -0.4, "Ann b")
    assert "Gedeeld" in view.sharing.status.value
    view.language.value = "en"
    assert "Shared with the class" in view.sharing.status.value
    view.sharing.withdraw.click()
    assert _files(class_mode) == [] and not view.sharing.share.value
    assert "Withdrawn" in view.sharing.status.value


def test_the_check_shares_and_the_teacher_sees_both(
    book: casebook.Casebook, class_mode: Path
) -> None:
    closed = LiveView(book)  # a student's session: the app did not let in the teacher
    assert not closed.allowed and closed.lesson is None
    with live.in_classroom(_as_teacher()):
        teacher = LiveView(book, lang="en")
    assert teacher.allowed and "0 placement(s) and 0 check(s)" in teacher.status.value
    student = CheckView(book)
    student.questions["urgency"].value = 4
    student.sharing.share.value = True
    placing = LogicsView(book)
    placing.sharing.share.value = True
    (live.current_lesson(class_mode) / "junk.txt").write_text("x")
    teacher.ticker.ticks += 1  # what the browser's timer does
    assert "1 placement(s) and 1 check(s)" in teacher.status.value
    assert teacher.scores is not None and teacher.scores.loc["urgency", 4] == 1
    assert teacher.class_figure is not None
    assert "junk.txt" in teacher.skipped.value
    assert "les_" in teacher.export.value
    drawn = teacher.chart.serial
    teacher.ticker.ticks += 1  # nothing changed: the chart is not sent again
    assert teacher.chart.serial == drawn
    placing.move(placing._case_ids[0], 0.5, 0.5)
    teacher.ticker.ticks += 1
    assert teacher.chart.serial == drawn + 1
    old = live.current_lesson(class_mode)
    teacher.new_lesson.click()
    assert live.current_lesson(class_mode) != old and "0 placement(s)" in teacher.status.value
    assert f"les_{old.name}.csv" in teacher.previous.value  # the last lesson, still exportable
    student.questions["urgency"].value = 2  # the next share goes to the new lesson
    mine = f"check-{student.sharing.student_id}.json"
    assert _files(class_mode) == [mine]
    assert '"urgency": 4' in (old / mine).read_text()  # the last lesson keeps what it had
    student.sharing.withdraw.click()  # withdrawing takes it back from both
    assert _files(class_mode) == [] and not (old / mine).exists()


def test_in_class_mode_a_save_writes_nothing_on_the_teachers_computer(
    book: casebook.Casebook, class_mode: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Issue 33, item 10 (and issue 35, item 3): in class mode 'save' wrote a new file in the
    teacher's home on every click and told the student its whole path. Now it writes nothing,
    and the student keeps their work with the download link."""
    teachers_disk = tmp_path_factory.mktemp("teacher-home")
    for lang in ("nl", "en"):
        logics_view = LogicsView(book, lang=lang, save_dir=teachers_disk)
        check_view = CheckView(book, lang=lang, save_dir=teachers_disk)
        logics_view.name.value = "Team Noord"
        assert logics_view.save_placements() is None and check_view.save_answers() is None
        for view in (logics_view, check_view):
            said = html.unescape(re.sub(r"<[^>]+>", "", view.save_status.value))
            assert casebook.text.t("saved.class", lang).split(".")[0] in said
            assert str(teachers_disk) not in said and "/" not in said
        assert "download=" in logics_view.download.value  # the student's copy
        assert "download=" in check_view.downloads.value
    assert list(teachers_disk.iterdir()) == []


def test_outside_class_mode_a_save_names_no_whole_path(
    book: casebook.Casebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a reader's own computer the file is saved and the message says where, from the
    home folder (or the folder's name), never the whole path with the user's name."""
    home = tmp_path / "home" / "jansen"
    monkeypatch.setenv("HOME", str(home))
    view = LogicsView(book, lang="nl", save_dir=home / "casebook-plaatsingen")
    saved = view.save_placements()
    assert saved is not None and saved.exists()
    said = view.save_status.value
    assert f"casebook-plaatsingen/{saved.name}" in said and "thuismap" in said
    assert str(home) not in said and "jansen" not in said
    elsewhere = CheckView(book, lang="en", save_dir=tmp_path / "usb" / "checks")
    saved = elsewhere.save_answers()
    assert saved is not None and f"checks/{saved.name}" in elsewhere.save_status.value
    assert str(tmp_path) not in elsewhere.save_status.value
