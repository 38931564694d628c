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
    # the title bar's first link, seen only when the keyboard reaches it: past the bar to the page
    "app.skip": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "app.loading": {"nl": "De pagina wordt geladen …", "en": "The page is loading …"},
    "app.not_found": {
        "nl": "Deze pagina bestaat niet in het casebook. Kies een pagina in de balk hierboven.",
        "en": "The casebook has no such page. Choose a page in the bar above.",
    },
    "app.page_failed": {
        "nl": "Deze pagina kan nu niet worden getoond. Probeer het opnieuw of kies een andere pagina.",
        "en": "This page cannot be shown right now. Try again or choose another page.",
    },
    # Solara's own messages around the page (casebook/app/server.py, translate_solara)
    "app.starting": {"nl": "Het casebook wordt geopend …", "en": "Opening the casebook …"},
    "app.cut_off": {
        "nl": "De verbinding met het casebook is verbroken; de pagina werkt misschien niet meer "
        "goed. Laad de pagina opnieuw.",
        "en": "The connection to the casebook was lost; the page may no longer work properly. "
        "Reload the page.",
    },
    "app.server_gone": {"nl": "Geen verbinding.", "en": "No connection."},
    "app.restoring": {"nl": "Je sessie wordt hersteld …", "en": "Restoring your session …"},
    "app.reload_title": {"nl": "Laad de pagina opnieuw", "en": "Reload the page"},
    "app.reload_why": {
        "nl": "Je sessie kon niet worden hersteld: het casebook sluit een sessie die een paar "
        "minuten geen verbinding had. Laad de pagina opnieuw.",
        "en": "Your session could not be restored: the casebook closes a session that has been "
        "without a connection for a few minutes. Reload the page.",
    },
    "app.reload_now": {"nl": "Nu opnieuw laden", "en": "Reload now"},
    "app.reload_cancel": {"nl": "Annuleren", "en": "Cancel"},
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
