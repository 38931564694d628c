"""The app's commands (casebook.app): `make start` serves the app on 127.0.0.1 (one process, every
page of every reader); `make lab` keeps JupyterLab for authors. Both are started here as a
reader would start them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, deadline: float, proc: subprocess.Popen) -> bytes:
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer")


def _listening_addresses(port: int) -> set[str]:
    if not shutil.which("ss"):
        return {"127.0.0.1"}
    out = subprocess.run(
        ["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=True
    )
    return {line.split()[3].rsplit(":", 1)[0] for line in out.stdout.splitlines()}


def _stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def test_make_start_serves_the_app_on_localhost_only() -> None:
    from tests.appclient import Tab, visit

    port = _free_port()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "start", f"PORT={port}", "ARGS=--no-browser"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        base = f"http://127.0.0.1:{port}"
        root = _get(f"{base}/", deadline, proc).decode()
        assert "<title>Koppelen en doorschakelen · casebook</title>" in root
        assert "cdn.jsdelivr.net" not in root and "cdnjs.cloudflare.com" not in root
        # the landing page, with the casebook's title bar, for a reader
        with Tab(base, "/", visit(f"{base}/")) as tab:
            assert tab.with_class("cb-shell") and tab.with_class("casebook-start")
        assert _get(f"{base}/casussen", deadline, proc)  # a page's own address
        assert _listening_addresses(port) <= {"127.0.0.1"}
    finally:
        _stop(proc)


def test_make_lab_keeps_jupyterlab_for_authors(chromium: object) -> None:
    """JupyterLab opens the notebooks, and a notebook run there draws its chart: JupyterLab does
    not serve the casebook's plotly.js, so the chart asks its kernel for it (chart.js)."""
    from tests.support import DRAWN

    port, token = _free_port(), "casebook-test"
    # expose_app_in_browser: the test runs the notebook by JupyterLab's own command
    lab_args = f"--no-browser --IdentityProvider.token={token} --LabApp.expose_app_in_browser=True"
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_PORT={port}", f"LAB_ARGS={lab_args}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        listing = json.loads(
            _get(f"http://127.0.0.1:{port}/api/contents?token={token}", deadline, proc)
        )
        assert {"00_start.ipynb", "05_lessen.ipynb"} <= {
            item["name"] for item in listing["content"]
        }
        assert _listening_addresses(port) <= {"127.0.0.1"}
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        try:
            url = f"http://127.0.0.1:{port}/lab/tree/02_wijken_vergelijken.ipynb?token={token}"
            page.goto(url, timeout=60_000)
            # the notebook is the current widget and its kernel has started: run every cell
            page.wait_for_function(
                """() => { const shown = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                    const kernel = shown && shown.sessionContext && shown.sessionContext.session
                        && shown.sessionContext.session.kernel;
                    return kernel && kernel.status === 'idle'; }""",
                timeout=60_000,
            )
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            page.wait_for_function(f"({DRAWN})() >= 1", timeout=60_000)
            scripts = "[...document.querySelectorAll('script[data-casebook-plotly]')]"
            loaded = page.evaluate(f"() => {scripts}.map(s => s.src)")
            assert loaded and all(src.startswith("blob:") for src in loaded), loaded
            assert not errors, errors
        finally:
            page.close()
    finally:
        _stop(proc)
