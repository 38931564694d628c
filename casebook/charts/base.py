"""What every chart builder shares: the common layout, axes, a message figure, category heatmaps,
panel grids and line wrapping. Data text is escaped with :func:`casebook.markup.escape`.

Chart builders write a figure as one plain specification and hand it to :func:`figure` once.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from casebook.markup import escape, table_html
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ALT",
    "Alt",
    "alt_of",
    "plain",
    "check_figures",
    "figures_checked",
    "NOTE_LINE",
    "NOTE_SIZE",
    "NOTE_WIDTH",
    "TITLE_WIDTH",
    "Spec",
    "axis",
    "category_heatmap",
    "cell_frame",
    "figure",
    "grid",
    "labels_above",
    "layout",
    "lines",
    "message_figure",
    "narrow_heatmap",
    "NARROWEST",
    "names_above",
    "panel_title",
    "PHONE",
    "phone_heatmap",
    "text_width",
    "wrap_px",
    "wrap",
]

Spec = dict[str, Any]
NOTE_LINE = 18  # pixels per line of notes under a chart
NOTE_SIZE = 14  # the notes' font: readable on a projector, NOTE_WIDTH of it fits a phone

# Every figure is checked against plotly's schema where it is built: in the tests, in a
# notebook, for the book. The casebook's app turns the check off for its process
# (:func:`check_figures`, at start): the check changes nothing in a figure the tests have passed
# (the same JSON) and cost 3.5-9 ms of every control change (measured per figure, 2026-12-02),
# time the reader waits for the chart.
_CHECKING = [True]


def check_figures(on: bool) -> None:
    """Check every figure built from now on in this process against plotly's schema, or not."""
    _CHECKING[0] = on


def figures_checked() -> bool:
    """Whether :func:`figure` checks what it builds (:func:`check_figures`)."""
    return _CHECKING[0]


# The trace types the casebook draws: the browser's plotly.js is a bundle of these alone
# (casebook.views.chart.plotly_file, built by tools/plotly-bundle; tested), so a chart of
# any other type would stay empty there.
TRACE_TYPES = ("scatter", "bar", "heatmap", "table")


# Where a figure carries its text alternative: ``layout.meta[ALT]`` (see :class:`Alt`).
ALT = "casebook_alt"


@dataclass(frozen=True)
class Alt:
    """A chart's text alternative, made by its builder from the data it draws, in the chart's
    language: ``summary``, a few sentences (what is shown, the highest and lowest, what is
    missing or a range, the reader's own additions), and ``table``, the data as a table (its
    index the rows' names, ``index.name`` the first column's heading; values as the chart
    writes them: "≈ 85%", "10–15%", "niet vermeld"). Plain text, not HTML: it is escaped where
    it is shown.

    The app's chart widget names the chart by its title, describes it by the summary
    (``aria-describedby``), announces a new summary politely, and shows the table behind a
    "show as table" control (``casebook/views/chart.js``); the static book does the same
    without script (:func:`casebook.views.book.figure_div`)."""

    lang: str
    summary: str
    table: pd.DataFrame | None = None


def plain(text: str) -> str:
    """A chart text (escaped, with ``<br>`` and tags) as plain text on one line."""
    text = re.sub(r"<br\s*/?>", " ", text or "")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def _alt_meta(alt: Alt, title: str) -> dict[str, str]:
    """What the browser needs of ``alt`` (``layout.meta[ALT]``), as HTML, escaped like every
    text from the data in a figure: the chart's name (its title, or a general one), the
    summary, and the table in the casebook's table style behind a native disclosure
    (``<details>``: reachable and opened by keyboard)."""
    name = plain(title) or t("alt.chart", alt.lang)
    table = ""
    if alt.table is not None and len(alt.table):
        table = (
            f'<details class="cb-chart-data"><summary>{escape(t("alt.show_table", alt.lang))}'
            f"</summary>{table_html(alt.table, index=True)}</details>"
        )
    return {"name": escape(name), "summary": escape(" ".join(alt.summary.split())), "table": table}


