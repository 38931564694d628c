r"""JupyterHub for a course with the casebook: each student logs in and gets a server of their own,
in which the casebook runs as a teacher runs it (``casebook start``, one process, behind
jupyter-server-proxy); it opens on the casebook's landing page and saves into the student's home.

This is the configuration tests/test_hub.py starts (JupyterHub 6.1.1, configurable-http-proxy
5.3.0, jupyterhub-idle-culler 2.0.0, jupyter-server-proxy 4.6.0; ``tools/hub_check.sh`` builds
that environment). A teacher can use it as a recipe to try a hub on one machine
(deploy/hub/README.md, LEESMIJ.md)::

    python3 -m venv hub-env
    hub-env/bin/pip install -c constraints.txt -e . jupyterhub==6.1.1 \
        jupyterhub-idle-culler==2.0.0 jupyter-server-proxy==4.6.0
    npm install --prefix hub-env configurable-http-proxy@5.3.0
    export CASEBOOK_HUB_PASSWORD='a class password' CASEBOOK_HUB_USERS='anna,bram'
    export CASEBOOK_HUB_PROXY=$PWD/hub-env/node_modules/.bin/configurable-http-proxy
    hub-env/bin/jupyterhub -f deploy/hub/jupyterhub_config.py

Students then open http://<this machine>:8000/ and log in with their name and the class password;
they land on /user/<name>/casebook/.

How the casebook runs there: each student's Jupyter server (``jupyterhub-singleuser``) has
jupyter-server-proxy, which starts ``casebook start --no-browser --port <free port> --base-path
/user/<name>/casebook`` the first time the student opens /user/<name>/casebook/ and passes that
address's requests and websockets on to it, whole (the casebook serves under that base path).
Only the student (and the hub's admins) get past their server's login, so the casebook needs no
class token there. Proxied traffic counts as the server's activity, which the server reports to
the hub, so the idle culler stops a server whose casebook nobody uses. The settings of
jupyter-server-proxy are the server's, not the hub's: this file writes them
(:func:`casebook_server`) to ``jupyter_server_config.json`` in CASEBOOK_HUB_STATE/singleuser,
which the students' servers read (JUPYTER_CONFIG_PATH).

What it is not: a production hub. Logins are one shared class password (JupyterHub's
``SharedPasswordAuthenticator``: whoever has it can log in under any listed name) and every
student's server runs as the hub's own operating-system user (``SimpleLocalProcessSpawner``:
their homes are folders under CASEBOOK_HUB_HOMES, kept apart by the hub's logins, not by the
operating system). For a real course keep the casebook part (:func:`casebook_server` and the
spawner's ``default_url`` and ``environment``) and swap these two for the institution's login
(e.g. ``c.JupyterHub.authenticator_class = "pam"`` or an OAuth/LTI authenticator) and a spawner
that isolates students (``LocalProcessSpawner`` with system users, DockerSpawner, or Zero to
JupyterHub on Kubernetes; there, put the same ``ServerProxy.servers`` in the image's Jupyter
configuration), behind TLS.

Settings, all from the environment (a wrong value stops the hub with a message naming it):

- CASEBOOK_HUB_PASSWORD  the class password, at least 8 characters (required)
- CASEBOOK_HUB_USERS     the students' login names, comma-separated (required)
- CASEBOOK_HUB_IP, CASEBOOK_HUB_PORT  where students connect (127.0.0.1, 8000; put a TLS proxy
  in front before opening it to a network)
- CASEBOOK_HUB_HUB_PORT, CASEBOOK_HUB_PROXY_API_PORT  the hub's internal ports (8081, 8001)
- CASEBOOK_HUB_STATE     the hub's database, cookie secret and proxy pid file, and the students'
  servers' Jupyter configuration in singleuser/ (working folder)
- CASEBOOK_HUB_HOMES     the folder with one home per student (CASEBOOK_HUB_STATE/homes)
- CASEBOOK_HUB_PROXY     the configurable-http-proxy program (found on PATH)
- CASEBOOK_HUB_CULL_TIMEOUT, CASEBOOK_HUB_CULL_EVERY  seconds of inactivity after which the
  idle culler stops a student's server, and how often it looks (3600, 300)
- CASEBOOK_HUB_ACTIVITY_INTERVAL  how often a student's server tells the hub it was used (300)
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

c = get_config()  # type: ignore[name-defined]  # noqa: F821 (JupyterHub provides it)

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,31}$")
# where the casebook is in each student's server: /user/<name>/casebook/
CASEBOOK_PATH = "casebook"


def _fail(name: str, problem: str) -> None:
    raise SystemExit(f"deploy/hub/jupyterhub_config.py: {name} {problem}")


def _text(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if default is None:
        _fail(name, "is not set (see the list of settings at the top of this file)")
    return default  # type: ignore[return-value]


def _seconds(name: str, default: int, low: int = 1) -> int:
    raw = _text(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if value < low:
        _fail(name, f"must be a whole number of seconds, at least {low}; it is {raw!r}")
    return value


def _port(name: str, default: int) -> int:
    raw = _text(name, str(default))
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        _fail(name, f"must be a port number between 1 and 65535; it is {raw!r}")
    return int(raw)


def _beside_python(program: str) -> Path:
    """``program`` from the environment this hub runs in (the students' servers run there too)."""
    found = Path(sys.executable).with_name(program)
    if not found.is_file():
        raise SystemExit(
            f"deploy/hub/jupyterhub_config.py: {program} is missing beside {sys.executable}: "
            "install the casebook and jupyterhub in the same environment"
        )
    return found


def casebook_server(casebook: Path) -> dict[str, Any]:
    """jupyter-server-proxy's entry for the casebook in a student's Jupyter server (its
    ``ServerProxy.servers``): the first request to /user/<name>/casebook/ starts
    ``casebook start`` on a free port (``{port}``) under that base path (``{base_url}`` is
    /user/<name>/); every request and websocket there is passed on with its whole path
    (``absolute_url``); the first start may take a while on a busy machine (``timeout``); and
    JupyterLab's launcher shows it as "Casebook"."""
    return {
        "command": [
            str(casebook),
            "start",
            "--no-browser",
            "--port",
            "{port}",
            "--base-path",
            "{base_url}" + CASEBOOK_PATH,
        ],
        "absolute_url": True,
        "timeout": 60,
        "launcher_entry": {"title": "Casebook"},
    }


password = _text("CASEBOOK_HUB_PASSWORD")
if len(password) < 8:
    _fail("CASEBOOK_HUB_PASSWORD", f"must be at least 8 characters; it has {len(password)}")
users = [u.strip() for u in _text("CASEBOOK_HUB_USERS").split(",") if u.strip()]
for user in users:
    if not _USERNAME.match(user):
        _fail(
            "CASEBOOK_HUB_USERS",
            f"has {user!r}: a login name is lower-case letters, digits, '.', '_' or '-' "
            "(at most 32, starting with a letter or digit)",
        )
state = Path(_text("CASEBOOK_HUB_STATE", str(Path.cwd()))).resolve()
homes = Path(_text("CASEBOOK_HUB_HOMES", str(state / "homes"))).resolve()
state.mkdir(parents=True, exist_ok=True)
homes.mkdir(parents=True, exist_ok=True)
proxy = _text("CASEBOOK_HUB_PROXY", "configurable-http-proxy")
if shutil.which(proxy) is None:
    _fail("CASEBOOK_HUB_PROXY", f"names {proxy!r}, which is not a program that can run here")
singleuser = _beside_python("jupyterhub-singleuser")
casebook = _beside_python("casebook")
if importlib.util.find_spec("jupyter_server_proxy") is None:
    raise SystemExit(
        f"deploy/hub/jupyterhub_config.py: jupyter-server-proxy is missing in {sys.prefix}: "
        "install jupyter-server-proxy==4.6.0 there (it runs the casebook in students' servers)"
    )
cull_timeout = _seconds("CASEBOOK_HUB_CULL_TIMEOUT", 3600)
cull_every = _seconds("CASEBOOK_HUB_CULL_EVERY", 300)
activity = _seconds("CASEBOOK_HUB_ACTIVITY_INTERVAL", 300)

# --- the hub and its proxy -------------------------------------------------------------------
c.JupyterHub.ip = _text("CASEBOOK_HUB_IP", "127.0.0.1")
c.JupyterHub.port = _port("CASEBOOK_HUB_PORT", 8000)
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = _port("CASEBOOK_HUB_HUB_PORT", 8081)
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{_port('CASEBOOK_HUB_PROXY_API_PORT', 8001)}"
c.ConfigurableHTTPProxy.command = [proxy]
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the students' servers

# --- logins: the listed students, one class password -----------------------------------------
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = password
c.Authenticator.allowed_users = set(users)

# --- each student's server: the casebook behind jupyter-server-proxy, in their own home -------
# The students' servers read jupyter-server-proxy's settings from their own Jupyter
# configuration, not from this file: written here for them.
singleuser_config = state / "singleuser"
singleuser_config.mkdir(exist_ok=True)
(singleuser_config / "jupyter_server_config.json").write_text(
    json.dumps({"ServerProxy": {"servers": {CASEBOOK_PATH: casebook_server(casebook)}}}, indent=2),
    encoding="utf-8",
)
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(homes / "{username}")
c.Spawner.cmd = [str(singleuser)]
c.Spawner.default_url = f"/{CASEBOOK_PATH}/"  # the casebook's landing page
c.Spawner.args = []
if os.geteuid() == 0:  # a hub run as root runs the students' servers as root too
    c.Spawner.args.append("--allow-root")
c.Spawner.environment = {
    "JUPYTER_CONFIG_PATH": str(singleuser_config),
    "JUPYTERHUB_ACTIVITY_INTERVAL": str(activity),
}
c.Spawner.http_timeout = 60  # a busy machine takes a while to start a server
c.Spawner.start_timeout = 120

# --- idle servers are stopped (their homes stay) ---------------------------------------------
# A server's activity includes the requests and websocket messages jupyter-server-proxy passes
# to the casebook; the server reports it to the hub every CASEBOOK_HUB_ACTIVITY_INTERVAL.
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={cull_timeout}",
            f"--cull-every={cull_every}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
