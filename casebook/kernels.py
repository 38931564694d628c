"""The app's kernels talk to Voilà over Unix sockets in a private folder, not TCP ports.

Over TCP, jupyter_client picks a kernel's five ports by binding port 0 and letting it go; the
kernel binds them a moment later. Another process can take such a port in between (on a busy
machine: another server's kernel, or a browser's connection), and then the kernel dies with
"Address already in use". Its restarts reuse the same ports (jupyter_client caches them), so
they fail too, and the page that gets that preheated kernel never loads (seen in the suite on
2026-12-01 and 2026-12-02). Unix sockets have no ports to race for; each kernel gets its own
path prefix (jupyter_client's default prefix is relative, ``kernel-ipc``, shared by every
kernel started in the same folder), and the folder is readable by this user only, so no other
user of a shared machine can reach a kernel either.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid

from jupyter_server.services.kernels.kernelmanager import ServerKernelManager
from traitlets import default

__all__ = ["IpcKernelManager", "socket_folder"]

_folder: str | None = None


def socket_folder() -> str:
    """This process's private folder for kernel sockets (made on first use, removed at exit)."""
    global _folder
    if _folder is None:
        _folder = tempfile.mkdtemp(prefix="casebook-kernels-")  # mode 0700
        atexit.register(shutil.rmtree, _folder, ignore_errors=True)
    return _folder


class IpcKernelManager(ServerKernelManager):
    """Voilà's kernel manager, with the ``ipc`` transport and a socket path of its own."""

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        return os.path.join(socket_folder(), uuid.uuid4().hex[:12])
