"""Pure chart builders for the four logics and the seven tensions.

- :func:`logics_plane`: the two axes, the four quadrants named, the cases as labelled points; a
  reader's placement alone, or beside the casebook's reading with an arrow from one to the other.
- :func:`class_plane`: every placement of a class, the class mean with its spread, and the
  casebook's reading.
- :func:`tensions_heatmap`: tensions x cases, each cell saying how strongly the tension plays.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import (
    Alt,
    Spec,
    axis,
    category_heatmap,
    cell_frame,
    figure,
    layout,
    names_above,
    phone_heatmap,
    text_width,
    wrap_px,
)
from casebook.i18n import check_lang
from casebook.logics import AXES
from casebook.markup import escape
from casebook.text import listing, t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["class_plane", "label_offsets", "label_size", "logics_plane", "tensions_heatmap"]

_LIMIT = 1.15
# the quadrants' names: a little smaller than the cases' names, still readable on a projector;
# on a phone smaller still, and in the plane's very corners: two of 14 px side by side
# overlapped at 300 px ("institutioneel" and "situationeel") and covered a case's name (issue 36)
_CORNER_SMALLER = {False: 1, True: 3}
_CORNER_AT = {False: 1.1, True: _LIMIT}
# a class's names on a phone's plane: this much smaller than the theme's font
_NARROW_SMALLER = 3
# the names of the reader's or the casebook's points on a phone's plane: this much smaller
_NARROW_SMALLER_READING = 3
_STRENGTH_COLOURS = ["#f2f2f2", "#c6dbef", "#6baed6", "#08519c"]


def _plane_layout(
    theme: Theme, title: str, lang: str, notes: list[str], narrow: bool = False
) -> Spec:
    # a phone's plane as high as it is wide at the narrowest chart (_NARROWEST): 680 px left a
    # squeezed plane with empty space above and below it, and little of the page to scroll by.
    # On a wider phone the plane keeps that size (its height holds it, "domain" below): the
    # names are placed in pixels for that scale, and on a larger plane a name placed between
    # two markers came to cover one of them.
    plot = round(2 * _LIMIT * _PX_PER_UNIT[True]) if narrow else 680 - 110 - 105
    left, right = _NARROW_MARGINS if narrow else (80, 30)
    spec = layout(
        theme,
        title,
        110 + plot + 105,
        notes=notes,
        below_axis=85,
        left=left,
        right=right,
        top=110,
        legend_on_top=True,
    )
    # "domain": where the chart is wider or higher than the plane, the plane keeps its range
    # and leaves the rest white. Plotly's default widened the range instead, and kept it when
    # the chart was made narrower again: from 999 to 1024 px (the chart beside its controls)
    # the plane shrank to 124 px a unit and the names, placed for 205, overlapped (issue 36)
    ticks = {
        "tickvals": [-1, -0.5, 0, 0.5, 1],
        # on a phone smaller, and the margins narrower for them (_NARROW_MARGINS)
        **({"tickfont": {"size": 12}} if narrow else {}),
        "range": [-_LIMIT, _LIMIT],
        "zeroline": False,
        "constrain": "domain",
    }
    spec["xaxis"] = axis(theme, title={"text": t("plane.x", lang)}, **ticks)
    spec["yaxis"] = axis(theme, title={"text": t("plane.y", lang)}, scaleanchor="x", **ticks)
    spec["shapes"] += [
        {
            "type": "line",
            "x0": 0,
            "x1": 0,
            "y0": -_LIMIT,
            "y1": _LIMIT,
            "line": {"color": "#999", "width": 1},
        },
        {
            "type": "line",
            "x0": -_LIMIT,
            "x1": _LIMIT,
            "y0": 0,
            "y1": 0,
            "line": {"color": "#999", "width": 1},
        },
    ]
    corners = [
        (-1, 1, "institutional", "cultural"),
        (1, 1, "situational", "cultural"),
        (-1, -1, "institutional", "instrumental"),
        (1, -1, "situational", "instrumental"),
    ]
    for x, y, a, b in corners:
        spec["annotations"].append(
            {
                # two lines: side by side on one line, the bottom pair overlapped in a narrow plane
                "text": f"<i>{t('logic.' + a, lang)}<br>+ {t('logic.' + b, lang)}</i>",
                "x": x * _CORNER_AT[narrow],
                "y": y * _CORNER_AT[narrow],
                "xanchor": "left" if x < 0 else "right",
                "yanchor": "top" if y > 0 else "bottom",
                "showarrow": False,
                "align": "left" if x < 0 else "right",
                "font": {"color": "#555", "size": theme.font_size - _CORNER_SMALLER[narrow]},
            }
        )
    return spec


# The narrowest chart a phone's plane is drawn for (px): a 320 px window (WCAG 2.1, 1.4.10
# reflow) less the page's side padding (casebook.css: .6em each side below 760 px). Narrower
# than the heatmaps' PHONE: at PHONE the plane's names overlapped at a 320 px window (issue 36).
_NARROWEST = 300
# a phone's plane's left and right margins (px): the y axis's title and its ticks at 12 px, the
# last x tick. Each pixel taken from them is the plane's: at 62 and 16 (ticks at 15 px) its
# 96 px a unit left a name at the cases' start no place plainly its own (issue 36)
_NARROW_MARGINS = (56, 14)
# Where the labels go: the plot area of the plane in pixels per axis unit (the plane is 680 px
# high, both axes on one scale), on a laptop or projector and on a phone (the plot of a chart
# _NARROWEST px wide, less the margins); and the labels' size.
_PX_PER_UNIT = {False: 205.0, True: (_NARROWEST - sum(_NARROW_MARGINS)) / (2 * _LIMIT)}
_MARKER_PX = 10.0
# a class's single placements: smaller, and a label may cover them rather than another label
# or marker, or rather than move several rings (22 px each) further out
_FAINT_PX, _FAINT_WEIGHT, _DISTANCE_WEIGHT = 5.0, 0.01, 0.05


def _label_box(x: float, y: float, w: float, h: float, ax: float, ay: float) -> tuple[float, ...]:
    """The box (left, bottom, right, top, in pixels) of a label of ``w`` x ``h`` whose anchor is
    offset ``ax``, ``ay`` (pixels, y up) from a point at ``x``, ``y`` (pixels)."""
    cx, cy = x + ax, y + ay
    left = cx - w / 2 if ax == 0 else (cx if ax > 0 else cx - w)
    bottom = cy - h / 2 if ay == 0 else (cy if ay > 0 else cy - h)
    return (left, bottom, left + w, bottom + h)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0 and dy > 0 else 0.0


# the directions a name may take from its point: straight and diagonal first, then between
# them (a crowded phone's plane has room in no other)
_DIRECTIONS = (
    (0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1),
    (0.5, 1), (-0.5, 1), (0.5, -1), (-0.5, -1), (1, 0.5), (-1, 0.5), (1, -0.5), (-1, -0.5),
)  # fmt: skip


@cache
def _offsets() -> tuple[tuple[float, float], ...]:
    """Label offsets (pixels) to try, nearest first: beside the marker, then further out."""
    found = []
    for ring in range(12):
        d = 13.0 + 22.0 * ring
        for ax, ay in _DIRECTIONS:
            found.append((ax * d, ay * d))
    return tuple(found)


def label_offsets(
    xs: list[float],
    ys: list[float],
    names: list[str],
    *,
    font_size: int = DEFAULT_THEME.font_size,
    narrow: bool = False,
    others: Sequence[tuple[float, float]] = (),
    blocked: Sequence[tuple[float, float, float, float]] = (),
    faint: Sequence[tuple[float, float]] = (),
) -> list[tuple[float, float]]:
    """Where to put each point's label (offset in pixels, y up) so that no two labels overlap
    and no label covers a marker: each label takes the nearest free place around its point, in
    the points' order. The sizes are estimates (:func:`label_size`);
    far from its point a label gets a line to it (:func:`logics_plane`). ``others``: more
    markers (x, y in axis units) that no label may cover; ``blocked``: boxes (left, bottom,
    right, top, in axis units) already taken, such as the quadrants' names; ``faint``: small
    markers (a class's single placements) that a label avoids where it can, but covers rather
    than another label or a marker of ``others``."""
    scale = _PX_PER_UNIT[narrow]
    points = [(x * scale, y * scale) for x, y in zip(xs, ys, strict=True)]
    markers = [
        (px - _MARKER_PX, py - _MARKER_PX, px + _MARKER_PX, py + _MARKER_PX)
        for px, py in points + [(x * scale, y * scale) for x, y in others]
    ]
    limit = _LIMIT * scale
    blocked_px: list[tuple[float, ...]] = [tuple(v * scale for v in box) for box in blocked]
    small = [
        (x * scale - _FAINT_PX, y * scale - _FAINT_PX, x * scale + _FAINT_PX, y * scale + _FAINT_PX)
        for x, y in faint
    ]

    def place(order: list[int]) -> tuple[tuple[float, ...], list[tuple[float, float]]]:
        taken = list(blocked_px)
        chosen: dict[int, tuple[float, float]] = {}
        total = (0.0, 0.0, 0.0)
        lines: list[tuple[float, float, float, float]] = []  # the lines to names set further out
        for k in order:
            (px, py), name = points[k], names[k]
            w, h = label_size(name, font_size)
            best, best_cost = (0.0, 13.0), (float("inf"), float("inf"), float("inf"))
            centres = [
                (m[0] + _MARKER_PX, m[1] + _MARKER_PX) for j, m in enumerate(markers) if j != k
            ]
            for ax, ay in _offsets():
                box = _label_box(px, py, w, h, ax, ay)
                hard = sum(_overlap(box, other) for other in taken + markers)
                far = max(abs(ax), abs(ay)) > 13
                # a line to a name further out crosses no other name nor marker, and no name
                # sits on another's line: which name is whose stays plain (issue 33)
                # (second only to covering nothing: in a crowd a name may have no such place)
                line = (px, py, px + ax, py + ay)
                unclear = sum(_crosses(other, box) for other in lines)
                if far:
                    unclear += sum(_crosses(line, other) for other in taken)
                    # nor sits its name against another marker, where it reads as that one's
                    unclear += sum(_distance(box, c) < _MARKER_PX + 10 for c in centres)
                    unclear += sum(
                        _crosses(line, m)
                        for j, m in enumerate(markers)
                        if j != k and not _overlap(m, markers[k])  # one over its own: no fault
                    )
                elif centres:  # a name beside its marker is nearer to it than to any other
                    own = _distance(box, (px, py))
                    unclear += sum(own + 6 > _distance(box, c) for c in centres)
                # outside the plot area: allowed only when nothing else fits
                outside = max(0.0, -limit - box[0], box[2] - limit, -limit - box[1], box[3] - limit)
                hard += outside * 1e3
                # among the places that cover no label and no marker: near the point, and over
                # as few faint markers as may be (a ring further out for one covered)
                soft = _FAINT_WEIGHT * sum(_overlap(box, dot) for dot in small)
                soft += _DISTANCE_WEIGHT * max(abs(ax), abs(ay))
                if (hard, unclear, soft) < best_cost:
                    best, best_cost = (ax, ay), (hard, unclear, soft)
                if (
                    hard == 0 and unclear == 0 and not small
                ):  # the nearest free place; nothing faint to weigh
                    break
            chosen[k] = best
            total = tuple(x + y for x, y in zip(total, best_cost, strict=True))
            taken.append(_label_box(px, py, w, h, *best))
            if max(abs(best[0]), abs(best[1])) > 13:
                lines.append((px, py, px + best[0], py + best[1]))
        return total, [chosen[k] for k in range(len(points))]

    # in the points' order, and the longest names first: the one that leaves every name
    # plainest (a name placed late in a crowd may find no free place that is plainly its
    # marker's)
    by_length = sorted(range(len(points)), key=lambda k: -len(names[k]))
    return min(place(list(range(len(points)))), place(by_length))[1]


def label_size(name: str, font_size: float) -> tuple[float, float]:
    """The box (width, height, px) a point's name takes at ``font_size``."""
    return text_width(name, font_size) + 4, 1.35 * font_size


def _distance(box: tuple[float, ...], point: tuple[float, float]) -> float:
    """How far ``point`` is from ``box`` (0 inside it)."""
    dx = max(box[0] - point[0], 0.0, point[0] - box[2])
    dy = max(box[1] - point[1], 0.0, point[1] - box[3])
    return (dx * dx + dy * dy) ** 0.5


def _crosses(line: tuple[float, ...], box: tuple[float, ...], steps: int = 24) -> bool:
    """Whether the line (x0, y0, x1, y1) from a point to its name runs through ``box`` (a
    point of it inside) where it has left the point's marker (a marker overlapping that one
    is no line's fault)."""
    x0, y0, x1, y1 = line
    for k in range(1, steps):
        x, y = x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps
        if max(abs(x - x0), abs(y - y0)) <= _MARKER_PX:
            continue
        if box[0] < x < box[2] and box[1] < y < box[3]:
            return True
    return False


def _corner_boxes(spec: Spec, narrow: bool) -> list[tuple[float, ...]]:
    """The quadrants' names (the plane's anchored annotations) as boxes in axis units."""
    scale = _PX_PER_UNIT[narrow]
    boxes = []
    for note in spec["annotations"]:
        if note.get("xanchor") not in ("left", "right") or "xref" in note:
            continue
        size = note["font"]["size"]
        lines = re.sub(r"<(?!br)[^>]*>", "", note["text"]).split("<br>")
        w = (max(text_width(line, size) for line in lines) + 4) / scale
        h = 1.35 * size * len(lines) / scale
        x, y = note["x"], note["y"]
        left = x if note["xanchor"] == "left" else x - w
        bottom = y - h if note["yanchor"] == "top" else y
        boxes.append((left, bottom, left + w, bottom + h))
    return boxes


def _labels(
    frame: pd.DataFrame,
    theme: Theme,
    narrow: bool,
    others: pd.DataFrame | None,
    blocked: Sequence[tuple[float, float, float, float]],
    faint: Sequence[tuple[float, float]] = (),
    size: int | None = None,
) -> list[Spec]:
    """The points' names as annotations (``size`` px, the theme's font size unless given),
    placed by :func:`label_offsets` clear of ``others``' markers too (and of ``faint``
    markers where they can)."""
    size = theme.font_size if size is None else size
    xs = frame[AXES[0]].astype(float).tolist()
    ys = frame[AXES[1]].astype(float).tolist()
    names = [str(n) for n in frame["name"]]
    extra = (
        []
        if others is None
        else list(zip(others[AXES[0]].astype(float), others[AXES[1]].astype(float), strict=True))
    )
    found = []
    for x, y, name, (ax, ay) in zip(
        xs,
        ys,
        names,
        label_offsets(
            xs,
            ys,
            names,
            font_size=size,
            narrow=narrow,
            others=extra,
            blocked=blocked,
            faint=faint,
        ),
        strict=True,
    ):
        far = max(abs(ax), abs(ay)) > 13
        found.append(
            {
                "name": "label",
                "x": x,
                "y": y,
                "xref": "x",
                "yref": "y",
                "text": escape(name),
                # beside the marker: shifted; further out: at the end of a line to it (plotly's
                # pixel offsets for a line point down)
                **({"ax": ax, "ay": -ay} if far else {"xshift": ax, "yshift": ay}),
                "xanchor": "center" if ax == 0 else ("left" if ax > 0 else "right"),
                "yanchor": "middle" if ay == 0 else ("bottom" if ay > 0 else "top"),
                "showarrow": far,
                "arrowhead": 0,
                "arrowwidth": 1,
                "arrowcolor": "#777",
                "standoff": 0,
                "startstandoff": 0,
                "font": {"size": size},
                "captureevents": False,
            }
        )
    return found


def _points(
    frame: pd.DataFrame,
    colours: dict[str, str],
    *,
    name: str,
    symbol: str,
    filled: bool,
    uid: str,
) -> Spec:
    return {
        "type": "scatter",
        "mode": "markers",
        "name": name,
        "uid": uid,
        "x": frame[AXES[0]].astype(float).tolist(),
        "y": frame[AXES[1]].astype(float).tolist(),
        "customdata": frame["case_id"].tolist(),
        "hovertext": [f"<b>{escape(n)}</b><br>{name}" for n in frame["name"]],
        "hoverinfo": "text",
        "marker": {
            "size": 16,
            "symbol": symbol if filled else f"{symbol}-open",
            "color": [colours.get(c, "#444") for c in frame["case_id"]],
            "line": {"width": 3},
        },
    }


# --- text alternatives (casebook.charts.base.Alt) -----------------------------------------

# each axis's sides, low (-1) then high (1): the words the quadrants' names use
_SIDES = {AXES[0]: ("institutional", "situational"), AXES[1]: ("instrumental", "cultural")}


def _number(value: float, decimals: int = 1) -> str:
    """A position as the page's sliders show it (d3's ".1f": a point, and a minus sign, not a
    hyphen); no position: an empty string."""
    if value is None or pd.isna(value):
        return ""
    text = f"{float(value):.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", "\u2212")


