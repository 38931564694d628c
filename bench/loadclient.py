"""One student as a protocol client: what a student's browser asks of the server when it opens a
casebook page, without the browser.

1. GET the Voilà page (with the class token, if any) and read the kernel's id from the page's
   ``jupyter-config-data``, as Voilà's page does.
2. Open that kernel's websocket (``/api/kernels/<id>/channels``) with the protocol the browser
   uses (``v1.kernel.websocket.jupyter.org``: binary frames) and ask ``kernel_info``.
3. Ask for every widget's state as ipywidgets' widget manager does on a page (``_loadFromKernel``
   in @jupyter-widgets/base): open a ``jupyter.widget.control`` comm, send
   ``{"method": "request_states"}`` and wait for ``update_states``; then close that comm.
   That reply is what the page needs to draw every widget: "widgets ready".
4. Change one control the way a dropdown in the page does (a ``comm_msg`` with
   ``{"method": "update", "state": {"index": k}}`` on the dropdown's comm) and wait until one of
   the casebook's charts (:class:`casebook.views.chart.Chart`: a widget whose state has
   ``figure`` and ``serial``) gets a new figure with a higher ``serial``: "control answered".

The message handling is :class:`Session`, which takes frames and gives frames (no I/O), so that
a test can feed it frames recorded from a real server (tests/test_loadtest_client.py).
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)

__all__ = ["SUBPROTOCOL", "Session", "kernel_id_of", "run_student"]

SUBPROTOCOL = "v1.kernel.websocket.jupyter.org"
CONTROL_TARGET = "jupyter.widget.control"
CONTROL_VERSION = "1.0.0"  # ipywidgets 8's control comm protocol
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-fA-F-]{36})"')


def kernel_id_of(html: str) -> str:
    """The kernel id in a Voilà page's ``jupyter-config-data``; ValueError when it has none."""
    found = KERNEL_ID.search(html)
    if not found:
        raise ValueError("the page has no kernelId in its jupyter-config-data")
    return found.group(1)


def is_chart(state: dict[str, Any]) -> bool:
    """A casebook chart widget: its synced state has ``figure`` and ``serial``."""
    return "figure" in state and "serial" in state


@dataclass
class Session:
    """The messages of one page's kernel websocket, as a widget manager handles them.

    ``start()`` gives the first frames to send; ``feed(frame)`` takes each frame received and
    returns the frames to send next. ``phase`` goes "info" -> "states" -> "ready", then, after
    ``change()``, "changing" -> "changed". ``states`` holds each widget's state (model id ->
    {model_name, model_module, state}), kept up to date by later ``update`` messages."""

    session_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    phase: str = "new"
    states: dict[str, dict[str, Any]] = field(default_factory=dict)
    buffers: int = 0  # binary buffers that came with the states
    changed_chart: str | None = None
    changed_index: int | None = None
    _control_comm: str = ""
    _info_msg: str = ""
    _serials: dict[str, int] = field(default_factory=dict)
    _count: int = 0

    # --- frames out -----------------------------------------------------------------------
    def _frame(
        self, msg_type: str, content: dict[str, Any], metadata: dict[str, Any] | None = None
    ) -> bytes:
        self._count += 1
        header = {
            "msg_id": f"{self.session_id}_{self._count}",
            "msg_type": msg_type,
            "username": "student",
            "session": self.session_id,
            "date": datetime.now(UTC).isoformat(),
            "version": "5.4",
        }
        parts = [header, {}, metadata or {}, content]
        frame = serialize_msg_to_ws_v1([json.dumps(p).encode() for p in parts], "shell")
        if msg_type == "kernel_info_request":
            self._info_msg = header["msg_id"]
        return frame

    def start(self) -> list[bytes]:
        """The first frame: ``kernel_info_request`` (the page's kernel connection sends it)."""
        self.phase = "info"
        return [self._frame("kernel_info_request", {})]

    def _request_states(self) -> list[bytes]:
        self.phase = "states"
        self._control_comm = f"{self.session_id}-control"  # one per page; fixed for a replay
        opened = {
            "comm_id": self._control_comm,
            "target_name": CONTROL_TARGET,
            "data": {},
        }
        ask = {"comm_id": self._control_comm, "data": {"method": "request_states"}}
        # ipywidgets reads the control protocol's version from the message's metadata
        version = {"version": CONTROL_VERSION}
        return [self._frame("comm_open", opened, version), self._frame("comm_msg", ask, version)]

    def charts(self) -> list[str]:
        """The ids of the chart widgets, in the order the kernel listed them."""
        return [k for k, v in self.states.items() if is_chart(v["state"])]

    def dropdowns(self) -> list[str]:
        """The ids of the dropdowns with more than one option."""
        return [
            k
            for k, v in self.states.items()
            if v["model_name"] == "DropdownModel" and len(v["state"].get("_options_labels", [])) > 1
        ]

    def change(self, model_id: str, index: int | None = None) -> list[bytes]:
        """Set dropdown ``model_id`` to option ``index`` (default: the next one), as the page's
        dropdown does; the charts' serials now are what an answer must exceed."""
        if self.phase not in ("ready", "changed"):
            raise RuntimeError(f"change() before the widgets are ready (phase {self.phase})")
        state = self.states[model_id]["state"]
        if index is None:
            index = ((state.get("index") or 0) + 1) % len(state["_options_labels"])
        self.changed_index = index
        self._serials = {c: self.states[c]["state"]["serial"] for c in self.charts()}
        self.changed_chart = None
        self.phase = "changing"
        data = {"method": "update", "state": {"index": index}, "buffer_paths": []}
        return [self._frame("comm_msg", {"comm_id": model_id, "data": data})]

    # --- frames in ------------------------------------------------------------------------
    def feed(self, frame: bytes | str) -> list[bytes]:
        """Handle one received frame; the frames to send in answer (often none)."""
        if isinstance(frame, str):
            raise ValueError(
                "a text frame on a v1 websocket (the server did not take the v1 protocol)"
            )
        channel, parts = deserialize_msg_from_ws_v1(frame)
        if len(parts) < 4:
            raise ValueError(f"a {channel} frame with {len(parts)} parts, not 4 or more")
        header, parent, _meta, content = (json.loads(p) for p in parts[:4])
        kind = header.get("msg_type")
        if kind == "kernel_info_reply" and parent.get("msg_id") == self._info_msg:
            if self.phase == "info":
                return self._request_states()
            return []
        if kind == "comm_msg":
            return self._comm_msg(content, len(parts) - 4)
        closed = kind == "comm_close" and content.get("comm_id") == self._control_comm
        if closed and self.phase == "states":
            raise ValueError("the kernel closed the widget control comm before it answered")
        return []

    def _comm_msg(self, content: dict[str, Any], buffers: int) -> list[bytes]:
        comm, data = content.get("comm_id"), content.get("data") or {}
        method = data.get("method")
        if comm == self._control_comm and self.phase == "states":
            if method != "update_states":
                return []
            states = data.get("states")
            if not isinstance(states, dict):
                raise ValueError("update_states without a states object")
            self.states = states
            self.buffers = buffers
            self.phase = "ready"
            return [self._frame("comm_close", {"comm_id": comm, "data": {}})]
        if method in ("update", "echo_update") and comm in self.states:
            state = data.get("state") or {}
            self.states[comm]["state"].update(state)
            if (
                self.phase == "changing"
                and method == "update"
                and comm in self._serials
                and isinstance(state.get("serial"), int)
                and state["serial"] > self._serials[comm]
                and state.get("figure", self.states[comm]["state"]["figure"])
            ):
                self.changed_chart = comm
                self.phase = "changed"
        return []


