"""Pure builders of reading cards: a case's parts and the lessons as escaped HTML.

Every text from the data is escaped; every card ends with the pages it comes from ("p. 21").
Views put these strings into HTML widgets; tests read them back.
"""

from __future__ import annotations

import html

import pandas as pd

from casebook import evaluation as ev
from casebook.compare import area_profile, indicator_table
from casebook.data import Casebook
from casebook.i18n import check_lang
from casebook.text import t

__all__ = [
    "CARD_STYLE",
    "escape",
    "case_parts",
    "lesson_card",
    "lessons_for",
    "lessons_matrix",
    "main_lines_html",
    "voices_html",
]

# One small style sheet, shipped with every card set so that cards look the same in
# JupyterLab, Voilà and a static export.
CARD_STYLE = """<style>
.cb-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(18em,1fr));
  gap:.8em;margin:.5em 0}
.cb-card{border:1px solid #d9dee7;border-radius:.6em;padding:.7em 1em;background:#fff;
  line-height:1.45}
.cb-card h4{margin:.1em 0 .4em 0;font-size:1.05em}
.cb-balloon{border-radius:1.4em;background:#f4f7fb}
.cb-page{color:#555;font-size:.9em;white-space:nowrap}
.cb-text{font-size:1.05em;line-height:1.5;max-width:48em}
</style>"""


