"""The title bar as a widget (``shell.js``): the pages, the language switch, the window's width."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import traitlets

from casebook.i18n import LANGS
from casebook.pages import PAGES, Page
from casebook.papers import PAPERS
from casebook.text import t
from casebook.views.base import WIDTHS
from casebook.views.light import Light, front

__all__ = ["Shell"]

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
_MAX_QUERY = 200  # characters of a link's query passed on (a lesson's number needs six)


def _pages(extra: tuple[Page, ...]) -> list[dict[str, Any]]:
    listed = [(page, True) for page in PAGES] + [(page, False) for page in extra]
    return [
        {
            "path": page.path,
            "notebook": page.notebook,
            "menu": menu,
            **{lang: t(page.nav_key, lang) for lang in LANGS},
        }
        for page, menu in listed
    ]


class Shell(Light):
    """The title bar. ``lang`` is the casebook's language (the reader's switch sets it), ``width``
    the layout the charts are drawn for (the browser sets it), ``current`` the page shown.
    :meth:`on_go` handlers hear which page a reader's click on a link asks for, and the rest
    of the link's query (``les=25``; the language left out)."""

    _esm = front(HERE / "shell.js")
    lang = traitlets.Enum(LANGS, default_value="nl").tag(sync=True)
    width = traitlets.Enum(WIDTHS, default_value="wide").tag(sync=True)
    current = traitlets.Unicode("/").tag(sync=True)
    root = traitlets.Unicode("/").tag(sync=True)
    pages = traitlets.List().tag(sync=True)
    # the teacher's papers (casebook.papers): served by the app beside the pages, not in a
    # session; a link to one (its path, or its file as a notebook writes it) is pointed at it
    papers = traitlets.List().tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)

    def __init__(self, *, extra: tuple[Page, ...] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pages = _pages(extra)
        self.papers = [{"path": paper.path, "file": paper.file} for paper in PAPERS]
        keys = ("title", "nav", "language", "loading", "skip")
        self.texts = {lang: {key: t(f"app.{key}", lang) for key in keys} for lang in LANGS}
        self.add_class("cb-shell")
        self._go: list[Callable[[str, str], None]] = []
        self._paths = {page["path"] for page in self.pages}
        self.on_msg(self._heard)

    def on_go(self, handler: Callable[[str, str], None]) -> None:
        """Call ``handler(path, query)`` when the reader follows a link to the page at ``path``
        (``query``: the link's own, urlencoded, without the language; often empty)."""
        self._go.append(handler)

    def _heard(self, _widget: Any, content: Any, buffers: Any) -> None:
        path = content.get("go") if isinstance(content, dict) else None
        if not isinstance(path, str) or path not in self._paths:
            log.warning("shell: ignored a message from the browser: %.200r", content)
            return
        query = content.get("query", "")
        if not isinstance(query, str) or len(query) > _MAX_QUERY:
            log.warning("shell: ignored a link's query: %.200r", query)
            query = ""
        query = urlencode([(k, v) for k, v in parse_qsl(query) if k != "lang"])
        for handler in self._go:
            handler(path, query)
