"""Tests of casebook.charts.logics: the logics plane and the tensions heatmap."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

import casebook
from casebook import logics
from casebook.charts import logics as plane
from casebook.charts.base import plain
from casebook.logics import AXES
from casebook.text import t
from tests.charts.alt_reading import alt_rows, alt_summary


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
        w, h = plane.label_size(a.text, font_size)
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


def _class(book: casebook.Casebook, spots: dict[str, list[tuple[float, float]]]):
    """A class's placements (one student per spot, each case placed where ``spots`` says) and
    their summary, as the live page and an upload build them."""
    reading = logics.reading(book)
    students = max(len(v) for v in spots.values())
    frames = []
    for k in range(students):
        positions = {c: spots[c][k] for c in spots if k < len(spots[c])}
        frames.append(logics.placements_frame(positions, name=f"s{k}").assign(file=f"{k}.csv"))
    placements = pd.concat(frames, ignore_index=True)
    return placements, logics.class_summary(placements, reading)


CASES = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]
SPREAD = [(dx / 10, dy / 10) for dx in (-2, -1, 0, 1, 2) for dy in (-2, 0, 2)] + [(0.3, 0.1)]
# Every case's mean on one spot, or means apart but each on another case's reading, and the
# bottom right corner (beside a quadrant's name): the names must still find free places.
CROWDS = {
    "one spot": {c: [(0.3, 0.3), (0.5, 0.5)] for c in CASES},
    # each mean on another case's reading
    "on the reading": {"doornakkers": [(0.5, 0.7)], "mom": [(0.4, -0.1)],
                       "hambaken": [(-0.3, -0.3)], "helmond_oost": [(-0.6, -0.7)],
                       "wijkpuntonderneming": [(-0.3, -0.4)]},
    "corner": {c: [(1.0, -1.0), (0.9, -1.0)] for c in CASES},
    # a class of 24, spread round five centres near each other (the live page's first look)
    "a class": {c: [(round(x + dx, 1), round(y + dy, 1)) for dx, dy in SPREAD]
                for c, (x, y) in {"doornakkers": (-0.2, -0.4), "mom": (0.2, 0.4),
                                  "hambaken": (0.1, 0.0), "helmond_oost": (-0.2, -0.3),
                                  "wijkpuntonderneming": (-0.4, -0.5)}.items()},
}  # fmt: skip


def _markers(fig, kind: str, scale: float = 205.0) -> list[tuple[float, ...]]:
    """The boxes (pixels) of the means (``mean``) or the reading's stars (``casebook``)."""
    r = plane._MARKER_PX
    return [
        (tr.x[0] * scale - r, tr.y[0] * scale - r, tr.x[0] * scale + r, tr.y[0] * scale + r)
        for tr in fig.data
        if tr.meta == kind
    ]


def test_the_class_plane_shows_the_reading_only_when_asked(book: casebook.Casebook) -> None:
    """Issue 33, item 5: the live page showed the casebook's reading from the first share,
    before the class had placed the cases. Without ``reading`` no star, no line to it, no
    word of the reading; with it a star per case joined to its mean."""
    placements, summary = _class(book, CROWDS["one spot"])
    hidden = plane.class_plane(placements, summary, lang="nl")
    assert [tr for tr in hidden.data if tr.meta == "casebook"] == []
    texts = [hidden.layout.title.text] + [a.text for a in hidden.layout.annotations]
    texts += [tr.name for tr in hidden.data]
    assert not [x for x in texts if "lezing" in x.lower()], texts
    assert not [s for s in hidden.layout.shapes if s.line.dash == "dot"]
    shown = plane.class_plane(placements, summary, reading=True, lang="en")
    stars = [tr for tr in shown.data if tr.meta == "casebook"]
    assert len(stars) == 5 and "reading" in shown.layout.title.text
    assert len([s for s in shown.layout.shapes if s.line.dash == "dot"]) == 5


