"""Helpers shared by the tests of several modules (each is used in more than one file)."""

from __future__ import annotations

import re
from pathlib import Path

from casebook import check
from casebook.errors import Problem
from casebook.own import TEMPLATE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "templates" / "voorbeeld_eigen_wijk.csv"

# --- a reader's refused file (tests/test_own.py, tests/test_check.py, tests/test_logics.py) ---


def said_in_both_languages(problem: Problem) -> None:
    """``problem`` comes from the text catalogue: English as ``str()`` says it, and Dutch."""
    assert problem.key is not None, f"said in English only: {problem}"
    assert problem.text("en") == str(problem)
    assert problem.text("nl") != problem.text("en"), f"not said in Dutch: {problem}"


# --- the collaboration check (tests/test_check.py, tests/charts/test_check.py) --------------


IDS = [
    "urgency",
    "room_for_doers",
    "backing",
    "learning_structure",
    "intentionality",
    "activism",
    "connection",
    "task_analysed",
    "result_agreements",
    "tasks_and_means",
    "front_door",
]


def _answers(**scores: int | None) -> check.Answers:
    return check.Answers(scores={c: scores.get(c) for c in IDS}, name="Team Noord")


# --- a reader's own neighbourhood (tests/test_own.py, tests/views/test_compare.py) ------


def _edit(**cells: dict[str, str]) -> bytes:
    """The example file with cells changed: _edit(inhabitants={"value": "x"})."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(EXAMPLE.read_text(encoding="utf-8"))))
    for row in rows:
        row.update(cells.get(row["indicator"], {}))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TEMPLATE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


# --- page references (tests/views/test_cases.py, tests/views/test_lessons.py) -----------


PAGE_REF = re.compile(r"p\. (\d+(?:\s*[,–-]\s*(?:p\. )?\d+)*)")


def _pages_in(text: str) -> list[int]:
    pages = []
    for match in PAGE_REF.finditer(text):
        pages += [int(n) for n in re.findall(r"\d+", match.group(1))]
    return pages