def alt_of(fig: go.Figure) -> dict[str, str] | None:
    """The text alternative a figure carries, or None: its name and summary as text, its table
    as the escaped HTML shown (``layout.meta[ALT]`` holds all three escaped)."""
    meta = fig.layout.meta
    found = meta.get(ALT) if isinstance(meta, dict) else None
    if not found:
        return None
    return {
        **found,
        "name": html.unescape(found["name"]),
        "summary": html.unescape(found["summary"]),
    }


def figure(spec: Spec, alt: Alt | None = None) -> go.Figure:
    """``spec`` (data and layout) as a plotly figure; checked against plotly's schema unless
    that was turned off (:func:`check_figures`). A trace type outside :data:`TRACE_TYPES` is
    refused. ``alt``, the chart's text alternative (:class:`Alt`), goes into
    ``layout.meta``."""
    if alt is not None:
        layout = spec.setdefault("layout", {})
        title = layout.get("title")
        title = title.get("text", "") if isinstance(title, dict) else (title or "")
        layout["meta"] = {**(layout.get("meta") or {}), ALT: _alt_meta(alt, title)}
    for trace in spec.get("data", []):
        kind = trace.get("type", "scatter")
        if kind not in TRACE_TYPES:
            raise ValueError(
                f"figure: trace type {kind!r} is not in the casebook's plotly.js "
                f"({', '.join(TRACE_TYPES)}); add it to tools/plotly-bundle/entry.js and "
                "TRACE_TYPES, then run `make plotly-bundle`"
            )
    return go.Figure(spec, _validate=_CHECKING[0])


def axis(theme: Theme, **extra: Any) -> Spec:
    return {**theme.axis_style(), **extra}


# Charts are drawn for any width from a 320 px phone to a projector: a title is wrapped at
# TITLE_WIDTH characters and each note at NOTE_WIDTH (what fits the 300 px chart of a 320 px
# phone, WCAG 2.1 1.4.10: at 32 and 50 the compare, evaluations and check charts' title and
# notes ran 5-45 px off it), and the margins grow with the lines.
TITLE_WIDTH = 28
NOTE_WIDTH = 40
TITLE_LINE = 24  # pixels per line of title


