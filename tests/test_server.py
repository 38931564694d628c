"""The app's one server (casebook/app/server.py), as ``casebook start`` runs it
(tests/support.AppServer), serving every page to readers who are protocol clients
(tests/appclient.py): each page with its view, the title bar, unknown addresses, the assets
the page names, request bodies, and what a broken or hostile browser may send.

In class mode (the settings ``casebook start --class`` makes): the students' pages share with
the class, the live page is the teacher's alone.

The guard request by request: tests/test_guard.py. Class mode from the command line:
tests/test_classroom.py. The stop signals: tests/test_stop.py. A browser that tries to run
code, idle sessions, the session caps, tracebacks: tests/test_security.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from casebook import live
from casebook.app.classroom import teacher_link
from casebook.app.server import MAX_BODY, TOKEN_COOKIE, plotly_address
from casebook.app.settings import Settings
from casebook.markup import escape
from casebook.pages import LIVE, PAGES
from casebook.text import t
from tests.appclient import Refused, Tab, fetch, visit
from tests.support import AppServer


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app as ``casebook start`` runs it, on the casebook's own notebooks and data."""
    log = tmp_path_factory.mktemp("app") / "app.log"
    with AppServer(Settings(open_browser=False), log=log) as server:
        yield server


def _shown(tab: Tab) -> str:
    """The HTML and text the page shows (its HTML widgets' values)."""
    return "\n".join(
        str(s.get("value", "")) for s in tab.states.values() if s.get("_model_name") == "HTMLModel"
    )


def _shell(tab: Tab) -> dict[str, Any]:
    (found,) = tab.with_class("cb-shell")
    return tab.states[found]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.topic)
def test_every_page_is_built_for_a_reader_with_its_view_and_charts(
    app: AppServer, page: Any
) -> None:
    cookies = visit(app.base_url + page.path)
    with Tab(app.base_url, page.path, cookies) as tab:
        assert tab.with_class(page.view.removeprefix(".")), f"{page.notebook}: no view"
        # the charts it draws when it opens (and any it draws later, hidden till then)
        charts = [s for s in tab.states.values() if "figure" in s and "serial" in s]
        assert len(charts) >= page.charts, f"{page.notebook}: {len(charts)} chart(s)"
        shell = _shell(tab)
        assert shell["current"] == page.path and shell["lang"] == "nl"
        assert "Traceback (most recent" not in tab.text()
        assert t("app.page_failed", "nl") not in _shown(tab)


def test_the_title_bar_links_every_page_in_both_languages(app: AppServer) -> None:
    with Tab(app.base_url, "/?lang=en", visit(app.url)) as tab:
        shell = _shell(tab)
    assert shell["lang"] == "en"  # the address's language
    listed = [(p["path"], p["notebook"], p["menu"]) for p in shell["pages"]]
    assert listed == [(page.path, page.notebook, True) for page in PAGES]  # not the live page
    for entry, page in zip(shell["pages"], PAGES, strict=True):
        assert (entry["nl"], entry["en"]) == (t(page.nav_key, "nl"), t(page.nav_key, "en"))
    assert set(shell["texts"]) == {"nl", "en"} and shell["root"] == "/"


def test_an_unknown_page_and_the_live_page_outside_class_mode_say_so(app: AppServer) -> None:
    # the live page outside class mode: the page is served, and the session says it has none
    status, _, body = fetch(app.base_url + LIVE.path)
    assert status == 200 and b"Traceback (most recent" not in body
    with Tab(app.base_url, LIVE.path, visit(app.url)) as tab:
        shown = _shown(tab)
        assert t("app.not_found", "nl") in shown and t("app.not_found", "en") in shown
        assert not tab.with_class(LIVE.view.removeprefix("."))
    # an address that is no page: the casebook's own answer in both languages, with the way
    # to the landing page, never Solara's English line or a traceback
    for path in ("/casussen/x", "/nowhere/at/all", "/00_start.ipynb"):
        status, headers, body = fetch(app.base_url + path)
        text = body.decode("utf-8")
        assert status == 404, path
        assert "bestaat niet in het casebook" in text and "has no such page" in text
        assert 'href="/"' in text and "Traceback (most recent" not in text


