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
    "alt.logics.col.distance": {"nl": "Afstand", "en": "Apart"},
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
ALT_EVALUATIONS: dict[str, dict[str, str]] = {}


# The lessons page and the check (casebook/charts/lessons.py, casebook/charts/check.py).
ALT_LESSONS_CHECK: dict[str, dict[str, str]] = {}


ALT_TEXT.update(ALT_COMPARE)
ALT_TEXT.update(ALT_LOGICS)
ALT_TEXT.update(ALT_EVALUATIONS)
ALT_TEXT.update(ALT_LESSONS_CHECK)
