"""Pure chart builders for the four logics and the seven tensions.

- :func:`logics_plane`: the two axes, the four quadrants named, the cases as labelled points; a
  reader's placement alone, or beside the casebook's reading with an arrow from one to the other.
- :func:`class_plane`: every placement of a class, the class mean with its spread, and the
  casebook's reading.
- :func:`tensions_heatmap`: tensions x cases, each cell saying how strongly the tension plays.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import (
    Spec,
    axis,
    category_heatmap,
    cell_frame,
    layout,
    narrow_heatmap,
)
from casebook.i18n import check_lang
from casebook.logics import AXES
from casebook.markup import escape
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["class_plane", "logics_plane", "tensions_heatmap"]

_LIMIT = 1.15
_LABEL_POSITIONS = ["top center", "middle right", "bottom center", "middle left", "top right"]
_STRENGTH_COLOURS = ["#f2f2f2", "#c6dbef", "#6baed6", "#08519c"]


def _plane_layout(theme: Theme, title: str, lang: str, notes: list[str]) -> Spec:
    spec = layout(
        theme, title, 680, notes=notes, below_axis=85, left=80, top=110, legend_on_top=True
    )
    ticks = {"tickvals": [-1, -0.5, 0, 0.5, 1], "range": [-_LIMIT, _LIMIT], "zeroline": False}
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
                "x": x * 1.1,
                "y": y * 1.1,
                "xanchor": "left" if x < 0 else "right",
                "yanchor": "top" if y > 0 else "bottom",
                "showarrow": False,
                "align": "left" if x < 0 else "right",
                "font": {"color": "#555", "size": theme.font_size - 3},
            }
        )
    return spec


def _points(
    frame: pd.DataFrame,
    colours: dict[str, str],
    *,
    name: str,
    symbol: str,
    filled: bool,
    labels: bool = True,
) -> Spec:
    return {
        "type": "scatter",
        "mode": "markers+text" if labels else "markers",
        "name": name,
        "x": frame[AXES[0]].astype(float).tolist(),
        "y": frame[AXES[1]].astype(float).tolist(),
        "text": [escape(n) for n in frame["name"]],
        # Points often start together (a reader's sliders begin in the centre): spread the labels.
        "textposition": [_LABEL_POSITIONS[k % len(_LABEL_POSITIONS)] for k in range(len(frame))],
        "hovertext": [f"<b>{escape(n)}</b><br>{name}" for n in frame["name"]],
        "hoverinfo": "text",
        "marker": {
            "size": 16,
            "symbol": symbol if filled else f"{symbol}-open",
            "color": [colours.get(c, "#444") for c in frame["case_id"]],
            "line": {"width": 3},
        },
    }


def logics_plane(
    reading: pd.DataFrame,
    *,
    reader: pd.DataFrame | None = None,
    reveal: bool = True,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
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
    """
    check_lang(lang)
    colours = theme.area_colours(reading["case_id"].tolist())
    show_reading = reader is None or reveal
    data: list[Spec] = []
    notes = [t("plane.note", lang)] if show_reading else []
    if reader is None:
        title = t("plane.title", lang)
    else:
        title = t("plane.title.both" if reveal else "plane.title.reader", lang)
        # Once the reading is shown, only its points carry labels: two sets of names overlap.
        data.append(
            _points(
                reader,
                colours,
                name=t("plane.reader", lang),
                symbol="circle",
                filled=False,
                labels=not reveal,
            )
        )
    if show_reading:
        data.append(
            _points(reading, colours, name=t("plane.casebook", lang), symbol="circle", filled=True)
        )
    spec = _plane_layout(theme, title, lang, notes)
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
    return go.Figure({"data": data, "layout": spec})


def class_plane(
    placements: pd.DataFrame,
    summary: pd.DataFrame,
    *,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
) -> go.Figure:
    """A class's placements: each one faint, the mean per case with its spread, and the reading."""
    check_lang(lang)
    colours = theme.area_colours(summary["case_id"].tolist())
    names = dict(zip(summary["case_id"], summary["name"], strict=True))
    data: list[Spec] = []
    for case in summary.to_dict("records"):
        part = placements[placements["case_id"] == case["case_id"]]
        colour = colours[case["case_id"]]
        label = escape(names[case["case_id"]])
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
                    "legendgroup": case["case_id"],
                    "showlegend": False,
                    "x": [case[f"{AXES[0]}_mean"]],
                    "y": [case[f"{AXES[1]}_mean"]],
                    "error_x": {"type": "data", "array": [case[f"{AXES[0]}_sd"]], "color": colour},
                    "error_y": {"type": "data", "array": [case[f"{AXES[1]}_sd"]], "color": colour},
                    "marker": {
                        "color": colour,
                        "symbol": "diamond",
                        "size": 15,
                        "line": {"width": 1, "color": "#000"},
                    },
                    "hovertext": [f"{label}: {t('plane.class_mean', lang)} (n={case['n']})"],
                    "hoverinfo": "text",
                }
            )
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": f"{label} · {t('plane.casebook', lang)}",
                "legendgroup": case["case_id"],
                "showlegend": False,
                "x": [case[f"{AXES[0]}_casebook"]],
                "y": [case[f"{AXES[1]}_casebook"]],
                "text": [label],
                "textposition": "top center",
                "marker": {
                    "color": colour,
                    "symbol": "star",
                    "size": 18,
                    "line": {"width": 1, "color": "#000"},
                },
                "hovertext": [f"{label}: {t('plane.casebook', lang)}"],
                "hoverinfo": "text",
            }
        )
    spec = _plane_layout(
        theme,
        t("plane.title.class", lang),
        lang,
        [t("plane.class_note", lang), t("plane.note", lang)],
    )
    return go.Figure({"data": data, "layout": spec})


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
    a phone (:func:`casebook.charts.base.narrow_heatmap`).
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
        left=260,
        top=100,
    )
    spec["xaxis"] = axis(theme, side="top", showgrid=False, tickangle=0)
    spec["yaxis"] = axis(theme, autorange="reversed", showgrid=False)
    spec["shapes"] += cell_frame(
        list(matrix.index), list(matrix.columns), selected, colour="#D55E00", width=4
    )
    if narrow:
        narrow_heatmap(spec, heat)
    return go.Figure({"data": [heat], "layout": spec})
