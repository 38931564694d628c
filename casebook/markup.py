"""Data text as HTML: the one escaping helper, and the small pieces every reading card uses.

Every text from the data passes through :func:`escape` before it goes into HTML or a figure, so
that a name or summary is shown as text, never run as markup. Card pieces end with the pages
they come from ("p. 21"); one small style sheet makes cards look the same in JupyterLab, the
app and the handout.
"""

from __future__ import annotations

import base64
import html

import pandas as pd

__all__ = [
    "CARD_STYLE",
    "card",
    "download_link",
    "escape",
    "message_html",
    "pages_html",
    "table_html",
]

CARD_STYLE = """<style>
.cb-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(18em,1fr));
  gap:.8em;margin:.5em 0}
.cb-card{border:1px solid #d9dee7;border-radius:.6em;padding:.7em 1em;background:#fff;
  line-height:1.45}
.cb-card h4{margin:.1em 0 .4em 0;font-size:1.05em}
.cb-balloon{border-radius:1.4em;background:#f4f7fb}
.cb-page{color:#555;font-size:.9em;white-space:nowrap}
.cb-text{font-size:1.05em;line-height:1.5;max-width:48em}
abbr.cb-term{text-decoration:underline dotted;cursor:help}
.cb-glossary dt{margin-top:.6em}
.cb-glossary dd{margin:0 0 0 1.2em;max-width:48em;line-height:1.45}
</style>"""


def escape(value: object) -> str:
    """Text as HTML text: escaped, and empty for a missing value (None or NA)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def pages_html(pages: object) -> str:
    """The pages a text comes from, as a small grey "(p. 21)"."""
    return f'<span class="cb-page">(p. {escape(pages)})</span>'


def card(title: str, body: str, pages: object, *, balloon: bool = False) -> str:
    """One reading card: an escaped title, ``body`` (HTML, already escaped) and its pages."""
    kind = "cb-card cb-balloon" if balloon else "cb-card"
    return (
        f'<div class="{kind}"><h4>{escape(title)}</h4><div>{body} {pages_html(pages)}</div></div>'
    )


def table_html(
    frame: pd.DataFrame, *, index: bool = False, header: bool = True, na_rep: str = "—"
) -> str:
    """A table as escaped HTML in the casebook's table style."""
    return frame.to_html(
        index=index,
        header=header,
        escape=True,
        border=0,
        classes="casebook-table",
        na_rep=na_rep,
    )


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
