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


# --- a heatmap on a phone (tests/charts/test_logics.py, test_evaluations.py, test_lessons.py) --


def heatmap_misfits(fig: object, width: float) -> list[str]:
    """What of a category heatmap's texts does not fit, drawn ``width`` px wide (empty: all
    fit), measured from its layout as plotly lays it out (:func:`casebook.charts.base.text_width`
    for the texts): each cell's text in its cell, each column's name (upright) between the title
    and the cells and within its column, each row's name (an annotation above its row, or a
    tick label beside it) within the chart and in the white above its row or in the margin,
    nothing cut with "…", and every text at least 11 px."""
    from casebook.charts.base import LINE, lines, text_width

    heat = fig.data[0]
    spec = fig.layout
    found = []
    plot_w = width - spec.margin.l - spec.margin.r
    plot_h = spec.height - spec.margin.t - spec.margin.b
    y_range = spec.yaxis.range
    rows = len(heat.y)
    row = plot_h / (abs(y_range[0] - y_range[1]) if y_range else rows)
    cell_w = plot_w / len(heat.x) - heat.xgap
    cell_h = row - (heat.ygap or 0)
    size = heat.textfont.size or 14
    if size < 11:
        found.append(f"the cells' text is {size} px")
    for text in {str(c) for r in heat.text for c in r}:
        if text_width(text, size) > cell_w:
            found.append(f"{text!r} ({text_width(text, size):.0f} px) in a cell {cell_w:.0f} px")
    if size * LINE > cell_h:
        found.append(f"a cell {cell_h:.0f} px high holds {size} px text")
    names = spec.xaxis.tickfont.size or 14
    title_bottom = 12 + 24 * lines(spec.title.text)
    for name in heat.x:
        if names < 11 or "…" in name:
            found.append(f"column {name!r} at {names} px")
        if spec.xaxis.tickangle == -90:
            if text_width(name, names) > spec.margin.t - title_bottom - 4:
                found.append(f"column {name!r} runs into the title")
            if names * LINE > cell_w + heat.xgap:
                found.append(f"column {name!r} wider than its column")
        elif text_width(name, names) > cell_w + heat.xgap:
            found.append(f"column {name!r} wider than its column")
    labels = [a for a in spec.annotations if a.name == "row"]
    if labels:
        for a in labels:
            size_l = a.font.size
            if size_l < 11 or "…" in a.text:
                found.append(f"row {a.text!r} at {size_l} px")
            for part in a.text.split("<br>"):
                if text_width(part, size_l) > width - 8:
                    found.append(f"row {part!r} wider than the chart")
            if lines(a.text) * size_l * LINE > (heat.ygap or 0) + 1:
                found.append(f"row {a.text!r} taller than the white above its row")
    else:
        ticks = spec.yaxis.tickfont.size or 14
        for label in heat.y:
            label = str(label)
            if ticks < 11 or "…" in label:
                found.append(f"row {label!r} at {ticks} px")
            for part in label.split("<br>"):
                if text_width(part, ticks) > spec.margin.l - 6:
                    found.append(f"row {part!r} wider than the margin")
            if lines(label) * ticks * LINE > row:
                found.append(f"row {label!r} taller than its row")
    return found
