"""The texts of the charts' text alternatives (casebook.charts.base.Alt): what a screen reader
says of a chart, and the headings of its table. Dutch and English, in our own words; merged
into :data:`casebook.text.TEXT`. Figures are filled in as each language writes them."""

from __future__ import annotations

# What every chart's alternative shares.
ALT_TEXT: dict[str, dict[str, str]] = {
    "alt.chart": {"nl": "Grafiek", "en": "Chart"},
    "alt.show_table": {"nl": "Toon als tabel", "en": "Show as table"},
    "alt.and": {"nl": "en", "en": "and"},
    "alt.highest": {"nl": "Hoogste: {item}.", "en": "Highest: {item}."},
    "alt.lowest": {"nl": "Laagste: {item}.", "en": "Lowest: {item}."},
    "alt.only": {"nl": "Eén cijfer: {item}.", "en": "One figure: {item}."},
    "alt.item": {"nl": "{name}: {value}", "en": "{name}: {value}"},
    "alt.ranges": {
        "nl": "Als bereik gedrukt (van laag tot hoog): {items}.",
        "en": "Printed as a range (low to high): {items}.",
    },
    "alt.approx": {"nl": "Bij benadering: {items}.", "en": "Approximate: {items}."},
    "alt.derived": {
        "nl": "Door het casebook berekend uit gedrukte cijfers: {items}.",
        "en": "Calculated by the casebook from printed figures: {items}.",
    },
    "alt.missing": {
        "nl": "Niet vermeld in het boekje: {items}.",
        "en": "Not reported in the booklet: {items}.",
    },
    "alt.own": {"nl": "Jouw eigen gegevens: {items}.", "en": "Your own data: {items}."},
    "alt.reference": {"nl": "Ter vergelijking: {items}.", "en": "For comparison: {items}."},
    "alt.in_words": {
        "nl": "Alleen in woorden beschreven: {items}.",
        "en": "Described in words only: {items}.",
    },
    "alt.col.area": {"nl": "Wijk", "en": "Area"},
    "alt.col.figure": {"nl": "Cijfer", "en": "Figure"},
    "alt.col.kind": {"nl": "Soort cijfer", "en": "Kind of figure"},
    "alt.col.page": {"nl": "Pagina", "en": "Page"},
    "alt.status.number": {"nl": "gedrukt", "en": "printed"},
    "alt.status.approx": {"nl": "gedrukt, bij benadering", "en": "printed, approximate"},
    "alt.status.range": {"nl": "gedrukt als bereik", "en": "printed as a range"},
    "alt.status.derived": {"nl": "berekend door het casebook", "en": "calculated by the casebook"},
    "alt.status.not_reported": {"nl": "niet vermeld", "en": "not reported"},
    "alt.status.text": {"nl": "in woorden", "en": "in words"},
    "alt.status.own": {"nl": "eigen gegevens", "en": "own data"},
}

