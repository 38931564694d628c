"""Benchmark: one control change in the compare view to updated figure data, in a real kernel.

Starts a Jupyter kernel (the same one notebooks use), builds the compare view there and changes
the indicator control many times, alternating with a baseline: building the same chart with
plotly express from a ready DataFrame. Reports median, p95, min and max in milliseconds and
writes bench/results/compare_update.json. Not a test: nothing here fails on a slow machine.

Usage: python bench/compare_update.py [--changes N]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

RESULTS = Path(__file__).resolve().parent / "results"

KERNEL_CODE = r"""
import json, statistics, time
import plotly.express as px
import casebook
from casebook import compare
from casebook.views import CompareView

book = casebook.load()
view = CompareView(book, lang="nl")
table = compare.indicator_table(book, lang="nl")
indicators = [v for _, v in view.indicator.options if v != view.indicator.value]
areas = list(view.areas.value)
frames = {i: compare.select(table, areas=areas, indicators=[i]) for i in indicators}

def change(i):
    t0 = time.perf_counter()
    view.indicator.value = i
    assert view.figure is not None or view.message_text
    return (time.perf_counter() - t0) * 1000

def baseline(i):
    t0 = time.perf_counter()
    fig = px.bar(frames[i], x="area", y="value")
    fig.to_plotly_json()
    return (time.perf_counter() - t0) * 1000

view_ms, base_ms = [], []
for n in range(N):
    i = indicators[n % len(indicators)]
    view_ms.append(change(i))
    base_ms.append(baseline(i))

def stats(xs):
    xs = sorted(xs)
    p95 = xs[int(0.95 * (len(xs) - 1))]
    return {"median": statistics.median(xs), "p95": p95, "min": xs[0], "max": xs[-1], "n": len(xs)}

print("RESULT" + json.dumps({"view_change": stats(view_ms), "baseline_px_bar": stats(base_ms)}))
"""


def run(changes: int) -> dict:
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        out: list[str] = []

        def collect(msg: dict) -> None:
            if msg["msg_type"] == "stream":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                out.append("\n".join(msg["content"]["traceback"]))

        reply = kc.execute_interactive(
            f"N = {changes}\n" + KERNEL_CODE, timeout=600, output_hook=collect
        )
        text = "".join(out)
        if reply["content"]["status"] != "ok" or "RESULT" not in text:
            raise RuntimeError(f"benchmark failed in the kernel:\n{text}")
        return json.loads(text.split("RESULT", 1)[1].strip().splitlines()[0])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    args = parser.parse_args()
    started = time.time()
    result = run(args.changes)
    result["meta"] = {
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "compare_update.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )
    print(
        f"{'measure':<18} {'median':>8} {'p95':>8} {'min':>8} {'max':>8}   (ms, n={args.changes})"
    )
    for name in ("view_change", "baseline_px_bar"):
        s = result[name]
        print(f"{name:<18} {s['median']:8.2f} {s['p95']:8.2f} {s['min']:8.2f} {s['max']:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
