"""The live class: in class mode students share a placement or a check's answers with the class,
and the teacher's page shows them all as they come in.

Storage: a class folder per lesson, ``<class dir>/lessons/<lesson id>/``, and ``<class dir>/
current`` naming the lesson that is on. A student's kernel holds a random student id (never
shown to anyone, never taken from the reader); a shared submission is the very file the reader
could save and upload (``logics.placements_csv``, ``check.answers_json``), written atomically
as ``<kind>-<student id>.<ext>``: one file per student and kind, which only that student's
kernel ever writes, replaces or removes.

Reading: the teacher's page reads the folder with the same pure functions as the upload-based
class view (:func:`casebook.logics.read_class`, :func:`casebook.check.read_answers`). A file
whose name is not ours, that is too large or that does not parse is skipped, and named with
the reason.
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import io
import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from casebook import check, logics
from casebook.errors import Problem
from casebook.files import atomic_write_text

__all__ = [
    "CLASSROOM",
    "KINDS",
    "MAX_BYTES",
    "Classroom",
    "Lesson",
    "class_dir",
    "classroom",
    "in_classroom",
    "current_lesson",
    "export_csv",
    "new_lesson",
    "new_student_id",
    "read_answers_files",
    "read_lesson",
    "score_distribution",
    "share",
    "submission_path",
    "withdraw",
]


@dataclass(frozen=True)
class Classroom:
    """Class mode as a page's code sees it: the students' link (the landing page shows it and
    its QR code), the class folder (where the students' pages share their work and the live
    page reads it; None: not a class, nothing is shared) and whether the reader is the teacher
    (who showed the teacher's secret; only then does the live page show the class) and the
    student's id, one per browser."""

    link: str | None = None
    folder: Path | None = None
    teacher: bool = False
    # the student's id for this browser (the app derives it from the browser's session cookie):
    # a reload or a second tab shares under the same name, so it replaces, never adds; None (a
    # page outside the app): a new id per page
    student: str | None = None


# The app sets this while it builds a reader's page (casebook/app/site/session.py), from the
# settings it was started with; the views read it when they are made. Anywhere else (JupyterLab,
# nbval, the static book) it is not a class.
CLASSROOM: contextvars.ContextVar[Classroom | None] = contextvars.ContextVar(
    "casebook_classroom", default=None
)


def classroom() -> Classroom:
    """Class mode for the page being built (:data:`CLASSROOM`; unset: not a class)."""
    return CLASSROOM.get() or Classroom()


@contextlib.contextmanager
def in_classroom(room: Classroom) -> Iterator[None]:
    """Pages built meanwhile see ``room`` as their class mode (the app's session, tests)."""
    token = CLASSROOM.set(room)
    try:
        yield
    finally:
        CLASSROOM.reset(token)


KINDS: dict[str, str] = {"placements": ".csv", "check": ".json"}
MAX_BYTES = 64_000  # a placements file is under 1 kB, an answers file under 2 kB
_STUDENT = re.compile(r"[0-9a-f]{32}")
_FILE = re.compile(r"(placements|check)-([0-9a-f]{32})\.(csv|json)")
# an atomic write in progress (casebook.files): ours, not yet a submission, never named
_IN_FLIGHT = re.compile(r"\.(placements|check)-[0-9a-f]{32}\.(csv|json)\..+\.tmp")
_LESSON = re.compile(r"\d{8}-\d{6}-[0-9a-f]{4}")


@dataclass(frozen=True)
class Lesson:
    """What is in a lesson's folder: the placements (as ``logics.read_class`` gives them), the
    check's answers with their files, and every file skipped with the reason."""

    folder: Path
    placements: pd.DataFrame
    answers: list[tuple[str, check.Answers]]
    skipped: list[Problem]

    @property
    def students(self) -> int:
        """How many students have shared something (a placement, answers or both)."""
        files = [*self.placements["file"].unique(), *(name for name, _ in self.answers)]
        return len({_FILE.fullmatch(name).group(2) for name in files})  # type: ignore[union-attr]


def class_dir() -> Path | None:
    """The class folder when class mode is on (:func:`classroom`), else None."""
    return classroom().folder


def new_student_id() -> str:
    """A random id for one student's page (128 bits): the name of their submissions."""
    return secrets.token_hex(16)


def _lesson_id() -> str:
    return f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def new_lesson(root: str | os.PathLike[str]) -> Path:
    """Start a new lesson: a new, empty folder under ``root/lessons``, from now on the current
    one. Earlier lessons' folders are kept."""
    lessons = Path(root) / "lessons"
    folder = lessons / _lesson_id()
    while folder.exists():
        folder = lessons / _lesson_id()
    folder.mkdir(parents=True)
    atomic_write_text(Path(root) / "current", folder.name + "\n")
    return folder


def current_lesson(root: str | os.PathLike[str]) -> Path:
    """The lesson that is on (a new one when there is none yet, or ``current`` is not ours)."""
    pointer = Path(root) / "current"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        name = ""
    folder = Path(root) / "lessons" / name
    if _LESSON.fullmatch(name) and folder.is_dir():
        return folder
    return new_lesson(root)


def submission_path(folder: str | os.PathLike[str], kind: str, student_id: str) -> Path:
    """Where ``student_id``'s submission of ``kind`` lives in ``folder``.

    Raises ValueError for a kind that is not ours or an id that is not a student id: a name
    made of anything else never becomes a path."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of submission {kind!r} (one of {', '.join(KINDS)})")
    if not _STUDENT.fullmatch(student_id or ""):
        raise ValueError("a student id is 32 hexadecimal digits")
    return Path(folder) / f"{kind}-{student_id}{KINDS[kind]}"


def share(folder: str | os.PathLike[str], kind: str, text: str, student_id: str) -> Path:
    """Share ``text`` (a placements file's or an answers file's text, the reader's nickname in
    it) as ``student_id``'s submission of ``kind``, atomically; a new share replaces that
    student's earlier one and no other file.

    Raises ValueError when ``text`` is not what the teacher's page could read (too large, or not
    a file of that kind): nothing is written then."""
    path = submission_path(folder, kind, student_id)
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise ValueError(f"a shared {kind} file is at most {MAX_BYTES} bytes")
    if kind == "placements":
        load = logics.read_class([(path.name, data)], case_ids=_any_cases(data))
        if load.refused:
            raise ValueError(str(load.refused[0]))
    else:
        try:
            check.read_answers(data, filename=path.name, condition_ids=_any_conditions(data))
        except check.AnswersError as err:
            raise ValueError(str(err.problem)) from None
    return atomic_write_text(path, text)


def _any_cases(data: bytes) -> list[str]:
    """The case ids in a placements file (share checks the form; the page checks the ids)."""
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        return [str(r.get("case_id", "")) for r in rows]
    except (UnicodeDecodeError, csv.Error):
        return []


def _any_conditions(data: bytes) -> list[str]:
    import json

    try:
        answers = json.loads(data).get("answers", {})
        return [str(k) for k in answers] if isinstance(answers, dict) else []
    except (ValueError, AttributeError):
        return []


def withdraw(folder: str | os.PathLike[str], student_id: str, kind: str | None = None) -> int:
    """Remove ``student_id``'s submissions (of ``kind``, or all): how many were removed."""
    removed = 0
    for each in [kind] if kind else list(KINDS):
        path = submission_path(folder, each, student_id)
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def read_answers_files(
    files: list[tuple[str, bytes]], *, condition_ids: list[str]
) -> tuple[list[tuple[str, check.Answers]], list[Problem]]:
    """Several answers files, as :func:`casebook.logics.read_class` reads placements: the good
    ones with their file names, and the problem of each one refused."""
    good, refused = [], []
    for filename, content in files:
        try:
            good.append(
                (
                    filename,
                    check.read_answers(content, filename=filename, condition_ids=condition_ids),
                )
            )
        except check.AnswersError as err:
            refused.append(err.problem)
    return good, refused


