"""The casebook: the facts of *Koppelen en doorschakelen* (2011) as validated tables.

Data flows one way: data files -> validated tables (:func:`load`) -> pure functions -> chart
builders -> widget views -> notebooks.
"""

from casebook.data import BOOKLET_PAGES, ENV_VAR, TABLES, Casebook, load, package_data_dir
from casebook.derive import derived_indicators, partner_counts
from casebook.errors import DataError, Problem
from casebook.i18n import LANGS
from casebook.loaders import (
    load_areas,
    load_authors,
    load_bodies,
    load_cases,
    load_evaluation_figures,
    load_evaluation_findings,
    load_evaluations,
    load_highlights,
    load_indicator_definitions,
    load_indicators,
    load_lesson_references,
    load_lessons,
    load_logics,
    load_main_lines,
    load_organisation,
    load_partners,
    load_reflections,
    load_sections,
    load_tensions,
    load_timeline,
    load_voice_claims,
    load_voices,
)
from casebook.overview import case_overview, data_summary

__version__ = "0.1.0"

__all__ = [
    "BOOKLET_PAGES",
    "ENV_VAR",
    "LANGS",
    "TABLES",
    "Casebook",
    "DataError",
    "Problem",
    "case_overview",
    "data_summary",
    "derived_indicators",
    "load",
    "load_areas",
    "load_authors",
    "load_bodies",
    "load_cases",
    "load_evaluation_figures",
    "load_evaluation_findings",
    "load_evaluations",
    "load_highlights",
    "load_indicator_definitions",
    "load_indicators",
    "load_lesson_references",
    "load_lessons",
    "load_logics",
    "load_main_lines",
    "load_organisation",
    "load_partners",
    "load_reflections",
    "load_sections",
    "load_tensions",
    "load_timeline",
    "load_voice_claims",
    "load_voices",
    "package_data_dir",
    "partner_counts",
]