def _where(axis: str, value: float, lang: str, decimals: int = 1) -> str:
    """One axis's position in words: the side it lies on and its number ("situationeel 0.5"),
    "midden 0.0" on the line between the sides, "geen plaats" for none."""
    number = _number(value, decimals)
    if not number:
        return t("alt.logics.nowhere", lang)
    if round(float(value), decimals) == 0:
        return t("alt.logics.middle", lang, value=number)
    side = _SIDES[axis][float(value) > 0]
    return t("alt.logics.side", lang, side=t(f"logic.{side}", lang), value=number)


def _apart(a: Sequence[float], b: Sequence[float]) -> float:
    """How far apart two positions lie on the plane (NaN where either has none)."""
    return math.hypot(float(a[0]) - float(b[0]), float(a[1]) - float(b[1]))


def _column(kind: str, axis: str, lang: str) -> str:
    """A table's heading: whose position (``you``, ``casebook``, ``mean``, ``sd``) on which
    axis, with the axis's ends."""
    return t(f"alt.logics.col.{kind}", lang, axis=t(f"alt.logics.axis.{axis}", lang))


def _plane_alt(
    reading: pd.DataFrame, reader: pd.DataFrame | None, show_reading: bool, lang: str
) -> Alt:
    """The plane's text alternative: per case where the reader placed it (each axis's side and
    number) and, once the reading is shown, the reading's numbers and how far apart the two lie;
    without a reader, where the reading places each case. First what a keyboard reader who just
    moved a slider needs: the placements; the table holds the positions per case (the
    distance, which the plane draws as an arrow, is only said)."""
    ours = reading.set_index("case_id")
    said, rows, names = [], [], []
    if reader is None:
        said.append(t("alt.logics.reading", lang))
        for case in reading.to_dict("records"):
            x, y = (_where(a, case[a], lang) for a in AXES)
            said.append(t("alt.logics.case", lang, name=case["name"], x=x, y=y))
            names.append(case["name"])
            rows.append({_column("casebook", a, lang): _number(case[a]) for a in AXES})
    else:
        for case in reader.to_dict("records"):
            mine = [case[a] for a in AXES]
            x, y = (_where(a, v, lang) for a, v in zip(AXES, mine, strict=True))
            row = {_column("you", a, lang): _number(v) for a, v in zip(AXES, mine, strict=True)}
            if show_reading and case["case_id"] in ours.index:
                theirs = [ours.loc[case["case_id"], a] for a in AXES]
                rx, ry = (_number(v) or t("alt.logics.nowhere", lang) for v in theirs)
                d = _number(_apart(mine, theirs)) or "—"
                said.append(
                    t("alt.logics.case_both", lang, name=case["name"], x=x, y=y, rx=rx, ry=ry, d=d)
                )
                # (the distance is said, not tabulated: the table holds what the plane draws)
                for a, v in zip(AXES, theirs, strict=True):
                    row[_column("casebook", a, lang)] = _number(v)
            else:
                said.append(t("alt.logics.case", lang, name=case["name"], x=x, y=y))
            names.append(case["name"])
            rows.append(row)
    table = pd.DataFrame(rows, index=pd.Index(names, name=t("col.case", lang)))
    return Alt(lang, " ".join(said), table.replace("", "—"))


