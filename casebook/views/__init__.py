"""Thin widget views: controls wired to the pure functions and chart builders."""

from casebook.views.compare import CompareView, compare_view
from casebook.views.evaluations import EvaluationView, evaluation_view
from casebook.views.logics import LogicsView, logics_view

__all__ = [
    "CompareView",
    "EvaluationView",
    "LogicsView",
    "compare_view",
    "evaluation_view",
    "logics_view",
]
