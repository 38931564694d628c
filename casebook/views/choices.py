"""Several choices as a row of checkboxes, in one widget (``choices.js``).

A page of the app sends every widget to every reader's browser as a model of its own, and the
compare page's 40 checkboxes were, each with its style, a third of that page's models and of the
Python time a class spent opening it. Here a row of boxes is one model: the labels and which of
them are ticked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import traitlets

from casebook.views.light import Light, front

__all__ = ["Choices"]

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent


class Choices(Light):
    """Several choices as a row of checkboxes (a reader ticks them; no Ctrl-click list).

    It behaves like ``ipywidgets.SelectMultiple`` where the views use one: ``options`` are
    ``(label, value)`` pairs, ``value`` is the tuple of values ticked, ``description`` is the
    label above the boxes, and observers of ``value`` hear one change per tick. New options
    keep the ticks of values that stay; values that go are dropped from ``value``. Each box is
    a real checkbox in the browser: reachable with Tab, ticked with Space, labelled, and the
    row is a group named by ``description``.

    What the browser sees: ``labels`` (one per option) and ``ticked`` (their positions).
    """

    _esm = front(HERE / "choices.js")
    _css = front(
        """
    .cb-choices-group { display: flex; flex-direction: column; gap: 0.2em; margin-bottom: 0.6em; }
    .cb-choices-row { display: flex; flex-flow: row wrap; column-gap: 1.2em; row-gap: 0.2em; }
    .cb-choices .cb-choice { display: inline-flex; align-items: center; gap: 0.35em;
      white-space: normal; cursor: pointer; min-height: 28px; }
    .cb-choices .cb-choice input { margin: 0; width: 1.05em; height: 1.05em; }
    .cb-choices-label { font-weight: 600; }
    .cb-choices-label[hidden] { display: none; }
    """
    )

    options = traitlets.List()
    value = traitlets.Tuple()
    description = traitlets.Unicode("").tag(sync=True)
    labels = traitlets.List(traitlets.Unicode()).tag(sync=True)
    ticked = traitlets.List(traitlets.Int()).tag(sync=True)

    def __init__(
        self, options: Iterable[tuple[str, Any]], value: Iterable[Any] = (), **kwargs: Any
    ) -> None:
        self._syncing = False
        super().__init__(**kwargs)
        self.add_class("cb-choices")
        with self.hold_sync():
            self.options = list(options)
            self.value = tuple(value)

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict[str, Any]) -> tuple[Any, ...]:
        allowed = [v for _, v in self.options]
        value = tuple(proposal["value"])
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise traitlets.TraitError(f"not among the options: {unknown!r}")
        return tuple(dict.fromkeys(value))

    @traitlets.validate("ticked")
    def _valid_ticked(self, proposal: dict[str, Any]) -> list[int]:
        """Positions of options, each once, in order; a browser's others are dropped (logged)."""
        asked = list(proposal["value"])
        kept = sorted({k for k in asked if 0 <= k < len(self.options)})
        if len(kept) != len(asked):
            log.warning("choices: ignored ticks that name no option: %r", asked[:50])
        return kept

    @traitlets.observe("options")
    def _options_changed(self, change: dict[str, Any]) -> None:
        values = [v for _, v in self.options]
        with self.hold_sync():
            self.labels = [str(label) for label, _ in self.options]
            kept = tuple(v for v in self.value if v in values)
            if kept != self.value:
                self.value = kept  # its observer ticks the boxes
            else:
                self._tick()

    @traitlets.observe("value")
    def _value_changed(self, change: dict[str, Any]) -> None:
        self._tick()

    @traitlets.observe("ticked")
    def _ticked_changed(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        values = [v for _, v in self.options]
        self.value = tuple(values[k] for k in self.ticked)

    def _tick(self) -> None:
        chosen = set(self.value)
        self._syncing = True
        try:
            self.ticked = [k for k, (_, v) in enumerate(self.options) if v in chosen]
        finally:
            self._syncing = False
