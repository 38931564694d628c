"""Tests of casebook.charts.evaluations: the findings heatmap and the timeline."""

from __future__ import annotations

import pytest

import casebook
from casebook import evaluations as ev
from casebook.charts import evaluations as evalcharts

CASES = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]


def test_findings_heatmap_codes_cells(book: casebook.Casebook) -> None:
    matrix = ev.findings_matrix(book, cases=CASES)
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = evalcharts.findings_heatmap(
        matrix, case_names=names, selected=("governance", "mom"), lang="en"
    )
    heat = fig.data[0]
    gov = list(matrix.index).index("governance")
    assert heat.text[gov][CASES.index("helmond_oost")] == "—"
    assert heat.text[gov][CASES.index("doornakkers")] == "negative"
    assert fig.layout.shapes[0].x0 == CASES.index("mom") - 0.5


def test_timeline_horizon_and_booklet_line(book: casebook.Casebook) -> None:
    events = ev.timeline_events(book, cases=CASES, lang="nl")
    starts = ev.case_starts(book)
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = evalcharts.timeline_chart(events, starts, case_ids=CASES, case_names=names, lang="nl")
    bands = [s for s in fig.layout.shapes if s.line.width == 22]
    assert len(bands) == 5
    mom = next(b for b in bands if b.y0 == "MOM")
    assert (mom.x0, mom.x1) == (pytest.approx(2008.75 + 6), pytest.approx(2008.75 + 7))
    booklet = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    assert booklet[0].x0 == pytest.approx(2011 + 4 / 12)
    # the evaluations in the booklet all came before any collaboration reached its horizon
    evaluations = events[events["kind"] == "evaluation"]
    for row in evaluations.to_dict("records"):
        start = float(starts.loc[starts["case_id"] == row["case_id"], "when"].iloc[0])
        assert row["when"] < start + 6 or row["case_id"] == "doornakkers"
    inferred = [tr for tr in fig.data if "circle-open" in tr.marker.symbol]
    assert inferred  # inferred years are drawn as open circles


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_findings_are_whole_on_a_phone(book: casebook.Casebook, lang: str) -> None:
    """Issue 33: on a 390 px phone the cells were some 8 px high, "negative" was cut and a
    column showed "Wijkpuntondernem…": at the narrowest phone's width every text fits its
    place, whole and at least 11 px, with every theme shown."""
    from casebook.charts.base import PHONE
    from casebook.text import t
    from tests.helpers import heatmap_misfits

    matrix = ev.findings_matrix(book, cases=CASES)
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = evalcharts.findings_heatmap(
        matrix, case_names=names, selected=("governance", "mom"), lang=lang, narrow=True
    )
    for width in (PHONE, 371, 620):
        assert heatmap_misfits(fig, width) == [], width
    rows = [a.text.replace("<br>", " ") for a in fig.layout.annotations if a.name == "row"]
    assert rows == [t(f"theme.{g}", lang) for g in matrix.index]
    cells = {c for row in fig.data[0].text for c in row}
    assert t("valence.negative", lang) in cells and "0" not in cells
