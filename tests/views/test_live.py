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


def test_one_browser_is_one_student_however_often_it_reloads(
    book: casebook.Casebook, class_mode: Path
) -> None:
    """Issue 35, item 6: each page load was a new student id, so one browser's five reloads
    were five students on the teacher's page. The app gives a browser one id (from its session
    cookie); a reload shares under it and replaces what the browser shared before."""
    from casebook.app.settings import Settings
    from casebook.app.site import student_id

    settings = Settings(token="class-token", open_browser=False)
    ann, bob = student_id(settings, "cookie-ann"), student_id(settings, "cookie-bob")
    assert ann == student_id(settings, "cookie-ann") != bob
    assert len(ann) == 32 and int(ann, 16) >= 0  # a name live.share accepts
    assert student_id(Settings(token="other", open_browser=False), "cookie-ann") != ann
    room = live.classroom()
    for k in range(5):  # Ann reloads the page five times and shares each time
        with live.in_classroom(live.Classroom(link=room.link, folder=room.folder, student=ann)):
            view = LogicsView(book)
        view.sharing.nickname.value = "Ann"
        view.sharing.share.value = True
        view.move(view._case_ids[0], 0.1 * k, 0.0)
    with live.in_classroom(live.Classroom(link=room.link, folder=room.folder, student=bob)):
        other = CheckView(book)
    other.sharing.share.value = True
    assert _files(class_mode) == [f"check-{bob}.json", f"placements-{ann}.csv"]
    lesson = live.read_lesson(
        live.current_lesson(class_mode), case_ids=view._case_ids, condition_ids=other._ids
    )
    assert lesson.students == 2
    row = lesson.placements.set_index("case_id").loc[view._case_ids[0]]
    assert row[logics.AXES[0]] == pytest.approx(0.4)  # the last reload's placement


def _readings(view: LiveView) -> list[str]:
    """What of the casebook's reading the live page shows: its stars on the class's plane,
    its columns in the class's table."""
    stars = [tr.name for tr in view.class_figure.data if tr.meta == "casebook"]
    columns = ["Casebook x"] if "Casebook x" in view.table.value else []
    return stars + columns


def test_the_live_page_hides_the_reading_until_the_teacher_shows_it(
    book: casebook.Casebook, class_mode: Path
) -> None:
    """Issue 33, item 5: the live page showed the casebook's reading from the first share,
    though the guide (and notebook 03's first exercise) has the class place the cases first.
    Off at start, on when the teacher ticks it, off again for a new lesson."""
    with live.in_classroom(_as_teacher()):
        teacher = LiveView(book)
    placing = LogicsView(book)
    placing.sharing.share.value = True
    teacher.ticker.ticks += 1
    shown = [w for box in teacher.widget.children for w in getattr(box, "children", ())]
    assert teacher.show_reading in shown and not teacher.show_reading.value
    assert teacher.class_figure is not None and _readings(teacher) == []
    assert "lezing" not in teacher.class_figure.layout.title.text
    assert "eerst zelf plaatsen" in teacher.reading_note.value
    names = {a.text for a in teacher.class_figure.layout.annotations if a.name == "label"}
    assert names == set(teacher._reading["name"])  # every mean named
    teacher.show_reading.value = True
    assert len(_readings(teacher)) == 5 + 1  # five stars, the reading's columns
    assert teacher.reading_note.value == ""
    teacher.language.value = "en"
    assert teacher.show_reading.description == "Show the casebook's reading"
    assert "reading" in teacher.class_figure.layout.title.text
    teacher.new_lesson.click()
    placing.move(placing._case_ids[0], 0.5, 0.5)  # shares to the new lesson
    teacher.ticker.ticks += 1
    assert not teacher.show_reading.value and _readings(teacher) == []
