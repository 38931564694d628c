"""`make bench`: how fast the casebook is for a reader, each figure beside a baseline.

Every measure alternates the casebook with its baseline and repeats both, then reports median,
p95, min and max, and the ratio of medians. Results go to bench/results/latest.json and a table
to stdout (bench/README.md explains each figure). Nothing here is a test: it never fails on a
slow machine, it only reports.

Usage: python bench/run.py [--quick] [--skip SECTION ...]
Sections: startup, notebooks, app, interaction, compare_kernel, suite
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT))
from casebook.app.settings import Settings  # noqa: E402
from casebook.pages import PAGES as REGISTRY  # noqa: E402
from tests.support import CHROMIUM, CHROMIUM_ARGS, DRAWN, AppServer  # noqa: E402

# Each page's notebook, the CSS class of its view and the charts it draws when it opens (the
# page registry): what a first render waits for.
PAGES = {page.notebook: (page.view, page.charts) for page in REGISTRY}
BASELINE_PAGE = "zz_baseline.ipynb"  # the notebook-execution baseline


def stats(xs: list[float]) -> dict[str, float]:
    xs = sorted(xs)
    return {
        "median": statistics.median(xs),
        "p95": xs[int(round(0.95 * (len(xs) - 1)))],
        "min": xs[0],
        "max": xs[-1],
        "n": len(xs),
    }


def quiet(servers: list[AppServer], timeout: float = 180) -> None:
    """Wait until every server uses under 10 % of a core for 3 s in a row: at start the app
    builds every page once (its warm-up), which must not be measured as a reader's wait."""
    import psutil

    procs = [psutil.Process(server.proc.pid) for server in servers]
    for proc in procs:
        proc.cpu_percent(None)  # primes the count
    deadline, calm = time.monotonic() + timeout, 0
    while calm < 3 and time.monotonic() < deadline:
        time.sleep(1)
        calm = calm + 1 if all(proc.cpu_percent(None) < 10 for proc in procs) else 0


def pair(ours: list[float], base: list[float], goal: float | None = None) -> dict[str, object]:
    a, b = stats(ours), stats(base)
    ratio = a["median"] / b["median"] if b["median"] else float("nan")
    out: dict[str, object] = {"casebook": a, "baseline": b, "ratio": ratio}
    if goal is not None:
        out["goal_ratio"] = goal
        out["met"] = ratio <= goal
    return out


# --- 1. start-up ------------------------------------------------------------------------------

STARTUP_OURS = "import time; t=time.perf_counter(); import casebook; casebook.load(); print(time.perf_counter()-t)"
STARTUP_BASE = (
    "import time; t=time.perf_counter(); import pandas as pd, glob, os; "
    "[pd.read_csv(f) for f in sorted(glob.glob(os.path.join({d!r}, '*.csv')))]; print(time.perf_counter()-t)"
)


def startup(repeats: int) -> dict[str, object]:
    import casebook

    data = str(casebook.package_data_dir())
    ours, base = [], []
    for _ in range(repeats):
        for code, sink in ((STARTUP_OURS, ours), (STARTUP_BASE.format(d=data), base)):
            run = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            sink.append(float(run.stdout.strip()))
    casebook.load()
    second = []
    for _ in range(200):
        t = time.perf_counter()
        casebook.load()
        second.append(time.perf_counter() - t)
    result = pair(ours, base, goal=1.2)
    result["second_load"] = stats(second)
    result["second_load_goal_s"] = 0.001
    return result


# --- 2. notebook execution ----------------------------------------------------------------------


def _baseline_notebook(path: Path) -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import pandas\nimport plotly.express as px\nimport ipywidgets")
    ]
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    }
    nbformat.write(nb, path)


def _execute(path: Path) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    t = time.perf_counter()
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return time.perf_counter() - t


