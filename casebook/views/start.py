"""The landing page's view: a language switch, the pages in reading order and the five cases;
in class mode (``casebook start --class``) also the students' link and its QR code."""

from __future__ import annotations

import logging
import os
from typing import Any

import ipywidgets as widgets

from casebook.data import Casebook
from casebook.markup import escape, table_html
from casebook.start import PAGES, case_overview
from casebook.text import t
from casebook.views.base import View, handout_mode

__all__ = ["CLASS_LINK_ENV", "StartView", "class_link_html", "start_view"]

log = logging.getLogger(__name__)

# Set in the app's process by class mode (casebook.app.classroom.export): the students' link.
CLASS_LINK_ENV = "CASEBOOK_CLASS_LINK"


def _class_link_from_env() -> str | None:
    link = os.environ.get(CLASS_LINK_ENV, "").strip()
    if not link or handout_mode():  # a handout is for after class: no link in it
        return None
    if not link.startswith(("http://", "https://")):
        log.warning(
            "%s is not a web address (%r); the landing page leaves it out", CLASS_LINK_ENV, link
        )
        return None
    return link


def class_link_html(link: str, lang: str) -> str:
    """The students' link and its QR code (inline SVG, black on white), folded away under a
    summary so that the students' own landing page stays short; the teacher opens it."""
    import segno

    title = t("start.class_qr", lang)
    svg = segno.make(link, error="m").svg_inline(
        scale=6, dark="#000", light="#fff", title=title, svgclass="casebook-class-qr"
    )
    svg = svg.replace("<svg ", '<svg role="img" ', 1)
    return (
        f'<details class="casebook-class-link"><summary><b>{escape(t("start.class_title", lang))}'
        f"</b></summary><p>{escape(t('start.class_hint', lang))}</p>{svg}"
        f'<p><a href="{escape(link)}"><code>{escape(link)}</code></a></p></details>'
    )


class StartView(View):
    """Controls: ``language``. ``body`` holds the links and the case table in that language,
    and in class mode the students' link (``class_link``; by default from
    :data:`CLASS_LINK_ENV`)."""

    handout_note_key = None

    def __init__(self, book: Casebook, *, lang: str = "nl", class_link: str | None = None) -> None:
        self.class_link = class_link or _class_link_from_env()
        super().__init__(book, lang=lang)
        self.body = widgets.HTML()
        self.widget = widgets.VBox([self.language, self.body], layout=widgets.Layout(width="100%"))
        self.widget.add_class("casebook-start")
        self._start()

    def draw(self) -> None:
        lang = self.lang
        items = [(name, name[:2]) for name in PAGES[1:]]  # "01_casussen.ipynb" is page 01
        links = "".join(
            f'<li><a href="{name}"><b>{n}</b> · {escape(t(f"page.{n}", lang))}</a></li>'
            for name, n in items
        )
        table = table_html(case_overview(self._book, lang=lang), index=True)
        self.body.value = (
            f'<p style="font-size:1.1em">{escape(t("start.intro", lang))}</p>'
            f'<h3>{escape(t("start.pages", lang))}</h3><ol class="casebook-pages">{links}</ol>'
            f"<h3>{escape(t('start.cases', lang))}</h3>{table}"
        )
        if self.class_link:
            self.body.value = class_link_html(self.class_link, lang) + self.body.value

    def static_parts(self) -> list[Any]:
        return [self.body.value.replace(".ipynb", ".html")]


def start_view(book: Casebook, *, lang: str = "nl") -> StartView:
    """Build the landing page's view; display the result in a notebook to use it. In class mode
    it shows the students' link and QR code (see :data:`CLASS_LINK_ENV`)."""
    return StartView(book, lang=lang)
