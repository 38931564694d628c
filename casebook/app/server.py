"""The app's one server process: Solara (every reader's session a virtual kernel in this
process) behind a small guard of the casebook's own, run by uvicorn.

The guard (:class:`Guard`, plain ASGI in front of Solara's Starlette app):

- serves the casebook's plotly.js (:data:`PLOTLY_PATH`, with a long cache time: its address
  carries a hash of the file): nothing is fetched from the internet;
- in class mode lets nothing through, no page, websocket or file, without the class token: the
  students' link carries it once (``?token=``), the guard puts it in a cookie and sends the
  browser on to the same address without it, so that it stays off the projector and out of
  the Referer of every later request. The teacher's secret (``?teacher=``) is kept the same way
  for the live page;
- caps the sessions (tabs) of one browser and of the whole server: a websocket for a new
  session beyond either cap is refused;
- refuses a request body over :data:`MAX_BODY` bytes by its Content-Length, before reading it;
  a websocket message over :data:`MAX_MESSAGE` (an upload) is refused by uvicorn before it is
  read.

Stopping: Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed) end the server cleanly; the
sessions are threads of this process, so nothing is left behind.
"""

from __future__ import annotations

import errno
import functools
import gc
import hmac
import html
import logging
import os
import re
import signal
import socket
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from casebook.app.settings import TEACHER_COOKIE, Settings
from casebook.i18n import LANGS
from casebook.pages import LIVE, PAGES
from casebook.papers import Paper, by_address, paper_html
from casebook.text import t

__all__ = [
    "MAX_BODY",
    "PLOTLY_PATH",
    "TOKEN_COOKIE",
    "Guard",
    "build",
    "configure_solara",
    "plotly_address",
    "port_problem",
    "serve",
]

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "casebook-class"
PLOTLY_PATH = "/_casebook/plotly-casebook.min.js"
# The largest request body the server takes: uploads (a neighbourhood, placements, answers)
# come over the websocket; an HTTP body is never needed, so a small one is plenty.
MAX_BODY = 64 * 1024
# The largest websocket message a browser may send (uploads come this way: a neighbourhood's
# file is at most 200 kB, a placements or answers file 100 kB, so a class's forty files fit).
# uvicorn's websockets refuse a larger frame by the length in its header, before its payload
# is read (close code 1009); their default, 16 MiB a message, let a hostile page hold that much
# memory per message.
MAX_MESSAGE = 2 * 2**20
# Solara's kernel websocket: /jupyter/api/kernels/<kernel id>/channels
_KERNEL_WS = "/jupyter/api/kernels/"
_SOLARA_SESSION_COOKIE = "solara-session-id"


def plotly_address() -> str:
    """Where pages load plotly.js from: :data:`PLOTLY_PATH` with a hash of the file."""
    from casebook.views.chart import plotly_digest

    return f"{PLOTLY_PATH}?v={plotly_digest()}"


def port_problem(ip: str, port: int) -> str | None:
    """Why the app cannot listen on ``ip``:``port`` (in one sentence), or None when it can."""
    with socket.socket(socket.AF_INET6 if ":" in ip else socket.AF_INET) as sock:
        if os.name == "posix":  # as uvicorn does: a port just left (TIME_WAIT) is free
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((ip, port))
        except OSError as err:
            if err.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
                return (
                    f"Port {port} on {ip} is in use (is the casebook running already?); "
                    "choose another with --port."
                )
            return f"The casebook cannot listen on {ip}:{port}: {err.strerror or err}."
    return None