def test_every_asset_the_page_names_is_served_by_the_app(app: AppServer) -> None:
    import re

    status, _, body = fetch(app.url)
    html = body.decode()
    assert status == 200 and "<title>Koppelen en doorschakelen · casebook</title>" in html
    assert 'var KEY = "casebook.lang"' in html  # the casebook's page around Solara's
    named = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert named and all(a.startswith("/") and not a.startswith("//") for a in named), named
    for address in named:
        assert fetch(app.base_url + address)[0] == 200, address
    for host in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "fonts.googleapis"):
        assert host not in html
    status, headers, body = fetch(app.base_url + plotly_address())
    assert status == 200 and "immutable" in headers["cache-control"][0]


def test_solaras_own_messages_are_the_casebooks_in_both_languages(app: AppServer) -> None:
    """The loader, a lost connection, a session that could not be restored: Solara says them
    in English; the app's page says them in the casebook's words, in both languages, each in a
    span that the page's CSS shows for its <html lang> (one language at a time)."""
    import re

    from casebook.app.server import SOLARA_MESSAGES

    html = fetch(app.url)[2].decode()
    for english, _ in SOLARA_MESSAGES:
        words = r"\s+".join(re.escape(word) for word in english.split())
        assert not re.search(words, html), f"{english!r} is still on the page"
    for key in ("app.starting", "app.cut_off", "app.server_gone", "app.reload_why"):
        for lang in ("nl", "en"):
            assert f'<span class="cb-t-{lang}" lang="{lang}">{escape(t(key, lang))}</span>' in html
    assert 'html:not([lang="en"]) .cb-t-en, html[lang="en"] .cb-t-nl { display: none; }' in html


def test_a_request_body_too_large_is_refused_before_it_is_read(app: AppServer) -> None:
    status, headers, body = fetch(
        app.url, method="POST", data=b"x" * (MAX_BODY + 1), headers={"Content-Type": "text/plain"}
    )
    assert status == 413 and b"too large" in body
    # and the server goes on serving
    assert fetch(app.url)[0] == 200


def test_a_websocket_message_too_large_is_refused_before_it_is_read(app: AppServer) -> None:
    """Issue 35, item 9: an upload came whole into memory before any size check (up to the
    websocket's 16 MiB). A message over MAX_MESSAGE ends that session unread; one just under
    it (room for a class's forty placement files) is read; other readers go on."""
    from casebook.app.server import MAX_MESSAGE

    cookies = visit(app.url)
    with Tab(app.base_url, "/", cookies) as tab:
        shell = tab.with_class("cb-shell")[0]
        tab.custom(shell, {"go": "x" * (MAX_MESSAGE - 4096)})  # just under: read, ignored
        tab.roundtrip()
        tab.custom(shell, {"go": "x" * MAX_MESSAGE})  # over: refused unread, session ended
        assert tab.closed(timeout=15)
    with Tab(app.base_url, "/", cookies) as other:
        other.roundtrip()
    assert fetch(app.url)[0] == 200


def test_stray_and_malformed_messages_never_break_the_server(app: AppServer) -> None:
    """What a broken or hostile browser may send over its websocket: the session it sends it on
    may end (Solara closes a session that breaks the protocol), another reader's never does,
    and the casebook's own widgets ignore what they do not expect."""
    cookies = visit(app.url)
    other = Tab(app.base_url, "/logicas", cookies).open()
    try:
        # the casebook's title bar: a link to no page, messages of no known shape
        with Tab(app.base_url, "/", cookies) as tab:
            shell = tab.with_class("cb-shell")[0]
            for content in ({"go": "/etc/passwd"}, {"go": 5}, {"go": None}, "go", [1], None, {}):
                tab.custom(shell, content)
            tab.update(shell, {"lang": "xx"})  # no such language
            tab.update(shell, {"width": 5})
            tab.update(shell, {"no_such_trait": 1})
            tab.roundtrip()  # handled, and the session answers still
            assert _shell(tab)["lang"] == "nl"
            # a widget the session does not have, then one that does not expect it
            tab.update("0" * 32, {"value": "x"})
            tab.custom("0" * 32, {"x": 1})
            tab.send("comm_close", {"comm_id": "nope", "data": {}})
            tab.send("comm_open", {"comm_id": "x", "target_name": "nope", "data": {}})
            tab.roundtrip()
            # no traceback, exception or source path went back to the browser (issue 35,
            # item 8: failed comm_opens and a failing handler sent theirs)
            sent = json.dumps(tab.received)
            for leak in ("Traceback", "site-packages", '"ename"', '"evalue"', "OverflowError"):
                assert leak not in sent, (leak, sent[sent.find(leak) - 300 : sent.find(leak) + 200])
        # a dragged marker's position too large to round (issue 35, item 8: the traceback of
        # its OverflowError went to the browser)
        with Tab(app.base_url, "/logicas", cookies) as tab:
            chart = next(i for i, state in tab.states.items()
                         if state.get("_anywidget_id") == "casebook.views.chart.Chart")  # fmt: skip
            tab.custom(chart, {"kind": "moved", "point": "mom", "x": 1e308, "y": -1e308})
            tab.roundtrip()
            sent = json.dumps(tab.received)
            for leak in ("Traceback", "site-packages", '"ename"', '"evalue"', "OverflowError"):
                assert leak not in sent, (leak, sent[sent.find(leak) - 300 : sent.find(leak) + 200])
        # frames that are not the protocol: the session that sent them is ended
        for frame in ("not json", "{}", '{"header": {}}', b"\x00\x00\x00\x09garbage", "[]"):
            with Tab(app.base_url, "/", cookies) as tab:
                tab.send_raw(frame)
                assert tab.closed(timeout=15), frame
        # the other reader's page goes on: it answers a change of its controls
        other.roundtrip()
        assert fetch(app.url)[0] == 200
    finally:
        other.close()


