"""The interface texts of the app's shell: the title bar, the page titles it uses and the
messages of the server itself. Dutch and English; merged into :data:`casebook.text.TEXT`."""

from __future__ import annotations

APP_TEXT: dict[str, dict[str, str]] = {
    "app.title": {
        "nl": "Koppelen en doorschakelen · casebook",
        "en": "Koppelen en doorschakelen · casebook",
    },
    "app.nav": {"nl": "Pagina's van het casebook", "en": "Pages of the casebook"},
    "app.language": {"nl": "Taal", "en": "Language"},
    "app.loading": {"nl": "De pagina wordt geladen …", "en": "The page is loading …"},
    "app.not_found": {
        "nl": "Deze pagina bestaat niet in het casebook. Kies een pagina in de balk hierboven.",
        "en": "The casebook has no such page. Choose a page in the bar above.",
    },
    "app.page_failed": {
        "nl": "Deze pagina kan nu niet worden getoond. Probeer het opnieuw of kies een andere pagina.",
        "en": "This page cannot be shown right now. Try again or choose another page.",
    },
    "nav.start": {"nl": "Start", "en": "Start"},
    "nav.cases": {"nl": "Casussen", "en": "Cases"},
    "nav.compare": {"nl": "Wijken", "en": "Neighbourhoods"},
    "nav.logics": {"nl": "Logica's", "en": "Logics"},
    "nav.evaluations": {"nl": "Evaluaties", "en": "Evaluations"},
    "nav.lessons": {"nl": "Lessen", "en": "Lessons"},
    "nav.check": {"nl": "Check", "en": "Check"},
    "nav.glossary": {"nl": "Woordenlijst", "en": "Glossary"},
    "nav.live": {"nl": "Live", "en": "Live"},
    "page.00": {"nl": "Start", "en": "Start"},
    "page.08": {"nl": "De klas, live", "en": "The class, live"},
}
