"""The guard in front of Solara (casebook.app.server.Guard), request by request, with a stand-in
for Solara's app: what passes in class mode and what is refused, the class token and the
teacher's secret turned into cookies, request bodies, plotly.js. The real server:
tests/test_server.py; class mode from the command line: tests/test_classroom.py.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from casebook.app.server import MAX_BODY, PLOTLY_PATH, TOKEN_COOKIE, Guard, plotly_address
from casebook.app.settings import Settings, settings_from_json, settings_json

TOKEN = "the-class-token"
SECRET = "the-teachers-secret"
CLASS = Settings(open_browser=False, token=TOKEN, teacher_secret=SECRET, link="http://x/?token=T")


def _run(coroutine: Any) -> Any:
    """Run ``coroutine`` to its end in a thread of its own: in the suite, a browser test's
    Playwright may hold an event loop in this one, where asyncio.run() cannot start."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class Inner:
    """Solara's app as the guard sees it: records every request it is given, answers 200."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        self.seen.append(scope)
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"solara"})
        elif scope["type"] == "websocket":
            await receive()
            await send({"type": "websocket.accept"})


def _call(
    settings: Settings,
    path: str,
    *,
    query: str = "",
    cookie: str | None = None,
    headers: list[tuple[bytes, bytes]] | None = None,
    kind: str = "http",
    method: str = "GET",
) -> tuple[list[dict[str, Any]], Inner]:
    """One request through the guard; the messages it sent back and the stand-in."""
    inner = Inner()
    scope: dict[str, Any] = {
        "type": kind,
        "path": path,
        "root_path": "",
        "query_string": query.encode(),
        "headers": [*(headers or []), *([(b"cookie", cookie.encode())] if cookie else [])],
        "method": method,
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"} if kind == "websocket" else {"type": "http.request"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    _run(Guard(inner, settings)(scope, receive, send))
    return sent, inner


def _status(sent: list[dict[str, Any]]) -> int:
    return sent[0]["status"]


def _headers(sent: list[dict[str, Any]]) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in sent[0]["headers"]}


def _body(sent: list[dict[str, Any]]) -> str:
    return b"".join(m.get("body", b"") for m in sent[1:]).decode()


def test_outside_class_mode_every_request_goes_to_the_app() -> None:
    plain = Settings(open_browser=False)
    for path in ("/", "/casussen", "/static/main-vuetify.js", "/_solara/cdn/x.js"):
        sent, inner = _call(plain, path, query="token=anything&teacher=x")
        assert _status(sent) == 200 and len(inner.seen) == 1, path
    sent, inner = _call(plain, "/jupyter/api/other", kind="websocket")
    assert sent == [{"type": "websocket.accept"}] and inner.seen


@pytest.mark.parametrize("path", ["/", "/casussen", "/live", "/static/main-vuetify.js",
                                  "/_solara/cdn/x.js", PLOTLY_PATH, "/readyz"])  # fmt: skip
def test_in_class_mode_nothing_passes_without_the_token(path: str) -> None:
    for cookie, query in [
        (None, ""),
        (None, "token=wrong"),
        (None, "token="),
        (f"{TOKEN_COOKIE}=wrong", ""),
        (f"{TOKEN_COOKIE}={TOKEN}x", "teacher=" + SECRET),
        ("garbage;;=;\x7f; =", ""),  # a malformed cookie header is no cookie
        (f"other={TOKEN}", ""),
    ]:
        sent, inner = _call(CLASS, path, query=query, cookie=cookie)
        assert _status(sent) == 403 and not inner.seen, (path, cookie, query)
        body = _body(sent)
        assert "alleen open met de link van de docent" in body and "teacher&#x27;s link" in body
        assert "Traceback (most recent" not in body and TOKEN not in body
        assert _headers(sent)["cache-control"] == "no-store"


def test_the_token_becomes_a_cookie_and_leaves_the_address() -> None:
    sent, inner = _call(CLASS, "/casussen", query=f"lang=en&token={TOKEN}")
    assert _status(sent) == 303 and not inner.seen
    headers = _headers(sent)
    assert headers["location"] == "/casussen?lang=en"  # the rest of the query is kept
    assert headers["set-cookie"] == f"{TOKEN_COOKIE}={TOKEN}; Path=/; HttpOnly; SameSite=Lax"
    assert headers["referrer-policy"] == "no-referrer" and headers["cache-control"] == "no-store"
    sent, _ = _call(CLASS, "/", query=f"token={TOKEN}")
    assert _headers(sent)["location"] == "/"
    # with the cookie: through to the app, whatever the path
    for path in ("/", "/casussen", "/static/main-vuetify.js"):
        sent, inner = _call(CLASS, path, cookie=f"a=b; {TOKEN_COOKIE}={TOKEN}")
        assert _status(sent) == 200 and len(inner.seen) == 1


def test_the_teachers_secret_becomes_a_cookie_only_with_the_class_token() -> None:
    sent, _ = _call(CLASS, "/live", query=f"token={TOKEN}&teacher={SECRET}")
    assert _status(sent) == 303  # first the class token ...
    assert _headers(sent)["location"] == f"/live?teacher={SECRET}"
    sent, inner = _call(CLASS, "/live", query=f"teacher={SECRET}", cookie=f"{TOKEN_COOKIE}={TOKEN}")
    assert _status(sent) == 303 and not inner.seen  # ... then the teacher's secret
    headers = _headers(sent)
    assert headers["location"] == "/live"
    assert headers["set-cookie"] == f"casebook-teacher={SECRET}; Path=/; HttpOnly; SameSite=Lax"
    for wrong in ("x", SECRET + "x", SECRET[:-1], " " + SECRET):
        sent, inner = _call(
            CLASS, "/live", query=f"teacher={wrong}", cookie=f"{TOKEN_COOKIE}={TOKEN}"
        )
        assert _status(sent) == 403 and not inner.seen, wrong
    sent, _ = _call(CLASS, "/live", query=f"teacher={SECRET}")  # without the class token
    assert _status(sent) == 403
    no_secret = Settings(open_browser=False, token=TOKEN)  # class mode without a live page
    sent, _ = _call(no_secret, "/live", query="teacher=x", cookie=f"{TOKEN_COOKIE}={TOKEN}")
    assert _status(sent) == 403


def test_a_websocket_without_the_token_is_closed_before_it_opens() -> None:
    for cookie in (None, f"{TOKEN_COOKIE}=wrong", "casebook-teacher=" + SECRET):
        path = "/jupyter/api/kernels/k/channels"
        sent, inner = _call(CLASS, path, cookie=cookie, kind="websocket")
        assert sent == [{"type": "websocket.close", "code": 1008}] and not inner.seen
    sent, inner = _call(
        CLASS, "/jupyter/api/other", cookie=f"{TOKEN_COOKIE}={TOKEN}", kind="websocket"
    )
    assert sent == [{"type": "websocket.accept"}] and inner.seen


@pytest.mark.parametrize(
    "header",
    [
        (b"content-length", str(MAX_BODY + 1).encode()),
        (b"content-length", b"99999999999999999999"),
        (b"content-length", b"-1"),
        (b"content-length", b"12 34"),
        (b"transfer-encoding", b"chunked"),  # a body of no stated length
    ],
)
def test_a_request_body_too_large_or_of_no_stated_length_is_refused(
    header: tuple[bytes, bytes],
) -> None:
    for settings, cookie in ((Settings(open_browser=False), None), (CLASS, None)):
        sent, inner = _call(settings, "/", headers=[header], cookie=cookie, method="POST")
        assert _status(sent) == 413 and not inner.seen
        assert "te groot" in _body(sent) and "too large" in _body(sent)
    sent, inner = _call(
        Settings(open_browser=False), "/", headers=[(b"content-length", str(MAX_BODY).encode())]
    )
    assert _status(sent) == 200 and inner.seen  # up to the limit: through


def test_plotly_js_is_served_by_the_guard_to_be_kept() -> None:
    from casebook.views.chart import plotly_file

    for settings, cookie in (
        (Settings(open_browser=False), None),
        (CLASS, f"{TOKEN_COOKIE}={TOKEN}"),
        (Settings(open_browser=False, base_path="/user/ann/casebook"), None),
    ):
        path = settings.base_path + PLOTLY_PATH
        for method in ("GET", "HEAD"):
            sent, inner = _call(settings, path, cookie=cookie, method=method)
            assert _status(sent) == 200 and not inner.seen
            headers = _headers(sent)
            assert headers["content-type"].startswith("text/javascript")
            assert "immutable" in headers["cache-control"]
            assert _body(sent).encode() == plotly_file().read_bytes()
    sent, inner = _call(Settings(open_browser=False), PLOTLY_PATH, method="POST")
    assert inner.seen  # not ours to answer
    assert plotly_address().startswith(PLOTLY_PATH + "?v=")


def test_the_lifespan_reaches_the_app() -> None:
    inner = Inner()

    async def nothing() -> dict:
        return {}

    async def drop(message: dict) -> None:
        return None

    _run(Guard(inner, CLASS)({"type": "lifespan"}, nothing, drop))
    assert [s["type"] for s in inner.seen] == ["lifespan"]


def test_settings_reach_the_server_process_whole(tmp_path: Path) -> None:
    settings = Settings(
        port=9000, ip="0.0.0.0", notebooks=tmp_path / "nb", token="T", link="http://x/?token=T",
        teacher_secret="S", class_dir=tmp_path / "class", idle_seconds=7,
        sessions_per_browser=3, max_sessions=9, base_path="/b",
    )  # fmt: skip
    assert settings_from_json(settings_json(settings)) == settings
    assert settings_from_json(settings_json(Settings())).notebooks is None
    assert Settings().session_secret != Settings().session_secret  # new at every start
    assert "session_secret" not in repr(settings)


@pytest.mark.parametrize(
    "path", ["//evil.example/", "/\\evil.example/", "///evil.example", "/€", "/nowhere"]
)
def test_the_token_redirect_only_ever_leads_to_a_page_of_the_casebook(path: str) -> None:
    """A made-up address with the token (a link a student shares) is sent to the landing page,
    never to another site, and never fails: the redirect names only the casebook's pages."""
    sent, inner = _call(CLASS, path, query=f"token={TOKEN}&lang=en")
    assert _status(sent) == 303 and not inner.seen
    assert _headers(sent)["location"] == "/?lang=en"
    sent, _ = _call(CLASS, "/wijken", query=f"token={TOKEN}")
    assert _headers(sent)["location"] == "/wijken"


