"""Pure chart builders for the evaluation pages.

- :func:`results_panels`: every result figure in its own panel, on its own unit and scale.
- :func:`findings_heatmap`: theme groups by cases, coded positive, mixed, negative or not
  evaluated.
- :func:`timeline_chart`: events per case, each collaboration's six-to-seven-year horizon as a
  band, and the booklet's date as a line, so the reader sees who was judged before they could
  have matured.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import (
    Spec,
    axis,
    category_heatmap,
    cell_frame,
    grid,
    layout,
    message_figure,
    narrow_heatmap,
    panel_title,
    wrap,
)
from casebook.evaluations import HORIZON_YEARS, VALENCES
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.schema import BOOKLET_DATE
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["findings_heatmap", "results_panels", "timeline_chart"]

_VALENCE_COLOURS = {
    "positive": "#009E73",
    "mixed": "#F0E442",
    "negative": "#D55E00",
    "not_evaluated": "#eeeeee",
}


def results_panels(
    figures: pd.DataFrame,
    *,
    case_ids: list[str],
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    columns: int = 4,
    narrow: bool = False,
) -> go.Figure:
    """One panel per result figure (:func:`casebook.evaluations.result_figures`), never a shared
    axis: a percentage of agreements and a count of job seekers do not belong on one scale.
    ``case_ids`` are all cases in order, for stable colours. ``narrow``: two panels a row, for
    a phone."""
    check_lang(lang)
    columns = 2 if narrow else columns
    if figures.empty:
        return message_figure(t("eval.no_figures", lang), theme=theme)
    colours = theme.area_colours(case_ids)
    n_rows = math.ceil(len(figures) / columns)
    # between rows: room for a panel's title of three lines and its page above, and the
    # names below the panel over it: some 125 px, also when there are only two rows
    gap = max(min(0.5 / n_rows, 0.16), min(125 / (280 * n_rows), 0.45 / n_rows))
    domains = grid(len(figures), columns, h_space=0.06, v_space=gap)
    # narrow: the panels' titles take more lines, so the first row starts lower
    top = 165 if narrow else 110
    spec = layout(theme, t("eval.title.results", lang), 120 + 280 * n_rows, below_axis=10, top=top)
    data: list[Spec] = []
    for k, (row, (x_dom, y_dom)) in enumerate(
        zip(figures.to_dict("records"), domains, strict=True)
    ):
        suffix = "" if k == 0 else str(k + 1)
        hatched = bool(row["approx"]) or pd.notna(row["qualifier"])
        data.append(
            {
                "type": "bar",
                "x": [escape(row["case"])],
                "y": [row["value"]],
                "xaxis": f"x{suffix}",
                "yaxis": f"y{suffix}",
                "marker": {
                    "color": colours.get(row["case_id"], "#444"),
                    "pattern": {
                        "shape": "/" if hatched else "",
                        "fgcolor": "#fff",
                        "bgcolor": colours.get(row["case_id"], "#444"),
                        "fillmode": "replace",
                    },
                },
                "text": [escape(row["display"])],
                "textposition": "outside",
                "cliponaxis": False,
                "showlegend": False,
                "hovertext": [
                    f"<b>{escape(row['label'])}</b><br>{escape(row['printed'])}<br>"
                    f"{escape(row['source'])} · {t('hover.page', lang)} {row['page']}"
                ],
                "hoverinfo": "text",
                "width": [0.5],
            }
        )
        top = 115 if row["unit"] == "percent" else (row["value"] * 1.3 if row["value"] else 1)
        spec[f"xaxis{suffix}"] = axis(
            theme,
            domain=x_dom,
            anchor=f"y{suffix}",
            showgrid=False,
            type="category",
        )
        spec[f"yaxis{suffix}"] = axis(theme, domain=y_dom, anchor=f"x{suffix}", range=[0, top])
        page = f"<span style='font-size:11px'>p. {row['page']}</span>"
        title = f"{wrap(escape(row['label']), 18 if narrow else 30)}<br>{page}"
        spec["annotations"].append(
            panel_title(title, x_dom, y_dom, size=theme.font_size - 3, shift=6)
        )
    return go.Figure({"data": data, "layout": spec})


def findings_heatmap(
    matrix: pd.DataFrame,
    *,
    case_names: dict[str, str],
    selected: tuple[str, str] | None = None,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Theme groups by cases (:func:`casebook.evaluations.findings_matrix`), one colour per
    reading. ``narrow``: laid out for a phone."""
    check_lang(lang)
    if matrix.empty or matrix.shape[1] == 0:
        return message_figure(t("msg.no_areas", lang), theme=theme)
    z = [[VALENCES.index(v) for v in row] for row in matrix.to_numpy().tolist()]
    text = [
        [t(f"valence.{v}", lang) if v != "not_evaluated" else "—" for v in row]
        for row in matrix.to_numpy().tolist()
    ]
    x = [escape(case_names[c]) for c in matrix.columns]
    y = [t(f"theme.{g}", lang) for g in matrix.index]
    heat = category_heatmap(z, x, y, text, colours=[_VALENCE_COLOURS[v] for v in VALENCES])
    spec = layout(
        theme,
        t("eval.title.findings", lang),
        160 + 42 * len(y),
        notes=[t("eval.note.valence", lang)],
        below_axis=20,
        left=220,
        top=100,
    )
    spec["xaxis"] = axis(theme, side="top", showgrid=False)
    spec["yaxis"] = axis(theme, autorange="reversed", showgrid=False)
    spec["shapes"] += cell_frame(
        list(matrix.index), list(matrix.columns), selected, colour="#000", width=3
    )
    if narrow:
        narrow_heatmap(spec, heat)
    return go.Figure({"data": [heat], "layout": spec})


