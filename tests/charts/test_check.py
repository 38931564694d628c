"""Tests of casebook.charts.check: the reader's scores beside the booklet's readings, a table
whose every column is named and every cell wide enough for its text (issue 33, item 2)."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import pytest

import casebook
from casebook import check
from casebook.charts.base import lines, text_width
from casebook.charts.check import NARROWEST, check_chart
from tests.helpers import IDS, _answers

# what a line of chart text takes in height (px per px of font size), as plotly sets it
LINE = 1.3
# the widths each layout is drawn at: its narrowest, a 390 px phone or the check's column at
# 1280 and 1366 px (523 px), the widest before the other layout takes over (588 px)
WIDTHS = {True: (NARROWEST[True], 371, 588), False: (NARROWEST[False], 523, 589)}


def _chart(book: casebook.Casebook, lang: str, narrow: bool, **scores: int | None) -> go.Figure:
    return check_chart(
        check.profile(book, _answers(**scores), lang=lang),
        check.readings(book),
        case_names=book.cases.set_index("case_id")["short_name"].to_dict(),
        evidence=check.reading_hover(book, lang=lang),
        lang=lang,
        narrow=narrow,
    )


def test_chart_has_the_scores_beside_the_readings(book: casebook.Casebook) -> None:
    mine, heat = _chart(book, "nl", False, urgency=1, backing=4).data
    assert [row[0] for row in mine.z] == [1, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0]
    assert mine.text[1][0] == "weet niet" and mine.text[0][0] == "nee"
    assert len(heat.z) == len(IDS) and len(heat.z[0]) == 5
    assert "Het boekje zegt hier niets over." in heat.hovertext[0][3]  # Helmond-Oost
    # the booklet says nothing: an empty cell (a dash, the palest colour), never a score
    assert heat.text[0][3] == "—" and heat.z[0][3] == 0


@pytest.mark.parametrize("narrow", [True, False], ids=["phone", "wide"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_column_is_named_in_full(book: casebook.Casebook, lang: str, narrow: bool) -> None:
    """The reader's column and the five cases' are named on their axes, the cases upright over
    their columns (slanted names ran into each other and three went unnamed)."""
    from casebook.text import t

    fig = _chart(book, lang, narrow, urgency=2)
    mine, heat = fig.data
    assert list(mine.x) == [t("check.yours", lang)]
    assert list(heat.x) == book.cases.sort_values("number")["short_name"].tolist()
    assert (fig.layout.xaxis.side, fig.layout.xaxis2.side) == ("top", "top")
    assert fig.layout.xaxis.tickangle == 0 and fig.layout.xaxis2.tickangle == -90
    for name in ("xaxis", "xaxis2"):
        assert fig.layout[name].showticklabels is not False


def _cells(fig: go.Figure, width: float) -> dict[str, Any]:
    """The chart's geometry in px at ``width``, from its layout as plotly lays it out."""
    spec = fig.layout
    plot_w = width - spec.margin.l - spec.margin.r
    plot_h = spec.height - spec.margin.t - spec.margin.b
    low, high = spec.yaxis.range
    row = plot_h / abs(low - high)
    mine, heat = fig.data
    return {
        "plot": plot_w,
        "row": row,
        "score": (spec.xaxis.domain[1] - spec.xaxis.domain[0]) * plot_w - mine.xgap,
        "case": (spec.xaxis2.domain[1] - spec.xaxis2.domain[0]) * plot_w / len(heat.x) - heat.xgap,
        "cell": row - heat.ygap,
        "gap": heat.ygap,
    }


