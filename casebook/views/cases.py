"""Read the five cases: one case at a time, in tabs, each text with its pages."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from casebook.cases import case_parts
from casebook.data import Casebook
from casebook.markup import CARD_STYLE, escape
from casebook.text import t
from casebook.views.base import View

__all__ = ["CaseReader", "case_reader"]


TABS = ("figures", "opgave", "organisation", "highlights", "evaluation", "reflections", "voices")


class CaseReader(View):
    """One case at a time, in tabs: key figures, task, organisation, highlighted practice,
    evaluation, reflections and outside voices. Controls: ``language`` and ``case``; ``parts``
    holds the HTML of every tab for the case shown."""

    handout_note_key = None

    def __init__(self, book: Casebook, *, lang: str = "nl", case_id: str | None = None) -> None:
        super().__init__(book, lang=lang)
        cases = book.cases.sort_values("number")
        options = [
            (f"{n}. {name}", c)
            for n, name, c in zip(cases["number"], cases["name"], cases["case_id"], strict=True)
        ]
        self.case = widgets.Dropdown(
            options=options, value=case_id or options[0][1], layout=widgets.Layout(width="auto")
        )
        self.summary = self.html()
        self.panes = {name: self.html() for name in TABS}
        self.tabs = widgets.Tab(children=[self.panes[name] for name in TABS])
        self.parts: dict[str, str] = {}
        self.widget = widgets.VBox(
            [widgets.HBox([self.language, self.case]), self.summary, self.tabs],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-reader")
        self._start()
        self.watch([self.case], lambda _: self.draw())

    def show_case(self, case_id: str) -> None:
        """Open ``case_id`` on its first tab (used when a lesson jumps to a case)."""
        self.case.value = case_id
        self.tabs.selected_index = 0

    def relabel(self) -> None:
        lang = self.lang
        self.case.description = t("control.case", lang)
        for index, name in enumerate(TABS):
            self.tabs.set_title(index, t(f"tab.{name}", lang))

    def draw(self) -> None:
        lang, case_id = self.lang, self.case.value
        try:
            self.parts = case_parts(self._book, case_id, lang=lang)
        except Exception:  # a reader never sees a traceback
            self.parts = {}
            self.say(self.summary, self.failed("case reader", case_id=case_id))
            return
        row = self._book.cases.set_index("case_id").loc[case_id]
        self.summary.value = (
            f"{CARD_STYLE}<h2>{escape(row['name'])} · {escape(row['city'])}</h2>"
            f'<p class="cb-text"><b>{escape(row[f"organisation_form_{lang}"])}</b>. '
            f"{escape(row[f'summary_{lang}'])} "
            f'<span class="cb-page">(p. {row["page"]}–{row["page_last"]})</span></p>'
        )
        for name in TABS:
            self.panes[name].value = CARD_STYLE + self.parts[name]

    def static_parts(self) -> list[Any]:
        # Text needs no kernel: the handout carries every case, not only the first.
        parts = []
        for case_id in self._book.cases.sort_values("number")["case_id"]:
            row = self._book.cases.set_index("case_id").loc[case_id]
            sections = case_parts(self._book, case_id, lang=self.lang)
            parts.append(f"<h2>{escape(row['name'])}</h2>")
            for name in TABS:
                parts.append(f"<h3>{escape(t(f'tab.{name}', self.lang))}</h3>{sections[name]}")
        return [CARD_STYLE, *parts]


def case_reader(book: Casebook, *, lang: str = "nl", case_id: str | None = None) -> CaseReader:
    """Build the case reader; display the result in a notebook to use it."""
    return CaseReader(book, lang=lang, case_id=case_id)