# The compare page (casebook/charts/compare.py).
ALT_COMPARE: dict[str, dict[str, str]] = {
    "alt.compare.one": {
        "nl": "Staafdiagram: {indicator} ({unit}) in {n} gebieden.",
        "en": "Bar chart: {indicator} ({unit}) in {n} areas.",
    },
    # a reader's own neighbourhood: its figures are said apart from the booklet's
    "alt.compare.own_missing": {
        "nl": "Geen eigen cijfer ingevuld: {items}.",
        "en": "No figure filled in of your own: {items}.",
    },
    "alt.compare.own.approx": {
        "nl": "eigen gegevens, bij benadering",
        "en": "own data, approximate",
    },
    "alt.compare.own.range": {"nl": "eigen gegevens, van–tot", "en": "own data, low to high"},
    "alt.compare.own.derived": {
        "nl": "berekend uit eigen gegevens",
        "en": "calculated from your own data",
    },
    "alt.compare.own.text": {"nl": "eigen gegevens, in woorden", "en": "own data, in words"},
    "alt.compare.own.not_reported": {
        "nl": "eigen gegevens, niet ingevuld",
        "en": "own data, not filled in",
    },
    # small multiples: one sentence per panel
    "alt.compare.several": {
        "nl": "Kleine grafieken, elk op een eigen schaal: {n} kenmerken in {m} gebieden.",
        "en": "Small charts, each on its own scale: {n} indicators in {m} areas.",
    },
    "alt.compare.panel": {"nl": "{indicator}: {parts}.", "en": "{indicator}: {parts}."},
    "alt.compare.panel.item": {"nl": "{name} {value}", "en": "{name} {value}"},
    "alt.compare.panel.highest": {"nl": "hoogste {item}", "en": "highest {item}"},
    "alt.compare.panel.lowest": {"nl": "laagste {item}", "en": "lowest {item}"},
    "alt.compare.panel.only": {"nl": "één cijfer, {item}", "en": "one figure, {item}"},
    "alt.compare.panel.ranges": {"nl": "van–tot {items}", "en": "low to high {items}"},
    "alt.compare.panel.in_words": {"nl": "in woorden {items}", "en": "in words {items}"},
    "alt.compare.panel.missing": {"nl": "niet vermeld: {items}", "en": "not reported: {items}"},
    "alt.compare.panel.missing_n": {
        "nl": "niet vermeld bij {n} van de {m}",
        "en": "not reported for {n} of the {m}",
    },
    "alt.compare.panel.reference": {
        "nl": "stippellijn {items}",
        "en": "dotted line {items}",
    },
    # the coverage matrix
    "alt.compare.coverage": {
        "nl": "Raster van {n} kenmerken (rijen) bij {m} gebieden (kolommen): elke cel geeft het "
        "cijfer of de beschrijving, of een streepje voor niet vermeld.",
        "en": "Grid of {n} indicators (rows) by {m} areas (columns): each cell gives the figure "
        "or the statement, or a dash for not reported.",
    },
    "alt.compare.coverage.count": {"nl": "{name} {k}", "en": "{name} {k}"},
    "alt.compare.coverage.per_area": {
        "nl": "Aantal vermelde kenmerken, van de {n}: {items}.",
        "en": "Indicators reported, out of {n}: {items}.",
    },
    "alt.compare.coverage.nowhere": {
        "nl": "Bij geen enkel gebied vermeld: {items}.",
        "en": "Reported for none of the areas: {items}.",
    },
    "alt.compare.coverage.nowhere_n": {
        "nl": "{n} kenmerken zijn bij geen enkel gebied vermeld (zie de tabel).",
        "en": "{n} indicators are reported for none of the areas (see the table).",
    },
    "alt.compare.coverage.everywhere": {
        "nl": "Elk kenmerk is bij minstens één gebied vermeld.",
        "en": "Every indicator is reported for at least one area.",
    },
    "alt.compare.col.indicator": {"nl": "Kenmerk", "en": "Indicator"},
}