async def run_student(
    base_url: str,
    page: str,
    *,
    token: str | None = None,
    change: bool = True,
    timeout: float = 120,
    record: list[bytes] | None = None,
) -> dict[str, Any]:
    """One student opening ``page`` (e.g. "02_wijken_vergelijken.ipynb") on the server at
    ``base_url`` (``http://host:port``): the times from the start to the page served, widgets
    ready and (``change``) a control answered, in seconds; ``ok`` False with ``reason`` when a
    step failed or took longer than ``timeout`` in all. ``record`` collects every frame
    received (for a test's recording)."""
    import asyncio

    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from tornado.websocket import websocket_connect

    # tornado's client runs 10 requests at a time by default: a class must not queue here
    AsyncHTTPClient.configure(None, max_clients=1024)

    # the token as a header, which jupyter_server takes on every request (a browser sends it
    # once in the link and then its login cookie)
    headers = {"Authorization": f"token {token}"} if token else {}
    result: dict[str, Any] = {"page": page, "ok": False, "reason": ""}
    start = time.perf_counter()
    since = lambda: time.perf_counter() - start  # noqa: E731
    ws = None
    try:
        async with asyncio.timeout(timeout):
            response = await AsyncHTTPClient().fetch(
                f"{base_url}/voila/render/{page}",
                headers=headers,
                request_timeout=timeout,
                follow_redirects=False,
            )
            html = response.body.decode("utf-8")
            result["served"] = since()
            result["page_kb"] = len(response.body) / 1024
            session = Session()
            ws_url = base_url.replace("http", "ws", 1)
            url = f"{ws_url}/api/kernels/{kernel_id_of(html)}/channels?session_id={session.session_id}"
            ws = await websocket_connect(
                HTTPRequest(url, headers=headers, request_timeout=timeout),
                subprotocols=[SUBPROTOCOL],
                max_message_size=256 * 2**20,
            )
            if ws.selected_subprotocol != SUBPROTOCOL:
                raise ValueError(f"the server chose protocol {ws.selected_subprotocol!r}")

            async def pump(until: str) -> None:
                while session.phase != until:
                    frame = await ws.read_message()
                    if frame is None:
                        raise ConnectionError("the server closed the kernel websocket")
                    if record is not None:
                        record.append(frame)
                    for out in session.feed(frame):
                        await ws.write_message(out, binary=True)

            for out in session.start():
                await ws.write_message(out, binary=True)
            await pump("ready")
            result["ready"] = since()
            charts = session.charts()
            result["widgets"], result["charts"] = len(session.states), len(charts)
            empty = [c for c in charts if not session.states[c]["state"].get("figure")]
            result["empty_charts"] = len(empty)
            dropdowns = session.dropdowns()
            if change and charts and dropdowns:
                sent = since()
                for out in session.change(dropdowns[0]):
                    await ws.write_message(out, binary=True)
                result["control"] = {"model_id": dropdowns[0], "index": session.changed_index}
                await pump("changed")
                result["answered"] = since() - sent
            result["session_id"] = session.session_id
            result["ok"] = True
    except TimeoutError:
        result["reason"] = f"timed out after {timeout:.0f} s"
    except Exception as err:  # a failure is counted, not raised
        result["reason"] = (
            f"{type(err).__name__}: {str(err).splitlines()[0][:160] if str(err) else ''}"
        )
    finally:
        if ws is not None:
            ws.close()
    result["seconds"] = since()
    return result
