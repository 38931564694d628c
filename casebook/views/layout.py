"""How a view's widgets are laid out: charts beside the controls that change them, and
dropdowns as wide as their choices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

__all__ = ["fitted", "pair"]


def pair(
    controls: Sequence[widgets.Widget],
    charts: Sequence[widgets.Widget],
    *,
    stick: str = "controls",
    beside: bool = True,
) -> widgets.VBox:
    """Charts with the controls that change them. The app's page CSS (``casebook.css``,
    ``.cb-pair``) sets them side by side on a wide screen, so that a projector's 1280×720
    shows a chart with its controls, and keeps the shorter side (``stick``: "controls" or
    "charts") in view while the reader scrolls along the other; below 1000 px, and in
    JupyterLab, they stay one below the other. ``beside=False``: one below the other on
    every screen (a row of controls above a chart that fits the screen with it)."""
    if stick not in ("controls", "charts"):
        raise ValueError(f"stick must be 'controls' or 'charts', not {stick!r}")
    plain = widgets.Layout()  # both sides' (CSS lays them out): one model, not two
    left, right = (
        widgets.VBox(list(controls), layout=plain),
        widgets.VBox(list(charts), layout=plain),
    )
    left.add_class("cb-pair-controls")
    right.add_class("cb-pair-charts")
    box = widgets.VBox([left, right], layout=widgets.Layout(width="100%"))
    box.add_class("cb-pair")
    box.add_class(f"cb-stick-{stick}" if beside else "cb-pair-above")
    return box


def fitted() -> dict[str, Any]:
    """A dropdown's own layout and style, to make it with (``Dropdown(..., **fitted())``): as
    wide as its choices, its label in full. Made with the widget, not set afterwards: the
    defaults it would replace are models that every reader's browser is sent."""
    return {
        "layout": widgets.Layout(width="auto", max_width="100%"),
        "style": {"description_width": "initial"},
    }
