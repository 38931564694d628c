"""What every chart builder shares: escaping data text, the common layout, a message figure.

Chart builders write a figure as one plain specification and hand it to ``go.Figure`` once.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["NOTE_LINE", "Spec", "axis", "escape", "layout", "message_figure"]

Spec = dict[str, Any]
NOTE_LINE = 18  # pixels per line of notes under a chart


def escape(value: object) -> str:
    """Escape text from the data so that it is shown as text, never as markup."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def axis(theme: Theme, **extra: Any) -> Spec:
    return {**theme.axis_style(), **extra}


def layout(
    theme: Theme,
    title: str,
    height: int,
    *,
    notes: list[str] = (),
    below_axis: int = 70,
    top: int = 70,
    left: int = 70,
    legend_on_top: bool = False,
) -> Spec:
    """Common look. Notes go under the x axis, ``below_axis`` pixels down, one line each."""
    full = height + NOTE_LINE * len(notes)
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
            "y": 1 - 12 / full,
            "yanchor": "top",
        },
        "font": {"family": theme.font_family, "size": theme.font_size, "color": theme.text_colour},
        "height": full,
        "margin": {"l": left, "r": 30, "t": top, "b": below_axis + 20 + NOTE_LINE * len(notes)},
        "showlegend": legend_on_top,
        "annotations": [],
        "shapes": [],
    }
    if legend_on_top:
        spec["legend"] = {
            "orientation": "h",
            "yref": "container",
            "y": 1 - 55 / full,
            "yanchor": "top",
            "x": 0,
        }
    if notes:
        spec["annotations"].append(
            {
                "text": "<br>".join(notes),
                "x": 0,
                "y": 0,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "top",
                "yshift": -below_axis,
                "showarrow": False,
                "align": "left",
                "font": {"size": 12},
            }
        )
    return spec


def message_figure(text: str, *, theme: Theme = DEFAULT_THEME) -> go.Figure:
    """An empty chart that carries only a short message for the reader."""
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
    return go.Figure({"data": [], "layout": spec})