def test_a_request_cannot_set_solaras_root_path() -> None:
    """Solara would take its root path (and so every script's address, for every reader) from
    these headers of the first page it renders: the guard drops them."""
    headers = [(b"x-script-name", b"http://evil.example"), (b"script-name", b"//evil.example")]
    _, inner = _call(Settings(open_browser=False), "/", headers=headers)
    names = {name for name, _ in inner.seen[0]["headers"]}
    assert b"x-script-name" not in names and b"script-name" not in names


def test_websockets_arriving_together_are_counted_before_solara_makes_their_sessions() -> None:
    """Sessions that arrive at the same moment (one browser's many tabs, or tabs without
    Solara's cookie) are counted as they are let in: the caps hold."""
    settings = Settings(open_browser=False, sessions_per_browser=2, max_sessions=3)
    guard = Guard(Inner(), settings)
    held = asyncio.Event()

    class Holding(Inner):
        async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
            await receive()
            await send({"type": "websocket.accept"})
            await held.wait()  # the session stays open while the others arrive

    guard.inner = Holding()

    async def tab(k: int, cookie: str | None) -> int | str:
        sent: list[dict[str, Any]] = []
        scope = {
            "type": "websocket",
            "path": f"/jupyter/api/kernels/k{k}/channels",
            "headers": [(b"cookie", f"solara-session-id={cookie}".encode())] if cookie else [],
            "query_string": b"",
        }

        async def receive() -> dict[str, Any]:
            return {"type": "websocket.connect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        task = asyncio.create_task(guard(scope, receive, send))
        await asyncio.sleep(0.05)
        if task.done():
            return sent[0].get("code", sent[0]["type"])
        return sent[0]["type"]

    async def arrive() -> list[int | str]:
        results = [await tab(k, "ann") for k in range(3)]  # one browser, cap 2
        results += [await tab(10 + k, None) for k in range(3)]  # no cookie: one browser too
        held.set()
        return results

    results = _run(arrive())
    assert results[:3] == ["websocket.accept", "websocket.accept", 1013]
    # the server's cap of 3 is reached by the one cookie-less tab let in
    assert results[3:] == ["websocket.accept", 1013, 1013]


# --- the teacher's papers (casebook.papers) -------------------------------------------------


@pytest.mark.parametrize("address", ["docent", "teacher", "docentensleutel", "teacher-key"])
def test_outside_class_mode_every_paper_is_a_page_of_its_own(address: str) -> None:
    """One reader on their laptop: the lesson plan and the key are open, in their language,
    with the way to the other language; no session is made for them (Solara never sees it)."""
    from casebook.papers import by_address

    paper = by_address(address)
    sent, inner = _call(Settings(open_browser=False), "/" + address)
    page = _body(sent)
    assert _status(sent) == 200 and not inner.seen
    assert _headers(sent)["content-type"] == "text/html; charset=utf-8"
    assert f'<html lang="{paper.lang}">' in page and 'name="viewport"' in page
    assert f'href="{paper.other.address}"' in page and 'href="./?lang=' in page
    assert "@media print" in page


def test_in_class_mode_the_key_is_the_teachers_only() -> None:
    from casebook.app.settings import TEACHER_COOKIE

    student = f"{TOKEN_COOKIE}={TOKEN}"
    for key in ("/teacher-key", "/docentensleutel"):
        sent, inner = _call(CLASS, key, cookie=student)
        assert _status(sent) == 403 and "Learning goals" not in _body(sent) and not inner.seen
        sent, _ = _call(CLASS, key, cookie=f"{student}; {TEACHER_COOKIE}=wrong")
        assert _status(sent) == 403
        sent, _ = _call(CLASS, key, cookie=f"{student}; {TEACHER_COOKIE}={SECRET}")
        assert _status(sent) == 200 and "01-1" in _body(sent)
        assert _headers(sent)["cache-control"] == "no-store"
        sent, _ = _call(CLASS, key)  # no token at all: nothing, as for every page
        assert _status(sent) == 403
    sent, _ = _call(CLASS, "/teacher", cookie=student)  # the lesson plan is the class's too
    assert _status(sent) == 200
