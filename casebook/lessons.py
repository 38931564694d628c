"""The 27 lessons, the four main lines and the outside voices: filters, the lessons x cases
matrix and reading cards as escaped HTML with their pages."""

from __future__ import annotations

import pandas as pd

from casebook.data import Casebook
from casebook.glossary import glosser
from casebook.i18n import check_lang
from casebook.markup import card as _card
from casebook.markup import escape as _e
from casebook.markup import pages_html as _pages
from casebook.text import t

__all__ = ["lesson_card", "lessons_for", "lessons_matrix", "main_lines_html", "voices_html"]


def lessons_for(
    book: Casebook,
    *,
    case_id: str | None = None,
    logic_id: str | None = None,
    tension_id: str | None = None,
) -> list[int]:
    """Lesson numbers that cite ``case_id`` and are linked to ``logic_id`` and ``tension_id``
    (each filter optional), in booklet order."""
    ids = set(book.lessons["lesson_id"])
    if case_id is not None:
        refs = book.lesson_references
        ids &= set(refs.loc[refs["case_id"] == case_id, "lesson_id"])
    if logic_id is not None:
        links = book.lesson_logics
        ids &= set(links.loc[links["logic_id"] == logic_id, "lesson_id"])
    if tension_id is not None:
        links = book.lesson_tensions
        ids &= set(links.loc[links["tension_id"] == tension_id, "lesson_id"])
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


def lesson_card(book: Casebook, lesson_id: int, *, lang: str = "nl") -> str:
    """One lesson: its title, our summary, the cases, voices and pages it draws on, and the
    logics and tensions the casebook links it to."""
    check_lang(lang)
    row = book.lessons.set_index("lesson_id").loc[lesson_id]
    pages = row["page"] if row["page"] == row["page_last"] else f"{row['page']}–{row['page_last']}"
    title = t("lessons.label", lang, n=lesson_id, title=row["title_nl"])
    sub = f"<p><i>{_e(row['title_en'])}</i></p>" if lang == "en" else ""
    parts = [
        f'<div class="cb-card"><h4>{_e(title)}</h4>{sub}'
        f"<p>{glosser(book, lang=lang)(row[f'summary_{lang}'])} {_pages(pages)}</p>"
    ]
    refs = book.lesson_references[book.lesson_references["lesson_id"] == lesson_id]
    names = book.cases.set_index("case_id")["short_name"]
    voices = book.voices.set_index("voice_id")
    items = []
    for r in refs.to_dict("records"):
        if not pd.isna(r["case_id"]):
            who = names[r["case_id"]]
        else:
            who = f"{voices.loc[r['voice_id'], 'name']} ({t('lessons.voice', lang)})"
        how = (
            t("lessons.page_ref", lang, page=r["ref_page"])
            if not pd.isna(r["ref_page"])
            else t("lessons.example", lang)
        )
        note = f" · {_e(r[f'note_{lang}'])}" if not pd.isna(r[f"note_{lang}"]) else ""
        items.append(f"<li><b>{_e(who)}</b>: {_e(how)}{note}</li>")
    if items:
        parts.append(f"<p>{_e(t('lessons.cites', lang))}:</p><ul>{''.join(items)}</ul>")
    logic_names = book.logics.set_index("logic_id")[f"name_{lang}"]
    tension_names = book.tensions.set_index("tension_id")[f"name_{lang}"]
    logics = book.lesson_logics.loc[book.lesson_logics["lesson_id"] == lesson_id, "logic_id"]
    tensions = book.lesson_tensions.loc[
        book.lesson_tensions["lesson_id"] == lesson_id, "tension_id"
    ]
    if len(logics):
        parts.append(
            f"<p>{_e(t('lessons.logics', lang))}: "
            f"{_e(', '.join(logic_names[x] for x in logics))}</p>"
        )
    if len(tensions):
        parts.append(
            f"<p>{_e(t('lessons.tensions', lang))}: "
            f"{_e(', '.join(tension_names[x] for x in tensions))}</p>"
        )
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
