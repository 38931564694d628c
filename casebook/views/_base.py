"""What every widget view shares: showing a figure in place, a message, a CSV download link."""

from __future__ import annotations

import base64
import html
import json
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["PLOTLY_CONFIG", "download_link", "figure_outputs", "message_html"]

PLOTLY_CONFIG: dict[str, Any] = {"displaylogo": False, "responsive": True}


def figure_outputs(fig: go.Figure | None) -> tuple[dict[str, Any], ...]:
    """Outputs for an ``ipywidgets.Output`` that show ``fig``, set directly rather than captured.

    Setting ``Output.outputs`` redraws only the chart. Capturing output during execution
    (``with out:``) hung Voilà pages and breaks strict nbval (see NOTES-jupyter-stack.md).
    """
    if fig is None:
        return ()
    spec = json.loads(pio.to_json(fig, validate=False))
    spec["config"] = PLOTLY_CONFIG
    data = {
        "application/vnd.plotly.v1+json": spec,
        "text/plain": f"<{fig.layout.title.text or 'chart'}>",
    }
    return ({"output_type": "display_data", "data": data, "metadata": {}},)


def message_html(text: str | None) -> str:
    """A short message for the reader, escaped; empty when there is nothing to say."""
    if not text:
        return ""
    return (
        f'<p class="casebook-message" role="status" style="font-size:1.1em">{html.escape(text)}</p>'
    )


def download_link(csv_text: str | None, filename: str, label: str) -> str:
    """An HTML link that saves ``csv_text`` as ``filename``; works offline (data URI)."""
    if not csv_text:
        return ""
    payload = base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
    return (
        f'<a class="casebook-download" download="{html.escape(filename)}" '
        f'href="data:text/csv;charset=utf-8;base64,{payload}">{html.escape(label)}</a>'
    )
