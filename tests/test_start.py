"""`make start` serves the notebooks on 127.0.0.1 (the README's first command)."""

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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_start_serves_the_notebooks_on_localhost_only() -> None:
    port, token = _free_port(), "casebook-test"
    proc = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "start",
            f"PORT={port}",
            f"ARGS=--no-browser --IdentityProvider.token={token}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        listing = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/api/contents?token={token}"
                with urllib.request.urlopen(url, timeout=5) as response:
                    listing = json.load(response)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert listing is not None, "JupyterLab did not answer within 90 s"
        names = {item["name"] for item in listing["content"]}
        assert "00_start.ipynb" in names
        lab = f"http://127.0.0.1:{port}/lab/tree/00_start.ipynb?token={token}"
        with urllib.request.urlopen(lab, timeout=10) as response:
            assert response.status == 200
            assert b"<title>JupyterLab" in response.read()
        # Bound to the loopback address only: no other interface listens on the port.
        if shutil.which("ss"):
            cmd = ["ss", "-ltnH", f"sport = :{port}"]
            bound = subprocess.run(cmd, capture_output=True, text=True, check=True)
            addresses = {line.split()[3].rsplit(":", 1)[0] for line in bound.stdout.splitlines()}
            assert addresses <= {"127.0.0.1"}, addresses
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