# Advance widths of Arial / Liberation Sans (what Chromium draws for the theme's Helvetica on
# Linux), in thousandths of the font size; any other character counts as 600.
_WIDTHS = {
    **dict.fromkeys(" !,./:;I[]ijlft|", 278),
    **dict.fromkeys("'", 191),
    **dict.fromkeys("ijl", 222),
    **dict.fromkeys('()-r`{}"“”', 333),
    **dict.fromkeys("‘’", 222),
    **dict.fromkeys("0123456789?abdeghnopqu_–$#", 556),
    **dict.fromkeys("cksvxyzJ", 500),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("CDHNRUw", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("W", 944),
    **dict.fromkeys("—%", 1000),
    "L": 556,
}
# Other fonts a reader's browser may use for the theme's family (Segoe UI, Source Sans Pro,
# DejaVu Sans) run up to about a tenth wider: the estimate keeps that room.
_ROOM = 1.12


def text_width(text: str, size: float) -> float:
    """About how many pixels ``text`` (escaped or not, one line) takes at ``size`` px in the
    theme's font, with room for a wider font than Arial. Used to size cells and margins so that
    every label fits, and by the tests to check that they do."""
    plain = unicodedata.normalize("NFKD", html.unescape(re.sub(r"<[^>]+>", "", text)))
    units = sum(_WIDTHS.get(c, 600) for c in plain if not unicodedata.combining(c))
    return units * size / 1000 * _ROOM


def lines(text: str) -> int:
    """How many lines a chart text takes (its <br> breaks)."""
    return text.count("<br>") + 1


def layout(
    theme: Theme,
    title: str,
    height: int,
    *,
    notes: list[str] = (),
    below_axis: int = 70,
    top: int = 70,
    left: int = 70,
    right: int = 30,
    legend_on_top: bool = False,
    title_width: int = TITLE_WIDTH,
    note_width: int = NOTE_WIDTH,
) -> Spec:
    """Common look. Notes go under the x axis, ``below_axis`` pixels down, one line each (long
    ones wrapped); a long title is wrapped and the plot moves down to make room.

    The margins (``top``, ``left``, ``right``, ``below_axis``) should hold the axes' labels:
    where they do not, plotly's automargin widens them, and it does so by drawing the whole
    chart a second time on every change (a third to half of a redraw, measured in Chromium).
    ``title_width`` and ``note_width``: characters per line (a phone's by default)."""
    title = wrap(title, title_width) if "<br>" not in title else title
    note_lines = [wrap(note, note_width) for note in notes]
    n_notes = sum(lines(n) for n in note_lines)
    extra_top = TITLE_LINE * (lines(title) - 1) if title else 0
    full = height + NOTE_LINE * n_notes + extra_top
    spec: Spec = {
        "template": "none",
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"bgcolor": "#ffffff", "font": {"size": theme.font_size - 1}},
        "title": {
            "text": title,
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            # plotly anchors a title of several lines by its first line: each further line
            # would stick out above the chart (measured in Chromium: 19 px for two lines)
            "y": 1 - (12 + TITLE_LINE * (lines(title) - 1)) / full if title else 1 - 12 / full,
            "yanchor": "top",
        },
        "font": {"family": theme.font_family, "size": theme.font_size, "color": theme.text_colour},
        "height": full,
        "margin": {
            "l": left,
            "r": right,
            "t": top + extra_top,
            "b": below_axis + 20 + NOTE_LINE * n_notes,
        },
        "showlegend": legend_on_top,
        "annotations": [],
        "shapes": [],
    }
    if legend_on_top:
        spec["legend"] = {
            "orientation": "h",
            "yref": "container",
            "y": 1 - (55 + extra_top) / full,
            "yanchor": "top",
            "x": 0,
        }
    if notes:
        spec["annotations"].append(
            {
                "text": "<br>".join(note_lines),
                "x": 0,
                "y": 0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "top",
                "xshift": -(left - 10),  # from the chart's left edge: the whole width for notes
                "yshift": -below_axis,
                "showarrow": False,
                "align": "left",
                "font": {"size": NOTE_SIZE},
            }
        )
    return spec


def narrow_heatmap(
    spec: Spec, heat: Spec, *, left: int = 150, label_width: int = 18, extra_top: int = 120
) -> None:
    """Lay a chart with a category heatmap out for a phone, in place: the row labels wrapped
    into a narrower margin, the column labels upright over the columns, smaller cell text, the
    notes from the chart's left edge again."""
    heat["y"] = [wrap(label, label_width) for label in heat["y"]]
    extra_lines = sum(lines(label) - 1 for label in heat["y"])
    heat["textfont"] = {**heat.get("textfont", {}), "size": 10}
    grow = extra_top + 14 * extra_lines
    spec["margin"] = {**spec["margin"], "l": left, "t": spec["margin"]["t"] + extra_top}
    spec["height"] += grow
    spec["title"]["y"] = 1 - (12 + TITLE_LINE * (lines(spec["title"]["text"]) - 1)) / spec["height"]
    for name in [k for k in spec if k.startswith("xaxis")]:
        spec[name] = {**spec[name], "tickangle": -90, "tickfont": {"size": 11}}
    for note in spec["annotations"]:
        if note.get("xref") == "paper" and "xshift" in note:
            note["xshift"] = -(left - 10)


#: The narrowest chart (px) a phone's layout is drawn for: a 360 px phone's page.
PHONE = 340
LINE = 1.3  # px of height per px of font size in a line of chart text, as plotly sets it