def test_the_class_mean_and_the_reading_differ_in_more_than_colour(
    book: casebook.Casebook,
) -> None:
    """Issue 33, item 5 (similar colours): a mean and the reading of the same case must be
    told apart without its colour: another shape, another fill, another outline."""
    placements, summary = _class(book, CROWDS["one spot"])
    fig = plane.class_plane(placements, summary, reading=True, lang="en")
    for case in CASES:
        mean = next(tr for tr in fig.data if tr.uid == f"mean-{case}")
        star = next(tr for tr in fig.data if tr.uid == f"casebook-{case}")
        assert mean.marker.symbol != star.marker.symbol
        assert mean.marker.color != star.marker.color  # a filled diamond, a white star
        assert mean.marker.line.color != star.marker.line.color
        assert star.marker.line.color == mean.marker.color  # the star ringed in the case's colour


@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("reading", [False, True])
@pytest.mark.parametrize("crowd", sorted(CROWDS))
def test_every_class_mean_is_named_and_no_name_overlaps(
    book: casebook.Casebook, crowd: str, reading: bool, narrow: bool
) -> None:
    """Issue 33, item 5: the class's means carried no names. Each mean has its case's name;
    no two names overlap, and no name covers a mean or (when shown) a star, also where the
    means crowd on one spot, lie on the reading's stars or in a corner."""
    placements, summary = _class(book, CROWDS[crowd])
    fig = plane.class_plane(placements, summary, reading=reading, lang="en", narrow=narrow)
    labels = [a for a in fig.layout.annotations if a.name == "label"]
    scale, size = plane._PX_PER_UNIT[narrow], labels[0].font.size
    names = dict(zip(summary["case_id"], summary["name"], strict=True))
    for case in CASES:
        mean = next(tr for tr in fig.data if tr.uid == f"mean-{case}")
        at = [a.text for a in labels if (a.x, a.y) == (mean.x[0], mean.y[0])]
        assert names[case] in at, f"{crowd}: the mean of {case} is not named"
    boxes = _boxes(fig, size, scale)
    assert len(boxes) == 5
    pairs = [
        (i, j) for i in range(5) for j in range(i + 1, 5) if plane._overlap(boxes[i], boxes[j])
    ]
    assert not pairs, f"{crowd}: names overlap: {pairs}"
    markers = _markers(fig, "mean", scale) + _markers(fig, "casebook", scale)
    assert len(markers) == (10 if reading else 5)
    covered = [(i, m) for i, b in enumerate(boxes) for m in markers if plane._overlap(b, m)]
    assert not covered, f"{crowd}: a name covers a marker: {covered}"
    # nor a quadrant's name (issue 36)
    corners = [c for _, c in _corners(fig, scale)]
    assert not [(i, c) for i, b in enumerate(boxes) for c in corners if plane._overlap(b, c)]


def test_a_case_nobody_placed_is_named_at_the_reading(book: casebook.Casebook) -> None:
    """A case without placements has no mean: with the reading shown its star carries the
    name; hidden, nothing of it is drawn."""
    spots = {c: [(0.2, 0.2)] for c in CASES if c != "mom"}
    placements, summary = _class(book, spots)
    hidden = plane.class_plane(placements, summary, lang="en")
    assert "MOM" not in [a.text for a in hidden.layout.annotations if a.name == "label"]
    shown = plane.class_plane(placements, summary, reading=True, lang="en")
    star = next(tr for tr in shown.data if tr.uid == "casebook-mom")
    named = [(a.x, a.y) for a in shown.layout.annotations if a.name == "label" and a.text == "MOM"]
    assert named == [(star.x[0], star.y[0])]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_tensions_are_whole_on_a_phone(book: casebook.Casebook, lang: str) -> None:
    """Issue 33: on a 390 px phone the cells cut their words ("entioned", "centra"): at the
    narrowest phone's width every cell's text fits its cell, every name is whole (a tension's
    above its row, a case's upright over its column) and at least 11 px; the chosen cell's
    frame is round that cell."""
    from casebook.charts.base import PHONE
    from tests.helpers import heatmap_misfits

    matrix = logics.tension_matrix(book)
    names_t = dict(zip(book.tensions["tension_id"], book.tensions[f"name_{lang}"], strict=True))
    names_c = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    fig = plane.tensions_heatmap(
        matrix,
        tension_names=names_t,
        case_names=names_c,
        selected=("power", "mom"),
        lang=lang,
        narrow=True,
    )
    for width in (PHONE, 371, 620):
        assert heatmap_misfits(fig, width) == [], width
    rows = [a.text.replace("<br>", " ") for a in fig.layout.annotations if a.name == "row"]
    assert rows == [names_t[x] for x in matrix.index]
    frame = fig.layout.shapes[0]
    assert frame.x0 == 0.5 and 4.5 < frame.y0 < frame.y1 < 5.5