def timeline_chart(
    events: pd.DataFrame,
    starts: pd.DataFrame,
    *,
    case_ids: list[str],
    case_names: dict[str, str],
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Events per case on a shared time axis, the six-to-seven-year horizon after each start as a
    band, and May 2011 (the booklet) as a line. ``narrow``: a tick every six years, for a
    phone."""
    check_lang(lang)
    if not case_ids:
        return message_figure(t("msg.no_areas", lang), theme=theme)
    colours = theme.area_colours(list(case_names))
    rows = [escape(case_names[c]) for c in case_ids]
    spec = layout(
        theme,
        t("eval.title.timeline", lang),
        180 + 70 * len(case_ids),
        notes=t("eval.note.horizon", lang).split(". ", 1),
        below_axis=75,
        left=160,
        top=80,
    )
    low, high = HORIZON_YEARS
    first = min([1996.0, *events["when"].tolist()])
    last = max(2018.0, *(starts["when"] + high + 0.5).tolist())
    for case_id, name in zip(case_ids, rows, strict=True):
        start = starts[starts["case_id"] == case_id]
        if start.empty:
            continue
        when = float(start["when"].iloc[0])
        spec["shapes"].append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": when + low,
                "x1": when + high,
                "y0": name,
                "y1": name,
                "line": {"color": colours[case_id], "width": 22},
                "opacity": 0.35,
                "layer": "below",
            }
        )
        spec["shapes"].append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": when,
                "x1": BOOKLET_DATE,
                "y0": name,
                "y1": name,
                "line": {"color": colours[case_id], "width": 3},
                "layer": "below",
            }
        )
    spec["shapes"].append(
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": BOOKLET_DATE,
            "x1": BOOKLET_DATE,
            "y0": 0,
            "y1": 1,
            "line": {"color": "#000", "dash": "dot", "width": 2},
        }
    )
    spec["annotations"].append(
        {
            "text": t("eval.booklet", lang),
            "x": BOOKLET_DATE,
            "y": 1,
            "xref": "x",
            "yref": "paper",
            "yanchor": "bottom",
            "showarrow": False,
        }
    )
    data: list[Spec] = []
    for case_id, name in zip(case_ids, rows, strict=True):
        part = events[events["case_id"] == case_id]
        if part.empty:
            continue
        symbols = [
            "circle-open" if inf else ("diamond" if k == "evaluation" else "circle")
            for inf, k in zip(part["inferred"], part["kind"], strict=True)
        ]
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": part["when"].tolist(),
                "y": [name] * len(part),
                "marker": {
                    "color": colours[case_id],
                    "size": 13,
                    "symbol": symbols,
                    "line": {"width": 2},
                },
                "hovertext": [
                    f"<b>{escape(lab)}</b><br>{y}{' · ' + t('eval.inferred', lang) if inf else ''}"
                    f" · {t('hover.page', lang)} {p}"
                    for lab, y, inf, p in zip(
                        part["label"], part["year"], part["inferred"], part["page"], strict=True
                    )
                ],
                "hoverinfo": "text",
                "showlegend": False,
            }
        )
    spec["xaxis"] = axis(
        theme,
        range=[first - 0.5, last],
        tickformat="d",
        dtick=6 if narrow else 2,
        title={"text": t("col.year", lang)},
    )
    spec["yaxis"] = axis(
        theme, type="category", categoryorder="array", categoryarray=rows[::-1], showgrid=False
    )
    return go.Figure({"data": data, "layout": spec})