def wrap_px(text: str, size: float, width: float) -> str:
    """``text`` broken between words into lines of at most ``width`` px at ``size`` px (by
    :func:`text_width`), joined with <br>; a word wider than a line stands on a line of its
    own."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        longer = f"{line} {word}".strip()
        if line and text_width(longer, size) > width:
            lines.append(line)
            line = word
        else:
            line = longer
    return "<br>".join([*lines, line])


def phone_heatmap(
    spec: Spec,
    heat: Spec,
    *,
    cell: int = 28,
    text_size: int = 11,
    label_size: int = 12,
    name_size: int = 12,
    side: int = 4,
) -> None:
    """Lay a chart with one category heatmap out for a phone, in place, so that every text is
    whole at :data:`PHONE` px and wider: each row's name (wrapped at the chart's width) in the
    white above its row, from the chart's left edge, so that the columns have the whole width;
    the columns' names upright over them; the cells ``cell`` px high, their text ``text_size``
    px. A frame round a cell (:func:`cell_frame`) is drawn round the cell alone.

    The cells' texts must fit a cell at :data:`PHONE` px: a chart whose texts are longer shows
    codes in its cells and says what they mean in its note."""
    labels = [wrap_px(label, label_size, PHONE - 2 * side) for label in heat["y"]]
    n = len(labels)
    gap = math.ceil(max(lines(label) for label in labels) * label_size * LINE) + 4
    row = cell + gap
    names = max(text_width(name, name_size) for name in heat["x"]) + 8
    title = spec["title"]["text"]
    top = round(12 + TITLE_LINE * lines(title) + 8 + names)
    plot = row * n + gap  # the first row's name above it, in the plot
    spec["height"] = top + plot + spec["margin"]["b"]
    spec["margin"] = {**spec["margin"], "l": side, "r": side, "t": top}
    spec["title"]["y"] = 1 - (12 + TITLE_LINE * (lines(title) - 1)) / spec["height"]
    heat["y"] = list(range(n))  # by number: the names are annotations (the hover keeps them)
    heat["ygap"] = gap
    heat["textfont"] = {**heat.get("textfont", {}), "size": text_size}
    ticks = {"showgrid": False, "showline": False, "zeroline": False, "ticks": ""}
    spec["xaxis"] = {
        **spec.get("xaxis", {}),
        **ticks,
        "side": "top",
        "tickangle": -90,
        "tickfont": {"size": name_size},
    }
    spec["yaxis"] = {
        **{k: v for k, v in spec.get("yaxis", {}).items() if k != "autorange"},
        **ticks,
        "range": [n - 0.5, -0.5 - gap / row],
        "tickvals": list(range(n)),
        "showticklabels": False,
    }
    inset = gap / 2 / row
    for shape in spec["shapes"]:
        if shape.get("type") == "rect" and shape.get("yref") == "y":
            shape["y0"] += inset
            shape["y1"] -= inset
    for note in spec["annotations"]:
        if note.get("xref") == "paper" and "xshift" in note:
            note["xshift"] = -(side - 10)
    spec["annotations"] += labels_above(labels, cell=cell, size=label_size)


#: The narrowest chart (px) the wide layout is drawn at: a 640 px window's page, less its edges
#: (and, from 1000 px, the chart's share of the page beside its controls: about 616 px).
NARROWEST = 600


# The least room names_above leaves the rows' names, whatever the columns' names.
MIN_LEFT = 120


def names_above(spec: Spec, heat: Spec, *, size: int = 14, gap: int = 8, right: int = 20) -> int:
    """Write a wide heatmap's column names above its columns, in place, so that no two overlap
    and none runs off the chart at :data:`NARROWEST` px or wider; narrow the left margin to
    what leaves the columns room for that where the chart's own is wider, and return it (the
    caller wraps its rows' names into it).

    Each name whole on one line, ``size`` px, centred over its column. Where the names do not
    fit side by side beside the rows' margin, every other name stands a line higher, so that a
    name shares its line only with the names two columns away (the five cases' names took 120
    px a column side by side, 61 staggered). The right margin holds the last name (at least
    ``right``); the top margin the names' lines under the title. Annotations named "column";
    the axis's own tick labels are hidden (the hover keeps the names)."""
    n = len(heat["x"])
    # a name longer than two columns' room at the narrowest (a teacher's own, long case name)
    # is wrapped onto lines of that width: the rows' margin keeps at least MIN_LEFT
    cap = 2 * (NARROWEST - MIN_LEFT - right) / max(n, 1) - gap
    names = [wrap_px(name, size, cap) if text_width(name, size) > cap else name
             for name in heat["x"]]  # fmt: skip
    widths = [max(text_width(part, size) for part in name.split("<br>")) for name in names]
    deepest = max([lines(name) for name in names] + [1])
    left = spec["margin"]["l"]
    # side by side, two neighbours share the room between their columns' centres; staggered,
    # a name and the one two columns on share two columns' room
    single = max([(a + b) / 2 for a, b in zip(widths, widths[1:], strict=False)] + [0.0]) + gap
    staggered = max([(a + b) / 4 for a, b in zip(widths, widths[2:], strict=False)] + [gap])
    staggered += gap / 2

    def room(pitch: float) -> tuple[int, int]:  # (left margin, right margin)
        over = math.ceil(max(0.0, widths[-1] / 2 - pitch / 2)) + 4
        r = max(right, over)
        return math.floor(NARROWEST - r - n * pitch), r

    stagger = room(single)[0] < left
    pitch = staggered if stagger else single
    free, r = room(pitch)
    line = round(size * LINE) + 2
    title = spec["title"]["text"]
    top = round(12 + TITLE_LINE * lines(title) + 6 + line * (deepest + (1 if stagger else 0)) + 4)
    grow = max(0, top - spec["margin"]["t"])
    spec["margin"] = {**spec["margin"], "r": r, "t": spec["margin"]["t"] + grow}
    spec["height"] += grow
    spec["title"]["y"] = 1 - (12 + TITLE_LINE * (lines(title) - 1)) / spec["height"]
    spec["xaxis"] = {**spec.get("xaxis", {}), "showticklabels": False}
    spec["annotations"] += [
        {
            "name": "column",
            "text": name,
            "x": k,
            "xref": "x",
            "y": 1,
            "yref": "paper",
            "xanchor": "center",
            "yanchor": "bottom",
            "yshift": 4 + (line * deepest if stagger and k % 2 else 0),
            "showarrow": False,
            "font": {"size": size},
        }
        for k, name in enumerate(names)
    ]
    left = max(MIN_LEFT, min(left, free))
    spec["margin"]["l"] = left
    for note in spec["annotations"]:
        if note.get("xref") == "paper" and "xshift" in note:
            note["xshift"] = -(left - 10)
    return left


