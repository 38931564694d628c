"""A course on a real hub: JupyterHub 6.1.1 with configurable-http-proxy 5.3.0, started with
the teacher's recipe ``deploy/hub/jupyterhub_config.py`` (one class password, each student's
server a local process with a home of its own, in which jupyter-server-proxy 4.6.0 runs the
casebook as ``casebook start``, and ``jupyterhub-idle-culler`` 2.0.0 as a hub service).

Two students log in with Chromium, each lands on the casebook's landing page on their own
server (``/user/<name>/casebook/``, served by a casebook process of that student's server,
under that base path), follows its link to the logics page (charts drawn, plotly.js from the
casebook under the base path) and saves a placement; each file lands in that student's own
home and nowhere else. One student's login does not open the other's server, casebook, files
or websocket (403, or the hub's refusal), nor does no login. Then the pages are closed and the
idle culler stops both servers, and their casebooks with them.

Slow (a hub, two student servers and their casebooks, Chromium, and the culler's wait: about
two minutes) and it needs an environment of its own (the hub's Python packages and the npm
proxy), so it is not part of ``make test``: ``tools/hub_check.sh`` builds ``build/hub/`` and
runs it with ``CASEBOOK_HUB_CHECK=1`` (a CI step in ``.ci/run``). ``CASEBOOK_HUB_ENV`` names
another virtual environment with the casebook, jupyterhub, jupyterhub-idle-culler and
jupyter-server-proxy installed; ``CASEBOOK_HUB_PROXY`` another configurable-http-proxy.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from casebook.app.server import PLOTLY_PATH
from casebook.text import t
from tests.support import CHROMIUM, CHROMIUM_ARGS, DRAWN, free_port

ROOT = Path(__file__).resolve().parents[1]
CHECK = os.environ.get("CASEBOOK_HUB_CHECK") == "1"
HUB_ENV = Path(os.environ.get("CASEBOOK_HUB_ENV", ROOT / "build" / "hub" / "venv")).absolute()
PROXY = Path(
    os.environ.get(
        "CASEBOOK_HUB_PROXY",
        ROOT / "build" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy",
    )
).absolute()
CONFIG = ROOT / "deploy" / "hub" / "jupyterhub_config.py"
LOG = ROOT / "build" / "hub" / "hub-test.log"
STUDENTS = ("anna", "bram")
# The culler stops a server idle this long, looking every CULL_EVERY seconds; each server tells
# the hub of its use every ACTIVITY seconds. The timeout is well above the longest time a
# student's server is idle here while the other one's works (up to about 40 s on 2 busy
# cores: the other student opening a page and saving), so that only the last test sees a
# server culled.
CULL_TIMEOUT, CULL_EVERY, ACTIVITY = 60, 5, 5
PASSWORD = secrets.token_urlsafe(12)  # the class password of this run

pytestmark = pytest.mark.skipif(
    not CHECK,
    reason="the hub check runs with CASEBOOK_HUB_CHECK=1 (tools/hub_check.sh, in .ci/run)",
)


@dataclass
class Hub:
    url: str
    homes: Path
    process: subprocess.Popen[bytes]
    pages: dict[str, Any] = field(default_factory=dict)
    servers: dict[str, int] = field(default_factory=dict)  # student -> pid of their server
    casebooks: dict[str, int] = field(default_factory=dict)  # student -> pid of their casebook
    used: dict[str, float] = field(default_factory=dict)  # student -> when last used

    def in_use(self, name: str) -> None:
        """Before ``name`` uses their server again: it must still run (not culled yet)."""
        import psutil

        idle = time.monotonic() - self.used[name]
        assert psutil.pid_exists(self.servers[name]), (
            f"{name}'s server was culled while the test used it (idle {idle:.0f} s): "
            "CULL_TIMEOUT is too short for this machine"
        )
        print(f"{name}: server used again after {idle:.0f} s idle")


def _answers(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return True
        time.sleep(0.5)
    return False


def _student_servers(hub: subprocess.Popen[bytes]) -> dict[str, int]:
    """The students' servers running under the hub: student name -> process id."""
    return _under_hub(hub, "jupyterhub-singleuser")


def _casebooks(hub: subprocess.Popen[bytes]) -> dict[str, int]:
    """The casebooks (``casebook start``) running under the hub: student name -> process id."""
    return _under_hub(hub, "casebook", "start")