def test_the_load_tests_student_opens_a_page_and_changes_its_chart(app: AppServer) -> None:
    """The load test's protocol client (bench/solara_client.py, ``make loadtest``) does with
    this server what a browser does: the page's widgets arrive ("widgets ready") and a
    dropdown's change brings the chart a new figure ("control answered"). Without this, a load
    test whose students all failed would still print a table."""
    import asyncio
    import sys
    from concurrent.futures import ThreadPoolExecutor

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from solara_client import run_student

    (compare,) = [page for page in PAGES if page.topic == "compare"]
    student = run_student(app.base_url, compare.path, timeout=60)
    # a loop of its own, in a thread: Playwright's sync API (the session's Chromium, if a test
    # in this process has started it) keeps an event loop running in this one
    with ThreadPoolExecutor(1) as thread:
        result = thread.submit(asyncio.run, student).result()
    assert result["ok"], result["reason"]
    assert 0 < result["served"] <= result["ready"]
    assert result.get("answered", 0) > 0, "the dropdown's change brought no new figure"


def test_the_log_has_no_errors_of_the_casebooks_own(app: AppServer) -> None:
    """Whatever the tests above sent, no error started in the casebook's own code: the
    tracebacks in the server's log are Solara's, about the frames that broke its protocol (the
    guard is on their way in: it hands every websocket on to Solara)."""
    import re

    text = Path(app._log_path).read_text(encoding="utf-8")
    passing = re.compile(r'casebook/app/server\.py", line \d+, in (__call__|_websocket|_http)$')
    own = [line for line in text.splitlines() if "/casebook/" in line and not passing.search(line)]
    assert not own, "\n".join(own[:20])


# --- class mode -----------------------------------------------------------------------------


