"""The glossary: Dutch policy and practice terms the booklet uses, explained in both languages,
and the same terms marked where a reading card uses them (a hover title with the explanation)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pandas as pd

from casebook.data import Casebook, per_book
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.text import t

__all__ = ["glossary_html", "glosser", "terms"]


def terms(book: Casebook, *, lang: str = "nl", query: str = "") -> pd.DataFrame:
    """The glossary in ``lang``: term, its rendering in the other language, the explanation and
    pages, alphabetical; ``query`` keeps the terms whose text holds it (case-insensitive)."""
    check_lang(lang)
    g = book.glossary.sort_values("term_nl", key=lambda s: s.str.lower())
    frame = pd.DataFrame(
        {
            "term_id": g["term_id"].to_numpy(),
            "term": g["term_nl"].to_numpy(),
            "rendering": g["term_en"].to_numpy(),
            "explanation": g[f"explanation_{lang}"].to_numpy(),
            "pages": g["pages"].to_numpy(),
        }
    )
    query = query.strip().lower()
    if query:
        text = frame[["term", "rendering", "explanation"]].agg(" ".join, axis=1).str.lower()
        frame = frame[text.str.contains(query, regex=False)]
    return frame.reset_index(drop=True)


def _hover(row: dict, lang: str) -> str:
    if lang == "en":
        return f"{row['term_en']}: {row['explanation_en']}"
    return str(row["explanation_nl"])


def glosser(book: Casebook, *, lang: str = "nl") -> Callable[[object], str]:
    """A function that turns data text into escaped HTML with every glossary term marked as
    ``<abbr class="cb-term" tabindex="0" title="explanation">term</abbr>`` (longest terms first,
    whole words with a plural ending, any case). A mouse shows the title on hover; a finger's
    tap or the keyboard focuses the term, and the cards' style then shows the explanation in a
    box at the foot of the window (:data:`casebook.markup.CARD_STYLE`), as a phone has no
    hover. A missing value gives an empty string, as :func:`casebook.markup.escape` does."""
    check_lang(lang)
    # every card of every page glosses its text: the pattern is built once per language
    return per_book(book, ("glosser", lang), lambda: _glosser(book, lang))


def _glosser(book: Casebook, lang: str) -> Callable[[object], str]:
    rows = book.glossary.to_dict("records")
    hover = {str(r["term_nl"]).lower(): _hover(r, lang) for r in rows}
    if not hover:
        return escape
    # Terms are matched in the escaped text; they hold no characters that escaping changes.
    # A plural or possessive ending belongs to the term: corporaties, wijkpunten, VHE's. An
    # abbreviation (a term in capitals: SEV, VHE) is matched in capitals only, with no ending
    # but a possessive: "seven" is not the SEV experiment with a plural ending.
    capitals = {str(r["term_nl"]) for r in rows if str(r["term_nl"]).isupper()}
    words = sorted((w for w in hover if w.upper() not in capitals), key=len, reverse=True)
    upper = sorted(capitals, key=len, reverse=True)

    def alternatives(terms: list[str]) -> str:
        return "|".join(re.escape(escape(w)) for w in terms) or r"(?!x)x"

    patterns = [
        re.compile(
            r"(?<![\w-])((" + alternatives(words) + r")(?:s|en|&#x27;s|’s)?)(?![\w-])",
            re.IGNORECASE,
        ),
        re.compile(r"(?<![\w-])((" + alternatives(upper) + r")(?:&#x27;s|’s)?)(?![\w-])"),
    ]

    def mark(m: re.Match[str]) -> str:
        explained = hover[html.unescape(m.group(2)).lower()]
        return f'<abbr class="cb-term" tabindex="0" title="{escape(explained)}">{m.group(1)}</abbr>'

    def gloss(value: object) -> str:
        text = escape(value)
        # the abbreviations after the words: a mark's title never holds a term in capitals
        # that a second pass could find, as it holds text only inside title="..." (skipped)
        text = patterns[0].sub(mark, text)
        return _outside_tags(patterns[1], mark, text)

    return gloss


def glossary_html(book: Casebook, *, lang: str = "nl", query: str = "") -> str:
    """The glossary as a definition list, each term with its rendering, explanation and pages;
    a message when ``query`` matches nothing."""
    frame = terms(book, lang=lang, query=query)
    if frame.empty:
        return f"<p><i>{escape(t('glossary.none', lang, query=query))}</i></p>"
    items = []
    for r in frame.to_dict("records"):
        # the English rendering ends with the Dutch term it renders, "(achter de voordeur)",
        # which the entry's heading is: not twice ("(behind the front door (achter de ...))")
        rendering = re.sub(r"\s*\(" + re.escape(str(r["term"])) + r"\)$", "", str(r["rendering"]))
        # after a dash, not in brackets: a rendering may hold brackets of its own
        other = f" — <i>{escape(rendering)}</i>" if lang == "en" else ""
        pages = escape(t("glossary.pages", lang, pages=r["pages"]))
        items.append(
            f'<dt id="term-{escape(r["term_id"])}"><b>{escape(r["term"])}</b>{other}</dt>'
            f'<dd>{escape(r["explanation"])} <span class="cb-page">({pages})</span></dd>'
        )
    return f'<dl class="cb-glossary">{"".join(items)}</dl>'


def _outside_tags(pattern: re.Pattern[str], mark: Callable[[re.Match[str]], str], text: str) -> str:
    """``pattern.sub(mark, ...)`` on the text between the tags of ``text`` only (never inside
    an attribute or an element already marked)."""
    parts = re.split(r"(<abbr\b[^>]*>.*?</abbr>|<[^>]+>)", text)
    return "".join(part if k % 2 else pattern.sub(mark, part) for k, part in enumerate(parts))
