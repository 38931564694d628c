"""The landing page's view: a language switch, the pages in reading order and the five cases."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from casebook.data import Casebook
from casebook.markup import escape, table_html
from casebook.start import PAGES, case_overview
from casebook.text import t
from casebook.views.base import View

__all__ = ["StartView", "start_view"]


class StartView(View):
    """Controls: ``language``. ``body`` holds the links and the case table in that language."""

    def __init__(self, book: Casebook, *, lang: str = "nl") -> None:
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

    def static_parts(self) -> list[Any]:
        return [self.body.value.replace(".ipynb", ".html")]


def start_view(book: Casebook, *, lang: str = "nl") -> StartView:
    """Build the landing page's view; display the result in a notebook to use it."""
    return StartView(book, lang=lang)
