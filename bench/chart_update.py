"""Benchmark: a page's controls and first render on two servers, on the same pages in the same run.

``--baseline output`` (issue 17, the only baseline now): **widget** (the app, ``casebook
start``, with the casebook's chart widget, changed in place with Plotly.react) against
**output** (bench/output_baseline.py: the same app with every chart an ipywidgets Output that
each change refills, drawn anew with plotly.js's Plotly.newPlot). (Until Voilà was retired,
``--baseline voila`` measured the app against the Voilà server it replaced; that run of
2026-12-07 is kept in bench/results/app_vs_voila.json and .txt.) For every page's main control,
a change on the one and then on the other
(A B A B ...), timed in the page from the reader's event to the frame in which the chart is
redrawn in headless Chromium: for the widget, the chart element (the same one) says it has drawn
the new figure (``data-drawn``); for the Output, a new chart element is drawn. Each change
starts once both pages are quiet (nothing heard from either kernel for ``QUIET_MS``). Then the first render of every page, alternately from each server,
from navigation until the view and all its charts are drawn, and the memory of the browser tab
then (JS heap and DOM nodes, Chromium's Performance.getMetrics).

Writes bench/results/chart_update.json and .txt. Not a test: nothing here fails on a slow day.

Usage: python bench/chart_update.py [--changes N] [--loads N]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))
from casebook.app.settings import Settings  # noqa: E402
from casebook.pages import PAGES, by_notebook  # noqa: E402
from casebook.text import t  # noqa: E402
from tests.support import CHROMIUM, CHROMIUM_ARGS, DRAWN, AppServer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from output_baseline import OutputBaselineServer  # noqa: E402
from run import quiet, stats  # noqa: E402  (make bench's own helpers)

# Each page's notebook, the CSS class of its view and the charts it draws when it opens (the
# page registry): what a first render waits for.
PAGE_VIEWS = {page.notebook: (page.view, page.charts) for page in PAGES}

# Before a change: remember chart i's element and the figure it has drawn, and listen for the
# reader's event (the first input, change or click: what the widget reacts to). After it: wait,
# frame by frame, until chart i is drawn again, in place (the same element, a new serial) or
# anew (a new element), and give the time from the event to that frame, measured in the page
# (Playwright's own action checks are not part of the reader's wait).
MARK = """i => { const g = document.querySelectorAll('.js-plotly-plot')[i];
    window.__cbOld = g; window.__cbDrawn = g.dataset.drawn; window.__cbT0 = null;
    if (!window.__cbListening) {
        window.__cbListening = true;
        for (const kind of ['input', 'change', 'click']) {
            document.addEventListener(kind, () => {
                if (window.__cbT0 === null) window.__cbT0 = performance.now();
            }, {capture: true});
        }
    } }"""
WAIT = """i => new Promise((resolve, reject) => {
    const redrawn = () => { const g = document.querySelectorAll('.js-plotly-plot')[i];
        if (!g || !g._fullData || !g.querySelector('.main-svg')) return false;
        return g !== window.__cbOld || g.dataset.drawn !== window.__cbDrawn; };
    const until = performance.now() + 30000;
    const check = () => {
        if (redrawn() && window.__cbT0 !== null) resolve(performance.now() - window.__cbT0);
        else if (performance.now() > until) reject(new Error('chart ' + i + ' not redrawn'));
        else requestAnimationFrame(check);
    };
    check(); })"""
IN_PLACE = "i => document.querySelectorAll('.js-plotly-plot')[i] === window.__cbOld"
# Every change starts from a quiet page: after the chart is redrawn, the kernel goes on with the
# rest of the view (tables, downloads) and the page takes those in. The next change (on the
# other server, with both in one browser on one machine) waits until neither socket has brought
# anything for QUIET_MS; before, one side's change was timed while the other side was still busy
# with the tail of its own, which put both sides' noise into each other's numbers.
QUIET_MS = 250
HEARD = """(() => { window.__cbHeard = performance.now(); const Socket = window.WebSocket;
    class Heard extends Socket { constructor(...args) { super(...args);
        this.addEventListener('message', () => { window.__cbHeard = performance.now(); }); } }
    window.WebSocket = Heard; })()"""
QUIET = """ms => new Promise(resolve => { const until = performance.now() + 10000;
    const check = () => { const now = performance.now();
        if (now - window.__cbHeard >= ms || now > until) resolve(); else setTimeout(check, 20); };
    check(); })"""

Act = Callable[[Any, int], None]


def _select(view: str, label_key: str, options: list[str]) -> Act:
    def act(page: Any, k: int) -> None:
        label = t(label_key, "nl")
        page.locator(f"{view} .widget-dropdown:has(label:text-is('{label}')) select").select_option(
            label=options[k % len(options)]
        )

    return act


def _toggle_first_case(page: Any, k: int) -> None:
    box = page.locator(".casebook-evaluations .cb-choices").first.locator("input").first
    box.uncheck() if k % 2 == 0 else box.check()


def _reveal(page: Any, k: int) -> None:
    page.locator(".casebook-logics button.mod-info").click()


def _answer(page: Any, k: int) -> None:
    page.locator(".casebook-q-urgency button").nth(1 + k % 4).click()


# Every page's main control: (page, which chart it redraws, what the reader does).
CONTROLS: dict[str, tuple[str, int, Act]] = {
    "compare: indicator": (
        "02_wijken_vergelijken.ipynb",
        0,
        _select(
            ".casebook-compare",
            "control.indicator",
            ["Inwoners", "Mutatiegraad", "Arme huishoudens", "Woningen"],
        ),
    ),
    "logics: reveal/hide": ("03_vier_logicas.ipynb", 0, _reveal),
    # the page's first chart is the findings grid (the result figures are cards, HTML, sent
    # right after it; the timeline, the page's second chart, comes later)
    "evaluations: cases": ("04_evaluaties.ipynb", 0, _toggle_first_case),
    "lessons: tension filter": (
        "05_lessen.ipynb",
        0,
        _select(".casebook-lessons", "control.tension", ["Financiering", "Machtskwesties", "Alle"]),
    ),
    "check: one answer": ("06_check_je_samenwerking.ipynb", 0, _answer),
}


class Side:
    """One server and one browser context on it."""

    def __init__(self, name: str, server: type[AppServer] = AppServer) -> None:
        self.name = name
        log = ROOT / "build" / f"bench-{name}.log"
        self.server = server(Settings(open_browser=False), log=log)

    def url(self, page_name: str) -> str:
        return self.server.page_url(by_notebook(page_name).address, "lang=nl")

    def open(self, browser: Any, page_name: str) -> tuple[Any, Any, float, list[str]]:
        """A fresh tab on ``page_name``: (context, page, seconds to first render, errors)."""
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_init_script(HEARD)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        selector, plots = PAGE_VIEWS[page_name]
        start = time.perf_counter()
        page.goto(self.url(page_name), timeout=120_000)
        page.wait_for_selector(selector, timeout=120_000)
        page.wait_for_function(f"({DRAWN})() >= {plots}", timeout=120_000)
        return context, page, time.perf_counter() - start, errors


def _memory(context: Any, page: Any) -> dict[str, float]:
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {"js_heap_mb": metrics["JSHeapUsedSize"] / 1e6, "dom_nodes": metrics["Nodes"]}


def _change(page: Any, chart: int, act: Act, k: int) -> tuple[float, bool, float | None]:
    """One change: ms from the reader's event to the redrawn chart, whether it was changed in
    place, and (the widget) ms of that spent drawing once the figure had arrived."""
    page.evaluate(MARK, chart)
    act(page, k)
    elapsed = page.evaluate(WAIT, chart)
    drawing = page.evaluate(
        "i => Number(document.querySelectorAll('.js-plotly-plot')[i].dataset.drawMs) || null",
        chart,
    )
    kept = page.evaluate(IN_PLACE, chart)
    page.evaluate(QUIET, QUIET_MS)
    return elapsed, kept, drawing


BASELINES = ("output",)


def sides_for(baseline: str) -> list[Side]:
    """The two sides: the one measured first, then its baseline."""
    if baseline not in BASELINES:
        raise ValueError(f"baseline must be one of {list(BASELINES)}, but {baseline!r} was passed")
    return [Side("widget"), Side("output", OutputBaselineServer)]


def run(
    changes: int, loads: int, only: list[str] | None = None, baseline: str = "output"
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    sides = sides_for(baseline)
    ours, theirs = sides[0].name, sides[1].name
    (ROOT / "build").mkdir(exist_ok=True)
    for side in sides:
        side.server.start()
    for side in sides:
        side.server.wait()
    quiet([side.server for side in sides])  # both have built every page once (their warm-up)
    result: dict[str, Any] = {"changes": {}, "first_render": {}, "memory": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for label, (page_name, chart, act) in CONTROLS.items():
                if only and not any(label.startswith(o) for o in only):
                    continue
                opened = [side.open(browser, page_name) for side in sides]
                times: dict[str, list[float]] = {s.name: [] for s in sides}
                in_place: dict[str, int] = {s.name: 0 for s in sides}
                drawing: list[float] = []
                for k in range(changes):
                    for side, (_, page, _, _) in zip(sides, opened, strict=True):
                        ms, kept, drew = _change(page, chart, act, k)
                        times[side.name].append(ms)
                        in_place[side.name] += kept
                        if side.name == ours and drew is not None:
                            drawing.append(drew)
                entry = {name: stats(v) for name, v in times.items()}
                entry["widget_drawing"] = stats(drawing) if drawing else None
                entry["speedup"] = entry[theirs]["median"] / entry[ours]["median"]
                entry["in_place"] = in_place
                entry["errors"] = {s.name: o[3] for s, o in zip(sides, opened, strict=True)}
                result["changes"][label] = entry
                for context, *_ in opened:
                    context.close()
                print(label, json.dumps(entry), flush=True)
            renders: dict[str, dict[str, list[float]]] = {n: {} for n in PAGE_VIEWS}
            for repeat in range(loads):
                for page_name in PAGE_VIEWS:
                    for side in sides:
                        context, page, seconds, _ = side.open(browser, page_name)
                        renders[page_name].setdefault(side.name, []).append(seconds)
                        if repeat == 0:
                            result["memory"].setdefault(page_name, {})[side.name] = _memory(
                                context, page
                            )
                        page.goto("about:blank")
                        context.close()
            for page_name, by_side in renders.items():
                if not by_side:
                    continue
                entry = {name: stats(v) for name, v in by_side.items()}
                entry["ratio"] = entry[ours]["median"] / entry[theirs]["median"]
                result["first_render"][page_name] = entry
        finally:
            browser.close()
            for side in sides:
                side.server.stop()
    result["sides"] = [ours, theirs]
    return result


def table(result: dict[str, Any]) -> str:
    ours, theirs = result.get("sides", ["widget", "output"])
    # issue 17 (widget against Output): controls < 100/200 ms and ≥ 2× faster, first render
    # ≤ 1.05 of the Output's
    speedup_goal, render_goal = 2.0, 1.05
    lines = [
        f"Control change to redrawn chart (ms)   {ours} median  p95 | {theirs} median  p95 | "
        f"speedup  in place  goal <100/<200, ≥{speedup_goal:.0f}×",
    ]
    for label, v in result["changes"].items():
        w, o = v[ours], v[theirs]
        met = w["median"] < 100 and w["p95"] < 200 and v["speedup"] >= speedup_goal
        lines.append(
            f"  {label:<34} {w['median']:8.0f} {w['p95']:6.0f} | {o['median']:8.0f} {o['p95']:6.0f} | "
            f"{v['speedup']:6.1f}×  {v['in_place'][ours]:3d}/{w['n']:<3d}  {'met' if met else 'NOT met'}"
        )
    lines.append(
        f"First render (s)                        {ours}   {theirs}   ratio  goal ≤{render_goal}"
    )
    for page_name, v in result["first_render"].items():
        lines.append(
            f"  {page_name:<34} {v[ours]['median']:8.2f} {v[theirs]['median']:8.2f} "
            f"{v['ratio']:7.2f}  {'met' if v['ratio'] <= render_goal else 'NOT met'}"
        )
    lines.append(
        f"Browser tab after first render          {ours} JS heap / nodes   {theirs} JS heap / nodes"
    )
    for page_name, v in result["memory"].items():
        w, o = v[ours], v[theirs]
        lines.append(
            f"  {page_name:<34} {w['js_heap_mb']:7.1f} MB {w['dom_nodes']:6.0f}   "
            f"{o['js_heap_mb']:7.1f} MB {o['dom_nodes']:6.0f}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=40, help="changes per control and side")
    parser.add_argument("--loads", type=int, default=3, help="first renders per page and side")
    parser.add_argument("--only", nargs="*", help="only these controls (e.g. compare check)")
    parser.add_argument(
        "--baseline", choices=BASELINES, default="output",
        help="output: the chart widget against an Output refilled on each change",
    )  # fmt: skip
    args = parser.parse_args()
    result = run(args.changes, args.loads, args.only, args.baseline)
    result["meta"] = {
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "changes": args.changes,
        "loads": args.loads,
        "baseline": args.baseline,
    }
    RESULTS.mkdir(exist_ok=True)
    name = "chart_update"
    (RESULTS / f"{name}.json").write_text(
        json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8"
    )
    text = table(result)
    (RESULTS / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