def _class_alt(summary: pd.DataFrame, reading: bool, lang: str) -> Alt:
    """A class's plane in words: how many placements, then per case the mean (each axis's
    side and number, two decimals), how many placed it and the spread the bars draw (one
    standard deviation per axis); the reading's numbers only when ``reading``. A case nobody
    placed has no mean: said as such."""
    said = [t("alt.logics.class", lang, n=int(summary["n"].sum()))]
    rows, unplaced = [], []
    for case in summary.to_dict("records"):
        mean = [case[f"{a}_mean"] for a in AXES]
        sd = [case[f"{a}_sd"] for a in AXES]
        ours = [case[f"{a}_casebook"] for a in AXES]
        rx, ry = (_number(v) or t("alt.logics.nowhere", lang) for v in ours)
        row: dict[str, str] = {t("alt.logics.col.n", lang): str(int(case["n"]))}
        for kind, values, decimals in (("mean", mean, 2), ("sd", sd, 2)):
            for a, v in zip(AXES, values, strict=True):
                row[_column(kind, a, lang)] = _number(v, decimals) or "—"
        if reading:
            for a, v in zip(AXES, ours, strict=True):
                row[_column("casebook", a, lang)] = _number(v) or "—"
        rows.append(row)
        if not case["n"]:
            if reading:
                said.append(
                    t("alt.logics.class_unplaced_reading", lang, name=case["name"], rx=rx, ry=ry)
                )
            else:
                unplaced.append(case["name"])
            continue
        x, y = (_where(a, v, lang, 2) for a, v in zip(AXES, mean, strict=True))
        sx, sy = (_number(v, 2) for v in sd)
        key = "alt.logics.class_case_reading" if reading else "alt.logics.class_case"
        said.append(
            t(key, lang, name=case["name"], x=x, y=y, n=int(case["n"]), sx=sx, sy=sy, rx=rx, ry=ry)
        )
    if unplaced:
        said.append(t("alt.logics.class_unplaced", lang, names=listing(unplaced, lang)))
    table = pd.DataFrame(rows, index=pd.Index(summary["name"].tolist(), name=t("col.case", lang)))
    return Alt(lang, " ".join(said), table)


