"""The 27 lessons, the four main lines and the outside voices: filters, the lessons x cases
matrix and reading cards as escaped HTML with their pages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from casebook.data import Casebook
from casebook.glossary import glosser
from casebook.i18n import check_lang
from casebook.markup import card as _card
from casebook.markup import escape as _e
from casebook.markup import pages_html as _pages
from casebook.pages import PAGES
from casebook.text import t

__all__ = [
    "LessonIndex",
    "LESSON_PARAM",
    "lesson_card",
    "lesson_href",
    "lesson_index",
    "lesson_label",
    "lesson_printed",
    "lessons_for",
    "lessons_matrix",
    "main_lines_html",
    "voices_html",
]


#: The query parameter of the lessons page's address that opens it at one lesson (``?les=25``).
LESSON_PARAM = "les"
_LESSONS_PAGE = next(page for page in PAGES if page.topic == "lessons")


def lesson_label(lesson: Mapping[str, Any], *, lang: str = "nl") -> str:
    """A lesson's number and title in ``lang`` ("Les 25: Check de condities ..." / "Lesson 25:
    Check the conditions ..."), plain text. ``lesson`` is a row of the lessons table."""
    check_lang(lang)
    return t("lessons.label", lang, n=int(lesson["lesson_id"]), title=lesson[f"title_{lang}"])


def lesson_printed(lesson: Mapping[str, Any], *, lang: str = "nl") -> str:
    """What a page in ``lang`` says beside a lesson's title about the title as printed: in
    English the booklet's Dutch title ("Dutch: 'Check de condities ...'"), in Dutch nothing
    (the title is the printed one). Plain text."""
    check_lang(lang)
    return "" if lang == "nl" else t("lessons.printed", lang, title=lesson["title_nl"])


def lesson_href(lesson_id: int) -> str:
    """The link to the lessons page open at ``lesson_id``: its notebook with ``?les=``, which
    the app turns into its own address and follows inside the reader's session."""
    return f"{_LESSONS_PAGE.notebook}?{LESSON_PARAM}={int(lesson_id)}"


@dataclass(frozen=True)
class LessonIndex:
    """The book's lesson tables as plain records and look-ups, built once per book by
    :func:`lesson_index`: a card or a filter is then a few dictionary look-ups instead of
    pandas indexing. Its records are shared: read them, never change them."""

    #: lesson_id -> the lesson's row
    lessons: dict[int, dict[str, Any]]
    #: lesson_id -> its references (cases and voices), in table order
    references: dict[int, list[dict[str, Any]]]
    #: lesson_id -> the logic ids and the tension ids linked to it, in table order
    logics: dict[int, list[str]]
    tensions: dict[int, list[str]]
    #: lesson ids that cite a case, are linked to a logic, to a tension (by their id)
    by_case: dict[str, set[int]]
    by_logic: dict[str, set[int]]
    by_tension: dict[str, set[int]]
    #: id -> row of the cases (short_name), voices (name), logics and tensions (name_nl/_en)
    cases: dict[str, dict[str, Any]]
    voices: dict[str, dict[str, Any]]
    logic_rows: dict[str, dict[str, Any]]
    tension_rows: dict[str, dict[str, Any]]


def lesson_index(book: Casebook) -> LessonIndex:
    """The look-ups of ``book``'s lessons that :func:`lesson_card` and :func:`lessons_for` use."""
    references: dict[int, list[dict[str, Any]]] = {}
    by_case: dict[str, set[int]] = {}
    for r in book.lesson_references.to_dict("records"):
        references.setdefault(r["lesson_id"], []).append(r)
        by_case.setdefault(r["case_id"], set()).add(r["lesson_id"])
    links: dict[str, tuple[dict[int, list[str]], dict[str, set[int]]]] = {}
    for name, table in (("logic_id", book.lesson_logics), ("tension_id", book.lesson_tensions)):
        per_lesson: dict[int, list[str]] = {}
        per_link: dict[str, set[int]] = {}
        for lesson_id, link in zip(table["lesson_id"], table[name], strict=True):
            per_lesson.setdefault(lesson_id, []).append(link)
            per_link.setdefault(link, set()).add(lesson_id)
        links[name] = (per_lesson, per_link)

    def rows(table: pd.DataFrame, key: str) -> dict[Any, dict[str, Any]]:
        return {r[key]: r for r in table.to_dict("records")}

    return LessonIndex(
        lessons=rows(book.lessons, "lesson_id"),
        references=references,
        logics=links["logic_id"][0],
        tensions=links["tension_id"][0],
        by_case=by_case,
        by_logic=links["logic_id"][1],
        by_tension=links["tension_id"][1],
        cases=rows(book.cases, "case_id"),
        voices=rows(book.voices, "voice_id"),
        logic_rows=rows(book.logics, "logic_id"),
        tension_rows=rows(book.tensions, "tension_id"),
    )


def lessons_for(
    book: Casebook,
    *,
    case_id: str | None = None,
    logic_id: str | None = None,
    tension_id: str | None = None,
    index: LessonIndex | None = None,
) -> list[int]:
    """Lesson numbers that cite ``case_id`` and are linked to ``logic_id`` and ``tension_id``
    (each filter optional), in booklet order. ``index``: ``lesson_index(book)`` when the
    caller keeps it."""
    if index is None:
        index = lesson_index(book)
    ids = set(index.lessons)
    for chosen, linked in (
        (case_id, index.by_case),
        (logic_id, index.by_logic),
        (tension_id, index.by_tension),
    ):
        if chosen is not None:
            ids &= linked.get(chosen, set())
    return sorted(int(i) for i in ids)


