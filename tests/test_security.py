"""Issue 10: the app server. It listens on 127.0.0.1 only, a reader's browser cannot run code
in a page's kernel through the kernel websocket, and idle kernels are culled on a setting."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.request
import uuid
from pathlib import Path

import pytest
from tornado.websocket import websocket_connect

from casebook.app import AppSettings, voila_command
from casebook.cli import main as cli_main
from tests.support import AppServer

PAGE = "00_start.ipynb"


def _message(msg_type: str, content: dict, session: str) -> tuple[str, str]:
    """A shell message as a browser sends it: (its msg_id, the JSON text)."""
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "session": session,
        "username": "student",
        "version": "5.3",
        "date": "2026-01-01T00:00:00Z",
    }
    text = json.dumps(
        {
            "channel": "shell",
            "header": header,
            "parent_header": {},
            "metadata": {},
            "content": content,
            "buffers": [],
        }
    )
    return header["msg_id"], text


async def _probe(server: AppServer, code: str) -> list[str]:
    """Open a page (which starts its kernel), connect to that kernel's websocket as a browser
    would, ask for the comm info (what widgets do), try to execute ``code``, and then ask for
    the kernel info. Returns the types of the messages that came back until the kernel-info
    reply.

    The kernel answers shell requests one after the other, in the order they came: had the
    execute request reached it, the code would have run, and its reply would have come,
    before the kernel-info reply. So that reply ends the wait, however busy the machine (no
    fixed few seconds to wait, which both cost time and could end before a slow kernel had
    answered at all)."""
    page = urllib.request.urlopen(server.url + PAGE, timeout=120).read().decode()
    kernel_id = re.search(r'"kernelId": "([0-9a-f-]{36})"', page).group(1)
    session = uuid.uuid4().hex
    ws_url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels?session_id={session}"
    ws = await websocket_connect(ws_url)
    ws.write_message(_message("comm_info_request", {}, session)[1])
    execute = {"code": code, "silent": False, "store_history": False, "user_expressions": {},
               "allow_stdin": False, "stop_on_error": True}  # fmt: skip
    ws.write_message(_message("execute_request", execute, session)[1])
    last, text = _message("kernel_info_request", {}, session)
    ws.write_message(text)
    seen: list[str] = []
    while True:
        raw = await asyncio.wait_for(ws.read_message(), timeout=120)
        if raw is None:
            break
        msg = json.loads(raw)
        seen.append(msg["header"]["msg_type"])
        reply = msg["header"]["msg_type"] == "kernel_info_reply"
        if reply and msg.get("parent_header", {}).get("msg_id") == last:
            break
    ws.close()
    return seen


def _attack(server: AppServer, marker: Path) -> list[str]:
    """Run the probe in a thread of its own: the browser tests keep an event loop running in
    this one for the whole session."""
    from concurrent.futures import ThreadPoolExecutor

    code = f"open({str(marker)!r}, 'w').write('the kernel ran code sent by a browser')"
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _probe(server, code)).result()


def test_a_browser_cannot_run_code_through_the_kernel_websocket(tmp_path: Path) -> None:
    marker = tmp_path / "ran.txt"
    log = tmp_path / "voila.log"
    with AppServer(AppSettings(preheat=False, open_browser=False), log=log) as server:
        seen = _attack(server, marker)
    # the control: the same connection carries what widgets need, and gets answers
    assert "comm_info_reply" in seen, f"the websocket did not work at all: {seen}"
    assert "execute_reply" not in seen and "execute_input" not in seen, seen
    assert not marker.exists(), "code sent over the websocket ran in the kernel"
    assert 'Received message of type "execute_request", which is not allowed' in log.read_text()


def test_the_command_binds_to_localhost_and_culls_idle_kernels() -> None:
    command = voila_command(AppSettings(cull_idle_seconds=300, cull_interval_seconds=30))
    assert "--Voila.ip=127.0.0.1" in command
    assert "--MappingKernelManager.cull_idle_timeout=300" in command
    assert "--MappingKernelManager.cull_interval=30" in command
    assert "--MappingKernelManager.cull_connected=False" in command
    assert "--VoilaConfiguration.show_tracebacks=False" in command


def test_the_command_waits_for_a_cells_late_output() -> None:
    """Voilà renders a page with nbclient, which by default drops whatever output of a cell
    comes more than 4 s after the cell's reply: on a busy machine a pre-rendered page then has
    no view and stays empty (the cause of the intermittent browser failure of 2026-12-01)."""
    command = voila_command(AppSettings())
    assert any(a.startswith("--VoilaExecutor.iopub_timeout=") for a in command)


def test_cli_passes_ip_and_cull_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[AppSettings] = []
    monkeypatch.setattr("casebook.app.start", lambda settings: seen.append(settings) or 0)
    assert cli_main(["start", "--no-browser", "--cull-idle", "120"]) == 0
    assert seen[0].ip == "127.0.0.1" and seen[0].cull_idle_seconds == 120
    assert cli_main(["start", "--no-browser", "--ip", "0.0.0.0"]) == 0  # only when told
    assert seen[1].ip == "0.0.0.0"


def test_an_idle_kernel_is_culled_after_the_set_time() -> None:
    import time

    settings = AppSettings(
        preheat=False, open_browser=False, cull_idle_seconds=4, cull_interval_seconds=1
    )
    with AppServer(settings) as server:
        urllib.request.urlopen(server.url + PAGE, timeout=120).read()
        assert len(server.kernel_mb()) == 1  # the page's kernel lives on after the page is served
        deadline = time.monotonic() + 30
        while len(server.kernel_mb()) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert len(server.kernel_mb()) == 0, "the idle kernel was not culled"