@pytest.mark.parametrize("narrow", [True, False], ids=["phone", "wide"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_text_has_room_and_none_overlaps(
    book: casebook.Casebook, lang: str, narrow: bool
) -> None:
    """At each width the layout is drawn for: each cell is wider than its longest text (every
    answer and every reading occurs), the upright names fit between the title and the
    columns and are no wider than a column, "your score" fits its column, and the conditions'
    names fit beside their rows (wide) or in the white above them (phone)."""
    from casebook.text import t

    every_answer = _chart(book, lang, narrow, urgency=1, room_for_doers=2, backing=3)
    fig = _chart(book, lang, narrow, urgency=4)
    mine, heat = every_answer.data
    answers = {row[0] for row in mine.text} | {row[0] for row in fig.data[0].text}
    assert len(answers) == 5  # don't know and the four scores
    readings = {cell for row in heat.text for cell in row}
    assert len(readings) == 4  # yes, partly, no and the dash
    spec = fig.layout
    size = heat.textfont.size
    assert mine.textfont.size == size >= 10
    title_bottom = 12 + 24 * lines(spec.title.text)
    names = spec.xaxis2.tickfont.size
    for width in WIDTHS[narrow]:
        at = _cells(fig, width)
        where = f"{lang}, {width} px"
        for answer in answers:
            assert text_width(answer, size) <= at["score"], f"{answer!r} cut at {where}"
        for reading in readings:
            assert text_width(reading, size) <= at["case"], f"{reading!r} cut at {where}"
        assert size * LINE <= at["cell"]
        yours = t("check.yours", lang)
        assert text_width(yours, spec.xaxis.tickfont.size) <= at["score"] + 2 * heat.xgap
        for name in heat.x:  # upright: its length in the top margin, its height in a column
            assert text_width(name, names) <= spec.margin.t - title_bottom - 4, where
            assert names * LINE <= at["case"], where
        # each condition's name in the white above its row, in one line (beside the rows, the
        # names took the room that a projector's 14 px text needs in the cells)
        labels = [a for a in spec.annotations if a.yref == "y"]
        assert len(labels) == len(IDS) and spec.yaxis.showticklabels is False
        for label in labels:
            assert "<br>" not in label.text
            assert text_width(label.text, label.font.size) <= width - 8, where
            assert label.font.size * LINE <= at["gap"] + 1, where
            assert label.yshift == at["cell"] / 2  # on the top edge of its row's cells
        assert abs(spec.yaxis.range[1] + 0.5) * at["row"] >= at["gap"] / 2 + 2
        if not narrow:  # read on a projector: every text at least 14 px (issue 33, item 6)
            assert min(size, names, spec.xaxis.tickfont.size, labels[0].font.size) >= 14


# --- the text alternative (issue 36) ---

_SCORE_READING = {"1": "not_met", "2": "partly", "3": "partly", "4": "met"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "scores",
    [{}, {"urgency": 1, "backing": 4, "room_for_doers": 2}, dict.fromkeys(IDS, 4)],
    ids=["none", "three", "all-yes"],
)
def test_the_check_says_what_it_draws(
    book: casebook.Casebook, lang: str, scores: dict[str, int]
) -> None:
    """The summary says how many conditions the reader answered, which are open and where the
    answer is not most cases' reading, read from the chart's cells; the table is the chart's
    words, the reader's answer first, a dash where the booklet says nothing."""
    from html import unescape

    from casebook.text import listing, t
    from tests.charts.alt_reading import alt_rows, alt_summary

    fig = _chart(book, lang, False, **scores)
    mine, heat = fig.data
    rows = alt_rows(fig)
    assert rows[0] == [
        t("check.condition", lang),
        unescape(mine.x[0]),
        *(unescape(x) for x in heat.x),
    ]
    labels = [unescape(a.text) for a in fig.layout.annotations if a.name == "row"]
    drawn = [
        [unescape(m[0]), *(unescape(c) for c in row)]
        for m, row in zip(mine.text, heat.text, strict=True)
    ]
    assert [r[0] for r in rows[1:]] == labels
    assert [r[1:] for r in rows[1:]] == drawn
    said = alt_summary(fig)
    answered = [k for k, z in enumerate(mine.z) if z[0]]
    assert t("alt.check.answered", lang, k=len(answered), n=len(mine.z)) in said
    open_ = [str(k + 1) for k, z in enumerate(mine.z) if not z[0]]
    if answered and open_:
        assert t("alt.check.open", lang, items=listing(open_, lang)) in said
    words = {t(f"reading.{r}", lang): r for r in ("met", "partly", "not_met")}
    differs = []
    for k in answered:
        read = [words[c] for c in drawn[k][1:] if c in words]
        most = [r for r in set(read) if read.count(r) * 2 > len(read)]
        if most and most[0] != _SCORE_READING[str(mine.z[k][0])]:
            theirs = t(f"reading.{most[0]}", lang)
            differs.append(
                t("alt.check.differs_item", lang, n=k + 1, yours=drawn[k][0], theirs=theirs)
            )
    if differs:
        assert t("alt.check.differs", lang, items=listing(differs, lang)) in said
    elif answered:
        assert t("alt.check.agrees", lang) in said
    assert "(" not in said or differs


def test_the_check_summary_follows_the_answers(book: casebook.Casebook) -> None:
    from tests.charts.alt_reading import alt_summary

    none = alt_summary(_chart(book, "en", False))
    some = alt_summary(_chart(book, "en", False, urgency=1, backing=4))
    assert none != some
    assert "You answered 0 of 11." in none
    assert "You answered 2 of 11." in some and "1 (you: no; cases: yes)" in some
    assert "Still open (don't know): 2, 4, 5, 6, 7, 8, 9, 10 and 11." in some
