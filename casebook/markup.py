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
    "TABLE_STYLE",
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
abbr.cb-term{text-decoration:none;border-bottom:1px dotted;cursor:help}
abbr.cb-term:focus{outline:2px solid #B35900;outline-offset:1px;background:#fff3e0}
abbr.cb-term:focus::after{content:attr(title);position:fixed;left:.5em;right:.5em;bottom:.5em;
  z-index:1000;max-width:40em;margin:0 auto;padding:.6em .9em;border-radius:.5em;
  background:#1f2d3d;color:#fff;font-size:16px;font-weight:normal;font-style:normal;
  line-height:1.4;white-space:normal;text-align:left;box-shadow:0 2px 8px rgba(0,0,0,.35)}
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


TABLE_STYLE = """<style>
.cb-table-frame{overflow-x:auto;max-width:100%;margin:.5em 0 1em;
  background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left/2.5em 100% no-repeat local,
  linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right/2.5em 100% no-repeat local,
  radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) left/1em 100%
  no-repeat scroll,
  radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) right/1em 100%
  no-repeat scroll}
.cb-table-frame>.casebook-table{border-collapse:collapse;margin:0}
.cb-table-frame>.casebook-table td,.cb-table-frame>.casebook-table th{padding:.3em .6em;
  text-align:left;vertical-align:top;border-bottom:1px solid #ccc;overflow-wrap:break-word}
@media (max-width:600px){
.cb-stack,.cb-stack>tbody,.cb-stack>tbody>tr,.cb-stack>tbody>tr>td,.cb-stack>tbody>tr>th{
  display:block;width:auto}
.cb-stack>thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.cb-stack>tbody>tr{border:1px solid #d9dee7;border-radius:.5em;margin:0 0 .6em;padding:.3em 0}
.cb-table-frame>.cb-stack>tbody>tr>td,.cb-table-frame>.cb-stack>tbody>tr>th{border:0;
  padding:.1em .7em;line-height:1.4}
.cb-stack>tbody>tr>:first-child{font-weight:600}
.cb-stack>tbody>tr>td:empty{display:none}
.cb-stack>tbody>tr>td[data-label]::before{content:attr(data-label);
  content:attr(data-label) / "";display:block;
  font-size:.8em;font-weight:600;color:#555;margin-top:.2em}
}
</style>"""


def table_html(
    frame: pd.DataFrame, *, index: bool = False, header: bool = True, na_rep: str = "—"
) -> str:
    """A table as escaped HTML in the casebook's table style, in a frame of its own.

    A table wider than its place scrolls inside its frame, whose edges shade where more of it
    lies (a visible hint; ``tabindex`` lets a keyboard scroll it). A table of three or more
    columns becomes a stack of cards on a phone: one card per row, each value under its
    column's name (``data-label``), so that nothing is cut off or needs a sideways scroll.
    """

    def cell(value: object) -> str:
        missing = value is None or (not isinstance(value, str | list) and pd.isna(value))
        return escape(na_rep) if missing else escape(value)

    columns = [str(c) for c in frame.columns]
    stack = header and len(columns) + (1 if index else 0) >= 3
    head = ""
    if header:
        corner = f'<th scope="col">{escape(frame.index.name)}</th>' if index else ""
        names = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
        head = f"<thead><tr>{corner}{names}</tr></thead>"
    rows = []
    for key, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        first = f'<th scope="row">{cell(key)}</th>' if index else ""
        tds = "".join(
            (f'<td data-label="{escape(name)}">' if stack else "<td>") + f"{cell(value)}</td>"
            for name, value in zip(columns, values, strict=True)
        )
        rows.append(f"<tr>{first}{tds}</tr>")
    kind = "casebook-table cb-stack" if stack else "casebook-table"
    return (
        f'{TABLE_STYLE}<div class="cb-table-frame" tabindex="0">'
        f'<table class="{kind}">{head}<tbody>{"".join(rows)}</tbody></table></div>'
    )


def message_html(text: str | None) -> str:
    """A short message for the reader, escaped; empty when there is nothing to say."""
    if not text:
        return ""
    return f'<p class="casebook-message" role="status" style="font-size:1.1em">{escape(text)}</p>'


# A download looks like what it is, a thing to press, not a line of text (issue 33, item 10);
# inline, so that it looks the same in the app, JupyterLab and the book
DOWNLOAD_STYLE = (
    "display:inline-block;margin:.25em .5em .25em 0;padding:.3em .8em;border:2px solid #005A8C;"
    "border-radius:.4em;background:#eef5fa;color:#005A8C;font-weight:600;text-decoration:none;"
    "line-height:1.4"
)


def download_link(
    csv_text: str | None, filename: str, label: str, *, mime: str = "text/csv"
) -> str:
    """An HTML link that saves the text as ``filename``; works offline (data URI)."""
    if not csv_text:
        return ""
    payload = base64.b64encode(csv_text.encode("utf-8")).decode("ascii")
    return (
        f'<a class="casebook-download" download="{escape(filename)}" style="{DOWNLOAD_STYLE}" '
        f'href="data:{mime};charset=utf-8;base64,{payload}">'
        f'<span aria-hidden="true">⤓ </span>{escape(label)}</a>'
    )