def lessons_matrix(book: Casebook) -> pd.DataFrame:
    """Lessons (rows, 0-26) by cases (columns): the pages a lesson points to in that case, '✓'
    where it uses the case as an example without a page, or '' where it does not draw on it."""
    cases = book.cases.sort_values("number")["case_id"].tolist()
    frame = pd.DataFrame("", index=book.lessons["lesson_id"].astype(int).tolist(), columns=cases)
    refs = book.lesson_references.dropna(subset=["case_id"])
    for r in refs.to_dict("records"):
        cell = frame.loc[int(r["lesson_id"]), r["case_id"]]
        mark = f"p. {int(r['ref_page'])}" if not pd.isna(r["ref_page"]) else "✓"
        frame.loc[int(r["lesson_id"]), r["case_id"]] = f"{cell}, {mark}" if cell else mark
    return frame


def lesson_card(
    book: Casebook,
    lesson_id: int,
    *,
    lang: str = "nl",
    index: LessonIndex | None = None,
    gloss: Callable[[object], str] | None = None,
) -> str:
    """One lesson: its title, our summary, the cases, voices and pages it draws on, and the
    logics and tensions the casebook links it to. ``index`` (``lesson_index(book)``) and
    ``gloss`` (``glosser(book, lang=lang)``): when the caller keeps them; built here if None."""
    check_lang(lang)
    if index is None:
        index = lesson_index(book)
    if gloss is None:
        gloss = glosser(book, lang=lang)
    row = index.lessons[lesson_id]
    pages = row["page"] if row["page"] == row["page_last"] else f"{row['page']}–{row['page_last']}"
    title = lesson_label(row, lang=lang)
    printed = lesson_printed(row, lang=lang)
    sub = f"<p><i>{_e(printed)}</i></p>" if printed else ""
    parts = [
        f'<div class="cb-card"><h4>{_e(title)}</h4>{sub}'
        f"<p>{gloss(row[f'summary_{lang}'])} {_pages(pages)}</p>"
    ]
    items = []
    for r in index.references.get(lesson_id, []):
        if not pd.isna(r["case_id"]):
            who = index.cases[r["case_id"]]["short_name"]
        else:
            who = f"{index.voices[r['voice_id']]['name']} ({t('lessons.voice', lang)})"
        how = (
            t("lessons.page_ref", lang, page=r["ref_page"])
            if not pd.isna(r["ref_page"])
            else t("lessons.example", lang)
        )
        note = f" · {_e(r[f'note_{lang}'])}" if not pd.isna(r[f"note_{lang}"]) else ""
        items.append(f"<li><b>{_e(who)}</b>: {_e(how)}{note}</li>")
    if items:
        parts.append(f"<p>{_e(t('lessons.cites', lang))}:</p><ul>{''.join(items)}</ul>")
    logics = index.logics.get(lesson_id, [])
    tensions = index.tensions.get(lesson_id, [])
    if logics:
        names = (index.logic_rows[x][f"name_{lang}"] for x in logics)
        parts.append(f"<p>{_e(t('lessons.logics', lang))}: {_e(', '.join(names))}</p>")
    if tensions:
        names = (index.tension_rows[x][f"name_{lang}"] for x in tensions)
        parts.append(f"<p>{_e(t('lessons.tensions', lang))}: {_e(', '.join(names))}</p>")
    parts.append(f"<p><i>{_e(t('lessons.note', lang))}</i></p></div>")
    return "".join(parts)


def main_lines_html(book: Casebook, *, lang: str = "nl") -> str:
    """The four main lines of the closing chapter as cards."""
    check_lang(lang)
    gloss = glosser(book, lang=lang)
    cards = "".join(
        _card(f"{m['main_line_id']}. {m[f'title_{lang}']}", gloss(m[f"summary_{lang}"]), m["page"])
        for m in book.main_lines.sort_values("main_line_id").to_dict("records")
    )
    return f'<h3>{_e(t("lessons.main_lines", lang))}</h3><div class="cb-cards">{cards}</div>'


def voices_html(book: Casebook, *, lang: str = "nl") -> str:
    """The four outside voices, each with their main claims and the case each claim is about."""
    check_lang(lang)
    gloss = glosser(book, lang=lang)
    names = book.cases.set_index("case_id")["short_name"]

    def _about(case_id: object) -> str:
        return t("lessons.general", lang) if pd.isna(case_id) else names[case_id]

    cards = []
    for v in book.voices.to_dict("records"):
        claims = book.voice_claims[book.voice_claims["voice_id"] == v["voice_id"]]
        items = "".join(
            f"<li><b>{_e(_about(c['case_id']))}</b>: {gloss(c[f'claim_{lang}'])}</li>"
            for c in claims.to_dict("records")
        )
        who = f"<i>{_e(v['function'])}, {_e(v['organisation'])}</i>"
        body = f"{who}<br>{gloss(v[f'summary_{lang}'])}<ul>{items}</ul>"
        cards.append(_card(f"{v['name']} ({v[f'role_{lang}']})", body, v["page"]))
    return f'<h3>{_e(t("lessons.voices", lang))}</h3><div class="cb-cards">{"".join(cards)}</div>'
