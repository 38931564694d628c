"""The casebook: the facts of *Koppelen en doorschakelen* (2011) as validated tables.

Data flows one way: data files -> validated tables (:func:`load`) -> pure functions -> chart
builders -> widget views -> notebooks.
"""

from casebook import loaders
from casebook.data import BOOKLET_PAGES, ENV_VAR, TABLES, Casebook, load, package_data_dir
from casebook.derive import derived_indicators, partner_counts
from casebook.errors import DataError, Problem
from casebook.i18n import LANGS
from casebook.loaders import *  # noqa: F403  (one load_<table>() per table)
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
    "package_data_dir",
    "partner_counts",
    *loaders.__all__,
]