def _tensions_alt(
    matrix: pd.DataFrame,
    text: list[list[str]],
    tensions: list[str],
    cases: list[str],
    selected: tuple[str, str] | None,
    lang: str,
) -> Alt:
    """The tensions grid in words: the chosen cell first (what a change of the dropdowns
    changes), the tensions with an example in fewest cases (and where one alone has none) and
    in most cases (counted, not named, when they are all the rest), and how many cells have no
    example; the table holds the cells' own words."""
    said = []
    if selected is not None and selected[0] in matrix.index and selected[1] in matrix.columns:
        i, j = list(matrix.index).index(selected[0]), list(matrix.columns).index(selected[1])
        said.append(
            t("alt.tensions.selected", lang, tension=tensions[i], case=cases[j], word=text[i][j])
        )
    present = (matrix.to_numpy() > 0).sum(axis=1).tolist()
    n = len(cases)
    if present and n:
        high, low = max(present), min(present)
        most = [name for name, k in zip(tensions, present, strict=True) if k == high]
        fewest = [name for name, k in zip(tensions, present, strict=True) if k == low]
        if high == low:
            said.append(t("alt.tensions.all_equal", lang, k=high, n=n))
        else:
            if len(fewest) == 1:
                row = present.index(low)
                missing = [c for c, v in zip(cases, matrix.iloc[row], strict=True) if not v]
                said.append(
                    t(
                        "alt.tensions.fewest",
                        lang,
                        names=fewest[0],
                        k=low,
                        n=n,
                        missing=listing(missing, lang),
                    )
                )
            else:
                said.append(
                    t("alt.tensions.fewest_many", lang, names=listing(fewest, lang), k=low, n=n)
                )
            if len(most) > 2 and len(most) + len(fewest) == len(tensions):
                # the rest, all alike: counted, not named (the table names them)
                said.append(t("alt.tensions.others", lang, count=len(most), k=high, n=n))
            else:
                key = "alt.tensions.most" if len(most) == 1 else "alt.tensions.most_many"
                said.append(t(key, lang, names=listing(most, lang), k=high, n=n))
        absent = int((matrix.to_numpy() == 0).sum())
        total = int(matrix.size)
        said.append(
            t("alt.tensions.absent", lang, k=absent, total=total)
            if absent
            else t("alt.tensions.absent_none", lang)
        )
    table = pd.DataFrame(
        text, index=pd.Index(tensions, name=t("alt.tensions.col", lang)), columns=cases
    )
    return Alt(lang, " ".join(said), table)


