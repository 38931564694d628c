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
    "book.print_note": {
        "nl": (
            "Deze afdruk toont de standaardkeuze; in het boek op het scherm kies je zelf met het "
            "menu boven de grafiek."
        ),
        "en": (
            "This print shows the default choice; in the book on screen you choose yourself "
            "with the menu above the chart."
        ),
    },
    "book.selection_note": {
        "nl": "In het casebook met server kies je hier zelf; dit boek toont de standaardselectie.",
        "en": (
            "In the live casebook you choose here yourself; this book shows the default selection."
        ),
    },
    "book.check_note": {
        "nl": (
            "De vragen beantwoord je in het casebook met server; dit boek toont de grafiek "
            "zonder antwoorden."
        ),
        "en": (
            "You answer the questions in the live casebook; this book shows the chart without "
            "answers."
        ),
    },
    "book.compare_modes": {
        "nl": (
            "In het casebook met server kies je een van vier weergaven; dit boek toont ze alle "
            "vier onder elkaar, met de standaardkeuze van wijken en kenmerken."
        ),
        "en": (
            "In the live casebook you choose one of four views; this book shows all four, one "
            "below the other, with the default choice of neighbourhoods and indicators."
        ),
    },
    "book.profiles_screen": {
        "nl": "Het profiel staat er voor elke wijk: klik op een wijk om het te openen.",
        "en": "The profile is there for every neighbourhood: click one to open it.",
    },
    "book.profiles_print": {
        "nl": "Deze afdruk toont het profiel van {area}.",
        "en": "This print shows the profile of {area}.",
    },
    "book.view": {"nl": "Weergave", "en": "View"},
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
