"""The chart of the collaboration check: the reader's scores beside the casebook's reading."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import axis, category_heatmap, figure, layout, narrow_heatmap
from casebook.check import READINGS, WEAK
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["check_chart"]

# not assessed, not met, partly, met
_READING_COLOURS = ["#f2f2f2", "#E69F00", "#F0E442", "#009E73"]
_WEAK_COLOUR = "#D55E00"
_OK_COLOUR = "#0072B2"


def check_chart(
    profile: pd.DataFrame,
    matrix: pd.DataFrame,
    *,
    case_names: dict[str, str],
    evidence: dict[tuple[str, str], str],
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Left: the reader's score per condition (1-4; a weak spot in orange-red, '?' when left
    open). Right: the casebook's reading of each condition in each case. ``narrow``: laid out
    for a phone (labels wrapped, column and score labels upright).

    ``profile`` comes from :func:`casebook.check.profile`, ``matrix`` from
    :func:`casebook.check.readings`, ``evidence`` from :func:`casebook.check.reading_hover`.
    """
    check_lang(lang)
    ids = profile["condition_id"].tolist()
    y = [f"{k + 1}. {escape(label)}" for k, label in enumerate(profile["label"])]
    scores = [None if pd.isna(s) else int(s) for s in profile["score"]]
    bar = {
        "type": "bar",
        "orientation": "h",
        "x": [s or 0 for s in scores],
        "y": y,
        "xaxis": "x",
        "yaxis": "y",
        "marker": {
            "color": [
                theme.missing_colour if s is None else _WEAK_COLOUR if s <= WEAK else _OK_COLOUR
                for s in scores
            ]
        },
        "text": [escape(t(f"score.{s}" if s else "score.none", lang)) for s in scores],
        "textposition": "outside",
        "textfont": {"size": 12},
        "cliponaxis": False,
        "hovertemplate": "%{y}<br>%{text}<extra></extra>",
        "showlegend": False,
    }
    codes = {r: k for k, r in enumerate(READINGS)}
    cells = matrix.to_dict("index")  # condition -> case -> reading (not a .loc per cell)
    z = [[codes[cells[c][case]] for case in matrix.columns] for c in ids]
    text = [[t(f"reading.{cells[c][case]}", lang) for case in matrix.columns] for c in ids]
    hover_text = [
        [
            escape(evidence.get((c, case), t("reading.not_assessed_long", lang)))
            for case in matrix.columns
        ]
        for c in ids
    ]
    x = [escape(case_names[c]) for c in matrix.columns]
    heat = category_heatmap(z, x, y, hover_text, colours=_READING_COLOURS, gap=2)
    heat |= {"text": text, "xaxis": "x2", "yaxis": "y", "textfont": {"size": 11}}
    spec = layout(
        theme,
        t("check.chart_title", lang),
        140 + 38 * len(ids),
        notes=[t("check.chart_note", lang)],
        below_axis=20,
        left=300,
        top=110,
        # the last case's slanted name runs out to the right: 110-136 px on a laptop (more, the
        # narrower the chart; automargin would widen the margin by drawing it twice, layout())
        right=140,
    )
    spec["xaxis"] = axis(
        theme,
        domain=[0, 0.27],
        range=[0, 5.2],
        # the two ends only: each bar names its own score, and four words crowd the panel
        tickvals=[1, 4],
        ticktext=[escape(t(f"score.{s}", lang)) for s in (1, 4)],
        side="top",
        tickangle=0,
        tickfont={"size": 11},
        title={"text": escape(t("check.yours", lang)), "standoff": 4},
    )
    spec["xaxis2"] = axis(theme, domain=[0.33, 1], side="top", showgrid=False, tickangle=-30)
    spec["yaxis"] = axis(theme, autorange="reversed", showgrid=False, tickfont={"size": 12})
    if narrow:
        spec["xaxis"]["domain"], spec["xaxis2"]["domain"] = [0, 0.34], [0.42, 1]
        narrow_heatmap(spec, heat, extra_top=90)
        bar["y"] = heat["y"]  # the two panels share their rows
        spec["xaxis"]["title"] = {**spec["xaxis"]["title"], "standoff": 2}
    return figure({"data": [bar, heat], "layout": spec})
