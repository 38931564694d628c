"""The live class: sharing from a student's page (class mode only) and the teacher's live page.

- :class:`ShareBox`: what the logics page and the collaboration check show in class mode: a
  "share with the class" checkbox (off until the student ticks it), an optional nickname, one
  sentence saying what is shared, and a withdraw button. While it is ticked every change of the
  page is shared again (casebook.live.share: one file per student, written atomically).
- :class:`LiveView`: the teacher's page, only in class mode and for the reader the app let in
  with the teacher's secret (:func:`casebook.live.classroom`). A :class:`Ticker` in the browser
  asks the server every few seconds to read the lesson's folder again (in the session's own
  loop, no thread): per case the class's placements, each mean named, and the casebook's
  reading beside them only once the teacher ticks "show the casebook's reading" (off at start
  and after a new lesson: the class places the cases before it sees the reading; the class
  view's own functions), per condition of the check how many gave each score, who shared, the
  files skipped, a new lesson and the lesson as CSV.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from casebook import check, live, logics
from casebook.data import Casebook
from casebook.markup import download_link, escape, message_html, table_html
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.base import View
from casebook.views.light import Light, front

__all__ = [
    "REFRESH_SECONDS",
    "LiveView",
    "ShareBox",
    "Ticker",
    "live_view",
]

log = logging.getLogger(__name__)

REFRESH_SECONDS = 3.0


class ShareBox:
    """Sharing one page's work with the class. ``text(nickname)`` gives the file's text to
    share (the same text the reader could save); ``kind`` is ``placements`` or ``check``.
    ``widget`` is None outside class mode, and then nothing is ever shared."""

    def __init__(self, kind: str, text: Callable[[str], str], *, root: Path | None = None) -> None:
        self.kind, self._text = kind, text
        self.root = root if root is not None else live.class_dir()
        # one per browser in the app (a reload replaces what it shared), else one per page
        self.student_id = live.classroom().student or live.new_student_id()
        self.shared_to: list[Path] = []
        self.share = widgets.Checkbox(value=False, indent=False)
        self.nickname = widgets.Text(value="")
        self.what = widgets.HTML()
        self.withdraw = widgets.Button(icon="undo", layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML()
        self._lang = "nl"
        self._said = "live.not_shared"
        self.widget: widgets.VBox | None = None
        if self.root is None:
            return
        self.widget = widgets.VBox(
            [
                widgets.HBox(
                    [self.share, self.nickname, self.withdraw],
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                self.what,
                self.status,
            ]
        )
        self.widget.add_class("casebook-share")
        self.share.observe(lambda _: self.update(), names="value")
        self.nickname.observe(lambda _: self.update(), names="value")
        self.withdraw.on_click(lambda _: self.take_back())

    def relabel(self, lang: str) -> None:
        self._lang = lang
        self.share.description = t("live.share", lang)
        self.nickname.placeholder = t("live.nickname", lang)
        self.withdraw.description = t("live.withdraw", lang)
        self.what.value = f"<p><small>{escape(t(f'live.what.{self.kind}', lang))}</small></p>"
        self._tell(self._said)

    def _tell(self, key: str) -> None:
        self._said = key
        self.status.value = message_html(t(key, self._lang))

    def update(self) -> Path | None:
        """Share the page's work now when the box is ticked (a new share replaces the last)."""
        if self.root is None or not self.share.value:
            return None
        try:
            # after a new lesson the next share goes there; the last lesson keeps what it had
            folder = live.current_lesson(self.root)
            path = live.share(folder, self.kind, self._text(self.nickname.value), self.student_id)
        except (OSError, ValueError):
            log.exception("live: sharing a %s failed", self.kind)
            self._tell("live.share_failed")
            return None
        if folder not in self.shared_to:
            self.shared_to.append(folder)
        self._tell("live.shared")
        return path

    def take_back(self) -> None:
        """Withdraw what this page shared and untick the box."""
        if self.root is None:
            return
        for folder in self.shared_to:  # from every lesson this page shared to
            live.withdraw(folder, self.student_id, self.kind)
        self.shared_to = []
        self.share.value = False
        self._tell("live.withdrawn")


