"""The interface texts of the live class (sharing in class mode, the teacher's live page).

Dutch and English; merged into :data:`casebook.text.TEXT`.
"""

from __future__ import annotations

LIVE_TEXT: dict[str, dict[str, str]] = {
    # a student's page, class mode only
    "live.share": {"nl": "Deel met de klas", "en": "Share with the class"},
    "live.nickname": {"nl": "Bijnaam (mag leeg)", "en": "Nickname (may be empty)"},
    "live.what.placements": {
        "nl": "Als je deelt, ziet de docent je plaatsing van de vijf casussen en je bijnaam "
        "(als je er een geeft) op het scherm van de klas; verder niets over jou.",
        "en": "If you share, the teacher sees your placement of the five cases and your "
        "nickname (if you give one) on the class's screen; nothing else about you.",
    },
    "live.what.check": {
        "nl": "Als je deelt, ziet de docent je scores per voorwaarde en je bijnaam (als je er "
        "een geeft) op het scherm van de klas, opgeteld met die van de anderen; verder niets.",
        "en": "If you share, the teacher sees your score per condition and your nickname (if "
        "you give one) on the class's screen, added up with the others'; nothing else.",
    },
    "live.withdraw": {"nl": "Trek mijn bijdrage terug", "en": "Withdraw what I shared"},
    "live.shared": {
        "nl": "Gedeeld met de klas. Elke wijziging wordt meteen opnieuw gedeeld.",
        "en": "Shared with the class. Every change is shared again at once.",
    },
    "live.withdrawn": {
        "nl": "Teruggetrokken: de klas ziet je bijdrage niet meer.",
        "en": "Withdrawn: the class no longer sees what you shared.",
    },
    "live.not_shared": {
        "nl": "Je deelt niets met de klas.",
        "en": "You share nothing with the class.",
    },
    "live.share_failed": {
        "nl": "Delen lukte niet; de docent ziet je bijdrage niet. Probeer het nog eens.",
        "en": "Sharing did not work; the teacher does not see what you shared. Try again.",
    },
    # skipped files in the class folder
    "live.skip.foreign": {
        "nl": "geen bestand van het casebook (overgeslagen)",
        "en": "not a file of the casebook (skipped)",
    },
    "live.skip.too_large": {
        "nl": "groter dan {kb} kB (overgeslagen)",
        "en": "larger than {kb} kB (skipped)",
    },
    "live.skip.unreadable": {
        "nl": "niet te lezen: {reason} (overgeslagen)",
        "en": "cannot be read: {reason} (skipped)",
    },
    # the teacher's live page
    "live.closed": {
        "nl": "Deze pagina is voor de docent, als het casebook met casebook start --class "
        "draait. Open de docentenlink die de terminal dan toont.",
        "en": "This page is for the teacher, when the casebook runs with casebook start "
        "--class. Open the teacher's link that the terminal then shows.",
    },
    "live.students": {
        "nl": "Les {lesson}: {placements} plaatsing(en) en {checks} check(s) gedeeld.",
        "en": "Lesson {lesson}: {placements} placement(s) and {checks} check(s) shared.",
    },
    "live.updated": {"nl": "Bijgewerkt om {time}.", "en": "Updated at {time}."},
    "live.skipped": {"nl": "Overgeslagen bestanden:", "en": "Skipped files:"},
    "live.new_lesson": {"nl": "Nieuwe les", "en": "New lesson"},
    "live.show_reading": {
        "nl": "Toon de lezing van het casebook",
        "en": "Show the casebook's reading",
    },
    "live.reading_hidden": {
        "nl": "De lezing van het casebook staat nog uit: laat de klas eerst zelf plaatsen.",
        "en": "The casebook's reading is hidden for now: let the class place the cases first.",
    },
    "live.export": {"nl": "Deze les als CSV", "en": "This lesson as CSV"},
    "live.export_previous": {
        "nl": "De vorige les als CSV (hij blijft bewaard)",
        "en": "The previous lesson as CSV (it is kept)",
    },
    "live.check_heading": {
        "nl": "De check van de samenwerking: scores per voorwaarde",
        "en": "The collaboration check: scores per condition",
    },
    "live.no_checks": {
        "nl": "Nog niemand heeft een check gedeeld.",
        "en": "Nobody has shared a check yet.",
    },
    "live.col.condition": {"nl": "Voorwaarde", "en": "Condition"},
}