def _plane_geometry(fig, width: float) -> dict:
    """The plane drawn ``width`` px wide: its plot's size, px per axis unit (both axes on one
    scale), the names' boxes and lines, and the markers' boxes (px, y up, from the centre)."""
    spec = fig.layout
    plot_w = width - spec.margin.l - spec.margin.r
    plot_h = spec.height - spec.margin.t - spec.margin.b
    scale = min(plot_w, plot_h) / (2 * plane._LIMIT)
    r = plane._MARKER_PX
    labels = []
    for a in spec.annotations:
        if a.name != "label":
            continue
        w, h = plane.label_size(a.text, a.font.size)
        ax, ay = (a.ax, -a.ay) if a.showarrow else (a.xshift, a.yshift)
        x, y = a.x * scale, a.y * scale
        line = (x, y, x + ax, y + ay) if a.showarrow else None
        labels.append((a.text, (x, y), plane._label_box(x, y, w, h, ax, ay), line))
    markers = [
        (x * scale, y * scale)
        for tr in fig.data
        for x, y in zip(tr.x, tr.y, strict=True)
        if tr.uid in ("reader", "casebook")
    ]
    return {
        "plot": (plot_w, plot_h),
        "labels": labels,
        "markers": markers,
        "r": r,
        "corners": _corners(fig, scale),
        "plane": plane._LIMIT * scale,
    }


def _corners(fig, scale: float) -> list[tuple[str, tuple[float, ...]]]:
    """The quadrants' names and their boxes (px, y up, from the centre) at ``scale`` px a unit,
    each line's width estimated as a case name's (:func:`plane.label_size`)."""
    found = []
    for a in fig.layout.annotations:
        if a.name == "label" or a.xref is not None or a.xanchor not in ("left", "right"):
            continue
        lines = re.sub(r"<(?!br)[^>]*>", "", a.text).split("<br>")
        w = max(plane.label_size(line, a.font.size)[0] for line in lines)
        h = plane.label_size(lines[0], a.font.size)[1] * len(lines)
        x, y = a.x * scale, a.y * scale
        left = x if a.xanchor == "left" else x - w
        bottom = y - h if a.yanchor == "top" else y
        found.append((lines[0], (left, bottom, left + w, bottom + h)))
    assert len(found) == 4
    return found


def _inside(box: tuple[float, ...], half: float) -> bool:
    """Whether ``box`` lies within the plane (``half`` px either side of its centre)."""
    return -half - 1 <= box[0] and box[2] <= half + 1 and -half - 1 <= box[1] and box[3] <= half + 1


