"""The casebook: the facts of *Koppelen en doorschakelen* (2011) as validated tables.

Data flows one way: data files -> validated tables (:func:`load`) -> pure functions -> chart
builders -> widget views -> notebooks.
"""

import os

from casebook import loaders
from casebook.data import BOOKLET_PAGES, ENV_VAR, TABLES, Casebook, load, package_data_dir
from casebook.derive import derived_indicators, partner_counts
from casebook.errors import DataError, Problem
from casebook.i18n import LANGS
from casebook.loaders import *  # noqa: F403  (one load_<table>() per table)
from casebook.start import case_overview, contents, data_summary

__version__ = "0.1.0"

# Charts and views pull in plotly and ipywidgets; they load on first use so that
# `import casebook; casebook.load()` stays as quick as reading the tables with pandas.
_LAZY = {
    name: f"casebook.{name}"
    for name in (
        "cases",
        "charts",
        "check",
        "compare",
        "evaluations",
        "glossary",
        "lessons",
        "logics",
        "markup",
        "own",
        "text",
        "theme",
        "views",
    )
}
_LAZY_ATTRS = {
    "compare_view": ("casebook.views.compare", "compare_view"),
    "logics_view": ("casebook.views.logics", "logics_view"),
    "evaluation_view": ("casebook.views.evaluations", "evaluation_view"),
    "case_reader": ("casebook.views.cases", "case_reader"),
    "lessons_view": ("casebook.views.lessons", "lessons_view"),
    "start_view": ("casebook.views.start", "start_view"),
    "check_view": ("casebook.views.check", "check_view"),
    "glossary_view": ("casebook.views.glossary", "glossary_view"),
}


if os.environ.get("CASEBOOK_HANDOUT") == "1":  # building the static handout: see casebook.handout
    from casebook.views.book import use_handout_renderer

    use_handout_renderer()


def __getattr__(name: str) -> object:
    import importlib

    if name in _LAZY:
        return importlib.import_module(_LAZY[name])
    if name in _LAZY_ATTRS:
        module, attr = _LAZY_ATTRS[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'casebook' has no attribute {name!r}")


__all__ = [
    "BOOKLET_PAGES",
    "ENV_VAR",
    "LANGS",
    "TABLES",
    "Casebook",
    "DataError",
    "Problem",
    "case_overview",
    "contents",
    "compare_view",  # noqa: F405  (loaded on first use, see __getattr__)
    "logics_view",  # noqa: F405
    "evaluation_view",  # noqa: F405
    "case_reader",  # noqa: F405
    "lessons_view",  # noqa: F405
    "start_view",  # noqa: F405
    "check_view",  # noqa: F405
    "glossary_view",  # noqa: F405
    "data_summary",
    "derived_indicators",
    "load",
    "package_data_dir",
    "partner_counts",
    *loaders.__all__,
]
