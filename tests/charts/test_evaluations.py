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
    mom = bands[CASES.index("mom")]  # its row: the second
    assert mom.y0 == mom.y1 == 1 and fig.layout.yaxis.ticktext[1] == "MOM"
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


def _markers(fig, width: float) -> list[tuple[str, float, float, float]]:
    """Every event's marker as (case, x, y, size) in px from the plot's top left corner, drawn
    ``width`` px wide (a row given by its name counts as the row of that name)."""
    spec = fig.layout
    plot_w = width - spec.margin.l - spec.margin.r
    plot_h = spec.height - spec.margin.t - spec.margin.b
    x0, x1 = spec.xaxis.range
    n = len(fig.data)
    rows = [tr.name for tr in fig.data]
    found = []
    for tr in fig.data:
        for when, y in zip(tr.x, tr.y, strict=True):
            row = rows.index(y) if isinstance(y, str) else y
            found.append(
                (
                    tr.name,
                    (when - x0) / (x1 - x0) * plot_w,
                    (row + 0.5) / n * plot_h,
                    tr.marker.size + tr.marker.line.width,
                )
            )
    return found


@pytest.mark.parametrize("narrow", [True, False], ids=["phone", "wide"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_two_events_cover_each_other(book: casebook.Casebook, lang: str, narrow: bool) -> None:
    """Issue 33: on a 390 px phone the markers of Doornakkers, MOM and Hambaken piled into one
    blob (and two events of one year covered each other at every width): at each width the
    chart is drawn for, no two markers overlap, each stays in its case's row, and on a phone
    each case's name (above its row) is whole and clear of every marker."""
    from casebook.charts.base import LINE, PHONE, text_width

    events = ev.timeline_events(book, cases=CASES, lang=lang)
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = evalcharts.timeline_chart(
        events, ev.case_starts(book), case_ids=CASES, case_names=names, lang=lang, narrow=narrow
    )
    assert len(_markers(fig, 1000)) == len(events)
    spec = fig.layout
    for width in (PHONE, 371, 620) if narrow else (600, 900, 1240):
        markers = _markers(fig, width)
        row_h = (spec.height - spec.margin.t - spec.margin.b) / len(CASES)
        for k, (case, x, y, size) in enumerate(markers):
            row = [tr.name for tr in fig.data].index(case)
            assert row * row_h + size / 2 <= y <= (row + 1) * row_h - size / 2, (case, width)
            for other, x2, y2, size2 in markers[k + 1 :]:
                apart = (size + size2) / 2
                assert abs(x - x2) >= apart or abs(y - y2) >= apart, (case, other, x, width)
        labels = [a for a in spec.annotations if a.name == "row"]
        assert len(labels) == (len(CASES) if narrow else 0)
        for k, label in enumerate(labels):
            top, right = k * row_h + 2, text_width(label.text, label.font.size)
            bottom = top + label.font.size * LINE
            assert right <= width - 8 and label.font.size >= 11
            for _, x, y, size in markers:  # clear of the name's box (and of the plot's edge)
                clear = x - size / 2 >= right or y + size / 2 <= top or y - size / 2 >= bottom
                assert clear and x - size / 2 >= 0, (label.text, x, y, width)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_timeline_says_what_its_symbols_mean(book: casebook.Casebook, lang: str) -> None:
    """Issue 33: the diamonds (evaluations) and filled circles were not explained."""
    from casebook.text import t

    events = ev.timeline_events(book, cases=CASES, lang=lang)
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = evalcharts.timeline_chart(
        events, ev.case_starts(book), case_ids=CASES, case_names=names, lang=lang
    )
    symbols = {s for tr in fig.data for s in tr.marker.symbol}
    assert symbols == {"diamond", "circle", "circle-open"}
    note = fig.layout.annotations[0].text.replace("<br>", " ")
    assert {"nl": "Ruit = evaluatie", "en": "Diamond = evaluation"}[lang] in note
    assert t("eval.note.symbols", lang) in note