@pytest.mark.parametrize("reveal", [False, True])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plane_on_a_phone_is_square_and_says_which_name_is_whose(
    book: casebook.Casebook, lang: str, reveal: bool
) -> None:
    """Issue 33: at 390 px the plane was squeezed between empty space above and below, the line
    to Wijkpuntonderneming's name crossed Doornakkers' name, and MOM's name sat beside
    Doornakkers' marker. At each phone width, with the cases where they start: the plot about
    as high as it is wide; no name covers another name or a marker; and where the reader's
    cases start (the reported view), no line to a name crosses another name or marker and a
    name without a line is nearer its own marker than any other. (With the reading shown
    beside them, reading and start overlap near the centre: there only the first holds.)
    Issue 36 (WCAG 2.1, 1.4.10): at a 320 px window (a chart 300 px wide) the quadrants' names
    covered Wijkpuntonderneming's name and each other: from 300 px up, in both languages, no
    case name covers a quadrant's name, none of them another, and every name is in the plane."""
    from casebook.charts.base import PHONE
    from casebook.views.logics import start_positions

    reading = logics.reading(book)
    starts = start_positions(reading["case_id"].tolist())
    reader = reading.copy()
    reader[AXES[0]] = [starts[c][0] for c in reader["case_id"]]
    reader[AXES[1]] = [starts[c][1] for c in reader["case_id"]]
    fig = plane.logics_plane(reading, reader=reader, reveal=reveal, lang=lang, narrow=True)
    for width in (300, PHONE, 371, 620):
        at = _plane_geometry(fig, width)
        plot_w, plot_h = at["plot"]
        assert plot_h <= min(plot_w, 1.05 * plot_w) + 2, (plot_w, plot_h, width)
        labels, r = at["labels"], at["r"]
        assert len(labels) == 5
        corners = at["corners"]
        for k, (name, box) in enumerate(corners):
            assert _inside(box, at["plane"]), (name, width)
            for other, other_box in corners[k + 1 :]:
                assert not plane._overlap(box, other_box), (name, other, width)
        for name, _, box, _ in labels:
            assert _inside(box, at["plane"]), (name, width)
            for corner, corner_box in corners:
                assert not plane._overlap(box, corner_box), (name, corner, width)
        markers = [(x - r, y - r, x + r, y + r) for x, y in at["markers"]]
        for k, (name, (x, y), box, line) in enumerate(labels):
            own = (x - r, y - r, x + r, y + r)
            for other_name, _, other_box, other_line in labels[:k] + labels[k + 1 :]:
                assert not plane._overlap(box, other_box), (name, other_name, width)
                if other_line is not None and not reveal:
                    assert not plane._crosses(other_line, box), (other_name, name, width)
            others = [m for m in markers if m != own]
            # (a marker over its own one: no line can leave it without crossing that)
            apart = [m for m in others if not plane._overlap(m, own)]
            assert not any(plane._overlap(box, m) for m in markers), (name, width)
            if reveal:
                continue
            centres = [((m[0] + m[2]) / 2, (m[1] + m[3]) / 2) for m in others]
            if line is not None:
                assert not any(plane._crosses(line, m) for m in apart), (name, width)
                # and its name not against another marker, where it reads as that one's
                assert all(plane._distance(box, c) >= r + 10 for c in centres), (name, width)
            else:
                near = plane._distance(box, (x, y))
                for m in others:
                    centre = ((m[0] + m[2]) / 2, (m[1] + m[3]) / 2)
                    assert near < plane._distance(box, centre), (name, centre, width)


# --- text alternatives (issue 36) ---------------------------------------------------------


def _alt(fig) -> tuple[str, dict[str, dict[str, str]]]:
    """A figure's spoken summary, and its table as {row name: {column: cell}}."""
    head, *rows = alt_rows(fig)
    return alt_summary(fig), {row[0]: dict(zip(head[1:], row[1:], strict=True)) for row in rows}


def _slider(value: float, decimals: int = 1) -> str:
    """A number as the page's sliders show it (d3's format: a minus sign, not a hyphen)."""
    text = f"{abs(value):.{decimals}f}"
    return ("\u2212" if round(value, decimals) < 0 else "") + text


def _side(value: float, low: str, high: str, lang: str, decimals: int = 1) -> str:
    """One axis in words as a reader would say it: the side it lies on and its number."""
    if round(value, decimals) == 0:
        return f"{'midden' if lang == 'nl' else 'middle'} {_slider(value, decimals)}"
    word = t(f"logic.{high if value > 0 else low}", lang)
    return f"{word} {_slider(value, decimals)}"


def _said(x: float, y: float, lang: str, decimals: int = 1) -> str:
    return (
        f"{_side(x, 'institutional', 'situational', lang, decimals)}, "
        f"{_side(y, 'instrumental', 'cultural', lang, decimals)}"
    )


# A reader's placements: each case in another quadrant, one on the line between two sides.
PLACED = {
    "doornakkers": (0.0, 0.3),
    "mom": (-0.8, 0.6),
    "hambaken": (0.9, -1.0),
    "helmond_oost": (-0.2, -0.5),
    "wijkpuntonderneming": (0.4, 0.1),
}