# The logics page (casebook/charts/logics.py).
ALT_LOGICS: dict[str, dict[str, str]] = {
    # a position on one axis: the side's word and the number as the slider shows it
    "alt.logics.side": {"nl": "{side} {value}", "en": "{side} {value}"},
    "alt.logics.middle": {"nl": "midden {value}", "en": "middle {value}"},
    "alt.logics.nowhere": {"nl": "geen plaats", "en": "no position"},
    "alt.logics.case": {"nl": "{name}: {x}, {y}.", "en": "{name}: {x}, {y}."},
    "alt.logics.case_both": {
        "nl": "{name}: {x}, {y}; casebook {rx}, {ry}; afstand {d}.",
        "en": "{name}: {x}, {y}; casebook {rx}, {ry}; {d} apart.",
    },
    "alt.logics.reading": {
        "nl": "Lezing van het casebook, een interpretatie.",
        "en": "The casebook's reading, an interpretation.",
    },
    "alt.logics.col.you": {"nl": "Jij: {axis}", "en": "You: {axis}"},
    "alt.logics.col.casebook": {"nl": "Casebook: {axis}", "en": "Casebook: {axis}"},
    "alt.logics.axis.institutional_situational": {
        "nl": "institutioneel (−1) tot situationeel (1)",
        "en": "institutional (−1) to situational (1)",
    },
    "alt.logics.axis.instrumental_cultural": {
        "nl": "instrumenteel (−1) tot cultureel (1)",
        "en": "instrumental (−1) to cultural (1)",
    },
    # a class's plane
    "alt.logics.class": {
        "nl": "{n} plaatsingen; per casus het gemiddelde, het aantal en de spreiding.",
        "en": "{n} placements; per case the mean, the count and the spread.",
    },
    "alt.logics.class_case": {
        "nl": "{name}: {x}, {y}; {n}×, spreiding {sx} en {sy}.",
        "en": "{name}: {x}, {y}; {n}×, spread {sx} and {sy}.",
    },
    "alt.logics.class_case_reading": {
        "nl": "{name}: {x}, {y}; {n}×, spreiding {sx} en {sy}; casebook {rx}, {ry}.",
        "en": "{name}: {x}, {y}; {n}×, spread {sx} and {sy}; casebook {rx}, {ry}.",
    },
    "alt.logics.class_unplaced": {
        "nl": "Door niemand geplaatst: {names}.",
        "en": "Placed by nobody: {names}.",
    },
    "alt.logics.class_unplaced_reading": {
        "nl": "{name}: door niemand geplaatst; casebook {rx}, {ry}.",
        "en": "{name}: placed by nobody; casebook {rx}, {ry}.",
    },
    "alt.logics.col.mean": {"nl": "Gemiddeld: {axis}", "en": "Mean: {axis}"},
    "alt.logics.col.sd": {"nl": "Spreiding: {axis}", "en": "Spread: {axis}"},
    "alt.logics.col.n": {"nl": "Aantal plaatsingen", "en": "Placements"},
    # the tensions grid
    "alt.tensions.selected": {
        "nl": "Gekozen: {tension} in {case}: {word}.",
        "en": "Chosen: {tension} in {case}: {word}.",
    },
    "alt.tensions.most": {
        "nl": "In de meeste casussen: {names} ({k} van {n}).",
        "en": "In most cases: {names} ({k} of {n}).",
    },
    "alt.tensions.most_many": {
        "nl": "In de meeste casussen: {names} (elk {k} van {n}).",
        "en": "In most cases: {names} ({k} of {n} each).",
    },
    "alt.tensions.fewest": {
        "nl": "In de minste casussen: {names} ({k} van {n}; niet in {missing}).",
        "en": "In fewest cases: {names} ({k} of {n}; not in {missing}).",
    },
    "alt.tensions.fewest_many": {
        "nl": "In de minste casussen: {names} (elk {k} van {n}).",
        "en": "In fewest cases: {names} ({k} of {n} each).",
    },
    "alt.tensions.others": {
        "nl": "De andere {count} spanningen elk in {k} van de {n} casussen.",
        "en": "The other {count} tensions in {k} of the {n} cases each.",
    },
    "alt.tensions.all_equal": {
        "nl": "Elke spanning in {k} van de {n} casussen.",
        "en": "Every tension in {k} of the {n} cases.",
    },
    "alt.tensions.absent": {
        "nl": "Zonder voorbeeld in het boekje (—): {k} van de {total} vakjes.",
        "en": "No example in the booklet (—): {k} of the {total} cells.",
    },
    "alt.tensions.absent_none": {
        "nl": "Elke spanning heeft in elke casus een voorbeeld.",
        "en": "Every tension has an example in every case.",
    },
    "alt.tensions.col": {"nl": "Spanning", "en": "Tension"},
}


# The evaluations page (casebook/charts/evaluations.py).
ALT_EVALUATIONS: dict[str, dict[str, str]] = {
    "alt.eval.findings": {
        "nl": (
            "Raster van {themes} thema's bij {cases} casussen, per cel de lezing van de"
            " bevindingen."
        ),
        "en": "Grid of {themes} themes by {cases} cases, each cell the reading of its findings.",
    },
    "alt.eval.counts": {"nl": "Cellen: {items}.", "en": "Cells: {items}."},
    "alt.eval.count": {"nl": "{word} {n}", "en": "{word} {n}"},
    "alt.eval.most_theme": {
        "nl": "Meeste casussen met een bevinding: {items}.",
        "en": "Most cases with a finding: {items}.",
    },
    "alt.eval.most_case": {
        "nl": "Meeste thema's met een bevinding: {items}.",
        "en": "Most themes with a finding: {items}.",
    },
    "alt.eval.of": {"nl": "{name} ({n} van {total})", "en": "{name} ({n} of {total})"},
    "alt.eval.no_finding": {
        "nl": "Zonder enige bevinding: {items}.",
        "en": "Without any finding: {items}.",
    },
    "alt.eval.selected": {
        "nl": "Gekozen cel: {theme} bij {case}, {valence}.",
        "en": "Chosen cell: {theme} in {case}, {valence}.",
    },
    "alt.eval.timeline": {
        "nl": (
            "Tijdlijn van {first} tot {last}: {n} gebeurtenissen in {cases} casussen; een band"
            " op zes à zeven jaar na elke start."
        ),
        "en": (
            "Timeline from {first} to {last}: {n} events in {cases} cases; a band six to seven"
            " years after each start."
        ),
    },
    "alt.eval.per_case": {"nl": "Per casus: {items}.", "en": "Per case: {items}."},
    "alt.eval.case_events": {"nl": "{case} {n} ({span})", "en": "{case} {n} ({span})"},
    "alt.eval.no_events": {
        "nl": "Zonder gebeurtenis: {items}.",
        "en": "Without an event: {items}.",
    },
    "alt.eval.inferred": {
        "nl": "Jaartal afgeleid door het casebook (open rondje): {n}.",
        "en": "Year inferred by the casebook (open circle): {n}.",
    },
    "alt.eval.before": {"nl": "vóór {year}", "en": "before {year}"},
    "alt.eval.col.theme": {"nl": "Thema", "en": "Theme"},
    "alt.eval.col.case": {"nl": "Casus", "en": "Case"},
    "alt.eval.col.date": {"nl": "Datum", "en": "Date"},
    "alt.eval.col.event": {"nl": "Gebeurtenis", "en": "Event"},
    "alt.eval.month.1": {"nl": "januari", "en": "January"},
    "alt.eval.month.2": {"nl": "februari", "en": "February"},
    "alt.eval.month.3": {"nl": "maart", "en": "March"},
    "alt.eval.month.4": {"nl": "april", "en": "April"},
    "alt.eval.month.5": {"nl": "mei", "en": "May"},
    "alt.eval.month.6": {"nl": "juni", "en": "June"},
    "alt.eval.month.7": {"nl": "juli", "en": "July"},
    "alt.eval.month.8": {"nl": "augustus", "en": "August"},
    "alt.eval.month.9": {"nl": "september", "en": "September"},
    "alt.eval.month.10": {"nl": "oktober", "en": "October"},
    "alt.eval.month.11": {"nl": "november", "en": "November"},
    "alt.eval.month.12": {"nl": "december", "en": "December"},
}


