"""A reader's browser tab as a protocol client of the app (casebook/app/server.py), for tests that
need a session but no Chromium: what Solara's page does when it opens.

1. :func:`visit` GETs a page as a browser does (following the class token's redirect) and keeps
   the cookies it is given (the class cookie, the teacher's, Solara's session cookie).
2. :class:`Tab` opens a new session's websocket (``/jupyter/api/kernels/<new id>/channels``)
   with those cookies, opens Solara's ``solara.control`` comm and asks it to ``run`` the app at
   the page's path. The server opens a comm for every widget of the page, with its state, and
   answers ``finished``: the page is built. :attr:`Tab.states` holds every widget's state.
"""

from __future__ import annotations

import http.cookiejar
import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from typing import Any

__all__ = ["Refused", "Tab", "decode", "message", "visit"]


def visit(url: str, cookies: dict[str, str] | None = None, timeout: float = 60) -> dict[str, str]:
    """GET ``url`` as a browser would, with ``cookies``; the browser's cookies afterwards.
    An HTTP error is raised (urllib.error.HTTPError)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    request = urllib.request.Request(url)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    with opener.open(request, timeout=timeout) as response:
        response.read()
    return {**(cookies or {}), **{cookie.name: cookie.value for cookie in jar}}


def message(msg_type: str, content: dict[str, Any], session: str) -> str:
    """A Jupyter message on the shell channel as a browser's widget manager sends it."""
    return json.dumps(
        {
            "channel": "shell",
            "header": {
                "msg_id": uuid.uuid4().hex,
                "msg_type": msg_type,
                "session": session,
                "username": "",
                "version": "5.3",
                "date": "2026-01-01T00:00:00Z",
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
            "buffers": [],
        }
    )


def decode(frame: bytes | str) -> dict[str, Any]:
    """A frame from the server as a message (binary frames carry buffers)."""
    if isinstance(frame, str):
        return json.loads(frame)
    import struct

    count = struct.unpack("!I", frame[:4])[0]
    offsets = struct.unpack("!" + "I" * count, frame[4 : 4 + 4 * count])
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0] : end])


