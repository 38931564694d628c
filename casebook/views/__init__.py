"""Thin widget views: controls wired to the pure functions and chart builders."""

from casebook.views.chart import ChartView, chart
from casebook.views.check import CheckView, check_view
from casebook.views.compare import CompareView, compare_view
from casebook.views.evaluations import EvaluationView, evaluation_view
from casebook.views.logics import LogicsView, logics_view
from casebook.views.reader import CaseReader, LessonsView, case_reader, lessons_view
from casebook.views.start import StartView, start_view

__all__ = [
    "CaseReader",
    "LessonsView",
    "case_reader",
    "lessons_view",
    "CompareView",
    "EvaluationView",
    "LogicsView",
    "compare_view",
    "evaluation_view",
    "logics_view",
    "StartView",
    "start_view",
    "CheckView",
    "check_view",
    "ChartView",
    "chart",
]
