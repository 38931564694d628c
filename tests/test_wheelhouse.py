"""Install without make, offline: ``casebook wheelhouse DIR`` fills a folder, and from it the
casebook installs into a fresh virtual environment with the network cut (``pip install
--no-index --find-links DIR casebook``) and serves its landing page.

Slow (pip installs the whole Jupyter stack, about a minute), so not part of ``make test``:
``.ci/run`` runs it after the suite with ``CASEBOOK_WHEELHOUSE_CHECK=1``. The network is cut
with a network namespace of its own (``unshare -rn``, Linux); inside it only loopback is up.
``CASEBOOK_WHEELHOUSE=DIR`` reuses a wheelhouse already filled.

Run as a script (``python tests/test_wheelhouse.py WHEELHOUSE VENV``) it is the part inside
the namespace, and it prints one JSON line of what it found. It installs and starts the
casebook with the fresh environment's Python; only the reader it sends to the landing page
(tests/appclient.py: a browser tab as a protocol client) runs in this suite's Python.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECK = os.environ.get("CASEBOOK_WHEELHOUSE_CHECK") == "1"


def _scripts(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin")


def _clean_env() -> dict[str, str]:
    """The environment of a teacher's machine: no pip settings of this one (its find-links and
    indexes), no casebook or Jupyter paths pointing into the checkout."""
    drop = ("PIP_", "CASEBOOK_", "JUPYTER_", "VIRTUAL_ENV", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env["PIP_CONFIG_FILE"] = os.devnull  # and no pip configuration file at all
    return env


def _network_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
    except OSError:
        return False
    return True


def offline_check(house: Path, venv: Path) -> dict[str, object]:
    """Inside the cut: loopback up, a fresh venv, the install from ``house``, the landing page."""
    if shutil.which("ip"):
        subprocess.run(["ip", "link", "set", "lo", "up"], check=False, capture_output=True)
    report: dict[str, object] = {"network": _network_reachable()}
    env = _clean_env()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env)
    python = _scripts(venv) / ("python.exe" if os.name == "nt" else "python")
    begun = time.monotonic()
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--find-links", str(house), "casebook"],
        env=env,
        capture_output=True,
        text=True,
    )
    report["install_seconds"] = round(time.monotonic() - begun, 1)
    report["install_rc"] = install.returncode
    if install.returncode != 0:
        report["install_log"] = (install.stdout + install.stderr)[-3000:]
        return report
    where = subprocess.run(
        [str(python), "-c", "import casebook; print(casebook.load().data_dir)"],
        env=env,
        cwd=venv,
        capture_output=True,
        text=True,
    )
    report["data_dir"] = where.stdout.strip()
    casebook = _scripts(venv) / ("casebook.exe" if os.name == "nt" else "casebook")
    report.update(serve_check(casebook, env, venv))
    return report


def serve_check(casebook: Path, env: dict[str, str], cwd: Path) -> dict[str, object]:
    """Start ``casebook start`` (the ``casebook`` script of an environment) and open its
    landing page as a reader: the page, then a session that runs the landing page's notebook
    on the installed data."""
    sys.path.insert(0, str(ROOT))
    from tests.appclient import Tab, visit

    report: dict[str, object] = {}
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [str(casebook), "start", "--no-browser", "--port", str(port)],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        begun, deadline = time.monotonic(), time.monotonic() + 180
        base = f"http://127.0.0.1:{port}"
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(base + "/", timeout=120) as response:
                    report["status"], page = response.status, response.read().decode()
                    break
            except OSError:
                time.sleep(0.5)
        else:
            return report
        report["page_seconds"] = round(time.monotonic() - begun, 1)
        report["title"] = "<title>Koppelen en doorschakelen · casebook</title>" in page
        # the landing page's notebook ran there: its case overview, from the installed data
        with Tab(base, "/", visit(base + "/"), timeout=120) as tab:
            shown = tab.text()
        report["ready_seconds"] = round(time.monotonic() - begun, 1)
        report["cases"] = all(name in shown for name in ("Doornakkers", "Hambaken", "Waalwijk"))
        # the teacher's key, from the installed package (no docs folder of a checkout there)
        with urllib.request.urlopen(base + "/teacher-key", timeout=60) as response:
            report["key"] = response.status == 200 and b"Learning goals" in response.read()
    finally:
        server.terminate()  # SIGTERM: casebook start ends its one process, every session with it
        report["stop_rc"] = server.wait(timeout=60)
    return report


if __name__ == "__main__":
    print(json.dumps(offline_check(Path(sys.argv[1]), Path(sys.argv[2]))))
    sys.exit(0)


import pytest  # noqa: E402  (the script part above runs without pytest)

pytestmark = pytest.mark.skipif(
    not CHECK,
    reason="slow: pip installs the Jupyter stack; .ci/run runs it with CASEBOOK_WHEELHOUSE_CHECK=1",
)


def test_the_casebook_installs_offline_from_a_wheelhouse_and_serves(tmp_path: Path) -> None:
    house = Path(os.environ.get("CASEBOOK_WHEELHOUSE") or tmp_path / "wheelhouse")
    if not any(house.glob("casebook-*.whl")):
        fill = [sys.executable, "-m", "casebook.cli", "wheelhouse", str(house)]
        subprocess.run(fill, check=True, cwd=tmp_path)
    wheels = list(house.glob("*.whl"))
    assert len(wheels) > 50 and not [p for p in house.iterdir() if p.suffix != ".whl"]
    # the casebook's wheel carries its notebooks, the app's template and plotly.js (the tables:
    # tests/test_data.py::test_the_wheel_carries_the_data)
    from casebook.pages import LIVE, notebooks

    names = zipfile.ZipFile(next(house.glob("casebook-*.whl"))).namelist()
    wanted = [f"casebook/notebooks/{page}" for page in (*notebooks(), LIVE.notebook)]
    wanted += ["casebook/app/templates/index.html.j2", "casebook/app/templates/casebook.css"]
    wanted += ["casebook/app/site/shell.js", "casebook/views/chart.js"]
    wanted += ["casebook/static/plotly-casebook.min.js"]
    wanted += ["casebook/data/datapackage.json"]
    from casebook.papers import PAPERS  # the teacher's papers, served by the app

    wanted += [f"casebook/docs/{paper.file}" for paper in PAPERS]
    assert not [n for n in wanted if n not in names]
    cut = ["unshare", "-rn"]
    probe = subprocess.run([*cut, sys.executable, "-c", ""], capture_output=True, text=True)
    assert probe.returncode == 0, f"cannot cut the network here (unshare -rn): {probe.stderr}"
    run = subprocess.run(
        [*cut, sys.executable, __file__, str(house), str(tmp_path / "venv")],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    print(json.dumps(report))  # the times, for the CI log
    assert report["network"] is False, "the network was not cut"
    assert report["install_rc"] == 0, report.get("install_log")
    assert report["data_dir"].startswith(str(tmp_path / "venv")), report["data_dir"]
    assert report.get("status") == 200, report
    assert report["title"] and report["cases"] and report["stop_rc"] == 0, report
    assert report["key"], report
