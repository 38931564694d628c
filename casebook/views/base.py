"""What every widget view shares: the :class:`View` base (language, quiet relabelling, one draw
per change, messages), showing a figure in place, a download link, saving a reader's file."""

from __future__ import annotations

import base64
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go
import plotly.io as pio
import traitlets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from plotly.io._base_renderers import MimetypeRenderer  # the documented base of custom renderers

from casebook.data import Casebook
from casebook.files import atomic_write_text
from casebook.i18n import LANGS, check_lang
from casebook.markup import escape
from casebook.text import t as _t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.chart import PLOTLY_CONFIG, Chart

__all__ = [
    "HANDOUT_ENV",
    "HANDOUT_MIME",
    "Chart",
    "Choices",
    "PLOTLY_CONFIG",
    "WIDTHS",
    "View",
    "download_link",
    "figure_div",
    "handout_mode",
    "handout_note",
    "message_html",
    "pair",
    "save_text",
]

log = logging.getLogger(__name__)

WIDTHS = ("wide", "narrow")


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
        return f'<p class="{classes}"><i>{escape(_t(text_key, lang))}</i></p>'

    if menus:
        return note("book.menu_note", "cb-screen-only") + note("book.print_note", "cb-print-only")
    return note(key) if key is not None else ""


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


class Choices(widgets.VBox):
    """Several choices as a row of checkboxes (a reader ticks them; no Ctrl-click list).

    It behaves like ``ipywidgets.SelectMultiple`` where the views use one: ``options`` are
    ``(label, value)`` pairs, ``value`` is the tuple of values ticked, ``description`` is the
    label above the boxes, and observers of ``value`` hear one change per tick. New options
    keep the boxes (and the ticks) of values that stay; values that go are dropped from
    ``value``. Each box is a real checkbox: reachable with Tab, ticked with Space, labelled.
    """

    options = traitlets.List()
    value = traitlets.Tuple()
    description = traitlets.Unicode("")

    def __init__(
        self, options: Iterable[tuple[str, Any]], value: Iterable[Any] = (), **kwargs: Any
    ) -> None:
        self._label = widgets.HTML()
        self._row = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap", width="100%"))
        self._boxes: dict[Any, widgets.Checkbox] = {}
        # every box shares one layout and one style: each is a model of its own that the
        # browser is sent, and a page of the app has a few dozen boxes for every reader
        self._box_layout = widgets.Layout(width="auto")
        self._box_style = CheckboxStyle()
        self._syncing = False
        super().__init__([self._label, self._row], **kwargs)
        self.add_class("cb-choices")
        self.options = list(options)
        self.value = tuple(value)

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict[str, Any]) -> tuple[Any, ...]:
        allowed = [v for _, v in self.options]
        value = tuple(proposal["value"])
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise traitlets.TraitError(f"not among the options: {unknown!r}")
        return tuple(dict.fromkeys(value))

    @traitlets.observe("options")
    def _options_changed(self, change: dict[str, Any]) -> None:
        boxes = {}
        for label, value in self.options:
            box = self._boxes.get(value)
            if box is None:
                box = widgets.Checkbox(indent=False, layout=self._box_layout, style=self._box_style)
                box.observe(self._ticked, names="value")
            box.description = str(label)
            boxes[value] = box
        self._boxes = boxes
        self._row.children = tuple(boxes.values())
        kept = tuple(v for v in self.value if v in boxes)
        if kept != self.value:
            self.value = kept
        self._tick()

    @traitlets.observe("value")
    def _value_changed(self, change: dict[str, Any]) -> None:
        self._tick()

    @traitlets.observe("description")
    def _description_changed(self, change: dict[str, Any]) -> None:
        self._label.value = (
            f'<span class="cb-choices-label">{escape(self.description)}</span>'
            if self.description
            else ""
        )

    def _tick(self) -> None:
        chosen = set(self.value)
        self._syncing = True
        try:
            for value, box in self._boxes.items():
                box.value = value in chosen
        finally:
            self._syncing = False

    def _ticked(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self.value = tuple(v for v, box in self._boxes.items() if box.value)


def pair(
    controls: Sequence[widgets.Widget],
    charts: Sequence[widgets.Widget],
    *,
    stick: str = "controls",
    beside: bool = True,
) -> widgets.VBox:
    """Charts with the controls that change them. The page's CSS (the Voilà template,
    ``.cb-pair``) sets them side by side on a wide screen, so that a projector's 1280×720
    shows a chart with its controls, and keeps the shorter side (``stick``: "controls" or
    "charts") in view while the reader scrolls along the other; below 1000 px, and in
    JupyterLab, they stay one below the other. ``beside=False``: one below the other on
    every screen (a row of controls above a chart that fits the screen with it)."""
    if stick not in ("controls", "charts"):
        raise ValueError(f"stick must be 'controls' or 'charts', not {stick!r}")
    left, right = widgets.VBox(list(controls)), widgets.VBox(list(charts))
    left.add_class("cb-pair-controls")
    right.add_class("cb-pair-charts")
    box = widgets.VBox([left, right], layout=widgets.Layout(width="100%"))
    box.add_class("cb-pair")
    box.add_class(f"cb-stick-{stick}" if beside else "cb-pair-above")
    return box


class View:
    """What every page's view has, in one place.

    - ``language``: the NL/EN switch, and :attr:`lang`. A language change relabels every
      control (:meth:`relabel`) without firing the view's own observers, then draws once.
    - :meth:`quietly`: change controls from code (relabelling, loading answers) without a draw
      for each; the caller draws once afterwards. :meth:`watch` attaches observers that keep
      quiet meanwhile, so that one change of the reader's makes one draw of what it affects.
    - :meth:`show` (a figure into its chart widget), :meth:`say` (a message), and
      :func:`download_link` for downloads; :meth:`failed` logs an error and tells the reader in
      one sentence, never with a traceback.
    - ``widget`` is shown in a notebook or Voilà; while the handout is built the view shows
      itself as static HTML instead (its :meth:`static_parts`), since widgets need a kernel.

    A subclass builds its widgets, then calls :meth:`_start`, which labels everything, draws once
    and starts listening to the language switch.
    """

    widget: Any
    # In the static book: the main control and the figure attribute it changes, which the book
    # makes explorable without a kernel (every option's chart in one figure with a menu); and
    # the key of the note above the view (None: the view has nothing to choose).
    handout_menu: tuple[str, str] | None = None
    handout_note_key: str | None = "book.selection_note"

    def __init__(self, book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME) -> None:
        check_lang(lang)
        self._book, self._theme = book, theme
        self._quiet = 0
        self.language = widgets.ToggleButtons(options=[(x.upper(), x) for x in LANGS], value=lang)
        # The layout the charts are drawn for: "wide" (laptop, projector) or "narrow" (a phone).
        # Set by the page, never by the reader: the Voilà template clicks it from the window's
        # width (and again when that crosses 640 px); hidden everywhere.
        self.width = widgets.ToggleButtons(options=[(w, w) for w in WIDTHS], value="wide")
        self.width.add_class("cb-width")
        self.width.layout.display = "none"
        # In Voilà the title bar's switch drives this one (the template finds it by its class
        # and hides it); in JupyterLab, which has no title bar, it is the page's switch.
        self.language.add_class("cb-lang")

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
