"""Issue 10: the app server (casebook/app/server.py). It listens on 127.0.0.1 unless told
otherwise, a reader's browser cannot run code in the server through its session's websocket,
a session whose browser has gone is ended after the set time, one browser and the whole class
cannot open sessions without end, and no traceback reaches a reader.

(Before one process served every reader, the same promises were kept by Voilà's options: its
kernel manager culled idle kernels, its websocket let no execute request through, and it hid
tracebacks; those options and their tests went with it.)
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from casebook.app.settings import Settings
from casebook.cli import main as cli_main
from casebook.text import t
from tests.appclient import Refused, Tab, fetch, visit
from tests.support import AppServer


def test_a_browser_cannot_run_code_through_its_sessions_websocket(tmp_path: Path) -> None:
    """Solara's sessions take the messages widgets need (comms, comm and kernel info) and end a
    session that sends anything else: an execute request never runs."""
    marker = tmp_path / "ran.txt"
    code = f"open({str(marker)!r}, 'w').write('the server ran code sent by a browser')"
    received: list[str] = []
    with AppServer(Settings(open_browser=False), log=tmp_path / "app.log") as server:
        cookies = visit(server.url)
        for kind in ("execute_request", "inspect_request", "complete_request", "history_request"):
            with Tab(server.base_url, "/", cookies) as tab:
                tab.roundtrip()  # the control: the connection carries what widgets need
                content = {"code": code, "silent": False, "store_history": False,
                           "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
                           "cursor_pos": 0, "hist_access_type": "tail", "n": 1}  # fmt: skip
                tab.send(kind, content)
                assert tab.closed(timeout=15), f"the session took an {kind}"
                received += [m["header"]["msg_type"] for m in tab.received]
        with Tab(server.base_url, "/", cookies) as tab:  # the server serves on
            tab.roundtrip()
    time.sleep(0.5)
    assert not marker.exists(), "code sent over the websocket ran in the server"
    assert "comm_info_reply" in received
    assert not {"execute_reply", "execute_input", "inspect_reply", "complete_reply"} & set(received)
    assert "Unsupported msg with msg_type 'execute_request'" in (tmp_path / "app.log").read_text()


def test_a_session_is_ended_after_the_set_time_and_the_caps_hold(tmp_path: Path) -> None:
    """A tab closed (or a phone gone to sleep) keeps its session ``idle_seconds``, so that a
    network hiccup loses nothing; then it is ended, and its place is free again. Until then a
    browser at its cap, or a server at its cap, gets no new session; a session that exists
    reconnects whatever the caps."""
    settings = Settings(open_browser=False, idle_seconds=3, sessions_per_browser=2, max_sessions=3)
    with AppServer(settings, log=tmp_path / "app.log") as server:
        ann, bo, cy = (visit(server.url) for _ in range(3))  # three browsers
        assert ann["solara-session-id"] != bo["solara-session-id"]
        first = Tab(server.base_url, "/", ann).open()
        second = Tab(server.base_url, "/casussen", ann).open()
        with pytest.raises(Refused):  # Ann's browser is at its cap of two
            Tab(server.base_url, "/", ann).open()
        # and a page loaded in it says why, in both languages, before it would be refused
        code, _, body = fetch(server.base_url + "/wijken", ann)
        assert (
            code == 429 and "te veel pagina" in body.decode() and "Too many pages" in body.decode()
        )
        third = Tab(server.base_url, "/", bo).open()
        with pytest.raises(Refused):  # the server is at its cap of three
            Tab(server.base_url, "/", cy).open()
        # a tab whose connection dropped comes back to its own session, caps or not
        first.close()
        again = Tab(server.base_url, "/", ann, kernel_id=first.kernel_id).connect()
        again.roundtrip()
        again.close()
        second.close()
        third.close()
        # the browsers have gone: after the set time the sessions are ended, and there is room
        time.sleep(settings.idle_seconds + 1)
        deadline = time.monotonic() + 20
        while True:
            try:
                Tab(server.base_url, "/", cy).open().close()
                break
            except Refused:
                assert time.monotonic() < deadline, "the idle sessions were not ended"
                time.sleep(0.5)
        with Tab(server.base_url, "/", ann), Tab(server.base_url, "/", ann):
            pass  # Ann's two places are free again


def test_by_default_the_app_listens_on_localhost_and_ends_idle_sessions() -> None:
    settings = Settings()
    assert settings.ip == "127.0.0.1" and settings.token is None
    assert settings.idle_seconds == 300 and settings.local_url() == "http://127.0.0.1:8866/"
    assert settings.sessions_per_browser >= 1 and settings.max_sessions >= 30  # a class
    assert Settings(ip="0.0.0.0").local_url("/x") == "http://127.0.0.1:8866/x"
    assert Settings(ip="::1", base_path="/b").local_url() == "http://[::1]:8866/b/"


def test_cli_passes_ip_idle_and_caps_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Settings] = []
    monkeypatch.setattr("casebook.app.start", lambda settings: seen.append(settings) or 0)
    assert cli_main(["start", "--no-browser"]) == 0
    assert seen[0].ip == "127.0.0.1" and not seen[0].open_browser
    assert cli_main(["start", "--no-browser", "--ip", "0.0.0.0"]) == 0  # only when told
    assert seen[1].ip == "0.0.0.0"
    options = ["--idle", "120", "--sessions-per-browser", "3", "--max-sessions", "50"]
    assert cli_main(["start", *options, "--base-path", "/user/ann/casebook/"]) == 0
    assert (seen[2].idle_seconds, seen[2].sessions_per_browser, seen[2].max_sessions) == (
        120, 3, 50,
    )  # fmt: skip
    assert seen[2].base_path == "/user/ann/casebook" and seen[2].open_browser


def test_the_cap_on_sessions_is_sized_from_the_memory_free(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 35, item 1: without --max-sessions the cap comes from the memory this computer
    has free (a quarter of it after 1 GiB, at SESSION_BYTES a session), never fewer than a
    class of 30 nor more than 400; the teacher is told the caps at start."""
    from casebook.app import settings as app_settings

    gib = 2**30
    assert app_settings.sessions_for_memory(0) == 30
    assert app_settings.sessions_for_memory(2 * gib) == 64  # 1 GiB / 4 / 4 MiB
    assert app_settings.sessions_for_memory(24 * gib) == 400
    assert app_settings.free_memory() > 0
    seen: list[Settings] = []
    monkeypatch.setattr("casebook.app.start", lambda settings: seen.append(settings) or 0)
    monkeypatch.setattr(app_settings, "free_memory", lambda: 3 * gib)
    assert cli_main(["start", "--no-browser"]) == 0
    assert seen[0].max_sessions == 128
    assert cli_main(["start", "--no-browser", "--max-sessions", "500"]) == 0  # told: as told
    assert seen[1].max_sessions == 500


