"""One student as a protocol client of the one-process app (casebook/app/server.py): what a
student's browser asks of the server when it opens a casebook page, without the browser.

1. GET the page (with the class token, if any: the server answers with its cookie and sends the
   browser on; then the page itself, which sets Solara's session cookie).
2. Open a new session's websocket (``/jupyter/api/kernels/<new id>/channels?session_id=...``),
   as Solara's page does, with the cookies.
3. Open Solara's ``solara.control`` comm and ask it to ``run`` the app at the page's path. The
   server opens a comm for every widget of the page, with its state, and answers ``finished``
   with the root widget's id: "widgets ready" (the page has everything it needs to draw).
4. Change one dropdown as the page does (``{"method": "update", "state": {"index": k}}`` on its
   comm) and wait until one of the casebook's charts (a widget with ``figure`` and ``serial``)
   gets a higher ``serial``: "control answered".
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from datetime import UTC, datetime
from typing import Any

__all__ = ["run_student"]


def _message(msg_type: str, content: dict[str, Any], session: str) -> str:
    return json.dumps(
        {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "msg_type": msg_type,
                "session": session,
                "username": "student",
                "date": datetime.now(UTC).isoformat(),
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }
    )


def _decode(frame: bytes | str) -> dict[str, Any]:
    if isinstance(frame, str):
        return json.loads(frame)
    from solara.server.kernel import deserialize_binary_message

    return deserialize_binary_message(frame)


async def run_student(
    base_url: str, path: str, *, token: str | None = None, timeout: float = 120
) -> dict[str, Any]:
    """One student on the page at ``path`` ("/wijken"); the times from the first request."""
    import websockets

    from tests.support import http_get_with_cookies

    result: dict[str, Any] = {"page": path, "ok": False, "reason": ""}
    start = time.perf_counter()
    try:
        query = f"?token={token}&lang=nl" if token else "?lang=nl"
        cookies = await asyncio.to_thread(http_get_with_cookies, base_url + path + query)
        result["served"] = time.perf_counter() - start
        session = uuid.uuid4().hex
        ws_url = (
            base_url.replace("http://", "ws://")
            + f"/jupyter/api/kernels/{uuid.uuid4()}/channels?session_id={session}"
        )
        header = "; ".join(f"{k}={v}" for k, v in cookies.items())
        async with websockets.connect(
            ws_url, additional_headers={"Cookie": header}, max_size=2**26, open_timeout=timeout
        ) as ws:
            comm = uuid.uuid4().hex
            await ws.send(
                _message(
                    "comm_open",
                    {"comm_id": comm, "target_name": "solara.control", "data": {}},
                    session,
                )
            )
            run = {"method": "run", "args": {"path": path + "?lang=nl", "appName": "__default__"}}
            await ws.send(_message("comm_msg", {"comm_id": comm, "data": run}, session))
            states: dict[str, dict[str, Any]] = {}

            async def pump(done: Any) -> None:
                while True:
                    left = timeout - (time.perf_counter() - start)
                    if left <= 0:
                        raise TimeoutError("the server did not answer in time")
                    msg = _decode(await asyncio.wait_for(ws.recv(), left))
                    kind = msg.get("header", {}).get("msg_type")
                    content = msg.get("content", {})
                    data = content.get("data", {}) or {}
                    if kind == "comm_open":
                        states[content["comm_id"]] = dict(data.get("state", {}))
                    elif kind == "comm_msg" and data.get("method") == "update":
                        states.setdefault(content["comm_id"], {}).update(data.get("state", {}))
                    if done(kind, content, data):
                        return

            await pump(lambda k, c, d: k == "comm_msg" and d.get("method") == "finished")
            result["ready"] = time.perf_counter() - start
            charts = {i: s.get("serial", 0) for i, s in states.items() if "figure" in s}
            dropdowns = [
                i
                for i, s in states.items()
                if s.get("_model_name") == "DropdownModel" and len(s.get("_options_labels", [])) > 1
            ]
            if charts and dropdowns:
                # the first in the page's order, as the Voilà client chose (the committed
                # side-by-side run changed the same control on both servers)
                target = dropdowns[0]
                labels = states[target].get("_options_labels", [])
                index = ((states[target].get("index") or 0) + 1) % len(labels)
                sent = time.perf_counter()
                change = {"method": "update", "state": {"index": index}, "buffer_paths": []}
                await ws.send(_message("comm_msg", {"comm_id": target, "data": change}, session))

                def redrawn(kind: str, content: dict[str, Any], data: dict[str, Any]) -> bool:
                    serial = data.get("state", {}).get("serial")
                    cid = content.get("comm_id")
                    return kind == "comm_msg" and cid in charts and (serial or 0) > charts[cid]

                await pump(redrawn)
                result["answered"] = time.perf_counter() - sent
            result["ok"] = True
    except Exception as err:  # a timeout or a refused connection: counted, not raised
        result["reason"] = (
            f"{type(err).__name__}: {str(err).splitlines()[0][:160] if str(err) else ''}"
        )
    return result
