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


# --- the text alternatives (issue 36): what a screen reader hears and the table behind them ---


def _names(book: casebook.Casebook) -> dict[str, str]:
    return dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("cases", "selected"),
    [(CASES, ("governance", "mom")), (["mom", "hambaken"], ("results", "hambaken"))],
)
def test_the_findings_grid_says_what_it_draws(
    book: casebook.Casebook, lang: str, cases: list[str], selected: tuple[str, str]
) -> None:
    """The summary counts the cells of each reading as drawn, names the theme and the case with
    the most cells that hold a finding and the chosen cell; the table is the grid's words."""
    from html import unescape

    from casebook.text import t
    from tests.charts.alt_reading import alt_rows, alt_summary

    fig = evalcharts.findings_heatmap(
        ev.findings_matrix(book, cases=cases), case_names=_names(book), selected=selected, lang=lang
    )
    heat = fig.data[0]
    words = [list(row) for row in heat.text]
    rows = alt_rows(fig)
    assert rows[0] == [t("alt.eval.col.theme", lang), *(unescape(x) for x in heat.x)]
    assert rows[1:] == [[y, *row] for y, row in zip(heat.y, words, strict=True)]
    said = alt_summary(fig)
    for v in ("positive", "mixed", "negative"):
        n = sum(row.count(t(f"valence.{v}", lang)) for row in words)
        assert (f"{t(f'valence.{v}', lang)} {n}" in said) == bool(n), v
    dashes = sum(row.count("—") for row in words)
    assert f"{t('valence.not_evaluated', lang)} (—) {dashes}" in said
    per_theme = [len(row) - row.count("—") for row in words]
    top = max(per_theme)
    for theme, n in zip(heat.y, per_theme, strict=True):
        named = f"{theme} ({n} {'van' if lang == 'nl' else 'of'} {len(cases)})"
        assert (named in said) == (n == top), theme
    per_case = [len(col) - col.count("—") for col in zip(*words, strict=True)]
    best = unescape(heat.x[per_case.index(max(per_case))])
    assert f"{best} ({max(per_case)} {'van' if lang == 'nl' else 'of'} {len(heat.y)})" in said
    g, c = list(heat.y).index(t(f"theme.{selected[0]}", lang)), cases.index(selected[1])
    assert words[g][c] in said.split(t(f"theme.{selected[0]}", lang))[-1]
    assert "0" not in {cell for row in rows for cell in row}


def test_the_findings_summary_follows_the_selection(book: casebook.Casebook) -> None:
    """Other cases, themes or another chosen cell: another summary; themes no chosen case has
    a finding in are named as such."""
    from tests.charts.alt_reading import alt_summary

    def said(cases: list[str], selected: tuple[str, str], themes: list[str] | None = None) -> str:
        matrix = ev.findings_matrix(book, cases=cases, themes=themes)
        return alt_summary(
            evalcharts.findings_heatmap(
                matrix, case_names=_names(book), selected=selected, lang="en"
            )
        )

    everyone = said(CASES, ("governance", "mom"))
    assert "Without any finding: Helmond-Oost." in everyone
    assert everyone != said(CASES, ("results", "doornakkers"))
    two = said(["mom", "hambaken"], ("governance", "mom"))
    assert two != everyone and "Building and Learning" in two
    assert "Demand orientation" in said(CASES, ("governance", "mom"), ["demand_orientation"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_cases_chosen_is_said_too(book: casebook.Casebook, lang: str) -> None:
    from casebook.text import t
    from tests.charts.alt_reading import alt_summary

    empty = ev.findings_matrix(book, cases=[])
    fig = evalcharts.findings_heatmap(empty, case_names=_names(book), lang=lang)
    assert alt_summary(fig) == t("msg.no_areas", lang)
    fig = evalcharts.timeline_chart(
        ev.timeline_events(book, cases=[], lang=lang),
        ev.case_starts(book),
        case_ids=[],
        case_names=_names(book),
        lang=lang,
    )
    assert alt_summary(fig) == t("msg.no_areas", lang)


def _event_rows(fig) -> list[tuple[str, int, str]]:
    """Every marker of the timeline as (case, year, event), read from the traces."""
    import math
    import re
    from html import unescape

    return [
        (unescape(tr.name), math.floor(x + 1e-9), unescape(re.match(r"<b>(.*?)</b>", h)[1]))
        for tr in fig.data
        for x, h in zip(tr.x, tr.hovertext, strict=True)
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("cases", [CASES, ["hambaken", "helmond_oost"]])
def test_the_timeline_says_what_it_draws(
    book: casebook.Casebook, lang: str, cases: list[str]
) -> None:
    """The summary gives the first and last year drawn, and per case its number of events and
    their span; the table has a row per marker: its case, its date (the year drawn) and its
    event."""
    from casebook.text import t
    from tests.charts.alt_reading import alt_rows, alt_summary

    fig = evalcharts.timeline_chart(
        ev.timeline_events(book, cases=cases, lang=lang),
        ev.case_starts(book),
        case_ids=cases,
        case_names=_names(book),
        lang=lang,
    )
    drawn = _event_rows(fig)
    rows = alt_rows(fig)
    assert rows[0][:3] == [
        t("alt.eval.col.case", lang),
        t("alt.eval.col.date", lang),
        t("alt.eval.col.event", lang),
    ]
    assert [(r[0], r[2]) for r in rows[1:]] == [(case, event) for case, _, event in drawn]
    for row, (_, year, _) in zip(rows[1:], drawn, strict=True):
        assert str(year) in row[1]
    said = alt_summary(fig)
    years = [year for _, year, _ in drawn]
    assert f" {min(years)} " in said and f" {max(years)}:" in said
    for tr in fig.data:
        own = [year for case, year, _ in drawn if case == tr.name]
        span = f"{min(own)}–{max(own)}" if min(own) != max(own) else str(min(own))
        assert f"{tr.name} {len(own)} ({span})" in said
    inferred = sum(s == "circle-open" for tr in fig.data for s in tr.marker.symbol)
    assert (f": {inferred}." in said) == bool(inferred)


def test_the_timeline_dates_as_the_booklet_gives_them(book: casebook.Casebook) -> None:
    """A month where the booklet names one, 'before' a year, an inferred year said to be one;
    a case without events is named as such; the summary follows the cases."""
    from tests.charts.alt_reading import alt_rows, alt_summary

    events = ev.timeline_events(book, cases=CASES, lang="en")
    fig = evalcharts.timeline_chart(
        events, ev.case_starts(book), case_ids=CASES, case_names=_names(book), lang="en"
    )
    dates = {row[2]: row[1] for row in alt_rows(fig)[1:]}
    assert dates["The MOM starts for a two-year period"] == "October 2008"
    assert dates["First neighbourhood contract"] == "2008 (year inferred)"
    before = events.loc[events["precision"] == "before", "label"].iloc[0]
    assert dates[before] == "before 2007"
    fewer = evalcharts.timeline_chart(
        events[events["case_id"] != "mom"],
        ev.case_starts(book),
        case_ids=CASES,
        case_names=_names(book),
        lang="en",
    )
    assert "Without an event: MOM." in alt_summary(fewer)
    assert alt_summary(fewer) != alt_summary(fig)