def message_figure(
    text: str, *, theme: Theme = DEFAULT_THEME, lang: str | None = None
) -> go.Figure:
    """An empty chart that carries only a short message for the reader (and, given ``lang``,
    the message as its text alternative)."""
    spec = layout(theme, "", 300, below_axis=0)
    spec["annotations"].append(
        {
            "text": escape(text),
            "x": 0.5,
            "y": 0.5,
            "xref": "paper",
            "yref": "paper",
            "showarrow": False,
            "font": {"size": theme.font_size + 2},
        }
    )
    spec["xaxis"] = {"visible": False}
    spec["yaxis"] = {"visible": False}
    alt = Alt(lang, text) if lang is not None else None
    return figure({"data": [], "layout": spec}, alt)


def category_heatmap(
    z: list[list[int]],
    x: list[str],
    y: list[str],
    text: list[list[str]],
    *,
    colours: list[str],
    gap: int = 3,
    **extra: Any,
) -> Spec:
    """A heatmap whose cells hold categories 0..n-1, each drawn in its own colour, with the
    cell's text written in it and shown on hover (row, column, text)."""
    n = len(colours)
    scale = []
    for k, colour in enumerate(colours):
        scale += [[k / n, colour], [(k + 1) / n, colour]]
    hover = [
        [f"<b>{yy}</b><br>{xx}<br>{tt}" for xx, tt in zip(x, row, strict=True)]
        for yy, row in zip(y, text, strict=True)
    ]
    spec: Spec = {
        "type": "heatmap",
        "z": z,
        "x": x,
        "y": y,
        "text": text,
        "texttemplate": "%{text}",
        "hovertext": hover,
        "hoverinfo": "text",
        "zmin": -0.5,
        "zmax": n - 0.5,
        "colorscale": scale,
        "showscale": False,
        "xgap": gap,
        "ygap": gap,
    }
    return spec | extra


