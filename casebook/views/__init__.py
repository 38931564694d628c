"""Thin widget views: controls wired to the pure functions and chart builders."""

from casebook.views.compare import CompareView, compare_view

__all__ = ["CompareView", "compare_view"]