def configure_solara(settings: Settings) -> None:
    """Solara's own settings, from ``settings``, set on its settings objects (which it reads
    when it serves): the app to serve, production mode (no tracebacks or reload), telemetry
    off, a fresh session secret, sessions of a browser that has gone ended after
    ``idle_seconds`` (Solara's default is 24 hours), no banner, the plain loader. The caps on
    sessions are the guard's (Solara 1.58 applies its own per-browser cap only with a state
    backend)."""
    # read when Solara's app module is first imported (casebook.app.server.build)
    os.environ["SOLARA_APP"] = "casebook.app.site"
    import solara.server.settings as solara_settings
    import solara.settings

    solara_settings.telemetry.mixpanel_enable = False
    solara_settings.main.mode = "production"
    # a session's messages are queued and sent by the event loop, instead of each send
    # waiting for the loop (a thread switch per widget message: with 30 sessions starting at
    # once, 9-10 s until every one had its widgets; 5.5 s queued)
    solara_settings.main.experimental_performance = True
    # the root path from the settings, never from a request's headers (see Guard.__call__)
    solara_settings.main.root_path = settings.base_path
    solara_settings.session.secret_key = settings.session_secret
    solara_settings.kernel.cull_timeout = f"{settings.idle_seconds}s"
    solara_settings.theme.show_banner = False
    solara_settings.theme.loader = "plain"
    solara_settings.theme.title = "Koppelen en doorschakelen · casebook"
    solara.settings.main.check_hooks = "off"
    # Solara fetches a front-end file it lacks from a CDN and keeps it; the casebook never
    # fetches from the internet: a file that is not on the machine is not found
    solara.settings.assets.cdn = "offline://"
    from casebook.app import site
    from casebook.views import chart

    site.configure(settings)
    chart.use_address(settings.base_path + plotly_address())


def _cookies(scope: Scope) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is no cookie
                continue
    return {key: morsel.value for key, morsel in jar.items()}


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    for name, value in scope.get("headers", []):
        if name == wanted:
            return value
    return None


def _same(given: str, secret: str | None) -> bool:
    return bool(secret) and hmac.compare_digest(given.encode(), secret.encode())


_REFUSED = """<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Koppelen en doorschakelen · casebook</title></head>
<body style="font-family: sans-serif; font-size: 18px; max-width: 40em;
 margin: 2em auto; padding: 0 1em">
<p>{nl}</p><p lang="en">{en}</p>{home}</body></html>"""

_ROOT_HEADERS = frozenset({b"script-name", b"x-script-name"})
# What Solara and the guard serve besides the pages (their own files, websockets, health)
_SOLARAS = ("/_solara/", "/static/", "/jupyter/", "/_casebook/", "/readyz", "/resourcez")
_PAGE_PATHS = frozenset(page.path for page in (*PAGES, LIVE))

_MESSAGES = {
    404: (
        "Deze pagina bestaat niet in het casebook. De pagina's beginnen op de startpagina.",
        "The casebook has no such page. Its pages start on the landing page.",
    ),
    403: (
        "Dit casebook is alleen open met de link van de docent (of de QR-code). Vraag de docent "
        "om de link van deze les.",
        "This casebook only opens with the teacher's link (or its QR code). Ask the teacher for "
        "this lesson's link.",
    ),
    413: (
        "Dit verzoek is te groot voor het casebook.",
        "This request is too large for the casebook.",
    ),
    # the teacher's key asked for in class mode by a browser without the teacher's secret
    "key": (
        "De docentensleutel, met de modelantwoorden, is in de les alleen voor de docent. Het "
        "lesplan en de pagina's van het casebook zijn wel open.",
        "The teacher's key, with the model answers, is for the teacher only during a class. The "
        "lesson plan and the casebook's pages are open.",
    ),
    429: (
        "Er zijn te veel pagina's van het casebook open. Sluit een paar tabbladen en laad deze "
        "pagina opnieuw.",
        "Too many pages of the casebook are open. Close a few tabs and reload this page.",
    ),
}