class Ticker(Light):
    """A timer in the browser: every ``interval_ms`` it counts ``ticks`` up, which the kernel
    hears as a change. It stops when its page closes."""

    _esm = front(
        """
    export default {
      render({ model, el }) {
        el.classList.add("casebook-ticker");
        const id = setInterval(() => {
          model.set("ticks", model.get("ticks") + 1);
          model.save_changes();
        }, model.get("interval_ms"));
        return () => clearInterval(id);
      },
    };
    """
    )
    ticks = traitlets.Int(0).tag(sync=True)
    interval_ms = traitlets.Int(3000).tag(sync=True)


class LiveView(View):
    """The teacher's live page. Controls: ``language``, ``new_lesson``, ``show_reading`` (the
    casebook's reading on the class's plane and in its table; off until the teacher ticks it,
    and off again after a new lesson); ``refresh()`` reads the
    lesson's folder again (the :class:`Ticker` calls it). After each refresh ``lesson`` holds
    what was read, ``class_figure`` the class's plane and ``scores`` the check's counts.
    ``allowed`` is False outside class mode or without the teacher's secret: the page then
    says so and reads nothing."""

    handout_note_key = None  # its page says the live lesson needs the server

    def __init__(
        self,
        book: Casebook,
        *,
        lang: str = "nl",
        theme: Theme = DEFAULT_THEME,
        teacher: bool | None = None,
        root: Path | None = None,
        refresh_seconds: float = REFRESH_SECONDS,
    ) -> None:
        super().__init__(book, lang=lang, theme=theme)
        self.root = root if root is not None else live.class_dir()
        # the teacher: the app let in a reader who showed the teacher's secret (its guard
        # compares the secret; casebook/app/server.py), and says so in the class mode
        teacher = live.classroom().teacher if teacher is None else teacher
        self.allowed = self.root is not None and teacher
        self._reading = logics.reading(book)
        self._case_ids = self._reading["case_id"].tolist()
        self._conditions = book.conditions.sort_values("number")["condition_id"].tolist()
        self.lesson: live.Lesson | None = None
        self.class_figure = None
        self.scores: pd.DataFrame | None = None
        self.updated = ""
        self._seen: tuple[Any, ...] | None = None

        self.status = self.html()
        self.skipped = self.html()
        self.chart = self.new_chart()
        self.table = self.html()
        self.check_html = self.html()
        self.new_lesson = widgets.Button(icon="plus", layout=widgets.Layout(width="auto"))
        self.show_reading = widgets.Checkbox(value=False, indent=False)
        self.reading_note = self.html()
        self.export = self.html()
        self.previous = self.html()
        self.ticker = Ticker(interval_ms=int(refresh_seconds * 1000))
        self.ticker.layout.display = "none"
        children: list[widgets.Widget] = [self.language, self.status]
        if self.allowed:
            children += [
                widgets.HBox(
                    [self.new_lesson, self.export, self.previous],
                    layout=widgets.Layout(flex_flow="row wrap", grid_gap="1em"),
                ),
                widgets.HBox(
                    [self.show_reading, self.reading_note],
                    layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
                ),
                self.chart,
                self.table,
                self.check_html,
                self.skipped,
                self.ticker,
            ]
        self.widget = widgets.VBox(children, layout=widgets.Layout(width="100%"))
        self.widget.add_class("casebook-live")
        self._start()
        if self.allowed:
            self.ticker.observe(lambda _: self.refresh(), names="ticks")
            self.new_lesson.on_click(lambda _: self.start_lesson())
            self.watch([self.show_reading], lambda _: self.draw())

    # --- actions ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the lesson's folder again and draw it."""
        self.draw()

    def start_lesson(self) -> Path | None:
        """A new lesson (a new folder; the last one kept): students' next shares go there."""
        if not self.allowed or self.root is None:
            return None
        last = live.current_lesson(self.root)
        ended = live.read_lesson(last, case_ids=self._case_ids, condition_ids=self._conditions)
        self.previous.value = download_link(
            live.export_csv(ended), f"les_{last.name}.csv", t("live.export_previous", self.lang)
        )
        folder = live.new_lesson(self.root)
        # a new class places the cases before it sees the reading again
        with self.quietly():
            self.show_reading.value = False
        self.draw()
        return folder

    # --- drawing ------------------------------------------------------------------------

    def relabel(self) -> None:
        lang = self.lang
        self.new_lesson.description = t("live.new_lesson", lang)
        self.show_reading.description = t("live.show_reading", lang)

    def draw(self) -> None:
        lang = self.lang
        if not self.allowed or self.root is None:
            self.status.value = message_html(t("live.closed", lang))
            return
        try:
            lesson = live.read_lesson(
                live.current_lesson(self.root),
                case_ids=self._case_ids,
                condition_ids=self._conditions,
            )
        except OSError:
            self.failed("live page", root=str(self.root))
            self.status.value = message_html(t("msg.error", lang))
            return
        self.lesson = lesson
        self.updated = datetime.now().strftime("%H:%M:%S")
        # every few seconds: redraw only when something changed (or the language, or the width)
        seen = (
            lesson.folder.name, lang, self.width.value, self.show_reading.value,
            lesson.placements.to_csv(),
            tuple((f, a) for f, a in lesson.answers), tuple(str(p) for p in lesson.skipped),
        )  # fmt: skip
        if seen == self._seen:
            self.status.value = self._status_html(lesson, lang)
            return
        self._seen = seen
        self.export.value = download_link(
            live.export_csv(lesson), f"les_{lesson.folder.name}.csv", t("live.export", lang)
        )
        self._draw_class(lesson)
        self._draw_check(lesson)
        if lesson.skipped:
            items = "".join(f"<li>{escape(p.text(lang))}</li>" for p in lesson.skipped)
            self.skipped.value = (
                f"<div class='casebook-skipped'><p>{escape(t('live.skipped', lang))}</p>"
                f"<ul>{items}</ul></div>"
            )
        else:
            self.skipped.value = ""
        # last: when the count is shown, the chart, the tables and the skipped files are too
        self.status.value = self._status_html(lesson, lang)

    def _status_html(self, lesson: live.Lesson, lang: str) -> str:
        placed = lesson.placements["file"].nunique() if len(lesson.placements) else 0
        said = t("live.students", lang, lesson=lesson.folder.name, placements=placed,
                 checks=len(lesson.answers))  # fmt: skip
        return (
            f"<p style='font-size:1.4em'>{escape(said)}"
            f"</p><p><small>{escape(t('live.updated', lang, time=self.updated))}</small></p>"
        )

    def _draw_class(self, lesson: live.Lesson) -> None:
        """As the logics page draws an uploaded class: the same summary, chart and table."""
        from casebook.views.logics import class_parts  # here: views.logics imports ShareBox

        reading = self.show_reading.value
        self.class_figure, shown = class_parts(
            lesson.placements,
            self._reading,
            lang=self.lang,
            theme=self._theme,
            show_reading=reading,
            narrow=self.narrow,
        )
        hidden = "" if reading else t("live.reading_hidden", self.lang)
        self.reading_note.value = f"<small>{escape(hidden)}</small>" if hidden else ""
        self.show(self.chart, self.class_figure)
        drawn = self.class_figure is not None  # else ``shown`` says that nobody placed a case
        self.table.value = f"<div style='font-size:1.2em'>{shown}</div>" if drawn else shown

    def _draw_check(self, lesson: live.Lesson) -> None:
        lang = self.lang
        heading = f"<h3>{escape(t('live.check_heading', lang))}</h3>"
        if not lesson.answers:
            self.scores = None
            self.check_html.value = heading + message_html(t("live.no_checks", lang))
            return
        self.scores = live.score_distribution([a for _, a in lesson.answers], self._conditions)
        labels = check.conditions(self._book, lang=lang).set_index("condition_id")["label"]
        shown = self.scores.rename(index=labels).reset_index()
        shown.columns = [
            t("live.col.condition", lang),
            *(t(f"score.{s}" if s else "score.none", lang) for s in (0, *check.SCORES)),
        ]
        self.check_html.value = heading + f"<div style='font-size:1.2em'>{table_html(shown)}</div>"

    def static_parts(self) -> list[Any]:
        return [message_html(t("live.closed", self.lang))]


def live_view(
    book: Casebook,
    *,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    teacher: bool | None = None,
    root: Path | None = None,
) -> LiveView:
    """Build the teacher's live page; display the result in a notebook to use it."""
    return LiveView(book, lang=lang, theme=theme, teacher=teacher, root=root)