def test_no_traceback_reaches_a_reader(tmp_path: Path) -> None:
    """A page whose code fails tells the reader so in one sentence, in their language; the
    error goes to the server's log. The other pages are served as before."""
    import nbformat

    folder = tmp_path / "nb"
    folder.mkdir()
    for name, code in (
        ("00_start.ipynb", "'LANDING=' + 'ok'"),
        ("01_casussen.ipynb", "x = 1\n1 / 0"),
        ("02_wijken_vergelijken.ipynb", "import no_such_module_for_a_test"),
    ):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell("# Kop"), nbformat.v4.new_code_cell(code)]
        nbformat.write(nb, folder / name)
    (folder / "03_vier_logicas.ipynb").write_text("{not a notebook", encoding="utf-8")
    log = tmp_path / "app.log"
    with AppServer(Settings(open_browser=False, notebooks=folder), log=log) as server:
        cookies = visit(server.url)
        for path in ("/casussen", "/wijken", "/logicas?lang=en"):
            with Tab(server.base_url, path, cookies) as tab:
                text = tab.text()
                lang = "en" if "lang=en" in path else "nl"
                assert t("app.page_failed", lang) in text, path
                for leak in ("Traceback", "ZeroDivisionError", "ModuleNotFoundError", "1 / 0",
                             "no_such_module", "not a readable notebook", str(folder)):  # fmt: skip
                    assert leak not in text, (path, leak)
        with Tab(server.base_url, "/", cookies) as tab:
            assert "LANDING=ok" in tab.text()
    # the error is in the teacher's log
    logged = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError" in logged and "building the page 01_casussen.ipynb failed" in logged


def test_a_burst_from_one_browser_and_a_huge_body_stay_within_the_caps(tmp_path: Path) -> None:
    """Issue 35's measure: 40 page loads with hang-ups from one browser (Voilà started a
    110 MB kernel for each: 2.2 GB to 6.2 GB in 20 s) leave the server holding no more than
    that browser's cap of sessions; a 100 MiB body without the token is refused by its stated
    length, unread (four of them held 714 MiB)."""
    import socket

    import psutil

    from casebook.app.settings import SESSION_BYTES

    root = tmp_path / "class"
    root.mkdir()
    settings = Settings(open_browser=False, token="T0KEN", teacher_secret="S3CRET",
                        class_dir=root, sessions_per_browser=4)  # fmt: skip
    with AppServer(settings, log=tmp_path / "app.log") as server:
        memory = psutil.Process(server.proc.pid)
        before = memory.memory_info().rss
        host, port = "127.0.0.1", server.port
        for _ in range(4):  # 100 MiB announced, without the token: refused before it is read
            with socket.create_connection((host, port), timeout=10) as sock:
                sock.sendall(
                    b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + f"Content-Length: {100 * 2**20}\r\n\r\n".encode()
                    + b"x" * 2**16
                )
                assert sock.recv(64).startswith(b"HTTP/1.1 413"), "not refused by its length"
        browser = visit(f"{server.base_url}/?token=T0KEN")
        opened, refused = [], 0
        for k in range(40):  # the burst: a page load and its session, the tab then hung up
            fetch(f"{server.base_url}/?theme=light&k={k}", browser)
            try:
                opened.append(Tab(server.base_url, "/", browser).open())
            except Refused:
                refused += 1
            if opened and k % 2:
                opened[-1].ws.close()  # hangs up (the session stays for idle_seconds)
        assert len(opened) == settings.sessions_per_browser and refused == 40 - len(opened)
        grown = memory.memory_info().rss - before
        allowed = settings.sessions_per_browser * SESSION_BYTES + 40 * 2**20  # + warm caches
        assert grown < allowed, f"the server grew {grown / 2**20:.0f} MiB"
        for tab in opened:
            tab.close()