def _reader(book: casebook.Casebook, spots: dict[str, tuple[float, float]]) -> pd.DataFrame:
    reader = logics.reading(book)
    reader[AXES[0]] = [spots[c][0] for c in reader["case_id"]]
    reader[AXES[1]] = [spots[c][1] for c in reader["case_id"]]
    return reader


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("spots", [PLACED, {c: (0.5 - 0.2 * k, -0.3) for k, c in enumerate(CASES)}])
def test_the_plane_says_where_the_reader_placed_each_case(
    book: casebook.Casebook, lang: str, spots: dict
) -> None:
    """Hidden reading: per case the side of each axis and the number the sliders show, as the
    reader's trace draws it; the reading is neither said nor in the table (a class places the
    cases before it looks)."""
    reading = logics.reading(book)
    fig = plane.logics_plane(reading, reader=_reader(book, spots), reveal=False, lang=lang)
    summary, table = _alt(fig)
    (mine,) = [tr for tr in fig.data if tr.uid == "reader"]
    names = dict(zip(reading["case_id"], reading["name"], strict=True))
    assert len(table) == len(mine.customdata) == 5
    for case_id, x, y in zip(mine.customdata, mine.x, mine.y, strict=True):
        assert f"{names[case_id]}: {_said(x, y, lang)}." in summary
        assert list(table[names[case_id]].values()) == [_slider(x), _slider(y)]
    assert summary.startswith(names[mine.customdata[0]])  # the placements first
    for x, y in zip(reading[AXES[0]], reading[AXES[1]], strict=True):
        assert f"{_slider(x)}, {_slider(y)}" not in summary
    assert "casebook" not in summary.lower() and len(summary) <= 350


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plane_says_the_reading_and_how_far_once_shown(
    book: casebook.Casebook, lang: str
) -> None:
    reading = logics.reading(book)
    fig = plane.logics_plane(reading, reader=_reader(book, PLACED), reveal=True, lang=lang)
    summary, table = _alt(fig)
    mine, ours = (next(tr for tr in fig.data if tr.uid == uid) for uid in ("reader", "casebook"))
    theirs = {c: (x, y) for c, x, y in zip(ours.customdata, ours.x, ours.y, strict=True)}
    names = dict(zip(reading["case_id"], reading["name"], strict=True))
    for case_id, x, y in zip(mine.customdata, mine.x, mine.y, strict=True):
        rx, ry = theirs[case_id]
        apart = _slider(math.hypot(x - rx, y - ry))
        far = f"afstand {apart}" if lang == "nl" else f"{apart} apart"
        said = (
            f"{names[case_id]}: {_said(x, y, lang)}; casebook {_slider(rx)}, {_slider(ry)}; {far}."
        )
        assert said in summary
        assert list(table[names[case_id]].values()) == [
            _slider(x), _slider(y), _slider(rx), _slider(ry)
        ]  # fmt: skip


def test_the_plane_says_a_new_placement(book: casebook.Casebook) -> None:
    """What a slider's move changes is what is said next: MOM's new side and number."""
    reading = logics.reading(book)
    before = _alt(plane.logics_plane(reading, reader=_reader(book, PLACED), reveal=False))[0]
    moved = _reader(book, PLACED | {"mom": (0.3, 0.6)})
    after = _alt(plane.logics_plane(reading, reader=moved, reveal=False))[0]
    assert "MOM: institutioneel \u22120.8, cultureel 0.6." in before
    assert "MOM: situationeel 0.3, cultureel 0.6." in after


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_reading_alone_says_where_it_places_each_case(
    book: casebook.Casebook, lang: str
) -> None:
    reading = logics.reading(book)
    for only in (None, "mom", "wijkpuntonderneming"):
        fig = plane.logics_plane(reading, lang=lang, only=only)
        summary, table = _alt(fig)
        (ours,) = fig.data
        drawn = dict(zip(ours.customdata, zip(ours.x, ours.y, strict=True), strict=True))
        names = dict(zip(reading["case_id"], reading["name"], strict=True))
        assert len(table) == len(drawn) == (5 if only is None else 1)
        for case_id, (x, y) in drawn.items():
            assert f"{names[case_id]}: {_said(x, y, lang)}." in summary
            assert list(table[names[case_id]].values()) == [_slider(x), _slider(y)]
        assert t("plane.casebook", lang).split()[0].lower() in summary.lower()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("reading", [False, True])
