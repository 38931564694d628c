"""The interface texts of the static book (`casebook handout`), Dutch and English.

Merged into :data:`casebook.text.TEXT`.
"""

from __future__ import annotations

BOOK_TEXT: dict[str, dict[str, str]] = {
    "book.live": {
        "nl": (
            "Dit boek werkt zonder Python. Casussen zelf plaatsen, je antwoorden bewaren en eigen "
            "bestanden inlezen kan alleen in het casebook met server: start het met `make start` "
            "of `casebook start`."
        ),
        "en": (
            "This book works without Python. Placing cases yourself, saving your answers and "
            "reading your own files need the live casebook: start it with `make start` or "
            "`casebook start`."
        ),
    },
    "book.menu_note": {
        "nl": (
            "Zonder server kies je met het menu boven de grafiek; andere keuzes maak je in het "
            "casebook met server."
        ),
        "en": (
            "Without a server you choose with the menu above the chart; other choices are in "
            "the live casebook."
        ),
    },
    "book.contents": {"nl": "Inhoud", "en": "Contents"},
    "book.previous": {"nl": "Vorige", "en": "Previous"},
    "book.next": {"nl": "Volgende", "en": "Next"},
    "book.search": {"nl": "Zoeken in dit boek", "en": "Search this book"},
    "book.no_results": {"nl": "Niets gevonden.", "en": "Nothing found."},
    "book.title": {
        "nl": "Koppelen en doorschakelen · casebook",
        "en": "Koppelen en doorschakelen · casebook",
    },
}