def escape(value: object) -> str:
    """Data text as HTML text: escaped, and empty for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


_e = escape


def _pages(pages: object) -> str:
    return f'<span class="cb-page">(p. {_e(pages)})</span>'


def _card(title: str, body: str, pages: object, *, balloon: bool = False) -> str:
    kind = "cb-card cb-balloon" if balloon else "cb-card"
    return f'<div class="{kind}"><h4>{_e(title)}</h4><div>{body} {_pages(pages)}</div></div>'


def _text(book: Casebook, case_id: str, part: str, lang: str) -> str:
    rows = book.case_texts[
        (book.case_texts["case_id"] == case_id) & (book.case_texts["part"] == part)
    ]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    return f'<p class="cb-text">{_e(row[f"summary_{lang}"])} {_pages(row["pages"])}</p>'


def _figures(book: Casebook, case_id: str, lang: str) -> str:
    table = indicator_table(book, lang=lang)
    parts = []
    for area in book.areas[book.areas["case_id"] == case_id].to_dict("records"):
        profile = area_profile(table, area["area_id"], lang=lang)
        parts.append(f"<h4>{_e(area['name'])}</h4>")
        parts.append(profile.to_html(index=False, escape=True, border=0, classes="casebook-table"))
    return "".join(parts)


def _organisation(book: Casebook, case_id: str, lang: str) -> str:
    parts = [_text(book, case_id, "organisatie", lang), f"<h4>{_e(t('reader.bodies', lang))}</h4>"]
    cards = []
    for body in book.bodies[book.bodies["case_id"] == case_id].to_dict("records"):
        chair = body[f"chair_{lang}"]
        extra = f" <i>{_e(t('reader.chair', lang))}: {_e(chair)}</i>" if not pd.isna(chair) else ""
        note = f" <i>{_e(body['note'])}</i>" if not pd.isna(body["note"]) else ""
        cards.append(_card(body["name"], _e(body[f"role_{lang}"]) + extra + note, body["page"]))
    parts.append(f'<div class="cb-cards">{"".join(cards)}</div>')
    partners = book.partners[book.partners["case_id"] == case_id]
    items = "".join(
        f"<li><b>{_e(p['partner'])}</b>: {_e(p[f'role_{lang}'])} {_pages(p['page'])}</li>"
        for p in partners.to_dict("records")
    )
    parts.append(f"<h4>{_e(t('reader.partners', lang))}</h4><ul>{items}</ul>")
    facts = ev.organisation_table(book, cases=[case_id], lang=lang)
    parts.append(f"<h4>{_e(t('reader.facts', lang))}</h4>")
    parts.append(facts.to_html(escape=True, border=0, header=False, classes="casebook-table"))
    return "".join(parts)


def _highlights(book: Casebook, case_id: str, lang: str) -> str:
    rows = book.highlights[book.highlights["case_id"] == case_id]
    if rows.empty:
        return f"<p><i>{_e(t('reader.no_highlight', lang))}</i></p>"
    cards = []
    for h in rows.to_dict("records"):
        pages = h["page"] if h["page"] == h["page_last"] else f"{h['page']}–{h['page_last']}"
        cards.append(_card(h["title"], _e(h[f"summary_{lang}"]), pages))
    return f'<div class="cb-cards">{"".join(cards)}</div>'


def _evaluation(book: Casebook, case_id: str, lang: str) -> str:
    parts = [_text(book, case_id, "evaluatie", lang)]
    overview = ev.overview(book, cases=[case_id], lang=lang).drop(columns=["case_id"])
    if not overview.empty:
        parts.append(overview.to_html(index=False, escape=True, border=0, classes="casebook-table"))
    found = ev.findings(book, cases=[case_id], lang=lang).drop(columns=["case_id", "theme_group"])
    if not found.empty:
        parts.append(found.to_html(index=False, escape=True, border=0, classes="casebook-table"))
    return "".join(parts)


def _reflections(book: Casebook, case_id: str, lang: str) -> str:
    rows = book.reflections[book.reflections["case_id"] == case_id].sort_values("number")
    cards = "".join(
        _card(r["title"], _e(r[f"summary_{lang}"]), r["page"], balloon=True)
        for r in rows.to_dict("records")
    )
    author = book.authors[book.authors["case_id"] == case_id]
    who = ""
    if not author.empty:
        a = author.iloc[0]
        who = (
            f"<p><i>{_e(t('reader.authors', lang))}: {_e(a['name'])}, {_e(a['case_role'])} "
            f"{_pages(a['quote_page'])}</i></p>"
        )
    return (
        f'<p>{_e(t("reader.reflections_intro", lang))}</p><div class="cb-cards">{cards}</div>{who}'
    )


def _voices(book: Casebook, case_id: str, lang: str) -> str:
    claims = book.voice_claims[book.voice_claims["case_id"] == case_id]
    if claims.empty:
        return f"<p><i>{_e(t('reader.no_voice', lang))}</i></p>"
    voices = book.voices.set_index("voice_id")
    cards = []
    for c in claims.to_dict("records"):
        v = voices.loc[c["voice_id"]]
        title = f"{v['name']} ({v[f'role_{lang}']})"
        cards.append(_card(title, _e(c[f"claim_{lang}"]), c["page"]))
    return f'<div class="cb-cards">{"".join(cards)}</div>'


def case_parts(book: Casebook, case_id: str, *, lang: str = "nl") -> dict[str, str]:
    """Every part of one case as HTML, keyed by tab: figures, opgave, organisation, highlights,
    evaluation, reflections, voices. Each text carries its pages."""
    check_lang(lang)
    known = book.cases["case_id"].tolist()
    if case_id not in known:
        raise ValueError(f"`case_id` must be one of {known}, but {case_id!r} was passed.")
    return {
        "figures": _figures(book, case_id, lang),
        "opgave": _text(book, case_id, "opgave", lang),
        "organisation": _organisation(book, case_id, lang),
        "highlights": _highlights(book, case_id, lang),
        "evaluation": _evaluation(book, case_id, lang),
        "reflections": _reflections(book, case_id, lang),
        "voices": _voices(book, case_id, lang),
    }


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
    title = f"Les {lesson_id}: {row['title_nl']}"
    sub = f"<p><i>{_e(row['title_en'])}</i></p>" if lang == "en" else ""
    parts = [
        f'<div class="cb-card"><h4>{_e(title)}</h4>{sub}'
        f"<p>{_e(row[f'summary_{lang}'])} {_pages(pages)}</p>"
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
        note = f" · {_e(r['note'])}" if not pd.isna(r["note"]) else ""
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
    cards = "".join(
        _card(f"{m['main_line_id']}. {m[f'title_{lang}']}", _e(m[f"summary_{lang}"]), m["page"])
        for m in book.main_lines.sort_values("main_line_id").to_dict("records")
    )
    return f'<h3>{_e(t("lessons.main_lines", lang))}</h3><div class="cb-cards">{cards}</div>'


def voices_html(book: Casebook, *, lang: str = "nl") -> str:
    """The four outside voices, each with their main claims and the case each claim is about."""
    check_lang(lang)
    names = book.cases.set_index("case_id")["short_name"]

    def _about(case_id: object) -> str:
        return t("lessons.general", lang) if pd.isna(case_id) else names[case_id]

    cards = []
    for v in book.voices.to_dict("records"):
        claims = book.voice_claims[book.voice_claims["voice_id"] == v["voice_id"]]
        items = "".join(
            f"<li><b>{_e(_about(c['case_id']))}</b>: {_e(c[f'claim_{lang}'])}</li>"
            for c in claims.to_dict("records")
        )
        who = f"<i>{_e(v['function'])}, {_e(v['organisation'])}</i>"
        body = f"{who}<br>{_e(v[f'summary_{lang}'])}<ul>{items}</ul>"
        cards.append(_card(f"{v['name']} ({v[f'role_{lang}']})", body, v["page"]))
    return f'<h3>{_e(t("lessons.voices", lang))}</h3><div class="cb-cards">{"".join(cards)}</div>'
