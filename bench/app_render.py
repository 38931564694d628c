"""Benchmark: first render of each app page and control-to-redrawn-chart, in headless Chromium.

Starts the app twice with the same settings except preheating (preheated kernels, then a kernel
started per page on request), opens every page several times in turn, and records the time from
navigation until the page's view is shown and all its charts are drawn. Then, with preheating,
changes the indicator of the compare page many times and records the time from the change to the
new chart title. Writes bench/results/app_render.json. Not a test.

Usage: python bench/app_render.py [--loads N] [--changes N]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = {
    "00_start.ipynb": (".casebook-start", 0),
    "01_casussen.ipynb": (".casebook-reader", 0),
    "02_wijken_vergelijken.ipynb": (".casebook-compare", 1),
    "03_vier_logicas.ipynb": (".casebook-logics", 2),
    "04_evaluaties.ipynb": (".casebook-evaluations", 3),
    "05_lessen.ipynb": (".casebook-lessons", 1),
}
DRAWN = (
    "() => [...document.querySelectorAll('.js-plotly-plot')]"
    ".filter(g => g._fullData && g._fullData.length && g.querySelector('.main-svg')).length"
)
TITLE_IS = "t => document.querySelector('.js-plotly-plot .gtitle').textContent === t"


def _stats(xs: list[float]) -> dict[str, float]:
    xs = sorted(xs)
    return {
        "median": statistics.median(xs),
        "p95": xs[int(0.95 * (len(xs) - 1))],
        "min": xs[0],
        "max": xs[-1],
        "n": len(xs),
    }


class App:
    def __init__(self, preheat: bool) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        args = [
            sys.executable,
            "-m",
            "casebook.cli",
            "start",
            "--port",
            str(self.port),
            "--no-browser",
        ]
        if not preheat:
            args.append("--no-preheat")
        self.proc = subprocess.Popen(
            args,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(20 if preheat else 2)  # let the pools fill before measuring

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)


def first_renders(browser: object, app: App, loads: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in PAGES}
    for _ in range(loads):
        for name, (selector, plots) in PAGES.items():
            context = browser.new_context(viewport={"width": 1280, "height": 1600})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(f"{app.url}/voila/render/{name}", timeout=120_000)
            page.wait_for_selector(selector, timeout=120_000)
            page.wait_for_function(f"({DRAWN})() >= {plots}", timeout=120_000)
            times[name].append(time.perf_counter() - started)
            page.goto("about:blank")
            context.close()
    return times


def interaction(browser: object, app: App, changes: int) -> list[float]:
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    page.goto(f"{app.url}/voila/render/02_wijken_vergelijken.ipynb", timeout=120_000)
    page.wait_for_function(f"({DRAWN})() >= 1", timeout=120_000)
    select = page.locator(".casebook-compare .widget-dropdown:has(label:text-is('Kenmerk')) select")
    labels = [
        ("Inwoners", "Inwoners per wijk"),
        ("Mutatiegraad", "Mutatiegraad per wijk"),
        ("Arme huishoudens", "Arme huishoudens per wijk"),
        ("Woningen", "Woningen per wijk"),
    ]
    page.wait_for_function(TITLE_IS, arg="Mutatiegraad per wijk", timeout=30_000)
    times = []
    for k in range(changes):
        label, title = labels[(k + 2) % len(labels)] if k % 4 else labels[0]
        if page.evaluate("document.querySelector('.js-plotly-plot .gtitle').textContent") == title:
            label, title = labels[(k + 1) % len(labels)]
        started = time.perf_counter()
        select.select_option(label=label)
        page.wait_for_function(TITLE_IS, arg=title, timeout=30_000)
        times.append(time.perf_counter() - started)
    context.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--changes", type=int, default=60)
    args = parser.parse_args()
    result: dict[str, object] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for preheat in (True, False):
            app = App(preheat)
            try:
                times = first_renders(browser, app, args.loads)
                result[f"first_render_{'preheated' if preheat else 'cold'}"] = {
                    k: _stats(v) for k, v in times.items()
                }
                if preheat:
                    result["control_to_chart"] = _stats(interaction(browser, app, args.changes))
            finally:
                app.stop()
        browser.close()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "app_render.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    header = ("page", "preheated median", "p95", "cold median", "p95")
    print(
        f"{header[0]:<30} {header[1]:>17} {header[2]:>6} {header[3]:>12} {header[4]:>6}   (seconds)"
    )
    for name in PAGES:
        hot, cold = result["first_render_preheated"][name], result["first_render_cold"][name]
        cells = (hot["median"], hot["p95"], cold["median"], cold["p95"])
        print(f"{name:<30} {cells[0]:17.2f} {cells[1]:6.2f} {cells[2]:12.2f} {cells[3]:6.2f}")
    c = result["control_to_chart"]
    print(
        f"control change -> redrawn chart (compare page): median {c['median'] * 1000:.0f} ms, "
        f"p95 {c['p95'] * 1000:.0f} ms, n={c['n']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
