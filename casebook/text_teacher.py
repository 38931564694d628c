"""The texts of the landing page's description of the data, the teacher's box in class mode and
the teacher's papers (casebook.papers), Dutch and English. Merged into
:data:`casebook.text.TEXT`."""

from __future__ import annotations

TEACHER_TEXT: dict[str, dict[str, str]] = {
    # the teacher's papers (casebook.papers) and the bar above each in the app
    "paper.guide": {"nl": "Docentenhandleiding", "en": "Teacher's guide"},
    "paper.key": {"nl": "Docentensleutel", "en": "Teacher's key"},
    "paper.bar": {"nl": "Rond dit document", "en": "Around this paper"},
    "paper.home": {"nl": "Naar het casebook", "en": "Back to the casebook"},
    "paper.other": {"nl": "Nederlands", "en": "English"},
    "paper.print": {"nl": "Afdrukken", "en": "Print"},
    # the landing page: the five cases and what the data holds
    "start.cases_note": {
        "nl": "Dit overzicht komt rechtstreeks uit de gegevens van het casebook. Tilburg staat niet bij de wijken: het boekje noemt de stad alleen als vergelijkingscijfer.",
        "en": "This overview comes straight from the casebook's data. Tilburg is not listed among the neighbourhoods: the booklet gives the city only as a reference figure.",
    },
    "start.case_title": {"nl": "Casus {number}: {name}", "en": "Case {number}: {name}"},
    "start.contents": {"nl": "Wat staat erin?", "en": "What is in it?"},
    "start.contents_intro": {
        "nl": "Alles wat de pagina's laten zien, komt uit het boekje, elk feit met de pagina waar het staat:",
        "en": "Everything the pages show comes from the booklet, each fact with the page it is printed on:",
    },
    "start.contents.cases": {
        "nl": "de vijf casussen in eigen woorden: {case_texts} samenvattingen van opgave, organisatie en evaluatie, {highlights} uitgelichte praktijken en {reflections} reflecties van de schrijvers;",
        "en": "the five cases in our own words: {case_texts} summaries of their task, organisation and evaluation, {highlights} highlighted practices and {reflections} reflections of the authors;",
    },
    "start.contents.figures": {
        "nl": "{indicators} cijfers over {areas} wijken en steden, in {kinds} soorten kenmerken; wat het boekje niet noemt, blijft leeg;",
        "en": "{indicators} figures on {areas} neighbourhoods and cities, of {kinds} kinds; what the booklet does not report stays empty;",
    },
    "start.contents.organisation": {
        "nl": "{organisation} feiten over hoe de samenwerkingen georganiseerd zijn (rechtsvorm, mensen, geld, leiding) en {partners} partners met hun rol;",
        "en": "{organisation} facts about how the collaborations are organised (legal form, staff, money, leadership) and {partners} partners with their roles;",
    },
    "start.contents.evaluations": {
        "nl": "{evaluations} evaluaties met {findings} bevindingen en {results} resultaatcijfers, en {events} gebeurtenissen op een tijdlijn;",
        "en": "{evaluations} evaluations with {findings} findings and {results} result figures, and {events} events on a timeline;",
    },
    "start.contents.logics": {
        "nl": "{logics} logica's en {tensions} spanningen die professionals in de praktijk tegenkomen, met de lezing van het casebook per casus;",
        "en": "{logics} logics and {tensions} tensions that professionals meet in practice, with the casebook's reading of each case;",
    },
    "start.contents.lessons": {
        "nl": "de {lessons} lessen, {main_lines} hoofdlijnen en de stemmen van {voices} meekijkers van buiten;",
        "en": "the {lessons} lessons, {main_lines} main lines and the voices of {voices} outside reviewers;",
    },
    "start.contents.check": {
        "nl": "{conditions} condities waaraan je je eigen samenwerking kunt toetsen;",
        "en": "{conditions} conditions against which you can check your own collaboration;",
    },
    "start.contents.glossary": {
        "nl": "{terms} begrippen uit het Nederlandse beleid en de praktijk, kort uitgelegd.",
        "en": "{terms} Dutch policy and practice terms, briefly explained.",
    },
    # class mode: the teacher's box on the landing page
    "start.class_yours": {
        "nl": "Voor jou als docent (de live-pagina en de sleutel openen alleen in jouw browser, niet bij studenten):",
        "en": "For you as the teacher (the live page and the key open in your browser only, not in the students'):",
    },
    "start.class_live": {
        "nl": "De klas, live: de gedeelde plaatsingen en checks",
        "en": "The class, live: the shared placements and checks",
    },
}
