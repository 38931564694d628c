"""Charts for the static book (``casebook handout``): several figures of one chart builder, one
per option of a control, in one figure whose own plotly menu shows one option at a time.

No kernel is needed to explore such a figure: every option's traces are in it, and each menu
entry sets ``visible`` to show exactly that option's traces and puts that option's layout
(titles, axes, notes, shapes) in place. Pure: figures in, a figure out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from casebook.charts.base import ALT

__all__ = ["ALTS", "MENU_NAME", "menu_figure", "visible_masks"]

# Where a menu figure keeps its options' text alternatives, one per option in the menu's order
# (``layout.meta``; each as casebook.charts.base.alt_of gives it, or None).
ALTS = "casebook_alts"

# The name of the menu, in the figure's layout (a browser test finds its chart by it).
MENU_NAME = "casebook-options"

# Layout keys that one option's figure may set and the next may not: each menu entry sets all
# of them (None when the option has none, which plotly.js reads as "back to the default").
_NEVER_SWITCHED = {"template", "updatemenus", "meta", "sliders"}


def visible_masks(counts: Sequence[int]) -> list[list[bool]]:
    """For options with ``counts[k]`` traces each, laid end to end: the ``visible`` list that
    shows exactly option ``k``'s traces, for every ``k``."""
    total, masks, start = sum(counts), [], 0
    for count in counts:
        masks.append([start <= i < start + count for i in range(total)])
        start += count
    return masks


# Pixels added above each chart for the menu: the title and legend move down by as much.
MENU_ROOM = 44


def _layout_of(fig: go.Figure, height: float | None) -> dict[str, Any]:
    """The option's layout with room for the menu above it, drawn ``height`` high: what sits
    in the top margin in container coordinates (title, legend) keeps its distance from the
    chart, the margin grows by :data:`MENU_ROOM`."""
    layout = {k: v for k, v in fig.layout.to_plotly_json().items() if k not in _NEVER_SWITCHED}
    old = layout.get("height")
    if height is None or old is None:
        return layout
    layout["height"] = height
    margin = dict(layout.get("margin") or {})
    margin["t"] = margin.get("t", 80) + MENU_ROOM
    margin["b"] = margin.get("b", 80) + (height - MENU_ROOM - old)  # a shorter option: room below
    layout["margin"] = margin
    for key in ("title", "legend"):
        part = layout.get(key)
        if isinstance(part, dict) and part.get("yref") == "container" and "y" in part:
            from_top = (1 - part["y"]) * old + MENU_ROOM
            layout[key] = {**part, "y": 1 - from_top / height}
    return layout


def _menu_place(layout: dict[str, Any], height: float | None) -> tuple[float, str]:
    """Where the menu goes in paper coordinates (y, yanchor): in the room above the title."""
    if height is None:
        return 1.02, "bottom"
    margin = layout["margin"]
    plot = height - margin["t"] - margin["b"]
    return 1 + (margin["t"] - 6) / plot, "top"


def menu_figure(
    options: Sequence[tuple[str, go.Figure]],
    *,
    label: str = "",
    default: int = 0,
    direction: str = "down",
) -> go.Figure:
    """One figure holding every option's traces, with a plotly dropdown (``direction`` "down")
    or a row of buttons ("right") that shows one option at a time; ``options`` are
    ``(menu label, figure)`` pairs, ``default`` the option shown first, ``label`` the text
    before the menu. The figure's height is the tallest option's.

    Raises
    ------
    ValueError
        If there are no options, or ``default`` is not one of them.
    """
    if not options:
        raise ValueError("a menu figure needs at least one option")
    if not 0 <= default < len(options):
        raise ValueError(f"default {default} is not one of the {len(options)} options")
    figures = [fig for _, fig in options]
    masks = visible_masks([len(fig.data) for fig in figures])
    heights = [fig.layout.height for fig in figures if fig.layout.height is not None]
    height = max(heights) + MENU_ROOM if len(heights) == len(figures) else None
    layouts = [_layout_of(fig, height) for fig in figures]
    keys = sorted({k for layout in layouts for k in layout})
    combined = go.Figure(layout=figures[default].layout)
    combined.update_layout(layouts[default])
    traces = [trace for fig in figures for trace in fig.data]
    for index, trace in enumerate(traces):
        copied = go.Figure(data=[trace]).data[0]  # a copy: the option's figure stays as it was
        copied.visible = masks[default][index]
        combined.add_trace(copied)
    places = [_menu_place(layout, height) for layout in layouts]
    buttons = [
        {
            "label": name,
            "method": "update",
            "args": [
                {"visible": masks[k]},
                {
                    **{key: layouts[k].get(key) for key in keys},
                    "updatemenus[0].y": places[k][0],
                },
            ],
        }
        for k, (name, _) in enumerate(options)
    ]
    y, anchor = places[default]
    combined.update_layout(
        updatemenus=[
            {
                "name": MENU_NAME,
                "type": "dropdown" if direction == "down" else "buttons",
                "direction": direction,
                "active": default,
                "buttons": buttons,
                "x": 1,
                "xanchor": "right",
                "y": y,
                "yanchor": anchor,
                "showactive": True,
            }
        ],
    )
    meta = dict(combined.layout.meta or {})
    if label:
        meta["menu_label"] = label
    # as each figure carries it (escaped HTML: casebook.views.book writes it into the page)
    alts = [
        fig.layout.meta.get(ALT) if isinstance(fig.layout.meta, dict) else None for fig in figures
    ]
    if any(alts):
        meta[ALTS] = alts
    if meta:
        combined.layout.meta = meta
    return combined
