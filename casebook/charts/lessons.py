"""Pure chart builder for the lessons: which lesson draws on which case, and where."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import (
    Alt,
    axis,
    category_heatmap,
    figure,
    layout,
    names_above,
    phone_heatmap,
    wrap,
)
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.text import listing, t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["lessons_heatmap"]


def _cut(text: str, width: int) -> str:
    """At most ``width`` characters of ``text``, with an ellipsis where it was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _two_lines(label: str, width: int = 28) -> str:
    """``label`` on at most two lines of about ``width`` characters (the second cut with an
    ellipsis where needed), each escaped after it was cut, so that no cut splits an entity."""
    lines = wrap(label, width).split("<br>")
    if len(lines) > 2:
        lines = [lines[0], _cut(" ".join(lines[1:]), width)]
    return "<br>".join(escape(line) for line in lines)


def lessons_heatmap(
    matrix: pd.DataFrame,
    *,
    lesson_titles: dict[int, str],
    case_names: dict[str, str],
    highlight: list[int] | None = None,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Lessons (rows) by cases (columns): a filled cell where the lesson draws on the case, with
    the page it points to. Lessons in ``highlight`` are shown at full strength, others faded.
    ``narrow`` (a phone): each lesson's title whole above its row, the cases' names upright
    over the columns (:func:`casebook.charts.base.phone_heatmap`)."""
    check_lang(lang)
    rows = list(matrix.index)
    keep = set(rows if highlight is None else highlight)
    cells = matrix.to_numpy().tolist()
    z = [
        [(2 if r in keep else 1) if cell else 0 for cell in row]
        for r, row in zip(rows, cells, strict=True)
    ]
    text = [[escape(cell) for cell in row] for row in cells]
    x = [escape(case_names[c]) for c in matrix.columns]
    colours = ["#f7f7f7", "#c6dbef", "#0072B2"]
    titles = [t("lessons.label", lang, n=r, title=lesson_titles[r]) for r in rows]
    if narrow:  # each title whole, above its row (phone_heatmap wraps it)
        y = [escape(title) for title in titles]
    else:
        # each title on at most two lines: the grid keeps room for the five names when the page
        # gives it two thirds of a projector's width (its controls beside it). Cut before it is
        # escaped, so that the cut never splits an entity such as &amp;.
        y = [_two_lines(title, 28) for title in titles]
    heat = category_heatmap(
        z, x, y, [[tt or "—" for tt in row] for row in text], colours=colours, gap=2
    )
    heat["text"] = text
    spec = layout(
        theme,
        t("lessons.title", lang),
        160 + 36 * len(rows),  # two lines of 14 px
        below_axis=10,
        left=235,  # the wrapped titles need 232 px
        top=100,
        right=40,  # the last case's name needs 39 px (see layout())
    )
    spec["xaxis"] = axis(theme, side="top", showgrid=False, tickangle=0)
    # readable on a projector (14 px)
    spec["yaxis"] = axis(theme, autorange="reversed", showgrid=False, tickfont={"size": 14})
    if narrow:
        phone_heatmap(spec, heat, cell=24, label_size=11)
    else:  # two lines of fewer characters where the cases' names leave less than 235 px
        left = names_above(spec, heat)
        heat["textfont"] = {"size": 14}  # (plotly's own size shrank to 13 px at 1280 px)
        if left < 235:
            heat["y"] = [_two_lines(title, max(10, 28 * left // 235)) for title in titles]
    names = [case_names[c] for c in matrix.columns]
    alt = Alt(
        lang,
        _said(rows, cells, names, highlight, lang),
        pd.DataFrame(
            [[cell or "—" for cell in row] for row in cells],
            index=pd.Index(titles, name=t("alt.lessons.col.lesson", lang)),
            columns=names,
        ),
    )
    return figure({"data": [heat], "layout": spec}, alt)


def _said(
    rows: list[int],
    cells: list[list[str]],
    names: list[str],
    highlight: list[int] | None,
    lang: str,
) -> str:
    """The grid in a few sentences: its size, which lessons are drawn dark, the case most and
    least drawn on (by its number of lessons) and the lessons that draw on every case."""
    said = [t("alt.lessons.grid", lang, n=len(rows), cases=len(names))]
    if highlight is not None:
        k = len(set(highlight) & set(rows))
        if k == 0:
            said.append(t("alt.lessons.highlight_none", lang))
        elif k < len(rows):
            said.append(t("alt.lessons.highlight", lang, k=k))
    per_case = [sum(bool(row[j]) for row in cells) for j in range(len(names))]
    if len(names) > 1 and per_case:
        for key, n in (("alt.lessons.most", max(per_case)), ("alt.lessons.fewest", min(per_case))):
            items = [
                t("alt.lessons.count", lang, case=name, n=n)
                for name, count in zip(names, per_case, strict=True)
                if count == n
            ]
            said.append(t(key, lang, items=listing(items, lang)))
    every = [
        t("alt.lessons.number", lang, n=r)
        for r, row in zip(rows, cells, strict=True)
        if row and all(row)
    ]
    if every:
        said.append(t("alt.lessons.every", lang, items=listing(every, lang)))
    else:
        said.append(t("alt.lessons.none_every", lang))
    return " ".join(said)