def test_in_class_mode_students_share_and_the_live_page_is_the_teachers(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = tmp_path_factory.mktemp("class")
    live.new_lesson(root)
    settings = Settings(
        open_browser=False, token="T0KEN-for-a-class", teacher_secret="S3CRET", class_dir=root
    )
    server = AppServer(settings, log=root.parent / "class.log")
    server.settings = replace(server.settings, link=f"{server.base_url}/?token={settings.token}")
    with server:
        link = server.settings.link
        # a stranger with a session cookie of their own still gets no websocket
        stranger = {"solara-session-id": "0" * 36}
        with pytest.raises(Refused):
            Tab(server.base_url, "/", stranger).connect()
        student = visit(link)
        assert student[TOKEN_COOKIE] == settings.token and "casebook-teacher" not in student
        with Tab(server.base_url, "/", student) as tab:  # the teacher's box is not theirs
            assert tab.with_class("casebook-start") and link not in _shown(tab)
            assert "casebook-class-link" not in _shown(tab)
        with Tab(server.base_url, "/logicas", student) as tab:  # and the logics page shares
            assert tab.with_class("casebook-share")
        with Tab(server.base_url, LIVE.path, student) as tab:
            assert not tab.with_class("casebook-live")
            assert t("app.not_found", "nl") in _shown(tab)
        # the teacher's key: not to a student, who came in with the same link as the teacher
        key, guide = (f"{server.base_url}/{name}" for name in ("teacher-key", "docent"))
        refused = fetch(key, student)
        assert refused[0] == 403 and b"Learning goals" not in refused[2]
        assert "alleen voor de docent" in refused[2].decode()
        assert fetch(guide, student)[0] == 200  # the lesson plan is open
        teacher = visit(teacher_link(server.settings, "/"))  # the teacher's landing page
        assert teacher["casebook-teacher"] == "S3CRET"
        answer = fetch(key, teacher)
        assert answer[0] == 200 and b"Learning goals" in answer[2]
        assert answer[1]["cache-control"] == ["no-store"]
        with Tab(server.base_url, "/", teacher) as tab:  # the link large, the QR, the live page
            shown = _shown(tab)
            assert "casebook-class-link" in shown and link in shown and "<svg" in shown
            assert f'href="{LIVE.path}"' in shown and 'href="../docs/docentensleutel.md"' in shown
        with Tab(server.base_url, LIVE.path, teacher) as tab:
            assert tab.with_class("casebook-live")
            # issue 35, item 4: with the live page's session id and the class token only, a
            # student read the lesson and shut the session down. The session is the teacher's
            # browser's: another browser's websocket to it is turned away (Solara checks the
            # browser's session cookie), and the teacher's page goes on
            thief = Tab(server.base_url, LIVE.path, student, kernel_id=tab.kernel_id)
            frames: list[str] = []
            try:
                thief.connect()
                thief.ws.settimeout(15)
                thief.send("comm_info_request", {})
                while frame := thief.ws.recv():  # until the server closes it
                    frames.append(str(frame))
            except Refused:
                frames.append("refused")  # turned away before the websocket opened
            except Exception:  # closed under the reader: what it sent is in frames
                pass
            finally:
                thief.close()
            assert any("mismatch" in f or f == "refused" for f in frames), frames[:3]
            assert not [f for f in frames if "casebook-live" in f or "interval_ms" in f]
            tab.roundtrip()
            # the teacher's page itself: it reads the lesson's folder every few seconds
            assert any("interval_ms" in state for state in tab.states.values())
            shell = _shell(tab)
            assert [p["path"] for p in shell["pages"] if not p["menu"]] == [LIVE.path]
        # requests that fail, with the secrets in their address (issue 35, item 7: every 4xx
        # line logged the address with the token, a failing one with the teacher's secret twice)
        token = "token=T0KEN-for-a-class"
        for path in (f"/nope?{token}", f"/?teacher=wrong&{token}",
                     f"/logout?{token}&teacher=S3CRET", "/live?teacher=S3CRET"):  # fmt: skip
            assert fetch(server.base_url + path, student)[0] in (303, 403, 404)
    # the log a teacher may paste into a help request: no token, secret or student's id
    from casebook.app.site import student_id

    # (the announcement at start gives the teacher the links, as it is meant to: what follows
    # it is the log)
    logged = (root.parent / "class.log").read_text(encoding="utf-8").split("Stop with Ctrl+C.")[1]
    ids = [student_id(settings, c["solara-session-id"]) for c in (student, teacher)
           if "solara-session-id" in c]  # fmt: skip
    for secret in ("T0KEN-for-a-class", "S3CRET", *ids):
        assert secret not in logged, secret


def test_solara_never_fetches_a_missing_front_end_file_from_the_internet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Solara would download a front-end file it lacks from a CDN and keep it; configured by
    the casebook it has no CDN to ask, and such a file is simply not found."""
    import os

    import solara.settings
    from solara.server import cdn_helper

    from casebook.app import site
    from casebook.app.server import configure_solara
    from casebook.views import chart

    # what configure_solara changes in this process is put back after the test
    monkeypatch.setattr(os, "environ", dict(os.environ))
    monkeypatch.setattr(chart, "_ADDRESS", [])
    monkeypatch.setattr(site, "_settings", [])
    monkeypatch.setattr(solara.settings.assets, "cdn", solara.settings.assets.cdn)
    configure_solara(Settings(open_browser=False))
    assert solara.settings.assets.cdn == "offline://"
    with pytest.raises(Exception, match="offline://|No connection adapters"):
        cdn_helper.get_data(Path("/nonexistent-cache"), "no-such-package@1.0.0/x.js")
