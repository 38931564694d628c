"""The casebook's anywidgets (the chart, the row of checkboxes, the app's title bar) without a
cost that anywidget 0.11 makes every widget pay.

anywidget adds its front-end code (``_esm``, ``_css``) and an id to each widget as traits of that
widget alone, which makes a new Python class per widget; while a class of 100 opened the compare
page at once that was a sixth of the server's time. Here the code and the id are traits of the
widget's class, declared once with :func:`front`, and :class:`Light` adds a trait to a widget
only if its class lacks it. (anywidget's reloading of a changed ``.js`` file while a notebook
runs is lost; the casebook does not use it.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

__all__ = ["Light", "front"]


def front(source: str | Path) -> traitlets.Unicode:
    """A class trait for a widget's front-end: ``source`` is a ``.js`` or ``.css`` file (read
    once, now) or the text itself."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return traitlets.Unicode(text).tag(sync=True)


class Light(anywidget.AnyWidget):
    """An anywidget whose class declares ``_esm`` (and ``_css``) with :func:`front`; its id for
    the browser (anywidget's ``_anywidget_id``, which keys the widget's style sheet) is its
    class's qualified name, as anywidget's own."""

    _anywidget_id = traitlets.Unicode().tag(sync=True)

    @traitlets.default("_anywidget_id")
    def _id(self) -> str:
        return f"{type(self).__module__}.{type(self).__name__}"

    def add_traits(self, **traits: Any) -> None:
        """Add only the traits the widget's class lacks: anywidget's per-widget copies of the
        class's own make a new class for every widget."""
        new = {name: trait for name, trait in traits.items() if not self.has_trait(name)}
        if new:
            super().add_traits(**new)
