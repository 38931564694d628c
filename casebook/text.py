"""Every label, hover text, note and message the views show, in Dutch and English, in one place.

Texts from the data (names, indicator labels, summaries) come from the tables; the texts here are
the casebook's own interface. :func:`t` looks a key up and fills in its placeholders.
"""

from __future__ import annotations

from typing import Any

from casebook.i18n import check_lang

__all__ = ["TEXT", "format_number", "format_figure", "t"]

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        # controls
        "control.language": "Taal",
        "control.areas": "Wijken",
        "control.group": "Groep",
        "control.indicator": "Kenmerk",
        "control.indicators": "Kenmerken",
        "control.mode": "Weergave",
        "control.area": "Wijk",
        "mode.one": "Eén kenmerk",
        "mode.several": "Meerdere kenmerken",
        "mode.coverage": "Wat meldt het boekje?",
        "mode.profile": "Profiel van een wijk",
        "group.all": "Alle groepen",
        "download": "Download de gegevens van deze grafiek (CSV)",
        "download.profile": "Download dit profiel (CSV)",
        # messages
        "msg.no_areas": "Kies minstens één wijk.",
        "msg.no_indicators": "Kies minstens één kenmerk.",
        "msg.none_reported": "Het boekje geeft voor '{indicator}' geen cijfer voor de gekozen wijken.",
        "msg.text_only": "'{indicator}' staat in het boekje als beschrijving, niet als cijfer.",
        "msg.error": "Deze weergave lukt nu niet. Kies een andere selectie.",
        # figures
        "not_reported": "niet vermeld",
        "derived": "afgeleid",
        "note.approx": "≈ = bij benadering, zoals in het boekje ('bijna', 'circa')",
        "note.range": "streep van laag tot hoog = bereik zoals gedrukt",
        "note.derived": "Afgeleid door de casebook ({formula}); dit cijfer staat niet in het boekje.",
        "note.reference": "Stippellijn: {area} (stad) als vergelijking",
        "note.base": "Aandeel van: {bases}",
        "reference": "{area} (stad): {value}",
        "title.one": "{indicator} per wijk",
        "title.several": "Wijken naast elkaar",
        "title.coverage": "Welke kenmerken meldt het boekje per wijk?",
        "title.profile": "Alle kenmerken van {area}",
        "hover.printed": "Zoals gedrukt",
        "hover.page": "Pagina",
        "hover.base": "Aandeel van",
        "hover.formula": "Berekening",
        "axis.area": "Wijk",
        "axis.indicator": "Kenmerk",
        # coverage statuses
        "status.number": "cijfer",
        "status.approx": "bij benadering",
        "status.range": "bereik",
        "status.text": "beschrijving",
        "status.derived": "afgeleid",
        "status.not_reported": "niet vermeld",
        # profile columns
        "col.group": "Groep",
        "col.indicator": "Kenmerk",
        "col.value": "Waarde",
        "col.printed": "Zoals gedrukt",
        "col.page": "Pagina",
        "col.note": "Opmerking",
        "col.area": "Wijk",
        "col.unit": "Eenheid",
        "col.derived": "Afgeleid",
        # units
        "unit.count": "aantal",
        "unit.percent": "%",
        "unit.EUR": "euro",
        "unit.year": "jaar",
        "unit.text": "beschrijving",
        "unit.persons": "personen per huishouden",
        # bases of percentages
        "base.inhabitants": "inwoners",
        "base.households": "huishoudens",
        "base.dwellings": "woningen",
        "base.unstated": "niet vermeld",
        # indicator groups
        "group.population": "Bevolking",
        "group.housing_stock": "Woningvoorraad",
        "group.tenure_price": "Eigendom en prijs",
        "group.rent": "Huur",
        "group.building_period": "Bouwperiode",
        "group.age_household": "Leeftijd en huishoudens",
        "group.mobility": "Verhuizingen",
        "group.income_work": "Inkomen en werk",
        "group.education": "Onderwijs",
        "group.derived": "Afgeleid door de casebook",
        # derived indicators
        "derived.corporation_unit_share": "Aandeel corporatiewoningen (afgeleid)",
        "derived.persons_per_household": "Personen per huishouden (afgeleid)",
        # four logics
        "logic.institutional": "institutioneel",
        "logic.situational": "situationeel",
        "logic.instrumental": "instrumenteel",
        "logic.cultural": "cultureel",
        "plane.title": "De vier logica's",
        "plane.title.reader": "Jouw plaatsing",
        "plane.title.both": "Jouw plaatsing naast de lezing van de casebook",
        "plane.title.class": "De klas naast de lezing van de casebook",
        "plane.x": "← institutioneel · situationeel →",
        "plane.y": "← instrumenteel · cultureel →",
        "plane.reader": "Jouw plaatsing",
        "plane.casebook": "Lezing van de casebook",
        "plane.class_mean": "Gemiddelde van de klas",
        "plane.class_point": "Plaatsing",
        "plane.note": "De lezing van de casebook is een interpretatie, geen bevinding van het boekje.",
        "plane.class_note": "Ruit = gemiddelde van de klas, strepen = spreiding (standaardafwijking), ster = lezing van de casebook.",
        "slider.x": "inst. ↔ sit.",
        "slider.y": "instr. ↔ cult.",
        "control.reveal": "Toon de lezing van de casebook",
        "control.hide": "Verberg de lezing",
        "control.reset": "Alles terug naar het midden",
        "control.name": "Naam (mag leeg)",
        "control.save": "Bewaar mijn plaatsing",
        "control.case": "Casus",
        "control.tension": "Spanning",
        "control.upload": "Plaatsingen van de klas laden",
        "saved": "Bewaard in {path}. Dit bestand blijft op deze computer.",
        "save_failed": "Bewaren lukte niet: {reason}",
        "download.placements": "Download mijn plaatsing (CSV)",
        "reading.heading": "Waarom de casebook de cases zo leest",
        "reading.pages": "p. {pages}",
        "tensions.title": "Zeven spanningen in vijf cases",
        "tensions.none": "Het boekje geeft voor deze spanning in deze casus geen voorbeeld.",
        "strength.0": "geen voorbeeld",
        "strength.1": "genoemd",
        "strength.2": "duidelijk",
        "strength.3": "centraal",
        "tensions.note": "Hoe sterk een spanning speelt, is de lezing van de casebook.",
        "class.loaded": "{n} bestand(en) geladen, {placements} plaatsingen.",
        "class.refused": "Niet geladen:",
        "class.none": "Nog geen plaatsingen geladen.",
        "col.n": "Aantal",
        "col.mean_x": "Gemiddeld (institutioneel-situationeel)",
        "col.mean_y": "Gemiddeld (instrumenteel-cultureel)",
        "col.sd_x": "Spreiding x",
        "col.sd_y": "Spreiding y",
        "col.casebook_x": "Casebook x",
        "col.casebook_y": "Casebook y",
        "col.case": "Casus",
    },
    "en": {
        "control.language": "Language",
        "control.areas": "Neighbourhoods",
        "control.group": "Group",
        "control.indicator": "Indicator",
        "control.indicators": "Indicators",
        "control.mode": "View",
        "control.area": "Area",
        "mode.one": "One indicator",
        "mode.several": "Several indicators",
        "mode.coverage": "What does the booklet report?",
        "mode.profile": "Profile of one area",
        "group.all": "All groups",
        "download": "Download the data of this chart (CSV)",
        "download.profile": "Download this profile (CSV)",
        "msg.no_areas": "Choose at least one neighbourhood.",
        "msg.no_indicators": "Choose at least one indicator.",
        "msg.none_reported": "The booklet gives no figure for '{indicator}' for the chosen neighbourhoods.",
        "msg.text_only": "The booklet describes '{indicator}' in words, not with a figure.",
        "msg.error": "This view cannot be shown right now. Please choose another selection.",
        "not_reported": "not reported",
        "derived": "derived",
        "note.approx": "≈ = approximate, as in the booklet ('bijna', 'circa')",
        "note.range": "bar from low to high = range as printed",
        "note.derived": "Derived by the casebook ({formula}); the booklet does not print this figure.",
        "note.reference": "Dotted line: {area} (city) for comparison",
        "note.base": "Share of: {bases}",
        "reference": "{area} (city): {value}",
        "title.one": "{indicator} by neighbourhood",
        "title.several": "Neighbourhoods side by side",
        "title.coverage": "Which indicators does the booklet report for each area?",
        "title.profile": "All indicators for {area}",
        "hover.printed": "As printed",
        "hover.page": "Page",
        "hover.base": "Share of",
        "hover.formula": "Formula",
        "axis.area": "Area",
        "axis.indicator": "Indicator",
        "status.number": "figure",
        "status.approx": "approximate",
        "status.range": "range",
        "status.text": "statement",
        "status.derived": "derived",
        "status.not_reported": "not reported",
        "col.group": "Group",
        "col.indicator": "Indicator",
        "col.value": "Value",
        "col.printed": "As printed",
        "col.page": "Page",
        "col.note": "Note",
        "col.area": "Area",
        "col.unit": "Unit",
        "col.derived": "Derived",
        "unit.count": "number",
        "unit.percent": "%",
        "unit.EUR": "euro",
        "unit.year": "year",
        "unit.text": "statement",
        "unit.persons": "persons per household",
        "base.inhabitants": "inhabitants",
        "base.households": "households",
        "base.dwellings": "dwellings",
        "base.unstated": "not stated",
        "group.population": "Population",
        "group.housing_stock": "Housing stock",
        "group.tenure_price": "Tenure and price",
        "group.rent": "Rent",
        "group.building_period": "Building period",
        "group.age_household": "Age and households",
        "group.mobility": "Moving house",
        "group.income_work": "Income and work",
        "group.education": "Education",
        "group.derived": "Derived by the casebook",
        "derived.corporation_unit_share": "Share of corporation units (derived)",
        "derived.persons_per_household": "Persons per household (derived)",
        "logic.institutional": "institutional",
        "logic.situational": "situational",
        "logic.instrumental": "instrumental",
        "logic.cultural": "cultural",
        "plane.title": "The four logics",
        "plane.title.reader": "Your placement",
        "plane.title.both": "Your placement beside the casebook's reading",
        "plane.title.class": "The class beside the casebook's reading",
        "plane.x": "← institutional · situational →",
        "plane.y": "← instrumental · cultural →",
        "plane.reader": "Your placement",
        "plane.casebook": "Casebook's reading",
        "plane.class_mean": "Class mean",
        "plane.class_point": "Placement",
        "plane.note": "The casebook's reading is an interpretation, not a finding of the booklet.",
        "plane.class_note": "Diamond = class mean, bars = spread (standard deviation), star = the casebook's reading.",
        "slider.x": "inst. ↔ sit.",
        "slider.y": "instr. ↔ cult.",
        "control.reveal": "Show the casebook's reading",
        "control.hide": "Hide the reading",
        "control.reset": "Everything back to the centre",
        "control.name": "Name (optional)",
        "control.save": "Save my placement",
        "control.case": "Case",
        "control.tension": "Tension",
        "control.upload": "Load the class's placements",
        "saved": "Saved in {path}. The file stays on this computer.",
        "save_failed": "Could not save: {reason}",
        "download.placements": "Download my placement (CSV)",
        "reading.heading": "Why the casebook reads the cases this way",
        "reading.pages": "p. {pages}",
        "tensions.title": "Seven tensions in five cases",
        "tensions.none": "The booklet gives no example of this tension in this case.",
        "strength.0": "no example",
        "strength.1": "mentioned",
        "strength.2": "clear",
        "strength.3": "central",
        "tensions.note": "How strongly a tension plays is the casebook's reading.",
        "class.loaded": "{n} file(s) loaded, {placements} placements.",
        "class.refused": "Not loaded:",
        "class.none": "No placements loaded yet.",
        "col.n": "Count",
        "col.mean_x": "Mean (institutional-situational)",
        "col.mean_y": "Mean (instrumental-cultural)",
        "col.sd_x": "Spread x",
        "col.sd_y": "Spread y",
        "col.casebook_x": "Casebook x",
        "col.casebook_y": "Casebook y",
        "col.case": "Case",
    },
}


def t(key: str, lang: str, **values: Any) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    check_lang(lang)
    return TEXT[lang][key].format(**values)


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