def logics_plane(
    reading: pd.DataFrame,
    *,
    reader: pd.DataFrame | None = None,
    reveal: bool = True,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
    only: str | None = None,
) -> go.Figure:
    """The four-logics plane.

    Parameters
    ----------
    reading
        The casebook's reading (:func:`casebook.logics.reading`): case_id, name and both axes.
    reader
        A reader's placements with the same columns, or None.
    reveal
        With a reader: also show the casebook's reading, with an arrow from the reader's
        placement to it. Without a reader the reading is always shown.
    narrow
        Drawn for a phone's width (the labels are placed for its smaller scale).
    only
        A case id: draw the casebook's reading of that case alone (in the colour it has among
        all cases, its name in the title), without a reader.

    The reader's points are the trace with uid ``"reader"`` (``customdata``: the case ids):
    the chart widget lets a reader drag them. The names are annotations that never overlap
    (:func:`label_offsets`).
    """
    check_lang(lang)
    colours = theme.area_colours(reading["case_id"].tolist())
    if only is not None:
        if only not in colours:
            raise ValueError(f"logics_plane: case {only!r} is not in the reading")
        if reader is not None:
            raise ValueError("logics_plane: 'only' draws the reading alone, without a reader")
        reading = reading[reading["case_id"] == only]
    show_reading = reader is None or reveal
    data: list[Spec] = []
    notes = [t("plane.note", lang)] if show_reading else []
    if reader is None:
        title = t("plane.title", lang)
        if only is not None:
            title = f"{title} · {escape(reading['name'].iloc[0])}"
    else:
        title = t("plane.title.both" if reveal else "plane.title.reader", lang)
        data.append(
            _points(
                reader,
                colours,
                name=t("plane.reader", lang),
                symbol="circle",
                filled=False,
                uid="reader",
            )
        )
    if show_reading:
        data.append(
            _points(
                reading,
                colours,
                name=t("plane.casebook", lang),
                symbol="circle",
                filled=True,
                uid="casebook",
            )
        )
    spec = _plane_layout(theme, title, lang, notes, narrow)
    # Once the reading is shown, only its points carry names: two sets of names would crowd.
    labelled, unlabelled = (reading, reader) if show_reading else (reader, None)
    # on a phone the names a little smaller: at the usual size five names and ten markers
    # in a plane some 260 px wide left a name no place where it was plainly its marker's, and
    # at 13 px in the 230 px plane of a 320 px window (issue 36)
    size = theme.font_size - (_NARROW_SMALLER_READING if narrow else 0)
    spec["annotations"] += _labels(
        labelled, theme, narrow, unlabelled, _corner_boxes(spec, narrow), size=size
    )
    if reader is not None and reveal:
        ours = reading.set_index("case_id")
        for row in reader.to_dict("records"):
            if row["case_id"] not in ours.index:
                continue
            target = ours.loc[row["case_id"]]
            spec["annotations"].append(
                {
                    "x": float(target[AXES[0]]),
                    "y": float(target[AXES[1]]),
                    "ax": float(row[AXES[0]]),
                    "ay": float(row[AXES[1]]),
                    "xref": "x",
                    "yref": "y",
                    "axref": "x",
                    "ayref": "y",
                    "text": "",
                    "showarrow": True,
                    "arrowhead": 3,
                    "arrowsize": 1.2,
                    "arrowwidth": 2,
                    "arrowcolor": colours.get(row["case_id"], "#444"),
                    "standoff": 9,
                    "startstandoff": 9,
                }
            )
    return figure({"data": data, "layout": spec}, _plane_alt(reading, reader, show_reading, lang))


