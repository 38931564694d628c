"""What every widget view shares: showing a figure in place, a message, a CSV download link."""

from __future__ import annotations

import base64
import json
import logging
import os
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer  # the documented base of custom renderers

from casebook.files import atomic_write_text
from casebook.markup import escape
from casebook.text import t as _t

__all__ = [
    "HANDOUT_ENV",
    "PLOTLY_CONFIG",
    "View",
    "download_link",
    "figure_div",
    "figure_outputs",
    "handout_mode",
    "message_html",
    "save_text",
]

log = logging.getLogger(__name__)

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
    return f'<p class="casebook-message" role="status" style="font-size:1.1em">{escape(text)}</p>'


def download_link(
    csv_text: str | None, filename: str, label: str, *, mime: str = "text/csv"
) -> str:
    """An HTML link that saves the text as ``filename``; works offline (data URI)."""
    if not csv_text:
        return ""
    payload = base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
    return (
        f'<a class="casebook-download" download="{escape(filename)}" '
        f'href="data:{mime};charset=utf-8;base64,{payload}">{escape(label)}</a>'
    )


HANDOUT_ENV = "CASEBOOK_HANDOUT"


def handout_mode() -> bool:
    """True while the static handout is being built (see casebook.handout)."""
    return os.environ.get(HANDOUT_ENV) == "1"


def figure_div(fig: go.Figure, div_id: str) -> str:
    """A figure as an HTML div for a page that loads plotly.js once (the handout)."""
    return pio.to_html(
        fig, include_plotlyjs=False, full_html=False, div_id=div_id, config=PLOTLY_CONFIG
    )


def save_text(path: Path, text: str, lang: str) -> tuple[Path | None, str]:
    """Write ``text`` to ``path`` atomically; return the path (None when it failed) and the
    message for the reader (where it went, or why it could not be saved)."""
    try:
        saved = atomic_write_text(path, text)
    except OSError as err:
        log.exception("saving %s failed", path)
        return None, message_html(_t("save_failed", lang, reason=err.strerror or str(err)))
    return saved, message_html(_t("saved", lang, path=str(saved)))


class View:
    """What every view shares: ``widget`` is shown in a notebook or Voilà; while the handout is
    built the view shows itself as static HTML instead (its ``static_parts``), since widgets
    cannot work without a kernel."""

    widget: Any
    handout_note_key = "handout.note"

    def static_parts(self) -> list[str | go.Figure]:
        """HTML strings and figures that show the view's default selection on paper."""
        raise NotImplementedError

    def static_html(self, lang: str) -> str:
        note = escape(_t(self.handout_note_key, lang))
        parts = [f'<p class="casebook-handout-note"><i>{note}</i></p>']
        for k, part in enumerate(self.static_parts()):
            if isinstance(part, go.Figure):
                parts.append(figure_div(part, f"{type(self).__name__.lower()}-{id(self):x}-{k}"))
            else:
                parts.append(part)
        return "\n".join(parts)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        if handout_mode():
            lang = getattr(self, "lang", "nl")
            return {"text/html": self.static_html(lang), "text/plain": f"<{type(self).__name__}>"}
        return self.widget._repr_mimebundle_(**kwargs)


class _HandoutRenderer(MimetypeRenderer):
    """A plotly renderer for the handout: each figure as a div; plotly.js is in the page once."""

    def __init__(self) -> None:
        self._count = 0

    def to_mimebundle(self, fig_dict: dict[str, Any]) -> dict[str, str]:
        self._count += 1
        fig = go.Figure(fig_dict)
        return {"text/html": figure_div(fig, f"casebook-figure-{self._count}")}


def use_handout_renderer() -> None:
    """Show figures as HTML divs (called when a notebook runs for the handout)."""
    pio.renderers["casebook_handout"] = _HandoutRenderer()
    pio.renderers.default = "casebook_handout"
