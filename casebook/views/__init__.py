"""Thin widget views, one module per topic: controls wired to the pure functions and charts."""

from casebook.views.cases import CaseReader, case_reader
from casebook.views.check import CheckView, check_view
from casebook.views.compare import CompareView, compare_view
from casebook.views.evaluations import EvaluationView, evaluation_view
from casebook.views.glossary import GlossaryView, glossary_view
from casebook.views.lessons import LessonsView, lessons_view
from casebook.views.logics import LogicsView, logics_view
from casebook.views.start import StartView, start_view

__all__ = [
    "CaseReader",
    "CheckView",
    "CompareView",
    "EvaluationView",
    "GlossaryView",
    "LessonsView",
    "LogicsView",
    "StartView",
    "case_reader",
    "check_view",
    "compare_view",
    "evaluation_view",
    "glossary_view",
    "lessons_view",
    "logics_view",
    "start_view",
]
