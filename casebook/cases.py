"""The five cases as reading cards: every part of one case as escaped HTML with its pages.

Views put these strings into HTML widgets; tests read them back.
"""

from __future__ import annotations

import pandas as pd

from casebook import evaluations as ev
from casebook.compare import area_profile, indicator_table
from casebook.data import Casebook, per_book
from casebook.glossary import glosser
from casebook.i18n import check_lang
from casebook.markup import card as _card
from casebook.markup import escape as _e
from casebook.markup import pages_html as _pages
from casebook.markup import table_html
from casebook.text import t

__all__ = ["case_parts"]


def _text(book: Casebook, case_id: str, part: str, lang: str) -> str:
    rows = book.case_texts[
        (book.case_texts["case_id"] == case_id) & (book.case_texts["part"] == part)
    ]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    gloss = glosser(book, lang=lang)
    return f'<p class="cb-text">{gloss(row[f"summary_{lang}"])} {_pages(row["pages"])}</p>'


def _figures(book: Casebook, case_id: str, lang: str) -> str:
    table = indicator_table(book, lang=lang)
    parts = []
    for area in book.areas[book.areas["case_id"] == case_id].to_dict("records"):
        profile = area_profile(table, area["area_id"], lang=lang)
        parts.append(f"<h4>{_e(area['name'])}</h4>")
        parts.append(table_html(profile))
    return "".join(parts)


def _organisation(book: Casebook, case_id: str, lang: str) -> str:
    gloss = glosser(book, lang=lang)
    parts = [_text(book, case_id, "organisatie", lang), f"<h4>{_e(t('reader.bodies', lang))}</h4>"]
    cards = []
    for body in book.bodies[book.bodies["case_id"] == case_id].to_dict("records"):
        chair = body[f"chair_{lang}"]
        extra = f" <i>{_e(t('reader.chair', lang))}: {_e(chair)}</i>" if not pd.isna(chair) else ""
        note = body[f"note_{lang}"]
        note = f" <i>{_e(note)}</i>" if not pd.isna(note) else ""
        cards.append(_card(body["name"], gloss(body[f"role_{lang}"]) + extra + note, body["page"]))
    parts.append(f'<div class="cb-cards">{"".join(cards)}</div>')
    partners = book.partners[book.partners["case_id"] == case_id]
    items = "".join(
        f"<li><b>{_e(p['partner'])}</b>: {gloss(p[f'role_{lang}'])} {_pages(p['page'])}</li>"
        for p in partners.to_dict("records")
    )
    parts.append(f"<h4>{_e(t('reader.partners', lang))}</h4><ul>{items}</ul>")
    facts = ev.organisation_table(book, cases=[case_id], lang=lang)
    parts.append(f"<h4>{_e(t('reader.facts', lang))}</h4>")
    parts.append(table_html(facts, index=True, header=False))
    return "".join(parts)


def _highlights(book: Casebook, case_id: str, lang: str) -> str:
    gloss = glosser(book, lang=lang)
    rows = book.highlights[book.highlights["case_id"] == case_id]
    if rows.empty:
        return f"<p><i>{_e(t('reader.no_highlight', lang))}</i></p>"
    cards = []
    for h in rows.to_dict("records"):
        pages = h["page"] if h["page"] == h["page_last"] else f"{h['page']}–{h['page_last']}"
        cards.append(_card(h["title"], gloss(h[f"summary_{lang}"]), pages))
    return f'<div class="cb-cards">{"".join(cards)}</div>'


def _evaluation(book: Casebook, case_id: str, lang: str) -> str:
    parts = [_text(book, case_id, "evaluatie", lang)]
    overview = ev.overview(book, cases=[case_id], lang=lang).drop(columns=["case_id"])
    if not overview.empty:
        parts.append(table_html(overview))
    found = ev.findings(book, cases=[case_id], lang=lang).drop(columns=["case_id", "theme_group"])
    if not found.empty:
        parts.append(table_html(found))
    return "".join(parts)


def _reflections(book: Casebook, case_id: str, lang: str) -> str:
    gloss = glosser(book, lang=lang)
    rows = book.reflections[book.reflections["case_id"] == case_id].sort_values("number")
    cards = "".join(
        _card(r["title"], gloss(r[f"summary_{lang}"]), r["page"], balloon=True)
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
    gloss = glosser(book, lang=lang)
    claims = book.voice_claims[book.voice_claims["case_id"] == case_id]
    if claims.empty:
        return f"<p><i>{_e(t('reader.no_voice', lang))}</i></p>"
    voices = book.voices.set_index("voice_id")
    cards = []
    for c in claims.to_dict("records"):
        v = voices.loc[c["voice_id"]]
        title = f"{v['name']} ({v[f'role_{lang}']})"
        cards.append(_card(title, gloss(c[f"claim_{lang}"]), c["page"]))
    return f'<div class="cb-cards">{"".join(cards)}</div>'


def case_parts(book: Casebook, case_id: str, *, lang: str = "nl") -> dict[str, str]:
    """Every part of one case as HTML, keyed by tab: figures, opgave, organisation, highlights,
    evaluation, reflections, voices. Each text carries its pages."""
    check_lang(lang)
    known = book.cases["case_id"].tolist()
    if case_id not in known:
        raise ValueError(f"`case_id` must be one of {known}, but {case_id!r} was passed.")
    # a reader going back to a case gets it at once: each case's parts are built once
    return dict(per_book(book, ("case_parts", case_id, lang), lambda: _parts(book, case_id, lang)))


def _parts(book: Casebook, case_id: str, lang: str) -> dict[str, str]:
    return {
        "figures": _figures(book, case_id, lang),
        "opgave": _text(book, case_id, "opgave", lang),
        "organisation": _organisation(book, case_id, lang),
        "highlights": _highlights(book, case_id, lang),
        "evaluation": _evaluation(book, case_id, lang),
        "reflections": _reflections(book, case_id, lang),
        "voices": _voices(book, case_id, lang),
    }
