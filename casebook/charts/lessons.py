"""Pure chart builder for the lessons: which lesson draws on which case, and where."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import axis, category_heatmap, layout
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["lessons_heatmap"]


def _cut(text: str, width: int) -> str:
    """At most ``width`` characters of ``text``, with an ellipsis where it was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def lessons_heatmap(
    matrix: pd.DataFrame,
    *,
    lesson_titles: dict[int, str],
    case_names: dict[str, str],
    highlight: list[int] | None = None,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
) -> go.Figure:
    """Lessons (rows) by cases (columns): a filled cell where the lesson draws on the case, with
    the page it points to. Lessons in ``highlight`` are shown at full strength, others faded."""
    check_lang(lang)
    rows = list(matrix.index)
    keep = set(rows if highlight is None else highlight)
    z = [[(2 if r in keep else 1) if matrix.loc[r, c] else 0 for c in matrix.columns] for r in rows]
    text = [[escape(matrix.loc[r, c]) for c in matrix.columns] for r in rows]
    # Cut the title before escaping it, so that the cut never splits an entity such as &amp;.
    y = [escape(t("lessons.label", lang, n=r, title=_cut(lesson_titles[r], 38))) for r in rows]
    x = [escape(case_names[c]) for c in matrix.columns]
    colours = ["#f7f7f7", "#c6dbef", "#0072B2"]
    heat = category_heatmap(
        z, x, y, [[tt or "—" for tt in row] for row in text], colours=colours, gap=2
    )
    heat["text"] = text
    spec = layout(
        theme, t("lessons.title", lang), 160 + 24 * len(rows), below_axis=10, left=330, top=100
    )
    spec["xaxis"] = axis(theme, side="top", showgrid=False, tickangle=0)
    spec["yaxis"] = axis(theme, autorange="reversed", showgrid=False, tickfont={"size": 12})
    return go.Figure({"data": [heat], "layout": spec})
