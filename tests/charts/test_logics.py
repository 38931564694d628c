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
    arrows = [a for a in shown.layout.annotations if a.showarrow]
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
