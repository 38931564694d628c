"""`make loadtest`: a class opening the casebook at once, measured at the server.

For each N (10, 20, 30, 40 by default; ``--n``) one server is started as ``casebook start
--class`` starts it (token, pools of ``--pool-size`` per page and twice that for the landing
page), on 127.0.0.1; once its pools are full, N students start at the same moment, spread over
pages 01-06. Most are protocol clients (bench/loadclient.py: the page over HTTP, its kernel
websocket, the widgets' states as the widget manager asks for them, then one dropdown changed
and the chart's new figure awaited), so that the server's two cores are not spent on N
browsers; ``--browsers`` of them (2) are real headless Chromium pages, as a check that the pages
really render. Per N: page served, widgets ready, control answered (median, p95, max),
failures, kernels and their memory, the server's CPU and memory during the wave, and the
machine's load average when the wave started (other work on the machine shows there).

Results: bench/results/loadtest.json and .txt, and the table in docs/load.md. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DOCS = ROOT / "docs" / "load.md"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from loadclient import run_student  # noqa: E402

from casebook.app.classroom import new_token  # noqa: E402
from casebook.app.voila import PAGE_VIEWS, AppSettings  # noqa: E402  (the Voilà baseline)
from tests.support import CHROMIUM, CHROMIUM_ARGS, DRAWN  # noqa: E402
from tests.support import VoilaServer as AppServer  # noqa: E402  (the Voilà baseline)

CLASS_POOL_SIZE = 2  # the pools Voilà kept per page in class mode

CONTENT_PAGES = [p for p in PAGE_VIEWS if p not in ("00_start.ipynb", "07_woordenlijst.ipynb")]
GOAL_N, GOAL_P95_S = 30, 5.0


def _p95(xs: list[float]) -> float | None:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))] if xs else None


def _summary(xs: list[float]) -> dict[str, float | None]:
    return {
        "median": statistics.median(xs) if xs else None,
        "p95": _p95(xs),
        "max": max(xs) if xs else None,
    }


async def _browser_student(browser: Any, url: str, page_name: str, timeout: float) -> dict:
    """One real Chromium page: from navigation until its view and every chart are drawn."""
    selector, plots = PAGE_VIEWS[page_name]
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    page = await context.new_page()
    start = time.perf_counter()
    result: dict[str, Any] = {"page": page_name, "ok": False, "reason": ""}
    try:
        await page.goto(url, timeout=timeout * 1000, wait_until="commit")
        result["served"] = time.perf_counter() - start
        left = lambda: max(1, timeout * 1000 - (time.perf_counter() - start) * 1000)  # noqa: E731
        await page.wait_for_selector(selector, timeout=left())
        await page.wait_for_function(f"({DRAWN})() >= {plots}", timeout=left())
        result["ready"] = time.perf_counter() - start
        result["ok"] = True
    except Exception as err:  # a timeout or a crashed page: counted, not raised
        result["reason"] = f"{type(err).__name__}: {str(err).splitlines()[0][:120]}"
    result["context"] = context
    return result


class Sampler:
    """The server's process and all its children (Voilà and the kernels): summed CPU percent
    (100 = one core) and resident memory, every half second while a wave runs."""

    def __init__(self, pid: int) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self._procs: dict[int, Any] = {}
        self.cpu: list[float] = []
        self.mb: list[float] = []

    def sample(self) -> None:
        import psutil

        cpu = rss = 0.0
        for proc in [self._root, *self._root.children(recursive=True)]:
            known = self._procs.setdefault(proc.pid, proc)
            try:
                cpu += known.cpu_percent(None)
                rss += known.memory_info().rss
            except psutil.NoSuchProcess:
                continue
        self.cpu.append(cpu)
        self.mb.append(rss / 2**20)

    async def run(self, stop: asyncio.Event) -> None:
        self.sample()  # primes cpu_percent
        self.cpu.clear()
        while not stop.is_set():
            await asyncio.sleep(0.5)
            self.sample()


async def _wave(n: int, args: argparse.Namespace) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    token = None if args.no_token else new_token()
    settings = AppSettings(
        open_browser=False, pool_size=args.pool_size, landing_pool_size=2 * args.pool_size,
        token=token,
    )  # fmt: skip
    query = f"?token={token}" if token else ""
    log = ROOT / "build" / f"voila-load-{n}.log"
    with AppServer(settings, log=log) as server:  # it gives Voilà the settings' token
        # a teacher starts the server before class: wait until every page's pool is full
        expected = (len(PAGE_VIEWS) - 1) * args.pool_size + 2 * args.pool_size
        began, deadline = time.monotonic(), time.monotonic() + 600
        while len(server.kernel_mb()) < expected and time.monotonic() < deadline:
            await asyncio.sleep(1)
        # a pool's kernel exists before it has run its notebook: wait until the server and its
        # kernels are quiet (under 10 % of a core for 3 s in a row)
        quiet, watch = 0, Sampler(server.proc.pid)
        watch.sample()
        while quiet < 3 and time.monotonic() < deadline:
            await asyncio.sleep(1)
            watch.sample()
            quiet = quiet + 1 if watch.cpu[-1] < 10 else 0
        filled_s = time.monotonic() - began
        pooled = len(server.kernel_mb())
        await asyncio.sleep(args.settle)
        load_at_start = os.getloadavg()
        names = [args.pages[k % len(args.pages)] for k in range(n)]
        n_browsers = min(args.browsers, n)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            sampler, stop = Sampler(server.proc.pid), asyncio.Event()
            sampling = asyncio.create_task(sampler.run(stop))
            # the browsers take the first pages (01, 02): one with charts among them
            browsers = [
                _browser_student(browser, server.url + name + query, name, args.timeout)
                for name in names[:n_browsers]
            ]
            clients = [
                run_student(server.base_url, name, token=token, timeout=args.timeout)
                for name in names[n_browsers:]
            ]
            visits = await asyncio.gather(*browsers, *clients)
            stop.set()
            await sampling
            kernels = server.kernel_mb()
            for v in visits[:n_browsers]:
                await v.pop("context").close()
            await browser.close()
    protocol, real = visits[n_browsers:], visits[:n_browsers]
    ok = [v for v in protocol if v["ok"]]
    failures = [f"{v['page']}: {v['reason']}" for v in visits if not v["ok"]]
    ready = [v["ready"] for v in ok]
    wave = {
        "n": n,
        "protocol_students": len(protocol),
        "browser_students": len(real),
        "pool_size": args.pool_size,
        "pages": _pages(args.pages),
        "token": token is not None,
        "kernels_pooled_before": pooled,
        "pools_filled_s": filled_s,
        "load_average_at_start": [round(x, 2) for x in load_at_start],
        "ok": len(ok),
        "failures": failures,
        "page_served_s": _summary([v["served"] for v in ok]),
        "widgets_ready_s": _summary(ready),
        "control_answered_s": _summary([v["answered"] for v in ok if "answered" in v]),
        "controls_changed": sum("answered" in v for v in ok),
        "browser_ready_s": _summary([v["ready"] for v in real if v["ok"]]),
        "browsers_ok": sum(v["ok"] for v in real),
        "kernels": len(kernels),
        "kernel_mb": {
            "mean": statistics.mean(kernels) if kernels else None,
            "total": sum(kernels),
        },
        "server_cpu_percent": {
            "mean": statistics.mean(sampler.cpu) if sampler.cpu else None,
            "max": max(sampler.cpu) if sampler.cpu else None,
        },
        "server_mb_max": max(sampler.mb) if sampler.mb else None,
        "students": [{k: v for k, v in s.items() if k != "context"} for s in visits],
    }
    p95 = wave["widgets_ready_s"]["p95"]
    wave["goal_met"] = not failures and p95 is not None and p95 < GOAL_P95_S
    return wave


def _merge(new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """This run's waves with earlier runs' waves of this method at other settings (pool size,
    N), so that one table shows them side by side; a setting measured again is replaced."""
    try:
        old = json.loads((RESULTS / "loadtest.json").read_text(encoding="utf-8"))["waves"]
    except (OSError, ValueError, KeyError):
        old = []
    key = lambda w: (w.get("pages", "01-06") != "01-06", w["pool_size"], w["n"])  # noqa: E731
    merged = {key(w): w for w in old if "widgets_ready_s" in w}
    merged |= {key(w): w for w in new}
    return [merged[k] for k in sorted(merged)]


def _pages(names: list[str]) -> str:
    """Pages as the table names them: "01-06", or their numbers."""
    if names == CONTENT_PAGES:
        return "01-06"
    return ", ".join(name[:2] for name in names)


def _fmt(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def table(waves: list[dict[str, Any]]) -> str:
    lines = [
        "| N | pages | pool/page | load avg at start | ok (protocol) | browsers ok | failures "
        "| page served median / p95 (s) | widgets ready median / p95 / max (s) "
        "| control answered median / p95 (s) | browser drawn max (s) | kernels "
        "| MB per kernel / total | server CPU mean / max (%) | p95 ready < 5 s, 0 failures |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for w in waves:
        sv, r, c = w["page_served_s"], w["widgets_ready_s"], w["control_answered_s"]
        k, cpu = w["kernel_mb"], w["server_cpu_percent"]
        lines.append(
            f"| {w['n']} | {w.get('pages', '01-06')} | {w['pool_size']} | {w['load_average_at_start'][0]:.2f} "
            f"| {w['ok']}/{w['protocol_students']} | {w['browsers_ok']}/{w['browser_students']} "
            f"| {len(w['failures'])} | {_fmt(sv['median'])} / {_fmt(sv['p95'])} "
            f"| {_fmt(r['median'])} / {_fmt(r['p95'])} / {_fmt(r['max'])} "
            f"| {_fmt(c['median'], 2)} / {_fmt(c['p95'], 2)} | {_fmt(w['browser_ready_s']['max'])} "
            f"| {w['kernels']} | {_fmt(k['mean'], 0)} / {_fmt(k['total'], 0)} "
            f"| {_fmt(cpu['mean'], 0)} / {_fmt(cpu['max'], 0)} | {'yes' if w['goal_met'] else 'no'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10, 20, 30, 40], help="students")
    parser.add_argument(
        "--pool-size", type=int, default=CLASS_POOL_SIZE, help="preheated kernels per page"
    )
    parser.add_argument(
        "--pages", nargs="+", default=CONTENT_PAGES, choices=list(PAGE_VIEWS),
        help="pages the students open, in turn (default 01-06; 00_start.ipynb: the link)",
    )  # fmt: skip
    parser.add_argument("--browsers", type=int, default=2, help="students in real Chromium")
    parser.add_argument("--no-token", action="store_true", help="serve without class token")
    parser.add_argument("--settle", type=float, default=5, help="seconds after pools are full")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per student")
    args = parser.parse_args()
    (ROOT / "build").mkdir(exist_ok=True)
    waves = []
    for n in args.n:
        print(f"loadtest: {n} students at once (pool {args.pool_size} per page) ...", flush=True)
        wave = asyncio.run(_wave(n, args))
        waves.append(wave)
        r = wave["widgets_ready_s"]
        print(f"  ok {wave['ok']}/{wave['protocol_students']} + browsers "
              f"{wave['browsers_ok']}/{wave['browser_students']}, widgets ready p95 "
              f"{_fmt(r['p95'])} s, load avg {wave['load_average_at_start'][0]:.2f}",
              flush=True)  # fmt: skip
    waves = _merge(waves)
    result = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "shared_machine_note": "other work ran on the same cores; see load_average_at_start",
        "settings": {
            "pool_size": args.pool_size,
            "browsers": args.browsers,
            "token": not args.no_token,
            "settle_s": args.settle,
            "timeout_s": args.timeout,
            "pages": args.pages,
        },
        "goal": f"{GOAL_N} students: p95 widgets ready < {GOAL_P95_S:.0f} s, 0 failures",
        "waves": waves,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "loadtest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    text = table(waves)
    (RESULTS / "loadtest.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
