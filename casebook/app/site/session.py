"""One reader's session (a browser tab): the title bar, the pages built so far, the language.

A page is built the first time the reader opens it, by running its notebook's code cells in a
namespace of its own (:mod:`casebook.app.notebook`), and kept for as long as the session
lives: moving to another page and back finds it as the reader left it (a placement on the
logics page, the answers of the check).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle

from casebook.app.notebook import read_notebook, run_cell
from casebook.app.settings import Settings
from casebook.app.site.shell import Shell
from casebook.i18n import LANGS
from casebook.live import Classroom, in_classroom
from casebook.markup import escape
from casebook.pages import LIVE, Page, by_address
from casebook.text import t

__all__ = ["BuiltPage", "Session", "lang_asked"]

log = logging.getLogger(__name__)


def lang_asked(search: str | None) -> str | None:
    """The language a page's address asks for (``?lang=en``), or None."""
    found = parse_qs(search or "").get("lang", [])
    return found[-1] if found and found[-1] in LANGS else None


@dataclass
class BuiltPage:
    """A page as shown in one session: its parts (a language or None for every language, and
    the widget), its texts (a widget and its HTML per language: the prose between two code
    cells, one widget that holds only the language shown) and the views its code cells made."""

    page: Page | None  # None: the answer to an address that is no page
    widget: widgets.VBox
    parts: list[tuple[str | None, widgets.Widget]] = field(default_factory=list)
    texts: list[tuple[widgets.HTML, dict[str, str]]] = field(default_factory=list)
    views: list[Any] = field(default_factory=list)
    shared: dict[str, widgets.Widget] | None = None
    failed: bool = False

    def apply(self, lang: str, width: str) -> None:
        """Show ``lang``'s prose only, and let every view speak ``lang`` at ``width``."""
        for part_lang, part in self.parts:
            part.layout.display = None if part_lang in (None, lang) else "none"
        for box, html in self.texts:
            if box.value != html[lang]:
                box.value = html[lang]
        for view in self.views:
            if view.width.value != width:
                view.width.value = width
            if view.language.value != lang:
                view.language.value = lang


def _prose(html: str, **shared: Any) -> widgets.HTML:
    box = widgets.HTML(html, **shared)
    box.add_class("cb-prose")
    return box


def _text(built: BuiltPage, cells: list[Any], lang: str) -> None:
    """The prose ``cells`` (a run between two code cells) as one widget that shows one
    language's text at a time: fewer widgets for each reader, and only the text they read."""
    if not cells:
        return
    html = {
        one: "\n".join(cell.html for cell in cells if cell.lang in (None, one)) for one in LANGS
    }
    # the page's texts share one layout and one style: a model each that the browser is sent
    # (their layout is only ever shown, as every language's)
    if built.shared is None:
        built.shared = {"layout": widgets.Layout(), "style": HTMLStyle()}
    box = _prose(html[lang], **built.shared)
    built.texts.append((box, html))
    built.parts.append((None, box))


def _shown(value: Any, views: list[Any]) -> widgets.Widget | None:
    """What a code cell's value shows: a view's widget, a widget, a table's HTML."""
    from casebook.views.base import View

    if value is None:
        return None
    if isinstance(value, View):
        views.append(value)
        return value.widget
    if isinstance(value, widgets.Widget):
        return value
    html = getattr(value, "_repr_html_", None)
    box = widgets.HTML(html() if callable(html) else f"<pre>{escape(repr(value))}</pre>")
    box.add_class("cb-output")
    return box


