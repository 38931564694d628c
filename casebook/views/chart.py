"""The casebook's chart widget: one plotly chart that stays on the page and is changed in place.

A view sets a new figure with :meth:`Chart.show`; the browser applies it with ``Plotly.react``
(``chart.js``) instead of replacing a whole output, so a change redraws only what changed and
the chart's element survives. plotly.js is loaded once per page from the address where the app
serves :func:`plotly_file` (:func:`use_address`), never from the internet; where it is not
served (JupyterLab), the kernel sends it once. Points of one trace can be dragged
(:attr:`Chart.drag`): the browser reports where one was let go, and :meth:`Chart.on_move`
handlers hear it. Messages from the browser are checked; a malformed one is logged and ignored.

A chart is readable without seeing it: the figure's text alternative (``layout.meta``, made by
its builder, :class:`casebook.charts.base.Alt`) names the drawing (``role="img"``, its title),
describes it (``aria-describedby``: the summary of the figures drawn), shows its data as a table
behind a "show as table" control, and a changed summary is announced once, politely
(``aria-live``), never when the page opens.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import re
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
import traitlets

from casebook.views.light import Light, front

__all__ = [
    "PLOTLY_CONFIG",
    "Chart",
    "figure_spec",
    "plotly_digest",
    "plotly_file",
    "plotly_js_version",
    "use_address",
]

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
# No toolbar (plotly's modebar): with zoom and pan off (see figure_spec) it offered little
# beyond a PNG, its buttons were 8-10 Tab stops per chart for a keyboard's reader, and inside
# the chart's image (role img, its text alternative) they were controls nested in an image.
# Each chart's data is a table under it, and the pages offer it as CSV.
PLOTLY_CONFIG: dict[str, Any] = {"displaylogo": False, "responsive": True, "displayModeBar": False}


# The casebook's files for the browser that are not Python's (the app serves them; the
# handout copies them).
STATIC = HERE.parent / "static"


def plotly_file() -> Path:
    """The casebook's plotly.js: plotly.py's version of it, with only the trace types the
    casebook draws (built by tools/plotly-bundle; a quarter of plotly's own file, and a seventh of
    its start-up time in the browser), in ``casebook/static/``."""
    return STATIC / "plotly-casebook.min.js"


@functools.cache
def plotly_digest() -> str:
    """A hash of :func:`plotly_file`'s content: the ``?v=`` of every address it is served at,
    so that a browser never keeps an old copy (and the server lets it keep this one)."""
    return hashlib.sha256(plotly_file().read_bytes()).hexdigest()[:12]


# Where the app serves plotly.js (an address from the server's root, with the file's hash, set
# once at start by casebook.app.server); without it (JupyterLab, nbval) no address: the
# browser asks the kernel for the file.
_ADDRESS: list[str] = []


def use_address(address: str) -> None:
    """Load plotly.js from ``address`` (from the server's root, "/..."), as the app serves it."""
    _ADDRESS[:] = [address]


def plotly_js_version(path: Path) -> str:
    """The plotly.js version a plotly.js file says in its first lines ("plotly.js v4.1.1")."""
    with path.open(encoding="utf-8") as file:
        head = file.read(400)
    found = re.search(r"plotly\.js(?: \([^)]*\))? v(\d+\.\d+\.\d+)", head)
    if found is None:
        raise ValueError(f"{path}: no plotly.js version in its first lines")
    return found.group(1)


def figure_spec(
    fig: go.Figure | None, width: str | None = None, lang: str | None = None
) -> dict[str, Any]:
    """``fig`` as plotly.js takes it (data, layout, config); empty for None. ``width`` ("wide" or
    "narrow", the layout the chart was built for) and ``lang`` go into ``layout.meta``, where
    the page (and a test) can read them."""
    if fig is None:
        return {}
    # uids kept: a trace's uid names it for the browser (the plane's draggable "reader")
    spec = json.loads(pio.to_json(fig, validate=False, remove_uids=False))
    spec["config"] = dict(PLOTLY_CONFIG)
    # A finger or a mouse dragging over a chart scrolls the page (a swipe on a phone zoomed the
    # chart instead, and plotly then told the reader in English how to zoom back out): no zoom
    # or pan by dragging, no double-click zoom, none of plotly's own tips (and no toolbar,
    # PLOTLY_CONFIG). Only the logics plane's markers are dragged (chart.js, ``drag``).
    spec.setdefault("layout", {})["dragmode"] = False
    spec["config"] |= {"doubleClick": False, "showTips": False}
    meta = {k: v for k, v in (("casebook_width", width), ("casebook_lang", lang)) if v is not None}
    if meta:
        # beside what the figure's builder put there: its text alternative (charts.base.Alt)
        layout = spec.setdefault("layout", {})
        layout["meta"] = {**(layout.get("meta") or {}), **meta}
    return spec


class Chart(Light):
    """One plotly chart, changed in place. ``figure`` is the spec shown (see
    :func:`figure_spec`); ``serial`` counts the figures sent, and the browser marks the chart's
    element with the serial it has drawn (``data-drawn``). ``drag``: the uid of the trace whose
    points the reader can drag (their ``customdata`` names each point); empty: none.
    ``library``: where the browser loads plotly.js from (see :func:`use_address`); empty: it
    asks the kernel, which sends :func:`plotly_file` once."""

    _esm = front(HERE / "chart.js")
    _css = front(
        """
    .casebook-chart { width: 100%; }
    .casebook-chart[hidden] { display: none; }
    .cb-said { position: absolute; width: 1px; height: 1px; overflow: hidden;
               clip-path: inset(50%); white-space: nowrap; }
    .cb-chart-data { margin: 0.25em 0 0.75em; }
    /* beside its controls (a wide screen, casebook.views.layout.pair) a chart and the controls
       that change it share one screen: the closed "show as table" sits in the chart's top
       corner (where nothing is drawn) rather than adding a line below it; open, its table
       follows the chart */
    .casebook-chart-widget { position: relative; }
    @media (min-width: 1000px) {
      .cb-pair-charts .cb-chart-table > .cb-chart-data:not([open]) {
        position: absolute; top: 0.2em; right: 0.4em; margin: 0; background: #fff; }
    }
    .cb-chart-data > summary { cursor: pointer; padding: 0.35em 0; color: #005a8c;
                               text-decoration: underline; width: fit-content; }
    """
    )
    figure = traitlets.Dict().tag(sync=True)
    serial = traitlets.Int(0).tag(sync=True)
    drag = traitlets.Unicode("").tag(sync=True)
    library = traitlets.Unicode().tag(sync=True)
    unavailable = traitlets.Unicode("").tag(sync=True)

    @traitlets.default("library")
    def _library(self) -> str:
        return _ADDRESS[0] if _ADDRESS else ""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("casebook-chart-widget")
        self._moved: list[Callable[[str, float, float], None]] = []
        self.on_msg(self._heard)

    def show(
        self, fig: go.Figure | None, width: str | None = None, lang: str | None = None
    ) -> bool:
        """Show ``fig`` (None: nothing); True when it differs from what is shown, and so is sent."""
        spec = _spec(fig, width, lang)
        if spec == self.figure:
            return False
        with self.hold_sync():
            self.figure = spec
            self.serial += 1
        return True

    def on_move(self, handler: Callable[[str, float, float], None]) -> None:
        """Call ``handler(point, x, y)`` when the reader lets go of a dragged point."""
        self._moved.append(handler)

    def _heard(self, _widget: Any, content: Any, buffers: Any) -> None:
        """A message from the browser: checked, then acted on; anything else is logged."""
        try:
            kind = content.get("kind") if isinstance(content, dict) else None
            if kind == "moved":
                point, x, y = _moved(content)
                for handler in self._moved:
                    handler(point, x, y)
            elif kind == "need_plotly":
                self.send({"kind": "plotly", "source": _plotly_source()})
            else:
                log.warning("chart: ignored a message from the browser: %s", _short(content))
        except ValueError as err:
            log.warning("chart: ignored a message from the browser (%s): %s", err, _short(content))
        except Exception:  # whatever it was, its traceback stays in the server's log: raised
            # here, the widget's comm would send it to the browser
            log.exception("chart: acting on a message from the browser failed: %s", _short(content))


# The specs made of a figure, kept while the figure lives (by its id: a figure is not hashable;
# the entry goes with the figure): a figure a view remembers (View.remember) is shown to every
# reader who opens the page, as the same spec.
_SPECS: dict[int, dict[tuple[str | None, str | None], dict[str, Any]]] = {}
_SPECS_LOCK = threading.Lock()


def _forget(key: int) -> None:
    with _SPECS_LOCK:
        _SPECS.pop(key, None)


def _spec(fig: go.Figure | None, width: str | None, lang: str | None) -> dict[str, Any]:
    """:func:`figure_spec`, made once per figure, width and language (shared: never changed)."""
    if fig is None:
        return {}
    key = id(fig)
    with _SPECS_LOCK:
        kept = _SPECS.get(key, {}).get((width, lang))
    if kept is None:
        kept = figure_spec(fig, width, lang)
        with _SPECS_LOCK:
            if key not in _SPECS:
                weakref.finalize(fig, _forget, key)
            _SPECS.setdefault(key, {})[(width, lang)] = kept
    return kept


def _moved(content: dict[str, Any]) -> tuple[str, float, float]:
    point, x, y = content.get("point"), content.get("x"), content.get("y")
    if not isinstance(point, str) or not point or len(point) > 200:
        raise ValueError("no point named")
    numbers = []
    for value in (x, y):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("a position is not a number")
        if not math.isfinite(value):
            raise ValueError("a position is not finite")
        numbers.append(float(value))
    return point, numbers[0], numbers[1]


def _short(content: Any) -> str:
    text = repr(content)
    return text if len(text) <= 200 else text[:200] + "…"


def _plotly_source() -> str:
    try:
        return plotly_file().read_text(encoding="utf-8")
    except OSError:
        log.exception("the casebook's plotly.js is missing (%s)", plotly_file())
        return ""
