"""Reading a chart's text alternative back as a test sees it: the summary, and the table behind
"show as table" as rows of plain cell texts (what a screen reader reads), parsed from the HTML
the browser is given (stdlib only)."""

from __future__ import annotations

from html.parser import HTMLParser

import plotly.graph_objects as go

from casebook.charts.base import alt_of


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def alt_summary(fig: go.Figure) -> str:
    """The summary a chart carries (fails the test where it carries none)."""
    alt = alt_of(fig)
    assert alt is not None, "the figure carries no text alternative"
    return alt["summary"]


def alt_rows(fig: go.Figure) -> list[list[str]]:
    """The text alternative's table as rows of cell texts, the heading row first."""
    alt = alt_of(fig)
    assert alt is not None and alt["table"], "the figure carries no table"
    parser = _Cells()
    parser.feed(alt["table"])
    return parser.rows
