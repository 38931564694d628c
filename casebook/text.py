"""Every label, hover text, note and message the views show, in Dutch and English, in one place.

Texts from the data (names, indicator labels, summaries) come from the tables; the texts here are
the casebook's own interface. :func:`t` looks a key up and fills in its placeholders.
"""

from __future__ import annotations

from typing import Any

from casebook.i18n import check_lang
from casebook.text_alt import ALT_TEXT
from casebook.text_app import APP_TEXT
from casebook.text_book import BOOK_TEXT
from casebook.text_live import LIVE_TEXT
from casebook.text_teacher import TEACHER_TEXT

__all__ = ["TEXT", "format_number", "format_figure", "listing", "t"]

# Each key holds its Dutch and English text side by side, so that no language can miss one.
TEXT: dict[str, dict[str, str]] = {
    "control.language": {"nl": "Taal", "en": "Language"},
    "control.areas": {"nl": "Wijken", "en": "Neighbourhoods"},
    "control.group": {"nl": "Groep", "en": "Group"},
    "control.indicator": {"nl": "Kenmerk", "en": "Indicator"},
    "control.indicators": {"nl": "Kenmerken", "en": "Indicators"},
    "control.area": {"nl": "Wijk", "en": "Area"},
    "mode.one": {"nl": "Eén kenmerk", "en": "One indicator"},
    "mode.several": {"nl": "Meerdere kenmerken", "en": "Several indicators"},
    "mode.coverage": {"nl": "Wat meldt het boekje?", "en": "What does the booklet report?"},
    "mode.profile": {"nl": "Profiel van een wijk", "en": "Profile of one area"},
    "group.all": {"nl": "Alle groepen", "en": "All groups"},
    "download": {
        "nl": "Download de gegevens van deze grafiek (CSV)",
        "en": "Download the data of this chart (CSV)",
    },
    "download.profile": {"nl": "Download dit profiel (CSV)", "en": "Download this profile (CSV)"},
    "msg.no_areas": {"nl": "Kies minstens één wijk.", "en": "Choose at least one neighbourhood."},
    "msg.no_indicators": {
        "nl": "Kies minstens één kenmerk.",
        "en": "Choose at least one indicator.",
    },
    "msg.no_cases": {"nl": "Kies minstens één casus.", "en": "Choose at least one case."},
    "overview.number": {"nl": "Nr.", "en": "No."},
    "summary.table": {"nl": "tabel", "en": "table"},
    "summary.rows": {"nl": "rijen", "en": "rows"},
    "summary.row_is": {"nl": "wat een rij is", "en": "what a row is"},
    "overview.name": {"nl": "Casus", "en": "Case"},
    "overview.city": {"nl": "Stad", "en": "City"},
    "overview.areas": {"nl": "Wijk(en)", "en": "Neighbourhood(s)"},
    "overview.form": {"nl": "Organisatievorm", "en": "Organisational form"},
    "overview.pages": {"nl": "Pagina's", "en": "Pages"},
    "start.cases": {"nl": "De vijf casussen in één oogopslag", "en": "The five cases at a glance"},
    "start.class_title": {
        "nl": "Voor de docent: de link voor de klas",
        "en": "For the teacher: the link for the class",
    },
    "start.class_hint": {
        "nl": "Laat deze code zien of deel de link: studenten in hetzelfde netwerk openen er het casebook mee. Zonder de code in de link komt niemand binnen; bij elke nieuwe start hoort een nieuwe code.",
        "en": "Show this code or share the link: students on the same network open the casebook with it. Without the code in the link nobody gets in; every new start brings a new code.",
    },
    "start.class_qr": {
        "nl": "QR-code met de link voor de klas",
        "en": "QR code with the link for the class",
    },
    "page.01": {
        "nl": "De vijf casussen: opgave, organisatie, praktijk, evaluatie, reflecties",
        "en": "The five cases: task, organisation, practice, evaluation, reflections",
    },
    "page.02": {
        "nl": "Wijken vergelijken: de kerncijfers naast elkaar",
        "en": "Compare neighbourhoods: key figures side by side",
    },
    "page.03": {
        "nl": "Vier logica's en zeven spanningen: plaats de casussen zelf",
        "en": "Four logics and seven tensions: place the cases yourself",
    },
    "page.04": {
        "nl": "Evaluaties, organisatie en tijd",
        "en": "Evaluations, organisation and time",
    },
    "page.05": {
        "nl": "De 27 lessen, de hoofdlijnen en de meekijkers",
        "en": "The 27 lessons, the main lines and the outside reviewers",
    },
    "msg.none_reported": {
        "nl": "Het boekje geeft voor '{indicator}' geen cijfer voor de gekozen wijken.",
        "en": "The booklet gives no figure for '{indicator}' for the chosen neighbourhoods.",
    },
    "msg.error": {
        "nl": "Deze weergave lukt nu niet. Kies een andere selectie.",
        "en": "This view cannot be shown right now. Please choose another selection.",
    },
    "chart.unavailable": {
        "nl": "De grafiek kan hier niet getekend worden: de browser kreeg plotly.js niet. Open het casebook met 'casebook start'.",
        "en": "The chart cannot be drawn here: the browser did not get plotly.js. Open the casebook with 'casebook start'.",
    },
    "not_reported": {"nl": "niet vermeld", "en": "not reported"},
    "derived": {"nl": "afgeleid", "en": "derived"},
    "note.approx": {
        "nl": "≈ = bij benadering, zoals in het boekje ('bijna', 'circa')",
        "en": "≈ = approximate, as in the booklet ('bijna', 'circa')",
    },
    "note.range": {
        "nl": "streep van laag tot hoog = bereik zoals gedrukt",
        "en": "bar from low to high = range as printed",
    },
    "note.derived": {
        "nl": "Afgeleid door het casebook ({formula}); dit cijfer staat niet in het boekje.",
        "en": "Derived by the casebook ({formula}); the booklet does not print this figure.",
    },
    "note.reference": {
        "nl": "Stippellijn: {area} (stad) als vergelijking",
        "en": "Dotted line: {area} (city) for comparison",
    },
    "note.base": {"nl": "Aandeel van: {bases}", "en": "Share of: {bases}"},
    "reference": {"nl": "{area} (stad): {value}", "en": "{area} (city): {value}"},
    "title.one": {"nl": "{indicator} per wijk", "en": "{indicator} by neighbourhood"},
    "title.several": {"nl": "Wijken naast elkaar", "en": "Neighbourhoods side by side"},
    "title.coverage": {
        "nl": "Welke kenmerken meldt het boekje per wijk?",
        "en": "Which indicators does the booklet report for each area?",
    },
    "title.profile": {"nl": "Alle kenmerken van {area}", "en": "All indicators for {area}"},
    "hover.printed": {"nl": "Zoals gedrukt", "en": "As printed"},
    "hover.page": {"nl": "Pagina", "en": "Page"},
    "hover.base": {"nl": "Aandeel van", "en": "Share of"},
    "hover.formula": {"nl": "Berekening", "en": "Formula"},
    "axis.indicator": {"nl": "Kenmerk", "en": "Indicator"},
    "status.number": {"nl": "cijfer", "en": "figure"},
    "status.approx": {"nl": "bij benadering", "en": "approximate"},
    "status.range": {"nl": "bereik", "en": "range"},
    "status.text": {"nl": "beschrijving", "en": "statement"},
    "status.derived": {"nl": "afgeleid", "en": "derived"},
    "status.not_reported": {"nl": "niet vermeld", "en": "not reported"},
    "col.group": {"nl": "Groep", "en": "Group"},
    "col.indicator": {"nl": "Kenmerk", "en": "Indicator"},
    "col.value": {"nl": "Waarde", "en": "Value"},
    "col.printed": {"nl": "Zoals gedrukt", "en": "As printed"},
    "col.page": {"nl": "Pagina", "en": "Page"},
    "col.note": {"nl": "Opmerking", "en": "Note"},
    "col.area": {"nl": "Wijk", "en": "Area"},
    "unit.count": {"nl": "aantal", "en": "number"},
    "unit.percent": {"nl": "%", "en": "%"},
    "unit.EUR": {"nl": "euro", "en": "euro"},
    "unit.year": {"nl": "jaar", "en": "year"},
    "unit.text": {"nl": "beschrijving", "en": "statement"},
    "unit.persons": {"nl": "personen per huishouden", "en": "persons per household"},
    "unit.people": {"nl": "mensen", "en": "people"},
    "unit.young people": {"nl": "jongeren", "en": "young people"},
    "unit.residents per meeting": {"nl": "bewoners per keer", "en": "residents per meeting"},
    "unit.sign-ups": {"nl": "aanmeldingen", "en": "sign-ups"},
    "base.inhabitants": {"nl": "inwoners", "en": "inhabitants"},
    "base.households": {"nl": "huishoudens", "en": "households"},
    "base.dwellings": {"nl": "woningen", "en": "dwellings"},
    "base.unstated": {"nl": "niet vermeld", "en": "not stated"},
    "group.population": {"nl": "Bevolking", "en": "Population"},
    "group.housing_stock": {"nl": "Woningvoorraad", "en": "Housing stock"},
    "group.tenure_price": {"nl": "Eigendom en prijs", "en": "Tenure and price"},
    "group.rent": {"nl": "Huur", "en": "Rent"},
    "group.building_period": {"nl": "Bouwperiode", "en": "Building period"},
    "group.age_household": {"nl": "Leeftijd en huishoudens", "en": "Age and households"},
    "group.mobility": {"nl": "Verhuizingen", "en": "Moving house"},
    "group.income_work": {"nl": "Inkomen en werk", "en": "Income and work"},
    "group.education": {"nl": "Onderwijs", "en": "Education"},
    "group.derived": {"nl": "Afgeleid door het casebook", "en": "Derived by the casebook"},
    "derived.corporation_unit_share": {
        "nl": "Aandeel corporatiewoningen (afgeleid)",
        "en": "Share of corporation units (derived)",
    },
    "derived.persons_per_household": {
        "nl": "Personen per huishouden (afgeleid)",
        "en": "Persons per household (derived)",
    },
    "tab.figures": {"nl": "Kerncijfers", "en": "Key figures"},
    "tab.opgave": {"nl": "Opgave", "en": "Task (opgave)"},
    "tab.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "tab.highlights": {"nl": "Uitgelicht", "en": "Spotlight"},
    "tab.evaluation": {"nl": "Evaluatie", "en": "Evaluation"},
    "tab.reflections": {"nl": "Reflecties", "en": "Reflections"},
    "tab.voices": {"nl": "Meekijkers", "en": "Outside reviewers"},
    "reader.bodies": {"nl": "Wie stuurt en wie doet wat", "en": "Who steers and who does what"},
    "reader.partners": {"nl": "Partners", "en": "Partners"},
    "reader.facts": {"nl": "Feiten", "en": "Facts"},
    "reader.chair": {"nl": "voorzitter", "en": "chair"},
    "reader.no_voice": {
        "nl": "Geen van de vier meekijkers zegt iets specifieks over deze casus.",
        "en": "None of the four outside reviewers says something specific about this case.",
    },
    "reader.no_highlight": {"nl": "Geen uitgelichte praktijk.", "en": "No highlighted practice."},
    "reader.reflections_intro": {
        "nl": "De vijf dingen die de schrijvers het meest opvielen, in onze woorden:",
        "en": "The five things that struck the authors most, in our words:",
    },
    "reader.authors": {"nl": "Schrijver uit deze casus", "en": "Author from this case"},
    "control.logic": {"nl": "Logica", "en": "Logic"},
    "control.lesson": {"nl": "Les", "en": "Lesson"},
    "filter.all": {"nl": "Alle", "en": "All"},
    "lessons.title": {
        "nl": "Welke les put uit welke casus?",
        "en": "Which lesson draws on which case?",
    },
    "lessons.cites": {"nl": "Deze les verwijst naar", "en": "This lesson refers to"},
    "lessons.page_ref": {"nl": "noemt p. {page}", "en": "points to p. {page}"},
    "lessons.example": {"nl": "voorbeeld", "en": "example"},
    "lessons.logics": {"nl": "Spreekt vooral tot", "en": "Speaks mainly to"},
    "lessons.tensions": {"nl": "Raakt aan de spanning(en)", "en": "Touches the tension(s)"},
    "lessons.label": {"nl": "Les {n}: {title}", "en": "Lesson {n}: {title}"},
    # beside a title in our English: the booklet's Dutch title as printed
    "lessons.printed": {"nl": "In het boekje: “{title}”", "en": "Dutch: “{title}”"},
    "lessons.none": {
        "nl": "Geen les past bij deze filters.",
        "en": "No lesson fits these filters.",
    },
    "lessons.voice": {"nl": "meekijker", "en": "outside reviewer"},
    "lessons.main_lines": {"nl": "De vier hoofdlijnen", "en": "The four main lines"},
    "lessons.voices": {"nl": "De vier meekijkers", "en": "The four outside reviewers"},
    "lessons.general": {"nl": "Over alle casussen", "en": "On all cases"},
    "lessons.jump": {"nl": "Lees de casus: {case}", "en": "Read the case: {case}"},
    "lessons.note": {
        "nl": "Welke les bij welke logica en spanning past, is de lezing van het casebook.",
        "en": "Which lesson fits which logic and tension is the casebook's reading.",
    },
    "eval.caveat": {
        "nl": "Let op: de casussen zijn verschillend en op verschillende manieren geëvalueerd. Het boekje waarschuwt dat ze niet in wetenschappelijke zin vergelijkbaar zijn; lees de cijfers per casus, niet als ranglijst.",
        "en": "Mind: the cases differ and were evaluated in different ways. The booklet warns that they are not comparable in a scientific sense; read the figures case by case, not as a ranking.",
    },
    "eval.title.results": {
        "nl": "Resultaten in cijfers, elk cijfer apart",
        "en": "Results in figures, each figure on its own",
    },
    "eval.note.bars": {
        "nl": "Een balk staat alleen bij een percentage en loopt van 0 tot 100%; een aantal heeft geen schaal en staat er als getal.",
        "en": "Only a percentage has a bar, running from 0 to 100%; a count has no scale and is given as a number.",
    },
    "eval.note.hatched": {
        "nl": "Gearceerd: het boekje geeft het cijfer bij benadering of als grens (≈, ≥, >).",
        "en": "Hatched: the booklet gives the figure approximately or as a bound (≈, ≥, >).",
    },
    "eval.unnamed": {"nl": "Niet genoemd", "en": "Not named"},
    "eval.either": {
        "nl": "{first} of {second} (het boekje zegt niet welke)",
        "en": "{first} or {second} (the booklet does not say which)",
    },
    "eval.title.findings": {"nl": "Bevindingen per thema", "en": "Findings by theme"},
    "eval.title.timeline": {
        "nl": "Tijdlijn: zo'n zes à zeven jaar om op stoom te komen",
        "en": "Timeline: about six to seven years to get going",
    },
    "eval.none": {
        "nl": "Voor deze casus staat er geen evaluatie in het boekje.",
        "en": "The booklet reports no evaluation for this case.",
    },
    "eval.no_figures": {
        "nl": "Het boekje geeft voor de gekozen casussen geen resultaatcijfers.",
        "en": "The booklet gives no result figures for the chosen cases.",
    },
    "eval.no_findings": {
        "nl": "Geen bevindingen voor deze casus en dit thema.",
        "en": "No findings for this case and theme.",
    },
    "eval.booklet": {"nl": "boekje (tot mei 2011)", "en": "booklet (up to May 2011)"},
    "eval.inferred": {"nl": "jaar afgeleid", "en": "year inferred"},
    "eval.note.horizon": {
        "nl": "Band = ongeveer zes à zeven jaar na de start: zo lang heeft een samenwerking nodig om te draaien volgens de schatting in Les 0 (p. 46) en van Van de Veerdonk (p. 20); Arts noemt zo'n horizon wenselijk (p. 13).",
        "en": "Band = about six to seven years after the start: the time a collaboration needs to run well, as estimated in Lesson 0 (p. 46) and by Van de Veerdonk (p. 20); Arts calls such a horizon desirable (p. 13).",
    },
    "eval.note.symbols": {
        "nl": "Ruit = evaluatie; rondje = andere gebeurtenis (start, mijlpaal, geld); open rondje = jaartal afgeleid door het casebook.",
        "en": "Diamond = evaluation; circle = other event (start, milestone, funding); open circle = year inferred by the casebook.",
    },
    "eval.note.valence": {
        "nl": "Positief, gemengd of negatief is de lezing van het casebook van elke bevinding.",
        "en": "Positive, mixed or negative is the casebook's reading of each finding.",
    },
    "control.cases": {"nl": "Casussen", "en": "Cases"},
    "control.themes": {"nl": "Thema's", "en": "Themes"},
    "section.overview": {"nl": "Wie, wanneer, hoe", "en": "Who, when, how"},
    "section.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "valence.positive": {"nl": "positief", "en": "positive"},
    "valence.mixed": {"nl": "gemengd", "en": "mixed"},
    "valence.negative": {"nl": "negatief", "en": "negative"},
    "valence.not_evaluated": {"nl": "niet geëvalueerd", "en": "not evaluated"},
    "theme.demand_orientation": {"nl": "Vraaggerichtheid", "en": "Demand orientation"},
    "theme.vision_to_practice": {
        "nl": "Van visie naar uitvoering",
        "en": "From vision to practice",
    },
    "theme.professional_autonomy": {"nl": "Professionele autonomie", "en": "Professional autonomy"},
    "theme.collaboration": {"nl": "Samenwerking", "en": "Collaboration"},
    "theme.governance": {"nl": "Besturing", "en": "Governance"},
    "theme.results": {"nl": "Resultaten", "en": "Results"},
    "theme.building": {"nl": "Gebouw", "en": "Building"},
    "theme.services": {"nl": "Dienstverlening", "en": "Services"},
    "theme.learning": {"nl": "Leren", "en": "Learning"},
    "fact.partners": {"nl": "Partners", "en": "Partners"},
    "fact.partner_count": {"nl": "Aantal partners", "en": "Number of partners"},
    "fact.legal_form": {"nl": "Rechtsvorm", "en": "Legal form"},
    "fact.fte": {"nl": "Fte", "en": "FTE"},
    "fact.annual_budget": {"nl": "Jaarbudget", "en": "Annual budget"},
    "fact.budget_per_partner": {"nl": "Bijdrage per partner", "en": "Contribution per partner"},
    "fact.leadership": {"nl": "Leiding", "en": "Leadership"},
    "fact.funding": {"nl": "Financiering", "en": "Funding"},
    "fact.start": {"nl": "Start", "en": "Start"},
    "fact.staff_hours": {"nl": "Uren", "en": "Hours"},
    "fact.business_case": {"nl": "Businesscase", "en": "Business case"},
    "fact.facility": {"nl": "Voorziening", "en": "Facility"},
    "col.evaluator": {"nl": "Wie", "en": "Who"},
    "col.when": {"nl": "Wanneer", "en": "When"},
    "col.how": {"nl": "Wat en hoe", "en": "What and how"},
    "col.kind": {"nl": "Soort", "en": "Kind"},
    "col.year": {"nl": "Jaar", "en": "Year"},
    "col.theme": {"nl": "Thema", "en": "Theme"},
    # a finding's own subject, within its theme (the chart's row): "Bewoners" in "Vraaggerichtheid"
    "col.topic": {"nl": "Onderwerp", "en": "Topic"},
    "col.finding": {"nl": "Bevinding", "en": "Finding"},
    "col.valence": {"nl": "Lezing", "en": "Reading"},
    "kind.visitation": {"nl": "visitatie", "en": "peer review (visitation)"},
    "kind.research": {"nl": "onderzoek", "en": "research"},
    "kind.monitoring": {"nl": "monitoring", "en": "monitoring"},
    "kind.evaluation": {"nl": "evaluatie", "en": "evaluation"},
    "kind.audit": {"nl": "audit", "en": "audit"},
    "kind.practice_report": {"nl": "verslag uit de praktijk", "en": "report from practice"},
    "kind.press_quote": {"nl": "citaat uit een artikel", "en": "quote from an article"},
    "download.results": {"nl": "Download de cijfers (CSV)", "en": "Download the figures (CSV)"},
    "download.findings": {
        "nl": "Download de bevindingen (CSV)",
        "en": "Download the findings (CSV)",
    },
    "download.organisation": {
        "nl": "Download de organisatiefeiten (CSV)",
        "en": "Download the organisation facts (CSV)",
    },
    "download.timeline": {"nl": "Download de tijdlijn (CSV)", "en": "Download the timeline (CSV)"},
    "download.overview": {
        "nl": "Download het overzicht (CSV)",
        "en": "Download the overview (CSV)",
    },
    "logic.institutional": {"nl": "institutioneel", "en": "institutional"},
    "logic.situational": {"nl": "situationeel", "en": "situational"},
    "logic.instrumental": {"nl": "instrumenteel", "en": "instrumental"},
    "logic.cultural": {"nl": "cultureel", "en": "cultural"},
    "plane.title": {"nl": "De vier logica's", "en": "The four logics"},
    "plane.title.reader": {"nl": "Jouw plaatsing", "en": "Your placement"},
    "plane.title.both": {
        "nl": "Jouw plaatsing naast de lezing van het casebook",
        "en": "Your placement beside the casebook's reading",
    },
    "plane.title.class": {
        "nl": "De klas naast de lezing van het casebook",
        "en": "The class beside the casebook's reading",
    },
    "plane.x": {"nl": "← institutioneel · situationeel →", "en": "← institutional · situational →"},
    "plane.y": {"nl": "← instrumenteel · cultureel →", "en": "← instrumental · cultural →"},
    "plane.reader": {"nl": "Jouw plaatsing", "en": "Your placement"},
    "plane.casebook": {"nl": "Lezing van het casebook", "en": "Casebook's reading"},
    "plane.class_mean": {"nl": "Gemiddelde van de klas", "en": "Class mean"},
    "plane.note": {
        "nl": "De lezing van het casebook is een interpretatie, geen bevinding van het boekje.",
        "en": "The casebook's reading is an interpretation, not a finding of the booklet.",
    },
    "plane.title.class_only": {
        "nl": "De plaatsingen van de klas",
        "en": "The class's placements",
    },
    "plane.class_note": {
        "nl": "Ruit = gemiddelde van de klas, strepen = spreiding (standaardafwijking), stip = één plaatsing.",
        "en": "Diamond = class mean, bars = spread (standard deviation), dot = one placement.",
    },
    "plane.class_note.reading": {
        "nl": "Ruit = gemiddelde van de klas, strepen = spreiding, witte ster aan de stippellijn = lezing van het casebook.",
        "en": "Diamond = class mean, bars = spread, white star at the dotted line = the casebook's reading.",
    },
    "slider.x": {"nl": "inst. ↔ sit.", "en": "inst. ↔ sit."},
    "slider.y": {"nl": "instr. ↔ cult.", "en": "instr. ↔ cult."},
    # the sliders' whole names: a tooltip, and what a screen reader hears with the case's name
    "slider.x_full": {
        "nl": "institutioneel (−1) tot situationeel (+1)",
        "en": "institutional (−1) to situational (+1)",
    },
    "slider.y_full": {
        "nl": "instrumenteel (−1) tot cultureel (+1)",
        "en": "instrumental (−1) to cultural (+1)",
    },
    "control.reveal": {
        "nl": "Toon de lezing van het casebook",
        "en": "Show the casebook's reading",
    },
    "control.hide": {"nl": "Verberg de lezing", "en": "Hide the reading"},
    "control.reset": {
        "nl": "Alles terug naar de beginstand",
        "en": "Everything back to where it started",
    },
    "control.name": {"nl": "Naam (mag leeg)", "en": "Name (optional)"},
    "control.save": {"nl": "Bewaar mijn plaatsing", "en": "Save my placement"},
    "control.case": {"nl": "Casus", "en": "Case"},
    "control.tension": {"nl": "Spanning", "en": "Tension"},
    "control.upload": {"nl": "Plaatsingen van de klas laden", "en": "Load the class's placements"},
    "saved": {
        "nl": "Bewaard in {path}. Dit bestand blijft op deze computer.",
        "en": "Saved in {path}. The file stays on this computer.",
    },
    "saved.home": {
        "nl": "Bewaard in je thuismap, als {path}. Dit bestand blijft op deze computer.",
        "en": "Saved in your home folder, as {path}. The file stays on this computer.",
    },
    "saved.class": {
        "nl": "In de klas bewaart het casebook niets op de computer van de docent. Bewaar je "
        "werk op je eigen apparaat met de downloadlink hieronder.",
        "en": "In class, the casebook keeps nothing on the teacher's computer. Keep your work "
        "on your own device with the download link below.",
    },
    "save_failed": {"nl": "Bewaren lukte niet: {reason}", "en": "Could not save: {reason}"},
    "download.placements": {
        "nl": "Download mijn plaatsing (CSV)",
        "en": "Download my placement (CSV)",
    },
    "reading.heading": {
        "nl": "Waarom het casebook de casussen zo leest",
        "en": "Why the casebook reads the cases this way",
    },
    "reading.pages": {"nl": "p. {pages}", "en": "p. {pages}"},
    "tensions.title": {
        "nl": "Zeven spanningen in vijf casussen",
        "en": "Seven tensions in five cases",
    },
    "tensions.none": {
        "nl": "Het boekje geeft voor deze spanning in deze casus geen voorbeeld.",
        "en": "The booklet gives no example of this tension in this case.",
    },
    "strength.0": {"nl": "geen voorbeeld", "en": "no example"},
    "strength.1": {"nl": "genoemd", "en": "mentioned"},
    "strength.2": {"nl": "duidelijk", "en": "clear"},
    "strength.3": {"nl": "centraal", "en": "central"},
    "tensions.note": {
        "nl": "Hoe sterk een spanning speelt, is de lezing van het casebook.",
        "en": "How strongly a tension plays is the casebook's reading.",
    },
    "class.loaded": {
        "nl": "{n} bestand(en) geladen, {placements} plaatsingen.",
        "en": "{n} file(s) loaded, {placements} placements.",
    },
    "class.refused": {"nl": "Niet geladen:", "en": "Not loaded:"},
    "class.none": {"nl": "Nog geen plaatsingen geladen.", "en": "No placements loaded yet."},
    "col.n": {"nl": "Aantal", "en": "Count"},
    "col.mean_x": {
        "nl": "Gemiddeld (institutioneel-situationeel)",
        "en": "Mean (institutional-situational)",
    },
    "col.mean_y": {
        "nl": "Gemiddeld (instrumenteel-cultureel)",
        "en": "Mean (instrumental-cultural)",
    },
    "col.sd_x": {"nl": "Spreiding x", "en": "Spread x"},
    "col.sd_y": {"nl": "Spreiding y", "en": "Spread y"},
    "col.casebook_x": {"nl": "Casebook x", "en": "Casebook x"},
    "col.casebook_y": {"nl": "Casebook y", "en": "Casebook y"},
    "col.case": {"nl": "Casus", "en": "Case"},
    "page.06": {"nl": "Check je eigen samenwerking", "en": "Check your own collaboration"},
    "page.07": {
        "nl": "Woordenlijst: de begrippen uit het boekje",
        "en": "Glossary: the Dutch terms of the booklet",
    },
    "own.marked": {"nl": "{name} (eigen gegevens)", "en": "{name} (your own data)"},
    "own.note": {
        "nl": "{names}: eigen gegevens van de lezer, niet uit het boekje.",
        "en": "{names}: the reader's own data, not from the booklet.",
    },
    "own.upload": {"nl": "Eigen wijk toevoegen (CSV)", "en": "Add your own neighbourhood (CSV)"},
    "own.remove": {"nl": "Eigen wijken weghalen", "en": "Remove own neighbourhoods"},
    "own.loaded": {
        "nl": "Toegevoegd als eigen gegevens: {names}.",
        "en": "Added as your own data: {names}.",
    },
    "own.refused": {
        "nl": "Dit bestand is niet gebruikt; het casebook werkt verder met de eigen gegevens van het boekje.",
        "en": "This file was not used; the casebook carries on with the booklet's data.",
    },
    "own.help": {
        "nl": "Een eigen wijk ernaast zetten? Vul het sjabloon in (één rij per kenmerk, lege rijen tellen als 'niet gemeld') en laad het hier.",
        "en": "Want to put your own neighbourhood beside them? Fill in the template (one row per indicator; empty rows count as 'not reported') and load it here.",
    },
    "own.template": {"nl": "Download het sjabloon (CSV)", "en": "Download the template (CSV)"},
    "check.intro": {
        "nl": "Geef bij elke vraag aan hoe het in jouw samenwerking staat. 'Weet niet' mag: dat blijft open en telt niet als laag.",
        "en": "For each question, say how things stand in your collaboration. 'Don't know' is fine: it stays open and does not count as low.",
    },
    "check.name": {
        "nl": "Naam van de samenwerking (mag leeg)",
        "en": "Name of the collaboration (optional)",
    },
    "check.save": {"nl": "Bewaar mijn antwoorden", "en": "Save my answers"},
    "check.reset": {"nl": "Alle antwoorden wissen", "en": "Clear all answers"},
    "check.upload": {"nl": "Eerdere antwoorden laden (JSON)", "en": "Load earlier answers (JSON)"},
    "check.loaded": {"nl": "Antwoorden geladen uit {file}.", "en": "Answers loaded from {file}."},
    "check.download_answers": {
        "nl": "Download mijn antwoorden (JSON)",
        "en": "Download my answers (JSON)",
    },
    "check.download_summary": {
        "nl": "Download de samenvatting op één pagina (HTML, af te drukken)",
        "en": "Download the one-page summary (HTML, printable)",
    },
    "check.summary_title": {"nl": "Check van de samenwerking", "en": "Collaboration check"},
    "check.summary_intro": {
        "nl": "Eigen scores naast de lezing die het casebook van de vijf casussen maakt. Een lege cel betekent dat het boekje er niets over zegt.",
        "en": "Your own scores beside the casebook's reading of the five cases. An empty cell means the booklet says nothing about it.",
    },
    "check.anonymous": {"nl": "Samenwerking zonder naam", "en": "Unnamed collaboration"},
    "check.condition": {"nl": "Conditie", "en": "Condition"},
    "check.yours": {"nl": "Jouw score", "en": "Your score"},
    "check.weak_title": {
        "nl": "Zwakke plekken en de les die erbij hoort",
        "en": "Weak spots and the lesson that goes with each",
    },
    "check.no_weak": {
        "nl": "Geen zwakke plekken (score 1 of 2) ingevuld.",
        "en": "No weak spots (score 1 or 2) filled in.",
    },
    "check.read": {"nl": "lees", "en": "read"},
    "check.lesson": {"nl": "les {n}: “{title}”", "en": "lesson {n}: “{title}”"},
    "check.source": {
        "nl": "Condities naar Pieter Tops (p. 11) en Van Delden (p. 20) en de lessen 3, 10, 13, 18, 21 en 25 van Koppelen en doorschakelen (2011). Vragen en lezing: het casebook.",
        "en": "Conditions after Pieter Tops (p. 11) and Van Delden (p. 20) and lessons 3, 10, 13, 18, 21 and 25 of Koppelen en doorschakelen (2011). Questions and reading: the casebook.",
    },
    "check.chart_title": {
        "nl": "Jouw samenwerking naast de vijf casussen",
        "en": "Your collaboration beside the five cases",
    },
    "check.chart_note": {
        "nl": "Jouw score naast wat het boekje per casus laat zien (een streepje: het boekje zegt er niets over). Wijs een cel aan of tik erop voor de bron.",
        "en": "Your score beside what the booklet shows for each case (a dash: the booklet says nothing about it). Point at or tap a cell for the source.",
    },
    "check.framework.tops_arise": {
        "nl": "Tops: een coalitie ontstaat",
        "en": "Tops: a coalition arises",
    },
    "check.framework.tops_last": {
        "nl": "Tops: een coalitie blijft bestaan",
        "en": "Tops: a coalition lasts",
    },
    "check.framework.van_delden": {
        "nl": "Van Delden: drie drijvende krachten",
        "en": "Van Delden: three driving forces",
    },
    "check.framework.lesson": {"nl": "Lessen die je kunt nagaan", "en": "Lessons you can check"},
    "check.weak_none_answered": {
        "nl": "Beantwoord een of meer vragen om je zwakke plekken te zien.",
        "en": "Answer one or more questions to see your weak spots.",
    },
    "score.1": {"nl": "nee", "en": "no"},
    "score.2": {"nl": "een beetje", "en": "a little"},
    "score.3": {"nl": "grotendeels", "en": "largely"},
    "score.4": {"nl": "ja", "en": "yes"},
    "score.none": {"nl": "weet niet", "en": "don't know"},
    "reading.met": {"nl": "ja", "en": "yes"},
    "reading.partly": {"nl": "deels", "en": "partly"},
    "reading.not_met": {"nl": "nee", "en": "no"},
    "reading.not_assessed": {"nl": "—", "en": "—"},
    "reading.not_assessed_long": {
        "nl": "Het boekje zegt hier niets over.",
        "en": "The booklet says nothing about this.",
    },
    "glossary.search": {"nl": "Zoek", "en": "Search"},
    "glossary.placeholder": {
        "nl": "een woord, bijvoorbeeld wijkpunt",
        "en": "a word, for example wijkpunt",
    },
    "glossary.none": {"nl": "Geen begrip met '{query}'.", "en": "No term with '{query}'."},
    "glossary.pages": {"nl": "p. {pages}", "en": "p. {pages}"},
    # Why a reader's file is refused (casebook.errors.Problem.from_key). Values are filled in as
    # they are: file names, column names, what the reader typed.
    "problem.row": {"nl": "rij {row}", "en": "row {row}"},
    "problem.column": {"nl": "kolom '{column}'", "en": "column '{column}'"},
    "upload.not_utf8": {
        "nl": "het bestand is geen UTF-8-tekst",
        "en": "the file is not UTF-8 text",
    },
    "upload.not_csv": {
        "nl": "het bestand is geen leesbaar CSV-bestand ({reason})",
        "en": "the file is not a readable CSV file ({reason})",
    },
    "upload.cells": {
        "nl": "{expected} cellen verwacht, {found} gevonden",
        "en": "expected {expected} cells, found {found}",
    },
    "upload.not_number": {"nl": "{value} is geen getal", "en": "{value} is not a number"},
    "own.error.too_large": {
        "nl": "het bestand is te groot voor een sjabloon",
        "en": "the file is too large for a template",
    },
    "own.error.not_utf8": {
        "nl": "het bestand is geen UTF-8-tekst (byte {byte})",
        "en": "the file is not UTF-8 text (byte {byte})",
    },
    "own.error.empty": {"nl": "het bestand is leeg", "en": "the file is empty"},
    "upload.semicolons": {
        "nl": "de kolommen zijn gescheiden door puntkomma's; sla het bestand op als 'CSV UTF-8 (door komma's gescheiden)'",
        "en": "the columns are separated by semicolons; save it as 'CSV UTF-8 (comma-separated)'",
    },
    "own.error.not_template": {
        "nl": "dit is geen ingevuld wijksjabloon: de kolom(men) {missing} ontbreken (de eerste rij moet {columns} zijn)",
        "en": "this is not a filled-in neighbourhood template: column(s) {missing} are missing (the first row must be {columns})",
    },
    "own.error.unknown_indicator": {
        "nl": "{indicator} is geen kenmerk van het casebook",
        "en": "{indicator} is not an indicator of the casebook",
    },
    "own.error.twice": {
        "nl": "{indicator} staat al in rij {row}",
        "en": "{indicator} is already given in row {row}",
    },
    "own.error.unit": {
        "nl": "de eenheid van {indicator} is {unit}, niet {given}",
        "en": "the unit of {indicator} is {unit}, not {given}",
    },
    "own.error.no_name": {
        "nl": "de wijk heeft een naam nodig",
        "en": "the neighbourhood needs a name",
    },
    "own.error.long_name": {
        "nl": "de naam is langer dan {limit} tekens",
        "en": "the name is longer than {limit} characters",
    },
    "own.error.approx": {
        "nl": "{value} is geen ja of nee (laat leeg voor nee)",
        "en": "{value} is not yes or no (leave empty for no)",
    },
    "own.error.statement": {
        "nl": "{indicator} is een beschrijving: vul alleen de kolom text in",
        "en": "{indicator} is a statement: fill in only the text column",
    },
    "own.error.long_text": {
        "nl": "de tekst is langer dan {limit} tekens",
        "en": "the text is longer than {limit} characters",
    },
    "own.error.figure": {
        "nl": "{indicator} is een cijfer ({unit}): gebruik value, of low en high",
        "en": "{indicator} is a figure ({unit}): use value, or low and high",
    },
    "own.error.value_and_range": {
        "nl": "geef een waarde of een bereik (low en high), niet allebei",
        "en": "give either a value or a range (low and high), not both",
    },
    "own.error.half_range": {
        "nl": "een bereik heeft zowel low als high nodig",
        "en": "a range needs both low and high",
    },
    "figure.low_above_high": {
        "nl": "low {low} is groter dan high {high}",
        "en": "low {low} is greater than high {high}",
    },
    "figure.negative.count": {
        "nl": "{value} is negatief, en een aantal kan niet negatief zijn",
        "en": "{value} is negative, which a count figure cannot be",
    },
    "figure.negative.EUR": {
        "nl": "{value} is negatief, en een bedrag in euro kan niet negatief zijn",
        "en": "{value} is negative, which a EUR figure cannot be",
    },
    "figure.not_percentage": {
        "nl": "{value} is geen percentage tussen 0 en 100",
        "en": "{value} is not a percentage between 0 and 100",
    },
    "own.error.not_whole": {
        "nl": "{value} is geen geheel getal (schrijf een aantal zonder scheidingsteken voor duizendtallen: 2450, niet 2.450)",
        "en": "{value} is not a whole number (write a count without a thousands separator: 2450, not 2.450)",
    },
    "own.error.not_year": {"nl": "{value} is geen jaartal", "en": "{value} is not a year"},
    "own.error.two_areas": {
        "nl": "één bestand bevat één wijk; {other} verschilt van {first}",
        "en": "one file holds one neighbourhood; {other} differs from {first}",
    },
    "own.error.no_figures": {
        "nl": "er zijn geen cijfers ingevuld (vul value, low en high, of text in)",
        "en": "no figures are filled in (fill in value, low and high, or text)",
    },
    "own.error.unreadable": {
        "nl": "kan niet worden gelezen ({reason})",
        "en": "cannot be read ({reason})",
    },
    "own.error.area_twice": {
        "nl": "de wijk {name} staat al in een ander bestand",
        "en": "the neighbourhood {name} is already given in another file",
    },
    "check.error.too_large": {
        "nl": "het bestand is te groot voor een antwoordenbestand",
        "en": "the file is too large to be an answers file",
    },
    "check.error.not_json": {
        "nl": "is geen volledige JSON (regel {line}, kolom {column}: {reason}); misschien is het bestand halverwege afgebroken",
        "en": "the file is not complete JSON (line {line}, column {column}: {reason}); it may have been cut off",
    },
    "check.error.not_answers": {
        "nl": 'dit is geen antwoordenbestand van het casebook (er moet "format": "{format}" in staan)',
        "en": 'this is not an answers file from the casebook (it must hold "format": "{format}")',
    },
    "check.error.not_a_map": {
        "nl": '"answers" moet bij elke conditie een score geven, zoals {example}',
        "en": '"answers" must map each condition to a score, such as {example}',
    },
    "check.error.unknown_condition": {
        "nl": "onbekende conditie {condition}",
        "en": "unknown condition {condition}",
    },
    "check.error.not_score": {
        "nl": "{value} is geen score voor conditie {condition} (1, 2, 3, 4, of null voor weet niet)",
        "en": "{value} is not a score for condition {condition} (1, 2, 3, 4, or null for don't know)",
    },
    "check.error.not_text": {
        "nl": '"name" en "saved_at" moeten tekst zijn',
        "en": '"name" and "saved_at" must be text',
    },
    "logics.error.too_large": {
        "nl": "het bestand is te groot voor een plaatsingenbestand",
        "en": "the file is too large to be a placements file",
    },
    "logics.error.not_placements": {
        "nl": "dit is geen plaatsingenbestand van het casebook (de eerste rij moet {columns} zijn)",
        "en": "this is not a placements file from the casebook (the first row must be {columns})",
    },
    "logics.error.version": {
        "nl": "onbekende versie van het formaat: {version}",
        "en": "unknown format version {version}",
    },
    "logics.error.unknown_case": {"nl": "onbekende casus {case}", "en": "unknown case {case}"},
    "logics.error.twice": {
        "nl": "casus {case} is twee keer geplaatst",
        "en": "case {case} is placed twice",
    },
    "logics.error.off_axis": {
        "nl": "{value} ligt buiten de as (-1 tot 1)",
        "en": "{value} is off the axis (-1 to 1)",
    },
    "logics.error.empty": {
        "nl": "het bestand bevat geen plaatsingen",
        "en": "the file holds no placements",
    },
}


