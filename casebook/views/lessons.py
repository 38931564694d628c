"""The 27 lessons: filters, a lesson card, jumps to the cases a lesson cites (an embedded case
reader opens them), the lessons x cases grid, the main lines and the outside voices."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from casebook import lessons
from casebook.charts.lessons import lessons_heatmap
from casebook.data import Casebook
from casebook.i18n import LANGS
from casebook.markup import CARD_STYLE
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.base import View
from casebook.views.cases import CaseReader
from casebook.views.layout import Anchor, pair

__all__ = ["LessonsView", "lessons_view"]

ALL = "all"


class LessonsView(View):
    """The 27 lessons: filter by case, logic or tension; choose a lesson to read it; jump to the
    cases it cites (the embedded ``reader`` opens them). Also the four main lines and voices."""

    handout_menu = ("case", "figure")

    def __init__(self, book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME) -> None:
        super().__init__(book, lang=lang, theme=theme)
        # What depends on the book only, built once: a change of a filter looks things up.
        self._index = lessons.lesson_index(book)
        self._matrix = lessons.lessons_matrix(book)
        # the titles in each language: ours in English, the printed ones in Dutch
        self._titles = {
            lang: dict(
                zip(
                    book.lessons["lesson_id"].astype(int),
                    book.lessons[f"title_{lang}"],
                    strict=True,
                )
            )
            for lang in LANGS
        }
        self._names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
        # made with their style: a default replaced afterwards would be a model sent to every
        # reader's browser and never shown
        wide = {"description_width": "initial"}
        self.case = widgets.Dropdown(options=[("", ALL)], value=ALL, style=wide)
        self.logic = widgets.Dropdown(options=[("", ALL)], value=ALL, style=wide)
        self.tension = widgets.Dropdown(options=[("", ALL)], value=ALL, style=wide)
        self.lesson = widgets.Select(
            options=[("", 0)],
            value=0,
            rows=10,
            layout=widgets.Layout(width="100%", max_width="40em"),
        )
        self.card = self.html()
        self.jumps = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self._jump_buttons: dict[str, widgets.Button] = {}
        self.chart = self.new_chart()
        self.main_lines = self.html()
        self.voices = self.html()
        self.reader = CaseReader(book, lang=lang)
        self.to_reader = Anchor()
        self.figure = None
        self.shown: list[int] = []
        self.widget = widgets.VBox(
            [
                self.language,
                pair(
                    [
                        self.box([self.case, self.logic, self.tension], row=True),
                        self.lesson,
                    ],
                    [self.card, self.jumps, self.chart],
                ),
                self.main_lines,
                self.voices,
                self.to_reader,
                self.reader.widget,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-lessons")
        self._start()
        self.watch([self.case, self.logic, self.tension], lambda _: self.draw())
        self.watch([self.lesson], lambda _: self._show_lesson())

    def relabel(self) -> None:
        lang, book = self.lang, self._book
        self.reader.language.value = lang  # the embedded reader relabels and redraws itself
        everything = t("filter.all", lang)
        for control, key, options in (
            (
                self.case,
                "control.case",
                list(zip(book.cases["short_name"], book.cases["case_id"], strict=True)),
            ),
            (
                self.logic,
                "control.logic",
                list(zip(book.logics[f"name_{lang}"], book.logics["logic_id"], strict=True)),
            ),
            (
                self.tension,
                "control.tension",
                list(zip(book.tensions[f"name_{lang}"], book.tensions["tension_id"], strict=True)),
            ),
        ):
            current = control.value
            control.options = [(everything, ALL), *options]
            control.value = current
            control.description = t(key, lang)
        self.lesson.description = t("control.lesson", lang)
        self.main_lines.value = CARD_STYLE + lessons.main_lines_html(book, lang=lang)
        self.voices.value = CARD_STYLE + lessons.voices_html(book, lang=lang)

    def draw(self) -> None:
        """Filter the lessons, draw the grid, list them and show the chosen one: once each.
        The grid goes first: it is what a filter changes before the reader's eyes, and the
        browser draws it before it rebuilds the list of lessons (27 options took it some 40 ms,
        measured in Chromium) and lays out the card."""
        self._filter()
        self._draw_grid()
        with self.quietly():
            self._list()
        self._show_lesson()

    def arrive(self, query: dict[str, str]) -> None:
        """``?les=25`` (:data:`casebook.lessons.LESSON_PARAM`): show lesson 25, every filter back
        to all so that it is in the list (a link from the check's weak spots). Anything else,
        or a lesson that does not exist, changes nothing."""
        asked = query.get(lessons.LESSON_PARAM, "")
        lesson_id = int(asked) if asked.isdigit() else None
        if lesson_id not in self._index.lessons:
            return
        if any(c.value != ALL for c in (self.case, self.logic, self.tension)):
            with self.quietly():
                for control in (self.case, self.logic, self.tension):
                    control.value = ALL
            self.draw()
        self.lesson.value = lesson_id

    def _filter(self) -> None:
        pick = {
            c: (None if c.value == ALL else c.value) for c in (self.case, self.logic, self.tension)
        }
        self.shown = lessons.lessons_for(
            self._book,
            case_id=pick[self.case],
            logic_id=pick[self.logic],
            tension_id=pick[self.tension],
            index=self._index,
        )

    def _list(self) -> None:
        """The lessons the filter leaves, in the list; the one chosen stays chosen if it is
        among them."""
        current = self.lesson.value
        self.lesson.options = [
            (lessons.lesson_label(self._index.lessons[i], lang=self.lang), i) for i in self.shown
        ]
        if self.shown:
            self.lesson.value = current if current in self.shown else self.shown[0]

    def _show_lesson(self) -> None:
        lang = self.lang
        if not self.shown:
            self.say(self.card, t("lessons.none", lang))
            self.jumps.children = ()
            return
        lesson_id = self.lesson.value
        self.card.value = CARD_STYLE + self._card(lesson_id, lang)
        refs = self._index.references.get(lesson_id, [])
        cited = list(dict.fromkeys(r["case_id"] for r in refs if not pd.isna(r["case_id"])))
        buttons = []
        for case_id in cited:
            button = self._jump_button(case_id)
            button.description = t("lessons.jump", lang, case=self._names[case_id])
            buttons.append(button)
        self.jumps.children = tuple(buttons)

    def _card(self, lesson_id: int, lang: str) -> str:
        """:func:`casebook.lessons.lesson_card` with the book's look-ups built once (the
        glossary's matcher is kept per book by :func:`casebook.glossary.glosser`)."""
        return lessons.lesson_card(self._book, lesson_id, lang=lang, index=self._index)

    def _jump_button(self, case_id: str) -> widgets.Button:
        """The button that opens ``case_id`` in the reader: made once per case and reused, so
        that moving between lessons creates no widgets (each would stay in the kernel and the
        browser until the page is closed)."""
        button = self._jump_buttons.get(case_id)
        if button is None:
            button = widgets.Button(icon="book", layout=widgets.Layout(width="auto"))
            button.on_click(lambda _, c=case_id: self._read_case(c))
            button.case_id = case_id
            self._jump_buttons[case_id] = button
        return button

    def _read_case(self, case_id: str) -> None:
        """Open ``case_id`` in the reader below and take the reader there: the reader is far
        below the button, and a change there was out of sight (issue 33, item 10)."""
        self.reader.show_case(case_id)
        self.to_reader.go()

    def _draw_grid(self) -> None:
        self.figure = lessons_heatmap(
            self._matrix,
            lesson_titles=self._titles[self.lang],
            case_names=self._names,
            highlight=self.shown,
            lang=self.lang,
            theme=self._theme,
            narrow=self.narrow,
        )
        self.show(self.chart, self.figure)

    def static_parts(self) -> list[Any]:
        cards = [self._card(int(i), self.lang) for i in self._book.lessons["lesson_id"]]
        figure = [self.figure] if self.figure is not None else []
        return [
            CARD_STYLE,
            *figure,
            '<div class="cb-cards">',
            *cards,
            "</div>",
            self.main_lines.value,
            self.voices.value,
        ]


def lessons_view(book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME) -> LessonsView:
    """Build the lessons view; display the result in a notebook to use it."""
    return LessonsView(book, lang=lang, theme=theme)
