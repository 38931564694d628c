"""How a view's widgets are laid out: charts beside the controls that change them, dropdowns
as wide as their choices, and anchors a view can bring into the reader's view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import traitlets

from casebook.views.light import Light, front

__all__ = ["Anchor", "fitted", "pair"]


class Anchor(Light):
    """A place on the page, just above a part a control opens (the lessons' case reader, 2,700
    px below the button that opens a case in it): :meth:`go` scrolls the window there (at once
    for a reader who asked their system for less motion) and puts the focus on the first
    control after it, so that a keyboard or a screen reader goes on from there. Nothing shows."""

    _esm = front(
        """
    export default {
      render({ model, el }) {
        el.classList.add("cb-anchor");
        el.style.scrollMarginTop = "1.5em";
        const go = () => {
          const calm = matchMedia("(prefers-reduced-motion: reduce)").matches;
          el.scrollIntoView({ behavior: calm ? "auto" : "smooth", block: "start" });
          let at = el;  // the next part on the page, whatever boxes the widgets are in
          while (at && !at.nextElementSibling) at = at.parentElement;
          const next = at && at.nextElementSibling;
          const control = next && [...next.querySelectorAll("select, input, button, [tabindex]")]
            .find((e) => e.checkVisibility());
          if (control) control.focus({ preventScroll: true });
        };
        const heard = () => go();
        model.on("change:serial", heard);
        return () => model.off("change:serial", heard);
      },
    };
    """
    )
    serial = traitlets.Int(0).tag(sync=True)

    def go(self) -> None:
        """Bring the place into view (every call, also when it is there already)."""
        self.serial += 1


def pair(
    controls: Sequence[widgets.Widget],
    charts: Sequence[widgets.Widget],
    *,
    stick: str = "controls",
    beside: bool = True,
) -> widgets.VBox:
    """Charts with the controls that change them. The app's page CSS (``casebook.css``,
    ``.cb-pair``) sets them side by side on a wide screen, so that a projector's 1280×720
    shows a chart with its controls, and keeps the shorter side (``stick``: "controls" or
    "charts") in view while the reader scrolls along the other; below 1000 px, and in
    JupyterLab, they stay one below the other. ``beside=False``: one below the other on
    every screen (a row of controls above a chart that fits the screen with it)."""
    if stick not in ("controls", "charts"):
        raise ValueError(f"stick must be 'controls' or 'charts', not {stick!r}")
    plain = widgets.Layout()  # both sides' (CSS lays them out): one model, not two
    left, right = (
        widgets.VBox(list(controls), layout=plain),
        widgets.VBox(list(charts), layout=plain),
    )
    left.add_class("cb-pair-controls")
    right.add_class("cb-pair-charts")
    box = widgets.VBox([left, right], layout=widgets.Layout(width="100%"))
    box.add_class("cb-pair")
    box.add_class(f"cb-stick-{stick}" if beside else "cb-pair-above")
    return box


def fitted() -> dict[str, Any]:
    """A dropdown's own layout and style, to make it with (``Dropdown(..., **fitted())``): as
    wide as its choices, its label in full. Made with the widget, not set afterwards: the
    defaults it would replace are models that every reader's browser is sent."""
    return {
        "layout": widgets.Layout(width="auto", max_width="100%"),
        "style": {"description_width": "initial"},
    }
