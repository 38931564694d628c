"""Check your own collaboration: a short questionnaire, your profile beside the five cases, the
lessons for your weak spots, and your answers saved, reloaded and summarised on one page."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
from ipywidgets.widgets.widget_selection import ToggleButtonsStyle

from casebook import check
from casebook.charts.check import check_chart
from casebook.data import Casebook
from casebook.files import fresh_path, save_text
from casebook.markup import download_link, escape, message_html
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.base import View
from casebook.views.layout import pair
from casebook.views.live import ShareBox

__all__ = ["CheckView", "check_view"]

log = logging.getLogger(__name__)

DEFAULT_SAVE_DIR = Path.home() / "casebook-checks"
_DONT_KNOW = 0


class CheckView(View):
    """The collaboration check.

    Controls: ``language``; ``questions[condition_id]`` (0 = don't know, 1-4); ``name``;
    ``save``, ``reset`` and ``upload`` (earlier answers). After each change ``figure`` holds the
    chart, ``weak`` the weak spots (a table), ``summary`` the one-page HTML summary and
    ``message_text`` what the reader was last told (or None).
    """

    handout_note_key = "book.check_note"

    def __init__(
        self,
        book: Casebook,
        *,
        lang: str = "nl",
        theme: Theme = DEFAULT_THEME,
        save_dir: str | Path | None = None,
    ) -> None:
        super().__init__(book, lang=lang, theme=theme)
        self.save_dir = Path(save_dir) if save_dir is not None else DEFAULT_SAVE_DIR
        self._ids = book.conditions.sort_values("number")["condition_id"].tolist()
        self._frameworks = book.conditions.set_index("condition_id")["framework"]
        self.saved_path: Path | None = None
        self.message_text: str | None = None
        # What the reader was last told, in a given language: said again after a switch.
        self._said: Callable[[str], str] | None = None
        self.figure = None
        self.weak = None
        self._case_names = book.cases.set_index("case_id")["short_name"].to_dict()
        self._reading_cache: dict[str, tuple[pd.DataFrame, dict[tuple[str, str], str]]] = {}
        self.summary = ""

        self.intro = self.html()
        self.name = widgets.Text(layout=widgets.Layout(width="24em"))
        self.questions: dict[str, widgets.ToggleButtons] = {}
        self._labels: dict[str, widgets.HTML] = {}
        self._headings: dict[str, widgets.HTML] = {}
        rows: list[widgets.Widget] = []
        # the questions share one layout and one style (a model each that every reader's
        # browser is sent); the buttons as wide as their labels
        shared = {
            "layout": widgets.Layout(),
            "style": ToggleButtonsStyle(button_width="auto"),
        }
        for cid in self._ids:
            framework = self._frameworks[cid]
            if framework not in self._headings:
                self._headings[framework] = self.html()
                rows.append(self._headings[framework])
            self._labels[cid] = self.html()
            buttons = widgets.ToggleButtons(
                options=[("", v) for v in (_DONT_KNOW, *check.SCORES)], value=_DONT_KNOW, **shared
            )
            buttons.add_class(f"casebook-q-{cid}")
            self.questions[cid] = buttons
            rows.append(self.box([self._labels[cid], buttons]))
        self.save = widgets.Button(icon="save", layout=widgets.Layout(width="auto"))
        self.reset = widgets.Button(icon="eraser", layout=widgets.Layout(width="auto"))
        self.upload = widgets.FileUpload(
            accept=".json", multiple=False, layout=widgets.Layout(width="auto")
        )
        self.message = self.html()
        self.save_status = self.html()
        self.downloads = self.html()
        self.chart = self.new_chart()
        self.weak_html = self.html()
        # class mode only (casebook.live.classroom): share the scores with the class
        self.sharing = ShareBox("check", self._shared_text)
        self.in_class = self.sharing.widget is not None
        self.widget = widgets.VBox(
            [
                self.language,
                self.intro,
                pair([self.box(rows)], [self.chart], stick="charts"),
                self.weak_html,
                self.box([self.name, self.save, self.reset, self.upload], row=True),
                self.message,
                self.save_status,
                self.downloads,
                *([self.sharing.widget] if self.sharing.widget is not None else []),
            ],
            layout=widgets.Layout(width="100%"),
        )  # fmt: skip
        self.widget.add_class("casebook-check")
        self._start()
        self.watch([*self.questions.values(), self.name], lambda _: self.draw())
        self.watch([self.upload], self._on_upload)
        self.save.on_click(lambda _: self.save_answers())
        self.reset.on_click(lambda _: self.reset_answers())

    # --- state --------------------------------------------------------------------------

    def answers(self) -> check.Answers:
        """The answers as they stand in the controls."""
        scores = check.scores_from({c: b.value for c, b in self.questions.items()}, self._ids)
        return check.Answers(scores=scores, name=check.clean_name(self.name.value))

    def _shared_text(self, nickname: str) -> str:
        """The answers file's text with ``nickname``: what sharing with the class sends."""
        answers = self.answers()
        named = check.Answers(scores=answers.scores, name=check.clean_name(nickname))
        return check.answers_json(named, condition_ids=self._ids)

    def set_answers(self, answers: check.Answers) -> None:
        """Put ``answers`` in the controls (one redraw at the end)."""
        with self.quietly():
            for cid, buttons in self.questions.items():
                buttons.value = answers.scores.get(cid) or _DONT_KNOW
            self.name.value = answers.name
        self.draw()

    def reset_answers(self) -> None:
        """Every question back to 'don't know'."""
        self.set_answers(check.Answers(scores=dict.fromkeys(self._ids)))
        self._say(None)

    def save_answers(self) -> Path | None:
        """Write the answers to ``save_dir`` atomically, in a new file (never over an older one).
        In class mode nothing is written (the server is the teacher's computer): the reader is
        pointed to the download of their answers."""
        if self.in_class:
            self.saved_path, self.save_status.value = (
                None,
                message_html(t("saved.class", self.lang)),
            )
            return None
        answers = self.answers()
        path = fresh_path(
            self.save_dir, "check", answers.name.replace(" ", "_") or "samenwerking", ".json"
        )
        text = check.answers_json(answers, condition_ids=self._ids)
        self.saved_path, self.save_status.value = save_text(path, text, self.lang)
        return self.saved_path

    def load_answers_file(self, filename: str, content: bytes) -> check.Answers | None:
        """Load earlier answers; a broken file is refused with a message and changes nothing."""
        try:
            answers = check.read_answers(content, filename=filename, condition_ids=self._ids)
        except check.AnswersError as err:
            self._say(err.text)
            return None
        self.set_answers(answers)
        self._say(partial(t, "check.loaded", file=filename))
        return answers

    # --- events -------------------------------------------------------------------------

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if files:
            self.load_answers_file(files[0]["name"], bytes(files[0]["content"]))

    def _say(self, said: Callable[[str], str] | None) -> None:
        """Tell the reader ``said(lang)`` (None: nothing), in the view's language now and after
        every switch."""
        self._said = said
        self.message_text = said(self.lang) if said is not None else None
        self.say(self.message, self.message_text)

    # --- drawing ------------------------------------------------------------------------

    def relabel(self) -> None:
        lang = self.lang
        self.intro.value = f"<p>{escape(t('check.intro', lang))}</p>"
        frame = check.conditions(self._book, lang=lang).set_index("condition_id")
        for framework, heading in self._headings.items():
            heading.value = f"<h3>{escape(t(f'check.framework.{framework}', lang))}</h3>"
        for k, cid in enumerate(self._ids):
            row = frame.loc[cid]
            self._labels[cid].value = (
                f"<b>{k + 1}. {escape(row['label'])}</b> · {escape(row['question'])} "
                f"<small>(p. {int(row['page'])})</small>"
            )
            labels = [t("score.none", lang), *(t(f"score.{s}", lang) for s in check.SCORES)]
            buttons = self.questions[cid]
            value = buttons.value
            buttons.options = list(zip(labels, (_DONT_KNOW, *check.SCORES), strict=True))
            buttons.value = value
        self.name.placeholder = t("check.name", lang)
        self.save.description = t("check.save", lang)
        self.reset.description = t("check.reset", lang)
        self.upload.description = t("check.upload", lang)
        self.sharing.relabel(lang)
        self._say(self._said)

    def draw(self) -> None:
        """The chart first (what an answer changes before the reader's eyes: the browser draws
        it while the kernel writes the weak spots and the summary), then the rest."""
        lang = self.lang
        try:
            answers = self.answers()
            profile = check.profile(self._book, answers, lang=lang)
            readings, evidence = self._readings(lang)
            self.figure = check_chart(
                profile,
                readings,
                case_names=self._case_names,
                evidence=evidence,
                lang=lang,
                theme=self._theme,
                narrow=self.narrow,
            )
            self.show(self.chart, self.figure)
            self.weak = check.weak_spots(self._book, answers, lang=lang)
            self.summary = check.summary_html(self._book, answers, lang=lang)
            weak_html = self._weak_html(answers)
        except Exception:  # a reader never sees a traceback; the log keeps it for us
            self.failed("check view", answers=self.answers())
            self._say(partial(t, "msg.error"))
            self.figure, self.weak, self.summary, weak_html = None, None, "", ""
            self.show(self.chart, None)
        self.weak_html.value = weak_html
        self.sharing.update()
        answers_text = check.answers_json(self.answers(), condition_ids=self._ids)
        self.downloads.value = " ".join(
            [
                download_link(
                    answers_text,
                    "mijn_antwoorden.json",
                    t("check.download_answers", lang),
                    mime="application/json",
                ),
                download_link(
                    self.summary,
                    "samenvatting_check.html",
                    t("check.download_summary", lang),
                    mime="text/html",
                ),
            ]
        )

    def _readings(self, lang: str) -> tuple[pd.DataFrame, dict[tuple[str, str], str]]:
        """The casebook's reading and its evidence in ``lang``: the book's, built once per
        language (4-5 ms a change before)."""
        if lang not in self._reading_cache:
            self._reading_cache[lang] = (
                check.readings(self._book, lang=lang),
                check.reading_hover(self._book, lang=lang),
            )
        return self._reading_cache[lang]

    def _weak_html(self, answers: check.Answers) -> str:
        lang = self.lang
        title = f"<h3>{escape(t('check.weak_title', lang))}</h3>"
        if not any(v is not None for v in answers.scores.values()):
            return title + f"<p>{escape(t('check.weak_none_answered', lang))}</p>"
        if self.weak is None or self.weak.empty:
            return title + f"<p>{escape(t('check.no_weak', lang))}</p>"
        return title + check.weak_list_html(self.weak, lang=lang)

    def static_parts(self) -> list[Any]:
        parts: list[Any] = [self.intro.value]
        if self.figure is not None:
            parts.append(self.figure)
        return [*parts, self.weak_html.value]


def check_view(
    book: Casebook,
    *,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    save_dir: str | Path | None = None,
) -> CheckView:
    """Build the collaboration check; display the result in a notebook to use it."""
    return CheckView(book, lang=lang, theme=theme, save_dir=save_dir)
