"""One loader per table, for readers who want a single DataFrame (``casebook.load_cases()``).

Each loader calls :func:`casebook.load` (cached) and returns one of its tables. The docstrings
come from the table descriptions in the data package, so they always say what a row represents.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pandas as pd

from casebook.data import load, schema
from casebook.errors import DataError

__all__ = [
    "load_areas",
    "load_authors",
    "load_bodies",
    "load_case_texts",
    "load_cases",
    "load_condition_readings",
    "load_conditions",
    "load_evaluation_figures",
    "load_evaluation_findings",
    "load_evaluations",
    "load_highlights",
    "load_indicator_definitions",
    "load_indicators",
    "load_lesson_logics",
    "load_lesson_references",
    "load_lesson_tensions",
    "load_lessons",
    "load_logic_positions",
    "load_logics",
    "load_main_lines",
    "load_organisation",
    "load_partners",
    "load_reflections",
    "load_sections",
    "load_tension_evidence",
    "load_tensions",
    "load_timeline",
    "load_voice_claims",
    "load_voices",
]

Loader = Callable[..., pd.DataFrame]


def _description(name: str) -> str:
    try:
        resources = {r["name"]: r for r in schema()["resources"]}
    except DataError:
        return f"Each row represents one entry of the '{name}' table."
    return resources[name]["description"]


def _loader(name: str) -> Loader:
    def loader(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
        return load(data_dir).table(name)

    loader.__name__ = loader.__qualname__ = f"load_{name}"
    loader.__doc__ = (
        f"{_description(name)}\n\n"
        "Parameters\n----------\ndata_dir\n"
        "    Folder with the tables; see :func:`casebook.load`.\n\n"
        "Returns\n-------\npandas.DataFrame\n"
        f"    The validated '{name}' table (shared: do not modify).\n"
    )
    return loader


load_areas = _loader("areas")
load_authors = _loader("authors")
load_bodies = _loader("bodies")
load_case_texts = _loader("case_texts")
load_cases = _loader("cases")
load_condition_readings = _loader("condition_readings")
load_conditions = _loader("conditions")
load_evaluation_figures = _loader("evaluation_figures")
load_evaluation_findings = _loader("evaluation_findings")
load_evaluations = _loader("evaluations")
load_highlights = _loader("highlights")
load_indicator_definitions = _loader("indicator_definitions")
load_indicators = _loader("indicators")
load_lesson_logics = _loader("lesson_logics")
load_lesson_references = _loader("lesson_references")
load_lesson_tensions = _loader("lesson_tensions")
load_lessons = _loader("lessons")
load_logic_positions = _loader("logic_positions")
load_logics = _loader("logics")
load_main_lines = _loader("main_lines")
load_organisation = _loader("organisation")
load_partners = _loader("partners")
load_reflections = _loader("reflections")
load_sections = _loader("sections")
load_tension_evidence = _loader("tension_evidence")
load_tensions = _loader("tensions")
load_timeline = _loader("timeline")
load_voice_claims = _loader("voice_claims")
load_voices = _loader("voices")
