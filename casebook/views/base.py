"""What every widget view shares: the :class:`View` base (the language and the width it is
drawn for, quiet relabelling, one draw per change, showing a figure in place, messages, its
texts' shared layout). Beside it: the row of checkboxes (``choices.py``), the layout of charts
and controls (``layout.py``), a view in the static book (``book.py``); HTML messages and
download links live in :mod:`casebook.markup`, saving a reader's file in :mod:`casebook.files`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import ipywidgets as widgets
import plotly.graph_objects as go
from ipywidgets.widgets.widget_string import HTMLStyle

from casebook.data import Casebook, Recent, per_book
from casebook.i18n import LANGS, check_lang
from casebook.markup import message_html
from casebook.text import t as _t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.book import InTheBook
from casebook.views.chart import Chart

__all__ = [
    "WIDTHS",
    "View",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

WIDTHS = ("wide", "narrow")


class View(InTheBook):
    """What every page's view has, in one place.

    - ``language``: the NL/EN switch, and :attr:`lang`. A language change relabels every
      control (:meth:`relabel`) without firing the view's own observers, then draws once.
    - :meth:`quietly`: change controls from code (relabelling, loading answers) without a draw
      for each; the caller draws once afterwards. :meth:`watch` attaches observers that keep
      quiet meanwhile, so that one change of the reader's makes one draw of what it affects.
    - :meth:`show` (a figure into its chart widget, changed in place), :meth:`say` (a
      message), and :func:`casebook.markup.download_link` for downloads; :meth:`failed` logs an
      error and tells the reader in one sentence, never with a traceback.
    - ``widget`` is shown in a notebook or the app; while the handout is built the view shows
      itself as static HTML instead (its :meth:`static_parts`, :class:`InTheBook`).

    A subclass builds its widgets, then calls :meth:`_start`, which labels everything, draws once
    and starts listening to the language switch.
    """

    widget: Any

    def __init__(self, book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME) -> None:
        check_lang(lang)
        self._book, self._theme = book, theme
        self._quiet = 0
        self._html_shared: dict[str, widgets.Widget] | None = None
        self._box_layouts: dict[str, widgets.Layout] = {}
        self.language = widgets.ToggleButtons(options=[(x.upper(), x) for x in LANGS], value=lang)
        # The layout the charts are drawn for: "wide" (laptop, projector) or "narrow" (a phone).
        # Set by the app, never by the reader: its title bar measures the window's width (again
        # when that crosses 640 px) and the session sets it on every view; hidden everywhere.
        self.width = widgets.ToggleButtons(options=[(w, w) for w in WIDTHS], value="wide")
        self.width.add_class("cb-width")
        self.width.layout.display = "none"
        # In the app the title bar's switch drives this one (the session sets it; the page's CSS
        # hides it by its class); in JupyterLab, which has no title bar, it is the page's switch.
        self.language.add_class("cb-lang")

    def html(self, value: str = "") -> widgets.HTML:
        """An HTML widget for the view's texts. The view's texts share one layout and one style:
        each is a model that every reader's browser is sent, and a page has dozens of texts.
        (Make a ``widgets.HTML`` of its own for a text whose layout is ever changed.)"""
        if self._html_shared is None:
            self._html_shared = {"layout": widgets.Layout(), "style": HTMLStyle()}
        if value:
            return widgets.HTML(value, **self._html_shared)
        return widgets.HTML(**self._html_shared)  # its value set once, when the view draws

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make()`` builds for ``key`` (the state of the view's controls that decides it),
        kept for every view of this kind on this book: the first state of a page is the same for
        every reader, and a class that opens the page at once builds it once. ``key`` must say
        everything the result depends on beyond the book; the result is shared, so nobody may
        change it (hand out copies of what a reader could change)."""
        kept = per_book(self._book, ("views.remember", type(self).__name__), Recent)
        return kept.get(key, make)

    def box(self, children: list[widgets.Widget], *, row: bool = False) -> widgets.Box:
        """Widgets one below the other (``row``: side by side, wrapping onto the next line), in
        a box that shares the view's one layout for such boxes (a model for every reader's
        browser, and a page has dozens of boxes). Make a box of your own for one whose layout is
        ever changed."""
        key = "row" if row else "column"
        layout = self._box_layouts.get(key)
        if layout is None:
            layout = self._box_layouts[key] = (
                widgets.Layout(flex_flow="row wrap") if row else widgets.Layout()
            )
        return (widgets.HBox if row else widgets.VBox)(children, layout=layout)

    @property
    def lang(self) -> str:
        """The language the view speaks now (``"nl"`` or ``"en"``)."""
        return self.language.value

    @property
    def narrow(self) -> bool:
        """True when the charts are to be drawn for a phone's width."""
        return self.width.value == "narrow"

    # --- what a subclass fills in ---------------------------------------------------------

    def relabel(self) -> None:
        """Put every label in :attr:`lang`; the values chosen stay as they are. Runs quietly."""

    def draw(self) -> None:
        """Draw everything the view shows for its current controls."""
        raise NotImplementedError

    def static_parts(self) -> list[str | go.Figure]:
        """HTML strings and figures that show the view's default selection on paper."""
        raise NotImplementedError

    def arrive(self, query: dict[str, str]) -> None:
        """Open at what the address that brought the reader here asks for (its query, such as
        ``{"les": "25"}`` on the lessons page); a view that opens nowhere in particular
        ignores it, and so does every view what it does not know."""

    # --- what every view shares -----------------------------------------------------------

    def _start(self) -> None:
        self.widget.children = (*self.widget.children, self.width)
        with self.quietly():
            self._relabel_all()
        self.draw()
        self.watch([self.language], self._on_language)
        self.watch([self.width], lambda _: self.draw())

    def _relabel_all(self) -> None:
        self.language.description = _t("control.language", self.lang)
        self.relabel()

    def _on_language(self, change: dict[str, Any]) -> None:
        with self.quietly():
            self._relabel_all()
        self.draw()

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Change controls without the observers attached by :meth:`watch` firing."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def watch(
        self,
        controls: Iterable[widgets.Widget],
        handler: Callable[[dict[str, Any]], None],
        *,
        names: str = "value",
    ) -> None:
        """Call ``handler(change)`` when a reader changes one of ``controls``."""

        def guarded(change: dict[str, Any]) -> None:
            if not self._quiet:
                handler(change)

        for control in controls:
            control.observe(guarded, names=names)

    @staticmethod
    def new_chart() -> Chart:
        """The element a chart is drawn in: a :class:`Chart` (the benchmark's baseline,
        bench/output_baseline.py, puts an ipywidgets Output in its place)."""
        return Chart()

    def show(self, target: Chart, fig: go.Figure | None) -> None:
        """Show ``fig`` in ``target`` (or nothing for None), in place of what was there."""
        target.unavailable = _t("chart.unavailable", self.lang)
        target.show(fig, self.width.value, self.lang)

    @staticmethod
    def say(box: widgets.HTML, text: str | None) -> None:
        """Put a short message for the reader in ``box`` (escaped); None clears it."""
        box.value = message_html(text)

    def failed(self, what: str, **state: Any) -> str:
        """Log the error being handled with the view's state; the reader's one-sentence message."""
        log.exception("%s failed (%s)", what, state)
        return _t("msg.error", self.lang)