# The lessons page and the check (casebook/charts/lessons.py, casebook/charts/check.py).
ALT_LESSONS_CHECK: dict[str, dict[str, str]] = {
    "alt.lessons.grid": {
        "nl": (
            "Raster van {n} lessen bij {cases} casussen; een gevulde cel: de les put uit de"
            " casus (met pagina, of ✓ zonder)."
        ),
        "en": (
            "Grid of {n} lessons by {cases} cases; a filled cell: the lesson draws on the case"
            " (with a page, or ✓ without)."
        ),
    },
    "alt.lessons.highlight": {
        "nl": "Donker: de {k} lessen die bij je keuze passen.",
        "en": "Dark: the {k} lessons that fit your choice.",
    },
    "alt.lessons.highlight_none": {
        "nl": "Geen les past bij je keuze; alle rijen zijn licht.",
        "en": "No lesson fits your choice; every row is pale.",
    },
    "alt.lessons.most": {"nl": "Meeste lessen: {items}.", "en": "Most lessons: {items}."},
    "alt.lessons.fewest": {"nl": "Minste lessen: {items}.", "en": "Fewest lessons: {items}."},
    "alt.lessons.count": {"nl": "{case} ({n})", "en": "{case} ({n})"},
    "alt.lessons.every": {
        "nl": "Put uit elke casus: {items}.",
        "en": "Draws on every case: {items}.",
    },
    "alt.lessons.none_every": {
        "nl": "Geen les put uit elke casus.",
        "en": "No lesson draws on every case.",
    },
    "alt.lessons.number": {"nl": "les {n}", "en": "lesson {n}"},
    "alt.lessons.col.lesson": {"nl": "Les", "en": "Lesson"},
    "alt.check.grid": {
        "nl": "Tabel van {n} condities: jouw antwoord naast de lezing van {cases} casussen.",
        "en": "Table of {n} conditions: your answer beside the reading of {cases} cases.",
    },
    "alt.check.answered": {
        "nl": "Je beantwoordde er {k} van de {n}.",
        "en": "You answered {k} of {n}.",
    },
    "alt.check.open": {
        "nl": "Nog open (weet niet): {items}.",
        "en": "Still open (don't know): {items}.",
    },
    "alt.check.differs": {
        "nl": "Anders dan de meeste casussen: {items}.",
        "en": "Unlike most cases: {items}.",
    },
    "alt.check.differs_item": {
        "nl": "{n} (jij: {yours}; casussen: {theirs})",
        "en": "{n} (you: {yours}; cases: {theirs})",
    },
    "alt.check.agrees": {
        "nl": "Waar je antwoordde, wijk je nergens af van de meeste casussen.",
        "en": "Where you answered, you differ nowhere from most cases.",
    },
}


ALT_TEXT.update(ALT_COMPARE)
ALT_TEXT.update(ALT_LOGICS)
ALT_TEXT.update(ALT_EVALUATIONS)
ALT_TEXT.update(ALT_LESSONS_CHECK)
