"""A real Voilà server started with the casebook's own command, and Debian's Chromium.

Without Chromium the browser tests are skipped with a message; under CI (CI=true) a missing
browser is a failure, so that CI never passes without having looked at the app.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "build" / "screenshots"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _need_browser() -> None:
    missing = not Path(CHROMIUM).exists()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        message = f"browser tests need Debian's chromium at {CHROMIUM} and the playwright package"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; under CI they must run")
        pytest.skip(message)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Start the app as `casebook start` does, on a free port, and stop it afterwards."""
    _need_browser()
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "casebook.cli",
        "start",
        "--port",
        str(port),
        "--no-browser",
        "--pool-size",
        "2",
    ]
    (ROOT / "build").mkdir(exist_ok=True)
    log = open(ROOT / "build" / "voila-test.log", "w")  # noqa: SIM115  (closed with the server)
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the casebook app did not start")
            time.sleep(0.5)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="session")
def browser(app_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