class Session:
    """A reader's tab. ``root`` is what the app shows: the title bar and the current page."""

    def __init__(self, settings: Settings, search: str | None, teacher: bool = False) -> None:
        self.settings = settings
        self.teacher = teacher
        self.lang = lang_asked(search) or "nl"
        self.width = "wide"
        extra = (LIVE,) if teacher else ()
        self.shell = Shell(lang=self.lang, root=settings.base_path or "/", extra=extra)
        # the boxes around the pages share one layout (never changed): one model, not one each
        self._full = widgets.Layout(width="100%")
        self.content = widgets.VBox(layout=self._full)
        self.content.add_class("cb-content")
        self.root = widgets.VBox([self.shell, self.content], layout=self._full)
        self.root.add_class("cb-root")
        self.pages: dict[str, BuiltPage] = {}
        self.current: BuiltPage | None = None
        self.navigate: Callable[[str], None] = lambda path: None
        self.shell.observe(self._lang_changed, names="lang")
        self.shell.observe(self._width_changed, names="width")
        # what the address asks of the page it opens (?les=25), applied when that page is
        # shown: the first address, then each link followed (never a redraw of the same page)
        self._arrival = search or ""
        self.shell.on_go(self._go)

    # --- the reader's choices -------------------------------------------------------------

    def _lang_changed(self, change: dict[str, Any]) -> None:
        self.lang = change["new"]
        if self.current is not None:
            self.current.apply(self.lang, self.width)

    def _width_changed(self, change: dict[str, Any]) -> None:
        self.width = change["new"]
        if self.current is not None:
            self.current.apply(self.lang, self.width)

    def _go(self, path: str, query: str) -> None:
        """Follow a reader's link to the page at ``path`` with ``query`` (see :meth:`show`)."""
        self._arrival = query
        self.navigate(f"{path}?lang={self.lang}" + (f"&{query}" if query else ""))

    def show(self, path: str, search: str | None = None) -> None:
        """Show the page at ``path`` (built on its first visit), in the language its address
        asks for, else the session's."""
        asked = lang_asked(search)
        if asked and asked != self.lang:
            self.shell.lang = asked  # observers apply it
        page = by_address(path)
        if page is LIVE and not self.teacher:
            page = None
        key = page.notebook if page is not None else ""
        built = self.pages.get(key)
        if built is None:
            built = self.build(page) if page is not None else self._not_found()
            if not built.failed:  # a page that failed is tried again on the next visit
                self.pages[key] = built
        built.apply(self.lang, self.width)
        arrival, self._arrival = self._arrival, ""
        if arrival:
            asked_here = {k: v for k, v in parse_qsl(arrival) if k != "lang"}
            for view in built.views:
                view.arrive(asked_here)
        self.current = built
        self.shell.current = page.path if page is not None else ""
        if self.content.children != (built.widget,):
            self.content.children = (built.widget,)

    # --- building a page ------------------------------------------------------------------

    def _notebook(self, page: Page) -> Path:
        return self.settings.notebooks_dir() / page.notebook

    def build(self, page: Page) -> BuiltPage:
        """Run ``page``'s notebook for this session; a failure is logged and the reader told in
        one sentence, never shown a traceback."""
        box = widgets.VBox(layout=self._full)
        box.add_class("cb-page")
        box.add_class(f"cb-page-{page.topic}")
        built = BuiltPage(page, box)
        try:
            notebook = read_notebook(self._notebook(page))
            namespace: dict[str, Any] = {"__name__": "__main__"}
            prose: list[Any] = []
            with self._page_context():
                for number, cell in enumerate(notebook.cells, start=1):
                    if cell.kind == "prose":
                        prose.append(cell)
                        continue
                    _text(built, prose, self.lang)
                    prose = []
                    value = run_cell(cell.source, namespace, f"{page.notebook}, cell {number}")
                    shown = _shown(value, built.views)
                    if shown is not None:
                        built.parts.append((cell.lang, shown))
                _text(built, prose, self.lang)
        except Exception:
            log.exception("building the page %s failed", page.notebook)
            built.parts = [(lang, _message(t("app.page_failed", lang))) for lang in LANGS]
            built.texts, built.views = [], []
            built.failed = True
        box.children = tuple(widget for _, widget in built.parts)
        return built

    def _not_found(self) -> BuiltPage:
        box = widgets.VBox(layout=self._full)
        box.add_class("cb-page")
        parts = [(lang, _message(t("app.not_found", lang))) for lang in LANGS]
        box.children = tuple(widget for _, widget in parts)
        return BuiltPage(None, box, parts)

    def _page_context(self) -> contextlib.AbstractContextManager[None]:
        """What a page's code needs from the app while it runs: class mode, from the settings
        (the students' link, the class folder) and this session (whether the teacher's secret
        let it in). The views read it when they are made."""
        settings = self.settings
        on = settings.class_mode
        return in_classroom(
            Classroom(
                link=settings.link if on else None,
                folder=settings.class_dir if on else None,
                teacher=on and self.teacher,
            )
        )


def _message(text: str) -> widgets.HTML:
    from casebook.markup import message_html

    box = widgets.HTML(message_html(text))
    box.add_class("cb-prose")
    return box