def class_plane(
    placements: pd.DataFrame,
    summary: pd.DataFrame,
    *,
    reading: bool = False,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """A class's placements: each one faint, and per case the class's mean with its spread,
    named.

    Parameters
    ----------
    placements
        The class's placements (:func:`casebook.logics.read_class`): case_id, name, both axes.
    summary
        :func:`casebook.logics.class_summary` of them.
    reading
        Also draw the casebook's reading: per case a white star ringed in the case's colour,
        joined to the class's mean by a dotted line. Off unless asked for: a class places the
        cases before it looks at the reading (the teacher's guide; notebook 03, exercise 1).
    narrow
        Drawn for a phone's width (the names are placed for its smaller scale).

    The means are the traces named ``mean``, the reading's points ``casebook``, and each
    mean's name an annotation named ``label`` placed by :func:`label_offsets`: no two names
    overlap, and none covers a mean or a star. A case nobody placed has no mean; with the
    reading shown its star carries the name instead. Mean and reading differ in shape (a
    diamond, a star), in fill (the case's colour, white) and in outline, not in colour alone.
    """
    check_lang(lang)
    colours = theme.area_colours(summary["case_id"].tolist())
    data: list[Spec] = []
    shapes: list[Spec] = []
    for case in summary.to_dict("records"):
        part = placements[placements["case_id"] == case["case_id"]]
        colour = colours[case["case_id"]]
        label = escape(case["name"])
        if len(part):
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": label,
                    "legendgroup": case["case_id"],
                    "x": part[AXES[0]].astype(float).tolist(),
                    "y": part[AXES[1]].astype(float).tolist(),
                    "marker": {"color": colour, "opacity": 0.35, "size": 9},
                    "hovertext": [f"{label}: {escape(n) or '—'}" for n in part["name"]],
                    "hoverinfo": "text",
                }
            )
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": f"{label} · {t('plane.class_mean', lang)}",
                    "uid": f"mean-{case['case_id']}",
                    "meta": "mean",
                    "legendgroup": case["case_id"],
                    "showlegend": False,
                    "x": [case[f"{AXES[0]}_mean"]],
                    "y": [case[f"{AXES[1]}_mean"]],
                    "error_x": {"type": "data", "array": [case[f"{AXES[0]}_sd"]], "color": colour},
                    "error_y": {"type": "data", "array": [case[f"{AXES[1]}_sd"]], "color": colour},
                    "marker": {
                        "color": colour,
                        "symbol": "diamond",
                        "size": 18,
                        "line": {"width": 2, "color": "#000"},
                    },
                    "hovertext": [f"{label}: {t('plane.class_mean', lang)} (n={case['n']})"],
                    "hoverinfo": "text",
                }
            )
        if not reading:
            continue
        ours = (case[f"{AXES[0]}_casebook"], case[f"{AXES[1]}_casebook"])
        if len(part):
            shapes.append(
                {
                    "type": "line",
                    "x0": case[f"{AXES[0]}_mean"],
                    "y0": case[f"{AXES[1]}_mean"],
                    "x1": ours[0],
                    "y1": ours[1],
                    "line": {"color": colour, "width": 2, "dash": "dot"},
                    "layer": "below",
                }
            )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": f"{label} · {t('plane.casebook', lang)}",
                "uid": f"casebook-{case['case_id']}",
                "meta": "casebook",
                "legendgroup": case["case_id"],
                "showlegend": False,
                "x": [ours[0]],
                "y": [ours[1]],
                "marker": {
                    "color": "#ffffff",
                    "symbol": "star",
                    "size": 20,
                    "line": {"width": 3, "color": colour},
                },
                "hovertext": [f"{label}: {t('plane.casebook', lang)}"],
                "hoverinfo": "text",
            }
        )
    notes = [t("plane.class_note.reading" if reading else "plane.class_note", lang)]
    if reading:
        notes.append(t("plane.note", lang))
    title = t("plane.title.class" if reading else "plane.title.class_only", lang)
    spec = _plane_layout(theme, title, lang, notes, narrow)
    spec["shapes"] += shapes
    spec["annotations"] += _class_labels(placements, summary, reading, theme, narrow, spec)
    return figure({"data": data, "layout": spec}, _class_alt(summary, reading, lang))


