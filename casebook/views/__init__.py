"""Thin widget views: controls wired to the pure functions and chart builders."""

from casebook.views.compare import CompareView, compare_view
from casebook.views.logics import LogicsView, logics_view

__all__ = ["CompareView", "LogicsView", "compare_view", "logics_view"]