class Guard:
    """The casebook's guard in front of Solara's app (see the module's docstring)."""

    def __init__(self, inner: ASGIApp, settings: Settings) -> None:
        self.inner, self.settings = inner, settings
        # kernel id -> its browser (Solara's session cookie), for the websockets let in
        self._admitted: dict[str, str] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "lifespan":
            await self.inner(scope, receive, send)
            return
        # Solara takes its root path from these headers of the first page it renders and keeps
        # it for every reader; the casebook's comes from its settings, never from a request
        headers = scope.get("headers", [])
        if any(name in _ROOT_HEADERS for name, _ in headers):
            scope = {**scope, "headers": [(n, v) for n, v in headers if n not in _ROOT_HEADERS]}
        path = scope.get("path", "")
        base = self.settings.base_path
        if base and (path == base or path.startswith(base + "/")):
            path = path[len(base) :] or "/"
            # a proxy passes the whole path (/user/ann/casebook/...): as ASGI has it, the
            # base is then the root_path, below which Solara's routes (its static files, its
            # websocket) are matched
            scope = {**scope, "root_path": base}
        elif base and kind == "http":  # outside the app (a proxy's check that it answers)
            await self._moved(send, base + "/")
            return
        elif base:  # a websocket outside the app
            await self._close(receive, send, 1008)
            return
        if kind == "http":
            await self._http(scope, receive, send, path)
        elif kind == "websocket":
            await self._websocket(scope, receive, send, path)

    # --- HTTP ---------------------------------------------------------------------------

    async def _http(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        length = _header(scope, b"content-length")
        if (length and (not length.isdigit() or int(length) > MAX_BODY)) or (
            _header(scope, b"transfer-encoding") is not None
        ):
            await self._refuse(send, 413)
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        cookies = _cookies(scope)
        if self.settings.class_mode:
            given = query.get("token")
            if given is not None and _same(given, self.settings.token):
                await self._keep(path, send, query, TOKEN_COOKIE, "token", given)
                return
            if not _same(cookies.get(TOKEN_COOKIE, ""), self.settings.token):
                await self._refuse(send, 403)
                return
            teacher = query.get("teacher")
            if teacher is not None:
                if _same(teacher, self.settings.teacher_secret):
                    await self._keep(path, send, query, TEACHER_COOKIE, "teacher", teacher)
                else:
                    await self._refuse(send, 403)
                return
        if scope.get("method") in ("GET", "HEAD") and not path.startswith(_SOLARAS):
            paper = by_address(path) if path not in _PAGE_PATHS else None
            if paper is not None:  # a page of its own: no session, no websocket
                await self._paper(send, paper, cookies)
                return
            if path not in _PAGE_PATHS:
                await self._refuse(send, 404)
                return
            if not self._room_for(None, cookies):
                await self._refuse(send, 429)  # the websocket would be refused: say why
                return
        if path == PLOTLY_PATH and scope.get("method") in ("GET", "HEAD"):
            await self._plotly(send)
            return
        await self.inner(scope, receive, send)

    async def _keep(
        self, path: str, send: Send, query: dict[str, str], cookie: str, name: str, value: str
    ) -> None:
        """Put a secret from the address in a cookie and send the browser on without it: to the
        page asked for when it is one of the casebook's, else to the landing page (never to an
        address a link made up, which could lead elsewhere)."""
        rest = urlencode({k: v for k, v in query.items() if k != name})
        page = path if path in _PAGE_PATHS else "/"
        target = self.settings.base_path + page + (f"?{rest}" if rest else "")
        base = self.settings.base_path or "/"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", target.encode("latin-1")),
                    (b"cache-control", b"no-store"),
                    (b"referrer-policy", b"no-referrer"),
                    (
                        b"set-cookie",
                        f"{cookie}={value}; Path={base}; HttpOnly; SameSite=Lax".encode("latin-1"),
                    ),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    @staticmethod
    async def _moved(send: Send, target: str) -> None:
        headers = [(b"location", target.encode("latin-1")), (b"content-length", b"0")]
        await send({"type": "http.response.start", "status": 307, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _paper(self, send: Send, paper: Paper, cookies: dict[str, str]) -> None:
        """One of the teacher's papers (casebook.papers). In class mode the key, which holds the
        model answers, only to the browser that showed the teacher's secret: the students came
        in with the same link as the teacher, so the link alone does not tell them apart."""
        settings = self.settings
        if (
            paper.kind == "key"
            and settings.class_mode
            and not _same(cookies.get(TEACHER_COOKIE, ""), settings.teacher_secret)
        ):
            await self._refuse(send, 403, "key")
            return
        # the key must not stay in a shared machine's cache
        await _respond(
            send, 200, _paper_bytes(paper), b"text/html", (b"cache-control", b"no-store")
        )

    async def _refuse(self, send: Send, status: int, why: int | str | None = None) -> None:
        nl, en = _MESSAGES[why or status]
        home = (
            f'<p><a href="{html.escape(self.settings.base_path or "")}/">Start</a></p>'
            if status == 404 or why == "key"
            else ""
        )
        body = _REFUSED.format(nl=html.escape(nl), en=html.escape(en), home=home).encode("utf-8")
        await _respond(
            send,
            status,
            body,
            b"text/html",
            (b"cache-control", b"no-store"),
            (b"connection", b"close"),
        )

    async def _plotly(self, send: Send) -> None:
        cache = (b"cache-control", b"public, max-age=31536000, immutable")
        await _respond(send, 200, _plotly_bytes(), b"text/javascript", cache)

    # --- websockets ---------------------------------------------------------------------

    async def _websocket(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        cookies = _cookies(scope)
        if self.settings.class_mode and not _same(
            cookies.get(TOKEN_COOKIE, ""), self.settings.token
        ):
            await self._close(receive, send, 1008)
            return
        if not path.startswith(_KERNEL_WS):
            await self.inner(scope, receive, send)
            return
        kernel_id = path[len(_KERNEL_WS) :].split("/", 1)[0]
        # checked and counted in one step of the event loop (no await between): sessions that
        # arrive at the same moment are counted before Solara has made any of them
        if not self._room_for(path, cookies):
            await self._close(receive, send, 1013)
            return
        self._admitted[kernel_id] = cookies.get(_SOLARA_SESSION_COOKIE, "")
        try:
            await self.inner(scope, receive, send)
        finally:
            self._admitted.pop(kernel_id, None)

    def _room_for(self, path: str | None, cookies: dict[str, str]) -> bool:
        """True when a websocket for the session at ``path`` may open (or, for None, a page may
        be served for a new session): it is a session that exists already (a reconnect), or
        neither its browser nor the server is at its cap."""
        from solara.server import kernel_context

        # Runs on the event loop only, so nothing of ours changes meanwhile; Solara's sessions
        # are made in other threads: taken as one list (a single step for Python), not iterated.
        kernel_id = path[len(_KERNEL_WS) :].split("/", 1)[0] if path else ""
        existing = list(kernel_context.contexts.items())
        if kernel_id and (kernel_id in dict(existing) or kernel_id in self._admitted):
            return True  # a session that exists (a reconnect)
        # every session: Solara's, and those let in whose session Solara is still making
        sessions = {k: c.session_id for k, c in existing}
        sessions.update(self._admitted)
        if len(sessions) >= self.settings.max_sessions:
            log.warning("refused a new session: the server holds %d", len(sessions))
            return False
        # a browser without Solara's cookie counts as one browser with every other such
        browser = cookies.get(_SOLARA_SESSION_COOKIE, "")
        mine = sum(1 for owner in sessions.values() if owner == browser)
        if mine >= self.settings.sessions_per_browser:
            log.warning("refused a new session: its browser holds %d", mine)
            return False
        return True

    @staticmethod
    async def _close(receive: Receive, send: Send, code: int) -> None:
        message = await receive()
        if message["type"] == "websocket.connect":
            await send({"type": "websocket.close", "code": code})


@functools.cache
def _paper_bytes(paper: Paper) -> bytes:
    """A paper's page, rendered once per process. Its links are relative: to the other papers
    beside it and to the landing page (``./``), so that they hold below a base path too."""
    page = paper_html(paper, href=lambda other: other.address, home=f"./?lang={paper.lang}")
    return page.encode("utf-8")


_NO_STORE = (b"cache-control", b"no-store")


async def _respond(
    send: Send, status: int, body: bytes, kind: bytes, *headers: tuple[bytes, bytes]
) -> None:
    """A whole response: ``body`` as UTF-8 text of MIME type ``kind``, with ``headers``."""
    start = [(b"content-type", kind + b"; charset=utf-8"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": start + list(headers)})
    await send({"type": "http.response.body", "body": body})


@functools.cache
def _plotly_bytes() -> bytes:
    from casebook.views.chart import plotly_file

    return plotly_file().read_bytes()


class _NoEvents:
    """IPython's event hooks, with nothing registered (see :func:`_lighten_solara`)."""

    def trigger(self, *args: Any, **kwargs: Any) -> None:
        return None

    def register(self, *args: Any, **kwargs: Any) -> None:
        return None

    def unregister(self, *args: Any, **kwargs: Any) -> None:
        return None


# Solara's own messages on its page (solara/server/templates/solara.html.j2 and its loader, at
# the pinned version), each replaced by the casebook's text in both languages, of which the
# page's CSS shows the one of <html lang> (casebook.css: .cb-t-nl, .cb-t-en). Whitespace in the
# patterns matches any run of it.
SOLARA_MESSAGES: tuple[tuple[str, str], ...] = (
    ("<h1>{{ loading_text }}</h1>", "<h1>{app.starting}</h1>"),
    (
        "App is disconnected, and may not function properly. Please refresh the page.",
        "{app.cut_off}",
    ),
    ("Server disconnected.", "{app.server_gone}"),
    ("Restoring session…", "{app.restoring}"),
    (
        'text-h5 grey lighten-2">Please refresh the page<',
        'text-h5 grey lighten-2">{app.reload_title}<',
    ),
    (
        # as production mode (the casebook's) has it
        "Could not restore session. Please refresh.",
        "{app.reload_why}",
    ),
    ("Refresh now", "{app.reload_now}"),
    (
        '@click="setCancelAutoRefresh()"> Cancel',
        '@click="setCancelAutoRefresh()"> {app.reload_cancel}',
    ),
)


def _both(key: str) -> str:
    return "".join(
        f'<span class="cb-t-{lang}" lang="{lang}">{html.escape(t(key, lang))}</span>'
        for lang in LANGS
    )


def translate_solara(page: str) -> str:
    """Solara's page with its messages (the loader, a lost connection, a session that could not
    be restored) in the casebook's words and both languages; a message not found (a Solara
    that changed its page) is logged and left as it is."""
    for english, ours in SOLARA_MESSAGES:
        pattern = r"\s+".join(re.escape(word) for word in english.split())
        replacement = re.sub(r"\{(app\.[a-z_]+)\}", lambda m: _both(m.group(1)), ours)
        page, found = re.subn(pattern, lambda _m, r=replacement: r, page)
        if not found:
            log.warning("Solara's page has no %r: left in English", english)
    return page


def _light_shell_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """Solara 1.58.2's ``SolaraInteractiveShell.__init__``, without loading the script magics
    to find their exit hook (see :func:`_lighten_solara`)."""
    import atexit

    from IPython.core.interactiveshell import InteractiveShell

    InteractiveShell.__init__(self, *args, **kwargs)
    atexit.unregister(self.atexit_operations)
    registry = self.magics_manager.registry if self.magics_manager else {}
    if "ScriptMagics" in registry:  # a plain lookup: it does not load them
        atexit.unregister(registry["ScriptMagics"].kill_bg_processes)


def _lighten_solara() -> None:
    """Two costs of Solara 1.58 that a class pays on every widget message and page load, taken
    off (measured with py-spy while 30 readers opened the compare page at once: together about
    a sixth of the process's time):

    - every widget message from a browser asks for IPython's shell, which in Solara is a new
      stand-in whose ``events`` is a ``MagicMock``; the comm library calls
      ``events.trigger(...)`` twice per message, and a MagicMock builds a child mock for it
      (5 % of the time). The stand-in gets hooks that do nothing, as a mock's do.
    - every page load renders Solara's page template again, hashing its static files (11 %).
      The page is the same for every load of an address, so it is rendered once per address.
    - every new session's IPython shell looks up IPython's script magics (``%%bash`` and
      kin) only to unregister the exit hook they register when they load; in IPython 9 magics
      load on first use, so the lookup itself loads them, building an argument parser per
      interpreter (10 % of the time while 30 readers opened the compare page). The shell
      unregisters the hook only if the magics were loaded; nothing here ever uses them.
    """
    from solara.server import server as solara_server  # first: Solara's own import order

    # isort: split
    from solara.server import patch as solara_patch
    from solara.server import shell as solara_shell

    fake = solara_patch.FakeIPython
    if not getattr(fake, "_casebook_events", False):
        fake._casebook_original_init = fake.__init__

        def __init__(self: Any, context: Any) -> None:
            # Solara 1.58.2's, with hooks that do nothing for its MagicMock (making one was
            # itself 3 % of a class's wave: it is made on every message)
            self.context = context
            self.kernel = context.kernel
            self.display_pub = self.kernel.shell.display_pub
            self.events = _NoEvents()
            self.user_ns = {}
            self.custom_exceptions = ()

        fake.__init__ = __init__
        fake._casebook_events = True
    shell = solara_shell.SolaraInteractiveShell
    if not getattr(shell, "_casebook_light", False):
        shell._casebook_original_init = shell.__init__
        shell.__init__ = _light_shell_init
        shell._casebook_light = True
    if not getattr(solara_server.read_root, "_casebook_cached", False):
        read_root = solara_server.read_root
        rendered: dict[tuple[Any, ...], str | None] = {}

        def cached(path: str, root_path: str = "", *args: Any, **kwargs: Any) -> str | None:
            if args or kwargs:  # Solara's own other uses (static site generation): as they were
                return read_root(path, root_path, *args, **kwargs)
            key = (path, root_path)
            if key not in rendered:
                page = read_root(path, root_path)
                rendered[key] = translate_solara(page) if page is not None else None
            return rendered[key]

        cached._casebook_cached = True  # type: ignore[attr-defined]
        solara_server.read_root = cached


def build(settings: Settings) -> ASGIApp:
    """The app for ``settings``: Solara's app, configured, behind the guard."""
    import warnings

    from casebook.charts.base import check_figures

    # Solara warns on every page load over plain http that its cookie cannot be SameSite=None;
    # the casebook is served over http on a laptop, and Lax is what it wants.
    warnings.filterwarnings("ignore", message="Cookies with samesite=none require https")
    # the pages build figures the tests have checked: without plotly's schema check again, which
    # cost 3.5-9 ms of every control change (casebook.charts.base)
    check_figures(False)
    configure_solara(settings)
    from solara.server.starlette import app as solara_app

    _lighten_solara()

    return Guard(solara_app, settings)


def _quiet_stop(server: type) -> type:
    """uvicorn's ``server`` class without raising a stop signal again after its shutdown (it
    does, for whoever runs it): that killed the process by SIGTERM and turned Ctrl-C into a
    KeyboardInterrupt traceback, before :func:`casebook.app.start` could say it had stopped."""

    class Server(server):  # type: ignore[misc, valid-type]
        def handle_exit(self, sig: int, frame: Any) -> None:
            super().handle_exit(sig, frame)
            self._captured_signals.clear()

    return Server


class _Server:
    """uvicorn's server, stopped cleanly by SIGHUP too (a closed terminal)."""

    def __init__(self, settings: Settings) -> None:
        import uvicorn

        config = uvicorn.Config(
            build(settings),
            host=settings.ip,
            port=settings.port,
            log_level="warning",
            access_log=False,
            loop="asyncio",
            ws_max_size=MAX_MESSAGE,
            # no compression of websocket messages: on a classroom's network it costs the one
            # process CPU that every student waits for
            ws_per_message_deflate=False,
            timeout_graceful_shutdown=5,
            server_header=False,
        )
        self.server = _quiet_stop(uvicorn.Server)(config)

    def run(self) -> int:
        hangup = getattr(signal, "SIGHUP", None)
        previous = None
        if hangup is not None and signal.getsignal(hangup) is not signal.SIG_IGN:
            previous = signal.signal(hangup, self.server.handle_exit)
        try:
            self.server.run()
        finally:
            if previous is not None:
                signal.signal(hangup, previous)
        return 0 if self.server.started else 1


# Python's cyclic garbage collector, tuned for one process that holds a class: every widget
# a reader is sent makes a few thousand objects, and with Python's default thresholds a class
# arriving at once set off a collection every 700 of them and a full one of the whole heap
# every few hundred, a sixth of the server's time while 100 opened the compare page (measured
# with gc.callbacks). Collections stay (a closed session's widgets hold cycles), rarer.
GC_THRESHOLDS = (10_000, 50, 50)


def tune_gc() -> None:
    """Set :data:`GC_THRESHOLDS`."""
    gc.set_threshold(*GC_THRESHOLDS)


def freeze_heap() -> None:
    """Collect once, then leave what exists now (the libraries, the data, the warmed-up pages'
    shared look-ups) out of every later collection, which then walks only what sessions made
    (``gc.freeze``)."""
    gc.collect()
    gc.freeze()


def warm_up(settings: Settings) -> None:
    """Build every page once in a session of no one's, and throw it away: what is built once
    per process (the data loaded and checked, the prose rendered, the look-ups of every page,
    plotly's and pandas' own first-use work) is then ready before the first student arrives.
    Run in a thread of its own at start; a failure is logged, and the readers' pages build as
    they would have."""
    from solara.server import kernel, kernel_context

    from casebook.app.site.session import Session

    context = kernel_context.VirtualKernelContext(
        id="casebook-warm-up", session_id="casebook-warm-up", kernel=kernel.Kernel()
    )
    try:
        with context:
            session = Session(settings, None)
            folder = settings.notebooks_dir()
            for page in PAGES:
                if (folder / page.notebook).is_file():  # a folder of one's own may hold a few
                    session.build(page)
    except Exception:
        log.exception("warming up the pages failed")
    finally:
        try:
            context.close()
        except Exception:
            log.exception("closing the warm-up session failed")
        freeze_heap()


def serve(settings: Settings, ready: Callable[[], None] | None = None) -> int:
    """Serve the casebook with ``settings`` until stopped; ``ready`` is called (in a thread)
    once the server answers."""
    server = _Server(settings)
    tune_gc()
    threading.Thread(target=warm_up, args=(settings,), name="casebook-warm-up", daemon=True).start()
    if ready is not None:

        def wait() -> None:
            deadline = time.monotonic() + 120
            while not server.server.started and time.monotonic() < deadline:
                time.sleep(0.1)
            if server.server.started:
                ready()

        threading.Thread(target=wait, daemon=True).start()
    return server.run()


def main() -> int:
    """``python -m casebook.app.server``: what ``casebook start`` runs, with the settings a test
    or benchmark gives in :data:`~casebook.app.settings.SETTINGS_ENV` (JSON), so that secrets
    never appear on a command line."""
    from casebook.app import start
    from casebook.app.settings import SETTINGS_ENV, settings_from_json

    text = os.environ.pop(SETTINGS_ENV, "")
    return start(settings_from_json(text) if text else Settings(open_browser=False))


if __name__ == "__main__":
    raise SystemExit(main())