def _class_labels(
    placements: pd.DataFrame,
    summary: pd.DataFrame,
    reading: bool,
    theme: Theme,
    narrow: bool,
    spec: Spec,
) -> list[Spec]:
    """Each case's name at its class mean (or, for a case nobody placed, at the reading's
    star when that is shown), clear of each other, of every mean and star and of the
    quadrants' names, and of the single placements where they can."""
    placed = summary[summary["n"] > 0]
    named = pd.DataFrame(
        {
            "name": placed["name"],
            AXES[0]: placed[f"{AXES[0]}_mean"],
            AXES[1]: placed[f"{AXES[1]}_mean"],
        }
    )
    stars = pd.DataFrame(
        {
            "name": summary["name"],
            AXES[0]: summary[f"{AXES[0]}_casebook"],
            AXES[1]: summary[f"{AXES[1]}_casebook"],
        }
    )
    others = None
    if reading:
        unplaced = stars[summary["n"].to_numpy() == 0]
        named = pd.concat([named, unplaced], ignore_index=True)
        others = stars[summary["n"].to_numpy() > 0]
    faint = list(
        zip(placements[AXES[0]].astype(float), placements[AXES[1]].astype(float), strict=True)
    )
    # on a phone the names are smaller: five long names and ten markers in a plane some 270 px
    # wide leave no free place for a name at the usual size
    size = theme.font_size - (_NARROW_SMALLER if narrow else 0)
    blocked = _corner_boxes(spec, narrow)
    return _labels(named, theme, narrow, others, blocked, faint, size)


