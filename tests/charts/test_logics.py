"""Tests of casebook.charts.logics: the logics plane and the tensions heatmap."""

from __future__ import annotations

import pytest

import casebook
from casebook import logics
from casebook.charts import logics as plane
from casebook.logics import AXES


def test_plane_shows_reader_then_reading_with_arrows(book: casebook.Casebook) -> None:
    reading = logics.reading(book)
    reader = reading.copy()
    reader[AXES[0]] = 0.0
    reader[AXES[1]] = 0.0
    hidden = plane.logics_plane(reading, reader=reader, reveal=False, lang="nl")
    assert [tr.name for tr in hidden.data] == ["Jouw plaatsing"]
    shown = plane.logics_plane(reading, reader=reader, reveal=True, lang="nl")
    assert [tr.name for tr in shown.data] == ["Jouw plaatsing", "Lezing van het casebook"]
    arrows = [a for a in shown.layout.annotations if a.showarrow and a.axref == "x"]
    assert len(arrows) == 5
    mom = next(a for a in arrows if a.x == pytest.approx(0.5))
    assert (mom.ax, mom.ay, mom.y) == (0.0, 0.0, pytest.approx(0.7))
    corners = {a.text for a in shown.layout.annotations if a.text and a.text.startswith("<i>")}
    assert "<i>situationeel<br>+ cultureel</i>" in corners and len(corners) == 4
    assert "interpretatie" in shown.layout.annotations[0].text


def test_tension_heatmap_marks_the_chosen_cell(book: casebook.Casebook) -> None:
    matrix = logics.tension_matrix(book)
    names_t = dict(zip(book.tensions["tension_id"], book.tensions["name_en"], strict=True))
    names_c = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = plane.tensions_heatmap(
        matrix, tension_names=names_t, case_names=names_c, selected=("power", "mom"), lang="en"
    )
    heat = fig.data[0]
    assert heat.text[5][1] == "clear" and heat.text[6][0] == "—"  # MOM: strength 2
    frame = fig.layout.shapes[0]
    assert (frame.x0, frame.y0) == (0.5, 4.5)


def _boxes(fig, font_size: int = 15, scale: float = 205.0) -> list[tuple[float, ...]]:
    """The name boxes of a plane as :func:`plane.label_offsets` estimates them, in pixels."""
    boxes = []
    for a in fig.layout.annotations:
        if a.name != "label":
            continue
        w, h = 0.6 * font_size * len(a.text) + 4, 1.35 * font_size
        ax, ay = (a.ax, -a.ay) if a.showarrow else (a.xshift, a.yshift)
        boxes.append(plane._label_box(a.x * scale, a.y * scale, w, h, ax, ay))
    return boxes


@pytest.mark.parametrize("spot", [(0.0, 0.0), (1.0, 1.0), (-1.0, 0.2)])
def test_names_of_cases_on_one_spot_do_not_overlap(book: casebook.Casebook, spot) -> None:
    """Issue 17: five cases dragged onto the same spot (the centre, a corner, an edge) still
    show five names apart, each clear of the markers, with a line to a name set further out."""
    reading = logics.reading(book)
    reader = reading.copy()
    reader[AXES[0]], reader[AXES[1]] = spot
    fig = plane.logics_plane(reading, reader=reader, reveal=False, lang="en")
    boxes = _boxes(fig)
    assert len(boxes) == 5
    overlaps = [
        (i, j) for i in range(5) for j in range(i + 1, 5) if plane._overlap(boxes[i], boxes[j])
    ]
    assert not overlaps, f"names overlap at {spot}: {overlaps}"
    x, y = spot[0] * 205, spot[1] * 205
    marker = (x - 10, y - 10, x + 10, y + 10)
    assert not any(plane._overlap(b, marker) for b in boxes)


def test_the_overlap_check_can_fail() -> None:
    """The boxes of two labels put in the same place overlap; beside each other they do not."""
    a = plane._label_box(0, 0, 100, 20, 0, 13)
    assert plane._overlap(a, plane._label_box(0, 0, 100, 20, 0, 13)) > 0
    assert plane._overlap(a, plane._label_box(0, 0, 100, 20, 0, -13)) == 0