def test_the_class_plane_says_each_mean_its_count_and_spread(
    book: casebook.Casebook, lang: str, reading: bool
) -> None:
    placements, summary = _class(
        book, {"mom": [(0.5, 0.5), (0.3, 0.7), (0.1, 0.6)], "hambaken": [(-0.4, -0.2)]}
    )
    fig = plane.class_plane(placements, summary, reading=reading, lang=lang)
    said, table = _alt(fig)
    means = [tr for tr in fig.data if tr.meta == "mean"]
    assert len(means) == 2
    for tr in means:
        name = tr.name.split(" · ")[0]
        n = int(re.search(r"n=(\d+)", tr.hovertext[0]).group(1))
        sx, sy = tr.error_x.array[0], tr.error_y.array[0]
        assert f"{name}: {_said(tr.x[0], tr.y[0], lang, 2)}; {n}×" in said
        assert f"{_slider(sx, 2)} {'en' if lang == 'nl' else 'and'} {_slider(sy, 2)}" in said
        row = list(table[name].values())
        assert row[:5] == [str(n), *(_slider(v, 2) for v in (tr.x[0], tr.y[0], sx, sy))]
    stars = {tr.name.split(" · ")[0]: tr for tr in fig.data if tr.meta == "casebook"}
    assert bool(stars) == reading
    for name, tr in stars.items():
        assert f"casebook {_slider(tr.x[0])}, {_slider(tr.y[0])}" in said
        assert list(table[name].values())[-2:] == [_slider(tr.x[0]), _slider(tr.y[0])]
    if not reading:
        assert "casebook" not in said.lower()
        assert all(len(row) == 5 for row in table.values())
    # three cases nobody placed: said, and missing in the table, not 0
    assert ("niemand" if lang == "nl" else "nobody") in said
    assert table["Doornakkers"] == {**table["Doornakkers"], **{k: "—" for k in
                                    list(table["Doornakkers"])[1:5]}}  # fmt: skip
    assert list(table["Doornakkers"].values())[0] == "0"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_tensions_grid_says_the_chosen_cell_and_what_is_missing(
    book: casebook.Casebook, lang: str
) -> None:
    matrix = logics.tension_matrix(book)
    names_t = dict(zip(book.tensions["tension_id"], book.tensions[f"name_{lang}"], strict=True))
    names_c = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    said = {}
    for chosen in (("power", "mom"), ("policy_cycle", "mom"), ("funding", "hambaken")):
        fig = plane.tensions_heatmap(
            matrix, tension_names=names_t, case_names=names_c, selected=chosen, lang=lang
        )
        summary, table = _alt(fig)
        heat = fig.data[0]
        # the table: the cells' own words, "—" where the booklet gives no example
        # (the chart wraps a long name over lines: the table has it on one)
        rows = [plain(y) for y in heat.y]
        assert list(table) == rows
        for row, cells in zip(rows, heat.text, strict=True):
            assert list(table[row].values()) == list(cells) and list(table[row]) == list(heat.x)
        i, j = list(matrix.index).index(chosen[0]), list(matrix.columns).index(chosen[1])
        assert summary.startswith(
            t(
                "alt.tensions.selected",
                lang,
                tension=rows[i],
                case=heat.x[j],
                word=heat.text[i][j],
            )
        )
        present = [sum(1 for v in row if v) for row in heat.z]
        fewest = present.index(min(present))
        assert f"{rows[fewest]} ({min(present)} " in summary
        missing = [c for c, v in zip(heat.x, heat.z[fewest], strict=True) if not v]
        assert all(c in summary.split(rows[fewest])[-1] for c in missing)
        empty = sum(1 for row in heat.z for v in row if not v)
        assert (
            f"{empty} {'van de' if lang == 'nl' else 'of the'} {len(heat.y) * len(heat.x)}"
            in summary
        )
        said[chosen] = summary
    assert len(set(said.values())) == 3  # a new choice, a new summary