def _under_hub(hub: subprocess.Popen[bytes], program: str, *args: str) -> dict[str, int]:
    import psutil

    found = {}
    with contextlib.suppress(psutil.Error):
        for proc in psutil.Process(hub.pid).children(recursive=True):
            with contextlib.suppress(psutil.Error):
                line = proc.cmdline()
                at = next((i for i, a in enumerate(line[:2]) if a.endswith("/" + program)), None)
                if at is not None and line[at + 1 : at + 1 + len(args)] == list(args):
                    found[proc.environ().get("JUPYTERHUB_USER", "?")] = proc.pid
    return found


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the hub as a service manager would (SIGTERM: it stops the students' servers and
    its services itself, which takes it up to half a minute), then end anything left."""
    import psutil

    tree = []
    with contextlib.suppress(psutil.Error):
        tree = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    _, left = psutil.wait_procs(tree, timeout=5)
    for proc in left:
        with contextlib.suppress(psutil.Error):
            proc.kill()


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    jupyterhub = HUB_ENV / "bin" / "jupyterhub"
    for need in (jupyterhub, PROXY):
        if not need.is_file():
            pytest.fail(f"{need} is missing: tools/hub_check.sh builds the hub's environment")
    state = tmp_path_factory.mktemp("hub")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "VIRTUAL_ENV"))}
    env.update(
        PATH=f"{HUB_ENV / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        CASEBOOK_HUB_PASSWORD=PASSWORD,
        CASEBOOK_HUB_USERS=",".join(STUDENTS),
        CASEBOOK_HUB_PORT=str(port),
        CASEBOOK_HUB_HUB_PORT=str(free_port()),
        CASEBOOK_HUB_PROXY_API_PORT=str(free_port()),
        CASEBOOK_HUB_STATE=str(state),
        CASEBOOK_HUB_HOMES=str(state / "homes"),
        CASEBOOK_HUB_PROXY=str(PROXY),
        CASEBOOK_HUB_CULL_TIMEOUT=str(CULL_TIMEOUT),
        CASEBOOK_HUB_CULL_EVERY=str(CULL_EVERY),
        CASEBOOK_HUB_ACTIVITY_INTERVAL=str(ACTIVITY),
    )
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("wb") as log:
        process = subprocess.Popen(
            [str(jupyterhub), "-f", str(CONFIG)], cwd=state, env=env, stdout=log, stderr=log
        )
    url = f"http://127.0.0.1:{port}"
    try:
        if not _answers(f"{url}/hub/health", 60):
            pytest.fail(f"the hub did not answer on {url} within 60 s (see {LOG})")
        yield Hub(url=url, homes=state / "homes", process=process)
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"the hub check needs Debian's chromium at {CHROMIUM}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def course(hub: Hub, browser: Any) -> Hub:
    """Both students logged in at once (as a class does), in browsers of their own, each on the
    landing page: the hub starts their servers on their first login."""
    begun = time.monotonic()
    for name in STUDENTS:
        page = browser.new_context().new_page()
        page.goto(f"{hub.url}/hub/login")
        page.fill("#username_input", name)
        page.fill("#password_input", PASSWORD)
        page.click("#login_submit", no_wait_after=True)
        hub.pages[name] = page
    for name, page in hub.pages.items():
        page.wait_for_selector(".casebook-start", timeout=120_000)
        hub.used[name] = time.monotonic()
        took = hub.used[name] - begun
        print(f"{name}: logged in, server started, landing page shown after {took:.1f} s")
    hub.servers = _student_servers(hub.process)
    hub.casebooks = _casebooks(hub.process)
    return hub


def test_each_student_lands_on_the_casebook_on_their_own_server(course: Hub) -> None:
    """Each student's landing page comes from a casebook of their own: ``casebook start``, run
    by jupyter-server-proxy in that student's server, under their base path, with their home."""
    import psutil

    assert sorted(course.servers) == sorted(STUDENTS), course.servers
    assert sorted(course.casebooks) == sorted(STUDENTS), course.casebooks
    for name, page in course.pages.items():
        assert page.url.startswith(f"{course.url}/user/{name}/casebook/")
        assert page.locator(".cb-appbar").count() == 1  # the casebook's own title bar
        assert page.locator("html").get_attribute("lang") == "nl"
        # the title bar's links stay in this student's casebook
        logics = f"/user/{name}/casebook/logicas?lang=nl"
        assert page.locator(f".cb-appbar a[href='{logics}']").count() == 1
        casebook = psutil.Process(course.casebooks[name])
        assert course.servers[name] in [p.pid for p in casebook.parents()]
        line = casebook.cmdline()
        assert line[line.index("--base-path") + 1] == f"/user/{name}/casebook", line
        assert Path(casebook.environ()["HOME"]) == course.homes / name


