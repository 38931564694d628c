"""One chart on its own, shown the same way as the charts in the views.

A plotly figure shown as a plain cell output made jupyterlab-plotly raise "r.setData is not a
function" in Voilà 0.5 (the chart still drew); figures set on an Output widget, as the views do,
raise nothing. Notebooks therefore show a standalone chart through this view.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go

from casebook.views._base import View, figure_outputs

__all__ = ["ChartView", "chart"]


class ChartView(View):
    """A single figure in an Output widget (``figure`` is the figure shown)."""

    def __init__(self, figure: go.Figure, *, lang: str = "nl") -> None:
        self.figure = figure
        self.lang = lang
        self.output = widgets.Output()
        self.output.outputs = figure_outputs(figure)
        self.widget = widgets.VBox([self.output], layout=widgets.Layout(width="100%"))
        self.widget.add_class("casebook-chart")

    def static_parts(self) -> list[Any]:
        return [self.figure]


def chart(figure: go.Figure, *, lang: str = "nl") -> ChartView:
    """Show ``figure`` in a notebook or Voilà page (and as a static chart in the handout)."""
    return ChartView(figure, lang=lang)