# The static book's and the live class's texts live in modules of their own (same shape).
TEXT.update(BOOK_TEXT)
TEXT.update(LIVE_TEXT)
TEXT.update(APP_TEXT)
TEXT.update(TEACHER_TEXT)
TEXT.update(ALT_TEXT)


def t(key: str, lang: str, /, **values: Any) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    check_lang(lang)
    return TEXT[key][lang].format(**values)


def listing(items: list[str], lang: str) -> str:
    """``items`` as a sentence lists them: "A, B en C" / "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('alt.and', lang)} {items[-1]}"


def format_number(value: float, lang: str, *, decimals: int | None = None) -> str:
    """A number as a reader of ``lang`` writes it: 204.863 and 17,7 in Dutch; 204,863 and 17.7."""
    check_lang(lang)
    if decimals is None:  # as few decimals as the figure needs, at most two
        decimals = 0 if float(value).is_integer() else (1 if round(value, 1) == value else 2)
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


_QUALIFIERS = {"at_least": "≥ ", "more_than": "> ", "at_most": "≤ ", "less_than": "< "}


def format_figure(
    *,
    unit: str,
    lang: str,
    value: float | None = None,
    low: float | None = None,
    high: float | None = None,
    approx: bool = False,
    qualifier: str | None = None,
    decimals: int | None = None,
) -> str:
    """One figure ready to print: '17,7%', '≈ 85%', '7–8%', '€ 275–530', '> 125', '2.191'.

    Years are written without a thousands separator.
    """

    def num(x: float) -> str:
        if unit == "year":
            return str(int(x))
        return format_number(x, lang, decimals=decimals)

    if value is None and low is not None and high is not None:
        body = f"{num(low)}–{num(high)}"
    elif value is not None:
        body = num(value)
    else:
        return t("not_reported", lang)
    if unit == "percent":
        body += "%"
    elif unit == "EUR":
        body = f"€ {body}"
    prefix = _QUALIFIERS.get(qualifier or "", "") + ("≈ " if approx else "")
    return prefix + body
