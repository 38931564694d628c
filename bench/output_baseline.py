"""The chart widget's baseline for ``bench/chart_update.py --baseline output`` (issue 17): the
app as ``casebook start`` runs it, except that every chart is an ipywidgets Output that each
change refills, as the casebook drew its charts before it had the chart widget.

Run as ``python bench/output_baseline.py`` with the settings in ``CASEBOOK_SETTINGS`` (JSON), as
``python -m casebook.app.server`` takes them; :class:`OutputBaselineServer` starts it the way
``tests.support.AppServer`` starts the app. It patches the views in this process only (their
:meth:`~casebook.views.base.View.new_chart` and :meth:`~casebook.views.base.View.show`), so the
casebook itself carries no switch for it.

What a change costs here, as it did before the chart widget: the view builds the same figure,
the Output's outputs are replaced, and the browser throws the chart's element away, makes a new
one and draws it from nothing with ``Plotly.newPlot`` (the chart widget changes the same element
with ``Plotly.react``).

Before Voilà was retired, this baseline ran on Voilà, where plotly's JupyterLab extension drew
the Output's ``application/vnd.plotly.v1+json``. Solara's page has no renderer for plotly's type
(it renders the standard ones: HTML, text, images), so the Output carries what plotly's own HTML
renderers write instead: an element and a script that draws the figure into it with
``Plotly.newPlot``. The script is run because an Output's content is trusted. plotly.js is
plotly.py's whole ``plotly.min.js`` (4.8 MB, every trace type, the plotly.js that the extension
carried), loaded once per page from this server (:data:`PLOTLY_ROUTE`), never from the internet.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.support import AppServer  # noqa: E402

__all__ = ["PLOTLY_ROUTE", "OutputBaselineServer", "figure_outputs", "main", "use_outputs"]

# Where this server serves plotly.py's plotly.min.js (below the settings' base path).
PLOTLY_ROUTE = "/_baseline/plotly.min.js"
_ADDRESS: list[str] = [PLOTLY_ROUTE]  # with the base path, once the server is built

ASGIApp = Callable[[Any, Any, Any], Awaitable[None]]

# plotly.js is loaded once per page (the first chart's script starts it, the others wait for
# it); then the figure is drawn anew into this output's own element.
_DRAW = """<div id="%(id)s" class="casebook-output-chart"></div>
<script>
(function () {
  var spec = %(spec)s;
  var loading = window.__cbBaselinePlotly;
  if (!loading) {
    loading = window.__cbBaselinePlotly = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = %(src)s;
      script.onload = function () { resolve(window.Plotly); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  loading.then(function (Plotly) {
    var element = document.getElementById("%(id)s");
    if (element) Plotly.newPlot(element, spec.data, spec.layout, spec.config);
  });
})();
</script>"""


def figure_outputs(
    fig: Any, width: str | None = None, lang: str | None = None
) -> tuple[dict[str, Any], ...]:
    """The outputs for an ``ipywidgets.Output`` that show ``fig`` (a plotly figure; None:
    nothing), set directly rather than captured (capturing with ``with out:`` hung pages under
    Voilà and breaks strict nbval). The figure is the chart widget's own
    (:func:`casebook.views.chart.figure_spec`: the same data, layout, config and
    ``layout.meta``)."""
    from casebook.views.chart import figure_spec

    if fig is None:
        return ()
    spec = json.dumps(figure_spec(fig, width, lang)).replace("</", "<\\/")
    html = _DRAW % {
        "id": f"cb-output-{uuid.uuid4().hex}",
        "spec": spec,
        "src": json.dumps(_ADDRESS[0]),
    }
    data = {"text/html": html, "text/plain": f"<{fig.layout.title.text or 'chart'}>"}
    return ({"output_type": "display_data", "data": data, "metadata": {}},)


def use_outputs() -> None:
    """Every view in this process draws its charts into Outputs refilled on each change."""
    import ipywidgets as widgets

    from casebook.views.base import View

    chart_show = View.show

    def new_chart() -> widgets.Output:
        return widgets.Output()

    def show(view: View, target: Any, fig: Any) -> None:
        if isinstance(target, widgets.Output):
            target.outputs = figure_outputs(fig, view.width.value, view.lang)
        else:
            chart_show(view, target, fig)

    View.new_chart = staticmethod(new_chart)  # type: ignore[method-assign]
    View.show = show  # type: ignore[method-assign]


def _plotly_js() -> bytes:
    import plotly

    return (Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js").read_bytes()


def serve_plotly() -> None:
    """The app's server in this process also answers :data:`PLOTLY_ROUTE` with plotly.py's
    whole plotly.js (in front of the app's guard; the benchmark serves no class)."""
    import plotly

    from casebook.app import server

    build = server.build

    def built(settings: Any) -> ASGIApp:
        app = build(settings)
        path = settings.base_path + PLOTLY_ROUTE
        _ADDRESS[:] = [f"{path}?v={plotly.__version__}"]
        body = _plotly_js()
        headers = [
            (b"content-type", b"text/javascript; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"public, max-age=31536000, immutable"),
        ]

        async def with_plotly(scope: Any, receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope.get("path") == path:
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
            await app(scope, receive, send)

        return with_plotly

    server.build = built  # type: ignore[assignment]


class OutputBaselineServer(AppServer):
    """This baseline on a free port, in its own process group, started as
    :class:`tests.support.AppServer` starts the app (the same settings and environment)."""

    def command(self) -> list[str]:
        return [sys.executable, str(Path(__file__).resolve())]


def main() -> int:
    """Serve the app with every chart an Output (settings from ``CASEBOOK_SETTINGS``)."""
    use_outputs()
    serve_plotly()
    from casebook.app.server import main as serve

    return serve()


if __name__ == "__main__":
    sys.exit(main())