def cell_frame(
    rows: list[object],
    columns: list[object],
    selected: tuple[object, object] | None,
    *,
    colour: str,
    width: int,
) -> list[Spec]:
    """A frame around the cell (row, column) of a category heatmap, or nothing."""
    if selected is None or selected[0] not in rows or selected[1] not in columns:
        return []
    i, j = rows.index(selected[0]), columns.index(selected[1])
    return [
        {
            "type": "rect",
            "x0": j - 0.5,
            "x1": j + 0.5,
            "y0": i - 0.5,
            "y1": i + 0.5,
            "xref": "x",
            "yref": "y",
            "line": {"color": colour, "width": width},
        }
    ]


def panel_title(
    text: str, x_domain: list[float], y_domain: list[float], *, size: int, shift: int = 8
) -> Spec:
    """The title of one panel of a grid (see :func:`grid`): centred above it, ``size`` px."""
    return {
        "text": text,
        "x": sum(x_domain) / 2,
        "y": y_domain[1],
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "bottom",
        "yshift": shift,
        "showarrow": False,
        "font": {"size": size},
    }


def wrap(text: str, width: int) -> str:
    """Break text into lines of at most about ``width`` characters, joined with <br>.

    Lines break between words; a word of more than one and a half lines (a reader's own
    neighbourhood named with a web address, say) is cut into pieces of ``width`` characters,
    never inside an HTML entity (the text may be escaped already)."""
    lines: list[str] = []
    line = ""
    for word in _pieces(text.split(" "), width):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


_ENTITY = re.compile(r"&#?\w+;|.", re.DOTALL)


def _pieces(words: list[str], width: int) -> list[str]:
    out: list[str] = []
    for word in words:
        chars = _ENTITY.findall(word)  # an entity counts as the one character it shows
        if len(chars) <= width + width // 2:
            out.append(word)
            continue
        out += ["".join(chars[k : k + width]) for k in range(0, len(chars), width)]
    return out


def grid(
    n: int, columns: int, *, h_space: float = 0.07, v_space: float = 0.12
) -> list[tuple[list[float], list[float]]]:
    """x and y domains of ``n`` panels in rows of ``columns``, filled left to right, top down."""
    rows = math.ceil(n / columns)
    cols = min(columns, n)
    width = (1 - (cols - 1) * h_space) / cols
    height = (1 - (rows - 1) * v_space) / rows

    def clamp(v: float) -> float:  # float noise just outside 0 and 1 is refused by plotly
        return min(1.0, max(0.0, round(v, 6)))

    domains = []
    for k in range(n):
        r, c = divmod(k, columns)
        x0 = c * (width + h_space)
        y1 = 1 - r * (height + v_space)
        domains.append(([clamp(x0), clamp(x0 + width)], [clamp(y1 - height), clamp(y1)]))
    return domains


def labels_above(labels: list[str], *, cell: float, size: int) -> list[Spec]:
    """Each row's name above its row of cells, from the chart's left edge (a heatmap laid out
    so that the columns keep the whole width): one annotation per row, named "row"."""
    return [
        {
            "name": "row",
            "text": label,
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": k,
            "yref": "y",
            "yanchor": "bottom",
            "yshift": cell / 2,
            "showarrow": False,
            "align": "left",
            "font": {"size": size},
        }
        for k, label in enumerate(labels)
    ]