def read_lesson(
    folder: str | os.PathLike[str], *, case_ids: list[str], condition_ids: list[str]
) -> Lesson:
    """Everything shared in ``folder``: placements and answers read by the upload path's
    functions; foreign names (and anything not a plain file), files over :data:`MAX_BYTES` and
    files that do not parse skipped, each with its reason."""
    folder = Path(folder)
    placements: list[tuple[str, bytes]] = []
    answers: list[tuple[str, bytes]] = []
    skipped: list[Problem] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        entries = []
    for entry in entries:
        name = entry.name
        if _IN_FLIGHT.fullmatch(name):
            continue
        match = _FILE.fullmatch(name)
        if not match or KINDS[match.group(1)] != "." + match.group(3):
            skipped.append(Problem.from_key(name, None, None, "live.skip.foreign"))
            continue
        if not entry.is_file(follow_symlinks=False):
            skipped.append(Problem.from_key(name, None, None, "live.skip.foreign"))
            continue
        try:
            with open(entry.path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)  # no more than that is read of a larger file
        except FileNotFoundError:  # withdrawn while we looked
            continue
        except OSError as err:
            skipped.append(
                Problem.from_key(name, None, None, "live.skip.unreadable", reason=err.strerror)
            )
            continue
        if len(data) > MAX_BYTES:
            skipped.append(
                Problem.from_key(name, None, None, "live.skip.too_large", kb=MAX_BYTES // 1000)
            )
            continue
        (placements if match.group(1) == "placements" else answers).append((name, data))
    load = logics.read_class(placements, case_ids=case_ids)
    good, refused = read_answers_files(answers, condition_ids=condition_ids)
    return Lesson(folder, load.placements, good, [*skipped, *load.refused, *refused])


def score_distribution(answers: list[check.Answers], condition_ids: list[str]) -> pd.DataFrame:
    """Per condition (rows, in ``condition_ids`` order) how many gave each score: columns 0
    (don't know, left open) and 1-4; every cell present, 0 where nobody gave that score."""
    counts = {c: dict.fromkeys((0, *check.SCORES), 0) for c in condition_ids}
    for each in answers:
        for c in condition_ids:
            counts[c][each.scores.get(c) or 0] += 1
    frame = pd.DataFrame.from_dict(counts, orient="index", columns=[0, *check.SCORES])
    frame.index.name = "condition_id"
    return frame.astype(int)


def export_csv(lesson: Lesson) -> str:
    """The lesson as one CSV table (UTF-8): a row per placed case and per answered condition,
    with the nickname (or nothing); no student ids."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["lesson", "kind", "nickname", "item", *logics.AXES, "score"])
    for row in lesson.placements.to_dict("records"):
        writer.writerow(
            [lesson.folder.name, "placements", row["name"], row["case_id"],
             row[logics.AXES[0]], row[logics.AXES[1]], ""]
        )  # fmt: skip
    for _, answers in lesson.answers:
        for condition, score in answers.scores.items():
            writer.writerow(
                [lesson.folder.name, "check", answers.name, condition, "", "", score or ""]
            )
    return out.getvalue()
