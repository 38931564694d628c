"""A view in the static book (casebook.handout): while the book is built, a view shows itself
as static HTML in both languages instead of widgets (which need a running server), its main
control made explorable with plotly's own menu; figures are divs on a page that loads
plotly.js once."""

from __future__ import annotations

import os
import re
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer  # the documented base of custom renderers

from casebook.charts.base import ALT
from casebook.charts.book import ALTS
from casebook.i18n import LANGS
from casebook.markup import escape
from casebook.text import t
from casebook.views.chart import PLOTLY_CONFIG

__all__ = [
    "HANDOUT_ENV",
    "HANDOUT_MIME",
    "InTheBook",
    "figure_div",
    "handout_mode",
    "handout_note",
    "use_handout_renderer",
]


HANDOUT_ENV = "CASEBOOK_HANDOUT"
# While the handout is built a view gives itself in both languages under this type, and the
# handout writes each language's page with that language's part (casebook.handout).
HANDOUT_MIME = "application/vnd.casebook.handout+json"


def handout_note(key: str | None, menus: bool, lang: str) -> str:
    """The note above a view in the book (HTML, maybe empty): the view's
    :attr:`View.handout_note_key` (None: no note, the view has nothing to choose); with
    ``menus`` instead one note for the screen ("book.menu_note") and one for print
    ("book.print_note", CSS classes ``cb-screen-only`` and ``cb-print-only``), where the menus
    are hidden (casebook.book, BOOK_CSS)."""

    def note(text_key: str, where: str = "") -> str:
        classes = f"casebook-handout-note {where}".strip()
        return f'<p class="{classes}"><i>{escape(t(text_key, lang))}</i></p>'

    if menus:
        return note("book.menu_note", "cb-screen-only") + note("book.print_note", "cb-print-only")
    return note(key) if key is not None else ""


def handout_mode() -> bool:
    """True while the static handout is being built (see casebook.handout)."""
    return os.environ.get(HANDOUT_ENV) == "1"


def figure_div(fig: go.Figure, div_id: str) -> str:
    """A figure as an HTML div for a page that loads plotly.js once (the handout), with its
    text alternative as the app gives it (``casebook/views/chart.js``): the drawing named and
    described (``role="img"``, ``aria-describedby``), its data as a table behind a "show as
    table" disclosure (all escaped by casebook.charts.base). A menu figure
    (casebook.charts.book) carries one alternative per option; the one of the option shown is
    visible, and the book's script follows the menu."""
    html = pio.to_html(
        fig, include_plotlyjs=False, full_html=False, div_id=div_id, config=PLOTLY_CONFIG
    )
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    alts = meta.get(ALTS) or [meta.get(ALT)]
    if not any(alts):
        return html
    menus = fig.layout.updatemenus
    shown = (menus[0].active or 0) if menus else 0
    blocks = []
    for k, alt in enumerate(alts):
        if not alt:
            continue
        said = f"{div_id}-said-{k}"
        blocks.append(
            f'<div class="cb-chart-alt" data-cb-for="{div_id}" data-cb-option="{k}" '
            f'data-cb-name="{alt["name"]}"{"" if k == shown else " hidden"}>'
            f'<p id="{said}" hidden>{alt["summary"]}</p>{alt["table"]}</div>'
        )
    if shown < len(alts) and alts[shown]:
        # a chart with a menu holds a control: a figure (whose content stays reachable), not
        # an image (whose content is not)
        role = "figure" if menus else "img"
        named = (
            f'<div id="{div_id}" role="{role}" aria-label="{alts[shown]["name"]}" '
            f'aria-describedby="{div_id}-said-{shown}"'
        )
        html = re.sub(rf'<div id="{re.escape(div_id)}"', lambda _: named, html, count=1)
    return html + "".join(blocks)


class InTheBook:
    """What :class:`casebook.views.base.View` does in the static book: its default selection as
    HTML in each language (:meth:`static_pages`), with the figure its main control changes
    made explorable (``handout_menu``) and the note above it (``handout_note_key``). The view
    gives :meth:`static_parts`, ``draw``, ``quietly``, ``language``, ``lang`` and ``widget``."""

    # the main control and the figure attribute it changes, which the book makes explorable
    # without a server (every option's chart in one figure with a menu); and the key of the note
    # above the view (None: the view has nothing to choose)
    handout_menu: tuple[str, str] | None = None
    handout_note_key: str | None = "book.selection_note"

    def _explored(self, lang: str) -> list[str | go.Figure]:
        """:meth:`static_parts`, with the figure that the view's main control changes (see
        :attr:`handout_menu`) replaced by one holding every option's chart, chosen in the page
        with plotly's own menu (casebook.charts.book), so the book is explorable without a
        kernel."""
        parts = self.static_parts()
        found = self.handout_menu
        if found is None:
            return parts
        control_name, figure_name = found
        control, shown = getattr(self, control_name), getattr(self, figure_name)
        if shown is None or not any(part is shown for part in parts):
            return parts
        from casebook.charts.book import menu_figure  # the handout only

        was, options = control.value, []
        for label, value in control.options:
            with self.quietly():
                control.value = value
            self.draw()
            figure = getattr(self, figure_name)
            if figure is not None:
                options.append((str(label), value, figure))
        with self.quietly():
            control.value = was
        self.draw()
        values = [value for _, value, _ in options]
        if len(options) < 2 or was not in values:
            return parts
        menu = menu_figure(
            [(label, figure) for label, _, figure in options],
            label=str(control.description or ""),
            default=values.index(was),
        )
        return [menu if part is shown else part for part in parts]

    def static_html(self, lang: str) -> str:
        explored = self._explored(lang)
        menus = any(isinstance(p, go.Figure) and p.layout.updatemenus for p in explored)
        parts = [handout_note(self.handout_note_key, menus, lang)]
        for k, part in enumerate(explored):
            if isinstance(part, go.Figure):
                parts.append(figure_div(part, f"{type(self).__name__.lower()}-{id(self):x}-{k}"))
            else:
                parts.append(part)
        return "\n".join(parts)

    def static_pages(self) -> dict[str, str]:
        """The view's default selection as static HTML in each language (for the handout)."""
        was, pages = self.lang, {}
        for lang in LANGS:
            self.language.value = lang  # relabels and draws, as the switch does
            pages[lang] = self.static_html(lang)
        self.language.value = was
        return pages

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        if handout_mode():
            pages = self.static_pages()
            return {
                "text/html": pages[self.lang],
                HANDOUT_MIME: pages,
                "text/plain": f"<{type(self).__name__}>",
            }
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