def notebooks(repeats: int) -> dict[str, object]:
    from casebook.app import notebooks_dir

    with tempfile.TemporaryDirectory() as tmp:
        base_nb = Path(tmp) / BASELINE_PAGE
        _baseline_notebook(base_nb)
        out: dict[str, object] = {}
        for name in PAGES:
            ours, base = [], []
            for _ in range(repeats):
                ours.append(_execute(notebooks_dir() / name))
                base.append(_execute(base_nb))
            out[name] = pair(ours, base, goal=1.5)
        return out


# --- 3. app first render and 4. interaction --------------------------------------------------


# The baseline page: the same stack imported (pandas, plotly express, ipywidgets) and one chart
# drawn, in the app's own chart widget, so that it loads the same plotly.js from the same server
# as the casebook's pages (what the measure leaves out is the casebook's content: its data, its
# prose, its views).
BASELINE_CODE = """import pandas as pd
import plotly.express as px
import ipywidgets as widgets
from casebook.views.chart import Chart

chart = Chart()
chart.show(px.bar(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]}), x="x", y="y"))
widgets.VBox([chart]).add_class("casebook-baseline")"""


def _baseline_folder() -> tempfile.TemporaryDirectory:
    """A folder of notebooks that holds only the baseline page, in the landing page's place
    (the app serves a folder's notebooks at the registry's addresses: this one at "/")."""
    import nbformat

    tmp = tempfile.TemporaryDirectory()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BASELINE_CODE)]
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    }
    nbformat.write(nb, Path(tmp.name) / REGISTRY[0].notebook)
    return tmp


def _load(browser: object, url: str, selector: str, plots: int) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    t = time.perf_counter()
    page.goto(url, timeout=120_000)
    page.wait_for_selector(selector, timeout=120_000)
    page.wait_for_function(f"({DRAWN})() >= {plots}", timeout=120_000)
    elapsed = time.perf_counter() - t
    page.goto("about:blank")
    context.close()
    return elapsed


def app(browser: object, repeats: int) -> dict[str, object]:
    """3. Every page from navigation until its view and charts are drawn, each time in a new
    session (a new browser context), against the baseline page served by a second app server
    started the same way (``casebook start``, here with a folder of notebooks that holds only
    the baseline); alternately, once both have finished their warm-up."""
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    with _baseline_folder() as folder:
        casebook_server = AppServer(Settings(open_browser=False), log=build / "bench-app.log")
        baseline_server = AppServer(
            Settings(open_browser=False, notebooks=Path(folder)), log=build / "bench-baseline.log"
        )
        servers = [casebook_server, baseline_server]
        try:
            for server in servers:
                server.start()
            for server in servers:
                server.wait()
            quiet(servers)
            ours: dict[str, list[float]] = {name: [] for name in PAGES}
            base: list[float] = []
            for _ in range(repeats):
                for page in REGISTRY:
                    url = casebook_server.page_url(page.address)
                    ours[page.notebook].append(_load(browser, url, page.view, page.charts))
                    url = baseline_server.page_url("")
                    base.append(_load(browser, url, ".casebook-baseline", 1))
        finally:
            for server in servers:
                server.stop()
    return {"new session": {n: pair(v, base, goal=1.2) for n, v in ours.items()}}