# Opens a websocket from the page and tells how it went: "open" (and still open 3 s later: the
# proxy opens its side before it reaches the casebook, and closes it when the casebook does not
# answer), "closed <code>", "error" or "no answer".
WEBSOCKET = """url => new Promise(resolve => {
    const ws = new WebSocket(url);
    ws.onopen = () => setTimeout(() => { resolve("open"); ws.close(); }, 3000);
    ws.onerror = () => resolve("error");
    ws.onclose = e => resolve("closed " + e.code);
    setTimeout(() => resolve("no answer"), 20000);
})"""


def test_a_student_cannot_open_another_students_server(course: Hub, browser: Any) -> None:
    anna, bram = STUDENTS
    page = course.pages[anna]
    course.in_use(anna)
    # her own server and casebook let her in (the refusals below are no accident)
    own = page.context.request.get(f"{course.url}/user/{anna}/api/status")
    assert own.status == 200
    own_file = page.context.request.get(f"{course.url}/user/{anna}/casebook{PLOTLY_PATH}")
    assert own_file.status == 200 and own_file.headers["content-type"].startswith("text/javas")
    other = f"{course.url}/user/{bram}/casebook/"
    tab = page.context.new_page()  # a second tab of hers: her landing page stays open
    response = tab.goto(other)
    assert response is not None and response.status == 403, response and response.status
    assert tab.locator(".casebook-start").count() == 0
    tab.close()
    api = page.context.request.get(f"{course.url}/user/{bram}/api/status", max_redirects=0)
    assert api.status in (302, 403), api.status
    assert "/hub/" in (api.headers.get("location") or "/hub/") and api.status != 200
    # his casebook's files: the hub's refusal, followed or not
    for hops in (0, 20):
        file = page.context.request.get(
            f"{course.url}/user/{bram}/casebook{PLOTLY_PATH}", max_redirects=hops
        )
        assert file.status in (302, 403), (hops, file.status)
        assert "/hub/" in (file.headers.get("location") or "/hub/"), file.headers
        assert b"plotly" not in file.body().lower()
    # his casebook's websocket (a session): refused; hers opens
    ws = course.url.replace("http", "ws", 1) + "/user/{}/casebook/jupyter/api/kernels/{}/channels"
    session = f"{ws}?session_id={secrets.token_hex(8)}"
    refused = page.evaluate(WEBSOCKET, session.format(bram, secrets.token_hex(16)))
    assert refused in ("error", "closed 1006"), refused
    assert page.evaluate(WEBSOCKET, session.format(anna, secrets.token_hex(16))) == "open"
    stranger = browser.new_context().new_page()  # no login at all: the hub's login page
    stranger.goto(other)
    assert stranger.url.startswith(f"{course.url}/hub/login")
    assert stranger.locator(".casebook-start").count() == 0
    stranger.context.close()


def test_a_placement_is_saved_in_the_students_own_home(course: Hub) -> None:
    for name, page in course.pages.items():
        course.in_use(name)
        # the landing page's link in its reading order (the notebook's name, made the app's
        # address in this student's casebook by the title bar)
        link = f".cb-content a[href='/user/{name}/casebook/logicas?lang=nl']"
        page.wait_for_selector(link, timeout=30_000)
        page.locator(link).first.click()
        page.wait_for_selector(".casebook-logics", timeout=120_000)
        page.wait_for_url(f"{course.url}/user/{name}/casebook/logicas?lang=nl", timeout=30_000)
        # both charts drawn: plotly.js came from the casebook, under this student's base path;
        # nothing came from outside the hub, nor plotly's lab extension
        page.wait_for_function(f"() => ({DRAWN})() >= 2", timeout=60_000)
        loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
        plotly = f"{course.url}/user/{name}/casebook{PLOTLY_PATH}?v="
        assert any(url.startswith(plotly) for url in loaded), loaded
        outside = [url for url in loaded if not url.startswith(f"{course.url}/")]
        assert not outside, outside
        assert not [url for url in loaded if "jupyterlab-plotly" in url]
        page.locator(".casebook-logics input[type=text]").fill(name.title())
        page.locator("button", has_text=t("control.save", "nl")).click()
        page.wait_for_function(
            "() => document.querySelector('.casebook-logics').innerText.includes('Bewaard in')",
            timeout=30_000,
        )
        folder = course.homes / name / "casebook-plaatsingen"
        saved = sorted(folder.glob(f"plaatsing_{name.title()}_*.csv"))
        assert len(saved) == 1, f"{name}: {sorted(folder.parent.rglob('*'))}"
        said = page.locator(".casebook-logics").inner_text()
        assert f"casebook-plaatsingen/{saved[0].name}" in said  # from the home folder: no
        assert str(course.homes) not in said  # whole path, which names the server's layout
        assert name.title() in saved[0].read_text(encoding="utf-8")
        course.used[name] = time.monotonic()
    for name in STUDENTS:  # each home holds that student's placement and no one else's
        files = sorted(p.name for p in (course.homes / name).rglob("plaatsing_*"))
        assert len(files) == 1 and files[0].startswith(f"plaatsing_{name.title()}_"), files