def tensions_heatmap(
    matrix: pd.DataFrame,
    *,
    tension_names: dict[str, str],
    case_names: dict[str, str],
    selected: tuple[str, str] | None = None,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Tensions (rows) by cases (columns); each cell says how strongly the tension plays.

    ``matrix`` comes from :func:`casebook.logics.tension_matrix` (0 = no example in the booklet).
    ``selected`` (tension_id, case_id) gets a frame around its cell. ``narrow``: laid out for
    a phone (:func:`casebook.charts.base.phone_heatmap`).
    """
    check_lang(lang)
    z = matrix.to_numpy().tolist()
    text = [[t(f"strength.{v}", lang) if v else "—" for v in row] for row in z]
    x = [escape(case_names[c]) for c in matrix.columns]
    y = [escape(tension_names[r]) for r in matrix.index]
    heat = category_heatmap(z, x, y, text, colours=_STRENGTH_COLOURS)
    spec = layout(
        theme,
        t("tensions.title", lang),
        460,
        notes=[t("tensions.note", lang)],
        below_axis=20,
        # what the tensions' names and the last case's name need (nl 365 and 57 px at 700 px
        # wide; automargin would widen the margins by drawing the chart twice, see layout())
        left=370,
        right=60,
        top=100,
    )
    spec["xaxis"] = axis(theme, side="top", showgrid=False, tickangle=0)
    spec["yaxis"] = axis(theme, autorange="reversed", showgrid=False)
    spec["shapes"] += cell_frame(
        list(matrix.index), list(matrix.columns), selected, colour="#D55E00", width=4
    )
    if narrow:
        phone_heatmap(spec, heat)
    else:  # the tensions' names wrapped into what the cases' names leave at 600 px
        left = names_above(spec, heat)
        heat["y"] = [wrap_px(name, theme.font_size, left - 12) for name in y]
    names_t = [tension_names[r] for r in matrix.index]
    names_c = [case_names[c] for c in matrix.columns]
    alt = _tensions_alt(matrix, text, names_t, names_c, selected, lang)
    return figure({"data": [heat], "layout": spec}, alt)