def interaction(changes: int, loads: int) -> dict[str, object]:
    """4. Every page's main control, the chart widget against the Output it replaced, and the
    first render and tab memory of every page with each (bench/chart_update.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import chart_update

    result = chart_update.run(changes, loads)
    (RESULTS / "chart_update.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "chart_update.txt").write_text(chart_update.table(result) + "\n")
    return result


# --- compare view in the kernel (issue 3) and 5. the test suite ---------------------------------


def compare_kernel(changes: int) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "compare_update.py"), "--changes", str(changes)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads((RESULTS / "compare_update.json").read_text(encoding="utf-8")) | {
        "stdout": run.stdout
    }


def suite() -> dict[str, object]:
    t = time.perf_counter()
    run = subprocess.run(
        ["make", "--no-print-directory", "test"], cwd=ROOT, capture_output=True, text=True
    )
    seconds = time.perf_counter() - t
    return {
        "seconds": seconds,
        "goal_s": 120,
        "met": seconds < 120,
        "passed": run.returncode == 0,
        "summary": run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "",
    }


def table(result: dict[str, object]) -> str:
    lines = []
    if "startup" in result:
        s = result["startup"]
        lines += [
            "1. Start-up (s)                     casebook   pandas  ratio  goal",
            f"   import casebook; load()            {s['casebook']['median']:7.3f}  {s['baseline']['median']:7.3f}  "
            f"{s['ratio']:5.2f}  ≤1.2 {'met' if s['met'] else 'NOT met'}",
            f"   second load(): median {s['second_load']['median'] * 1e6:.0f} µs (goal < 1 ms)",
        ]
    if "notebooks" in result:
        lines.append("2. Notebook execution (s)          casebook baseline  ratio  goal ≤1.5")
        for name, v in result["notebooks"].items():
            lines.append(
                f"   {name:<30} {v['casebook']['median']:7.2f} {v['baseline']['median']:7.2f}  "
                f"{v['ratio']:5.2f}  {'met' if v['met'] else 'NOT met'}"
            )
    if "app" in result:
        for mode, pages in result["app"].items():
            lines.append(f"3. First render, {mode} (s)       casebook baseline  ratio  goal ≤1.2")
            for name, v in pages.items():
                lines.append(
                    f"   {name:<30} {v['casebook']['median']:7.2f} {v['baseline']['median']:7.2f}  "
                    f"{v['ratio']:5.2f}  {'met' if v['met'] else 'NOT met'}"
                )
    if "interaction" in result:
        sys.path.insert(0, str(ROOT / "bench"))
        import chart_update

        lines.append("4. Interaction: the chart widget beside the Output it replaced")
        lines += ["   " + line for line in chart_update.table(result["interaction"]).splitlines()]
    if "compare_kernel" in result:
        v = result["compare_kernel"]
        lines.append(
            f"   in the kernel, compare view change: median {v['view_change']['median']:.1f} ms "
            f"(plotly express baseline {v['baseline_px_bar']['median']:.1f} ms)"
        )
    if "suite" in result:
        v = result["suite"]
        lines.append(
            f"5. make test: {v['seconds']:.0f} s (goal < 120 s: {'met' if v['met'] else 'NOT met'}), "
            f"{'passed' if v['passed'] else 'FAILED'} {v['summary']}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a first look")
    parser.add_argument("--skip", nargs="*", default=[], help="sections to leave out")
    args = parser.parse_args()
    repeats = 3 if args.quick else 5
    result: dict[str, object] = {
        "meta": {
            "python": sys.version.split()[0],
            "machine": platform.machine(),
            "cores": os.cpu_count(),
            "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
    }
    if "startup" not in args.skip:
        result["startup"] = startup(repeats * 3)
    if "notebooks" not in args.skip:
        result["notebooks"] = notebooks(2 if args.quick else 3)
    if "app" not in args.skip:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            result["app"] = app(browser, 2 if args.quick else 3)
            browser.close()
    if "interaction" not in args.skip:
        result["interaction"] = interaction(20 if args.quick else 40, 2 if args.quick else 3)
    if "compare_kernel" not in args.skip:
        result["compare_kernel"] = compare_kernel(200)
    if "suite" not in args.skip:
        result["suite"] = suite()
    RESULTS.mkdir(exist_ok=True)
    latest = RESULTS / "latest.json"
    if args.skip and latest.exists():  # sections left out keep their previous figures
        result = json.loads(latest.read_text(encoding="utf-8")) | result
    latest.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    (RESULTS / "latest.txt").write_text(table(result) + "\n", encoding="utf-8")
    print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