def test_the_idle_culler_stops_idle_servers(course: Hub) -> None:
    """The students close their pages; within the culler's timeout (plus its interval and the
    servers' activity reports) both servers are stopped by the culler, their homes kept."""
    import psutil

    servers = dict(course.servers)
    assert sorted(servers) == sorted(STUDENTS)
    assert sorted(course.casebooks) == sorted(STUDENTS)
    for page in course.pages.values():
        page.context.close()
    begun = time.monotonic()
    deadline = begun + CULL_TIMEOUT + 3 * (CULL_EVERY + ACTIVITY) + 30
    running = dict(servers)
    while running and time.monotonic() < deadline:
        running = {n: pid for n, pid in running.items() if psutil.pid_exists(pid)}
        time.sleep(1)
    waited = time.monotonic() - begun
    assert not running, f"not culled after {waited:.0f} s: {running}"
    print(f"both servers culled {waited:.0f} s after the pages closed")
    # a server's casebook ends with it (jupyter-server-proxy stops what it started)
    _, left = psutil.wait_procs(
        [psutil.Process(pid) for pid in course.casebooks.values() if psutil.pid_exists(pid)],
        timeout=15,
    )
    assert not left, f"casebooks left running after their servers were culled: {left}"
    log = LOG.read_text(encoding="utf-8", errors="replace")
    for name in STUDENTS:
        assert f"Culling server {name} (inactive for" in log, name
        assert list((course.homes / name).rglob("plaatsing_*.csv")), name  # the home stays
    assert _student_servers(course.process) == {}
    assert _casebooks(course.process) == {}


def _script_versions() -> dict[str, str]:
    script = (ROOT / "tools" / "hub_check.sh").read_text(encoding="utf-8")
    names = {"JUPYTERHUB": "jupyterhub", "IDLE_CULLER": "jupyterhub-idle-culler"}
    names["SERVER_PROXY"] = "jupyter-server-proxy"
    names["PROXY"] = "configurable-http-proxy"
    found = dict(re.findall(r"^([A-Z_]+)=(\d[\w.]*)$", script, flags=re.MULTILINE))
    return {package: found[var] for var, package in names.items()}


def test_the_recipe_names_the_versions_this_check_ran() -> None:
    """deploy/hub/environment.yml, tools/hub_check.sh and what build/hub holds agree: the hub
    recipe is what was tested. The casebook's own stack there is pyproject.toml's."""
    import tomllib

    import yaml

    wanted = _script_versions()
    env = yaml.safe_load((ROOT / "deploy" / "hub" / "environment.yml").read_text("utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    pins = dict(p.split("==", 1) for p in pip if "==" in p)
    hub_parts = ("jupyterhub", "jupyterhub-idle-culler", "jupyter-server-proxy")
    assert {n: pins.get(n) for n in hub_parts} == {n: wanted[n] for n in hub_parts}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    stack = dict(d.split("==", 1) for d in project["dependencies"])
    assert {n: v for n, v in pins.items() if n in stack} == stack
    assert set(pins) == set(stack) | set(hub_parts)
    assert not set(hub_parts) & set(stack)  # the hub's parts are not the casebook's own
    installed = subprocess.run(
        [
            str(HUB_ENV / "bin" / "python"),
            "-c",
            f"from importlib.metadata import version as v;print(*(v(n) for n in {hub_parts!r}))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert installed == [wanted[n] for n in hub_parts]
    package = json.loads((PROXY.resolve().parents[1] / "package.json").read_text("utf-8"))
    assert (package["name"], package["version"]) == (
        "configurable-http-proxy",
        wanted["configurable-http-proxy"],
    )
    recipe = CONFIG.read_text(encoding="utf-8")  # the teacher's install lines name them too
    for name, version in wanted.items():
        assert f"{name}{'@' if name.startswith('configurable') else '=='}{version}" in recipe
