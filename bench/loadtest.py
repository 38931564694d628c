"""`make loadtest`: a class opening the casebook at once. N pages (N = 10, 20, 30 by default)
are opened at the same moment in headless Chromium against one server on 127.0.0.1, started as
`casebook start` starts it. For each N: does every page render (its view and every chart), the
time from navigation to first full render (median, p95, min-max), failures, and the memory of
each kernel. Results go to bench/results/loadtest.json and .txt, and the table in
docs/load.md. Not part of `make test`.

The browser runs on the same two cores as the server here; in a classroom each student's
browser runs on their own machine, so these figures are on the pessimistic side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DOCS = ROOT / "docs" / "load.md"
sys.path.insert(0, str(ROOT))
from casebook.app import PAGE_VIEWS, AppSettings  # noqa: E402  (the checkout's casebook)
from casebook.testing import CHROMIUM, CHROMIUM_ARGS, DRAWN, AppServer  # noqa: E402

CONTENT_PAGES = [p for p in PAGE_VIEWS if p != "00_start.ipynb"]
PAGE_TIMEOUT_S = 120
GOAL_P95_S = 10.0


async def _one(browser, url: str, name: str) -> dict[str, object]:
    selector, plots = PAGE_VIEWS[name]
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    served = None
    try:
        # the server's part: Voilà sends the page once the notebook has run in a kernel
        await page.goto(url + name, timeout=PAGE_TIMEOUT_S * 1000, wait_until="commit")
        served = time.perf_counter() - start
        left = PAGE_TIMEOUT_S * 1000 - (time.perf_counter() - start) * 1000
        await page.wait_for_selector(selector, timeout=max(left, 1))
        left = PAGE_TIMEOUT_S * 1000 - (time.perf_counter() - start) * 1000
        await page.wait_for_function(f"({DRAWN})() >= {plots}", timeout=max(left, 1))
        ok, reason = True, ""
    except Exception as err:  # a timeout or a crashed page: counted, not raised
        ok, reason = False, f"{type(err).__name__}: {str(err).splitlines()[0][:120]}"
    seconds = time.perf_counter() - start
    return {"page": name, "ok": ok, "seconds": seconds, "served": served, "reason": reason,
            "errors": errors, "context": context}  # fmt: skip


def _p95(xs: list[float]) -> float | None:
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))] if xs else None


async def _wave(n: int, settings: AppSettings, settle: float) -> dict[str, object]:
    from playwright.async_api import async_playwright

    with AppServer(settings, log=ROOT / "build" / f"voila-load-{n}.log") as server:
        # a teacher starts the server before class: wait until every page's pool is full
        expected = len(PAGE_VIEWS) * settings.pool_size if settings.preheat else 0
        deadline = time.monotonic() + 600
        while len(server.kernel_mb()) < expected and time.monotonic() < deadline:
            await asyncio.sleep(1)
        pooled = len(server.kernel_mb())
        await asyncio.sleep(settle)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            names = [CONTENT_PAGES[k % len(CONTENT_PAGES)] for k in range(n)]
            visits = await asyncio.gather(*(_one(browser, server.url, name) for name in names))
            kernels = server.kernel_mb()
            for v in visits:
                await v.pop("context").close()
            await browser.close()
    times = sorted(v["seconds"] for v in visits if v["ok"])
    served = sorted(v["served"] for v in visits if v["served"] is not None)
    failures = [f"{v['page']}: {v['reason']}" for v in visits if not v["ok"]]
    p95 = _p95(times)
    return {
        "n": n,
        "pool_size": settings.pool_size,
        "kernels_ready_before": pooled,
        "rendered": len(times),
        "failures": failures,
        "js_errors": sorted({e for v in visits for e in v["errors"]})[:5],
        "first_render_s": {
            "median": statistics.median(times) if times else None,
            "p95": p95,
            "min": times[0] if times else None,
            "max": times[-1] if times else None,
        },
        "page_served_s": {
            "median": statistics.median(served) if served else None,
            "p95": _p95(served),
        },
        "kernels": len(kernels),
        "kernel_mb": {
            "mean": statistics.mean(kernels) if kernels else None,
            "max": max(kernels) if kernels else None,
            "total": sum(kernels),
        },
        "ok": not failures and p95 is not None and p95 < GOAL_P95_S,
    }


def _merge(new: list[dict[str, object]]) -> list[dict[str, object]]:
    """This run's waves together with earlier runs' waves at other settings (pool size, N), so
    that one table shows them side by side; a setting measured again replaces the old figure."""
    try:
        old = json.loads((RESULTS / "loadtest.json").read_text(encoding="utf-8"))["waves"]
    except (OSError, ValueError, KeyError):
        old = []
    for w in old:
        w.setdefault("pool_size", 1)  # runs before the pool size was recorded used the default
    merged = {(w["pool_size"], w["n"]): w for w in old}
    merged |= {(w["pool_size"], w["n"]): w for w in new}
    return [merged[k] for k in sorted(merged)]


def _fmt(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def table(result: dict[str, object]) -> str:
    lines = [
        "| N pages at once | pool per page | rendered | failures | page served median / p95 (s) "
        "| first render median (s) | p95 (s) | min–max (s) | kernels | MB per kernel (mean / max) "
        "| p95 < 10 s, all rendered |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for w in result["waves"]:
        r, k = w["first_render_s"], w["kernel_mb"]
        sv = w.get("page_served_s", {"median": None, "p95": None})
        lines.append(
            f"| {w['n']} | {w['pool_size']} | {w['rendered']}/{w['n']} | {len(w['failures'])} "
            f"| {_fmt(sv['median'])} / {_fmt(sv['p95'])} | {_fmt(r['median'])} "
            f"| {_fmt(r['p95'])} | {_fmt(r['min'])}–{_fmt(r['max'])} | {w['kernels']} "
            f"| {_fmt(k['mean'], 0)} / {_fmt(k['max'], 0)} | {'yes' if w['ok'] else 'no'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10, 20, 30], help="pages at once")
    parser.add_argument("--pool-size", type=int, default=1, help="preheated kernels per page")
    parser.add_argument(
        "--settle", type=float, default=5, help="seconds to wait once the pools are full"
    )
    args = parser.parse_args()
    settings = AppSettings(pool_size=args.pool_size, open_browser=False)
    (ROOT / "build").mkdir(exist_ok=True)
    waves = []
    for n in args.n:
        print(f"loadtest: {n} pages at once ...", flush=True)
        wave = asyncio.run(_wave(n, settings, args.settle))
        waves.append(wave)
        print(f"  rendered {wave['rendered']}/{n}, p95 {_fmt(wave['first_render_s']['p95'])} s,"
              f" {wave['kernels']} kernels", flush=True)  # fmt: skip
    waves = _merge(waves)
    passing = [w["n"] for w in waves if w["ok"]]
    best: dict[str, int | None] = {}
    for w in waves:
        key = f"pool_size_{w['pool_size']}"
        best.setdefault(key, None)
        if w["ok"]:
            best[key] = max(best[key] or 0, w["n"])
    result = {
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "settings": {
            "pool_size": args.pool_size,
            "preheat": True,
            "settle_s": args.settle,
            "pages": CONTENT_PAGES,
            "timeout_s": PAGE_TIMEOUT_S,
        },  # fmt: skip
        "waves": waves,
        "largest_n_all_rendered_p95_under_10s": max(passing) if passing else None,
        "largest_n_by_pool_size": best,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "loadtest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    text = table(result)
    (RESULTS / "loadtest.txt").write_text(text + "\n", encoding="utf-8")
    _write_docs(result, text)
    print(text)
    return 0


def _write_docs(result: dict[str, object], text: str) -> None:
    by_pool = ", ".join(
        f"pool {k.split('_')[-1]} per page: {v if v else 'none of the N tried'}"
        for k, v in result["largest_n_by_pool_size"].items()
    )
    DOCS.write_text(
        f"""# Load: a class opening the casebook at once

Measured with `make loadtest` (`bench/loadtest.py`) on {result["when"]}: {result["machine"]}.
One server started as `casebook start` starts it, with `--pool-size` preheated kernels per page
(the pools are full before the wave starts), then N pages opened at the same moment in headless
Chromium, spread over pages 01-06. A page counts as rendered when its view and every chart are
drawn; a page not rendered within {result["settings"]["timeout_s"]} s is a failure. "Page served"
is the time until Voilà starts sending the page, which it does once the notebook has run in a
kernel: the server's part of the wait; the rest is the browser loading and drawing. Memory is
the resident size of each kernel process once all pages are open.

{text}

Largest N with every page rendered and p95 under 10 s: {by_pool}.

Caveat: the 2-core machine runs the browser for all N pages as well as the server and its
kernels; in class each student's browser runs on their own machine. Each open page holds its own
kernel until it is closed or culled (`--cull-idle`), so memory grows with N. How to go past one
machine: see "A whole course" in the README.
""",
        encoding="utf-8",
    )


if __name__ == "__main__":
    sys.exit(main())
