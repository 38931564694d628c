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
ALT_LOGICS: dict[str, dict[str, str]] = {}


# The evaluations page (casebook/charts/evaluations.py).
ALT_EVALUATIONS: dict[str, dict[str, str]] = {}


# The lessons page and the check (casebook/charts/lessons.py, casebook/charts/check.py).
ALT_LESSONS_CHECK: dict[str, dict[str, str]] = {}


ALT_TEXT.update(ALT_COMPARE)
ALT_TEXT.update(ALT_LOGICS)
ALT_TEXT.update(ALT_EVALUATIONS)
ALT_TEXT.update(ALT_LESSONS_CHECK)