class Refused(Exception):
    """The server refused the websocket (its handshake's HTTP status in ``status``)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"the websocket was refused with HTTP {status}")
        self.status = status


class Tab:
    """One browser tab on the page at ``path`` ("/" is the landing page; a query may follow):
    a session of its own, with the browser's ``cookies``. ``kernel_id`` reconnects to a
    session that exists (as a tab does after a network hiccup)."""

    def __init__(
        self,
        base_url: str,
        path: str = "/",
        cookies: dict[str, str] | None = None,
        *,
        kernel_id: str | None = None,
        timeout: float = 60,
    ) -> None:
        self.base_url, self.path, self.cookies = base_url, path, dict(cookies or {})
        self.kernel_id = kernel_id or str(uuid.uuid4())
        self.page_id = uuid.uuid4().hex
        self.timeout = timeout
        self.states: dict[str, dict[str, Any]] = {}
        self.received: list[dict[str, Any]] = []
        self.ws: Any = None
        self.control = uuid.uuid4().hex

    @property
    def ws_url(self) -> str:
        return (
            self.base_url.replace("http://", "ws://")
            + f"/jupyter/api/kernels/{self.kernel_id}/channels?session_id={self.page_id}"
        )

    def connect(self) -> Tab:
        """Open the session's websocket; :class:`Refused` when the server refuses it."""
        import websocket  # websocket-client

        header = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.ws = websocket.create_connection(self.ws_url, timeout=self.timeout, cookie=header)
        except websocket.WebSocketBadStatusException as err:
            raise Refused(err.status_code) from err
        return self

    def open(self) -> Tab:
        """Connect and run the app at :attr:`path`; returns once the page is built."""
        if self.ws is None:
            self.connect()
        control = {"comm_id": self.control, "target_name": "solara.control", "data": {}}
        self.send("comm_open", control)
        run = {"method": "run", "args": {"path": self.path, "appName": "__default__"}}
        self.send("comm_msg", {"comm_id": self.control, "data": run})

        def built(msg: dict[str, Any]) -> bool:
            return msg["content"].get("comm_id") == self.control and _method(msg) == "finished"

        self.wait(built)
        return self

    # --- sending ---------------------------------------------------------------------------

    def send(self, msg_type: str, content: dict[str, Any]) -> None:
        self.ws.send(message(msg_type, content, self.page_id))

    def send_raw(self, frame: str | bytes) -> None:
        """Send ``frame`` as it is (text or binary), whatever it holds."""
        if isinstance(frame, bytes):
            self.ws.send_binary(frame)
        else:
            self.ws.send(frame)

    def update(self, model_id: str, state: dict[str, Any]) -> None:
        """Change a widget as the browser does (a control the reader moved)."""
        data = {"method": "update", "state": state, "buffer_paths": []}
        self.send("comm_msg", {"comm_id": model_id, "data": data})

    def custom(self, model_id: str, content: Any) -> None:
        """A widget's custom message from the browser (``model.send(content)``)."""
        data = {"method": "custom", "content": content}
        self.send("comm_msg", {"comm_id": model_id, "data": data})

    # --- receiving -------------------------------------------------------------------------

    def wait(self, done: Callable[[dict[str, Any]], bool], timeout: float | None = None) -> None:
        """Read messages (keeping every widget's state) until ``done(message)``; TimeoutError."""
        import websocket

        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the server did not answer in time")
            self.ws.settimeout(left)
            try:
                frame = self.ws.recv()
            except websocket.WebSocketTimeoutException as err:
                raise TimeoutError("the server did not answer in time") from err
            if not frame:
                raise ConnectionError("the server closed the websocket")
            msg = decode(frame)
            self.received.append(msg)
            self._keep(msg)
            if done(msg):
                return

    def roundtrip(self, timeout: float | None = None) -> None:
        """Ask for the session's comm info and wait for the answer: the server has handled
        everything sent before (one session's messages are handled in order)."""
        sent = message("comm_info_request", {}, self.page_id)
        msg_id = json.loads(sent)["header"]["msg_id"]
        self.ws.send(sent)
        self.wait(lambda m: m.get("parent_header", {}).get("msg_id") == msg_id
                  and m["header"]["msg_type"] == "comm_info_reply", timeout)  # fmt: skip

    def _keep(self, msg: dict[str, Any]) -> None:
        kind = msg.get("header", {}).get("msg_type")
        content = msg.get("content", {})
        data = content.get("data") or {}
        if kind == "comm_open":
            self.states[content["comm_id"]] = dict(data.get("state", {}))
        elif kind == "comm_msg" and data.get("method") == "update":
            self.states.setdefault(content["comm_id"], {}).update(data.get("state", {}))
        elif kind == "comm_close":
            self.states.pop(content.get("comm_id"), None)

    # --- what the page shows ---------------------------------------------------------------

    def text(self) -> str:
        """Every widget's state as one text (what a reader could be shown, and more)."""
        return json.dumps(self.states, ensure_ascii=False)

    def with_class(self, css: str) -> list[str]:
        """The ids of the widgets that carry the CSS class ``css`` (without its dot)."""
        return [i for i, s in self.states.items() if css in (s.get("_dom_classes") or [])]

    def model(self, name: str) -> list[str]:
        """The ids of the widgets of model ``name`` ("DropdownModel")."""
        return [i for i, s in self.states.items() if s.get("_model_name") == name]

    def closed(self, timeout: float = 10) -> bool:
        """True when the server closes this websocket within ``timeout`` seconds."""
        try:
            self.wait(lambda m: False, timeout)
        except ConnectionError:
            return True
        except TimeoutError:
            return False
        except OSError:
            return True
        return False

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None

    def __enter__(self) -> Tab:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _method(msg: dict[str, Any]) -> str | None:
    data = msg.get("content", {}).get("data") or {}
    return data.get("method") if isinstance(data, dict) else None


def status(url: str, cookies: dict[str, str] | None = None, **kwargs: Any) -> int:
    """The HTTP status of a GET of ``url`` (no redirect followed)."""
    response = fetch(url, cookies, **kwargs)
    return response[0]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def fetch(
    url: str,
    cookies: dict[str, str] | None = None,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    data: bytes | None = None,
    timeout: float = 60,
) -> tuple[int, dict[str, list[str]], bytes]:
    """One request, no redirect followed: (status, headers (lower-case names), body)."""
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as err:
        response = err
    with response:
        found: dict[str, list[str]] = {}
        for name, value in response.headers.items():
            found.setdefault(name.lower(), []).append(value)
        return response.status, found, response.read()
